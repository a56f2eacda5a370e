"""A teacher's learning objectives, found in an imported document, become the lesson's objectives.

Teachers put the lesson's objectives on the first slide or at the top of the
sheet, labelled as English schools label them: "LO:", "Learning objective:",
"WALT:" (we are learning to), "LI:" (learning intention), or as a sentence
"We are learning to…"; or under a heading such as "Learning objectives". The
lesson keeps them in its details (``objectives``), which the view shows under
"Learning objectives" at the top, so :func:`take_objectives` moves them there:

- in the text before the first heading (a title slide's subtitle, the top of
  a sheet): a paragraph with one of those labels (the label goes; a bare
  label takes the list after it), a list item with such a label, or one that
  says "We are learning to…" (kept whole); a first heading that is such a
  labelled line (a text file's short "LO: …" line) is one too;
- on slides (``slides=True``), the same in the first slide after the title
  slide ("Today's lesson", then "WALT: …"): teachers put the objectives
  there as often as on the title slide; the slide goes when nothing else is
  left on it;
- a section whose heading names objectives: its list items and paragraphs
  (a paragraph after a list is the lesson's text, as are success criteria);
  the section goes when nothing else is left in it, and what is left goes on
  in the section before it (or opens the lesson).

Anything else stays where it was. Success criteria ("Success criteria:",
"WILF", "WAGOLL") are not objectives: under an objectives heading they, and
what follows them, stay as text. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lessons.model import Block, Lesson, ListBlock, Paragraph, Problem, Section, spans_text

_LABEL = re.compile(
    r"""^\s*(?:L\.?\s?O\.?s?|L\.?\s?I\.?|WALT|
        (?:today['’]s\s+|lesson\s+|our\s+)?(?:learning\s+)?(?:objectives?|intentions?|aims?)|
        learning\s+outcomes?)
        (?:\s*:\s*|\s*[-–—]\s+|\s*$)""",  # a colon, or a dash and a space ("Aim-high": a name)
    re.IGNORECASE | re.VERBOSE,
)
# What follows the objectives on a slide, and is not one: success criteria.
_NOT_OBJECTIVES = re.compile(
    r"^\s*(?:success\s+criteria|SC|WILF|WAGOLL|what\s+I'?m\s+looking\s+for)\b", re.IGNORECASE)
_WE_ARE_LEARNING = re.compile(r"^\s*(?:today,?\s+)?we\s+are\s+learning\s+(?:to|about|how)\b",
                              re.IGNORECASE)


def is_objectives_heading(text: str) -> bool:
    """Whether a heading names the lesson's objectives ("Learning objectives", "LO")."""
    match = _LABEL.match(text.strip().rstrip(":"))
    return match is not None and not text.strip().rstrip(":")[match.end():].strip()


def starts_objective(line: str) -> bool:
    """Whether a line of text is a labelled objective ("LO: …", "WALT: …") or says "We
    are learning to…", so that a text file's lines, one objective each, stay apart."""
    label = _LABEL.match(line)
    return bool(label and line[label.end():].strip()) or bool(_WE_ARE_LEARNING.match(line))


def take_objectives(lesson: Lesson, file: str, *,
                    slides: bool = False) -> tuple[Lesson, list[Problem]]:
    """``lesson`` with its labelled objectives in its details, and a note saying how many.

    ``slides``: the lesson was read from slides, so the first section with a
    heading after the opening (the slide after the title slide) is the top too.
    """
    found: list[str] = []
    sections: list[Section] = []
    opening = 1 if lesson.sections and not lesson.sections[0].heading else 0
    for index, section in enumerate(lesson.sections):
        label = _LABEL.match(section.heading)
        if is_objectives_heading(section.heading):
            before = len(found)
            kept = _take_all(section.blocks, found)
            if kept and len(found) > before and not sections:
                # What is left is no objective: it opens the lesson, with no heading.
                sections.append(replace(section, blocks=kept, heading=""))
            elif kept and len(found) > before:  # it goes on in the section before
                sections[-1] = replace(sections[-1], blocks=sections[-1].blocks + kept)
            elif kept:
                sections.append(replace(section, blocks=kept))
        elif slides and index == opening and section.heading and not label:
            before = len(found)
            kept = _take_labelled(section.blocks, found)
            if kept or len(found) == before:  # a slide with only objectives on it goes
                sections.append(replace(section, blocks=kept))
        elif index == 0 and (label or not section.heading):
            if label:  # a short "LO: …" line read as the first heading
                found.append(_objective(section.heading[label.end():]))
            sections.append(replace(section, heading="" if label else section.heading,
                                    blocks=_take_labelled(section.blocks, found)))
        else:
            sections.append(section)
    found = [o for index, o in enumerate(found) if o and o not in found[:index]]
    if not found:
        return lesson, []
    objectives = lesson.objectives + tuple(o for o in found if o not in lesson.objectives)
    note = Problem(file, lesson.sections[0].line if lesson.sections else 1,
                   f"{_count(len(found))} taken into the lesson's details; Lesson Lab shows "
                   "them under 'Learning objectives' at the top of the lesson.", "warning")
    return replace(lesson, objectives=objectives, sections=tuple(sections)), [note]


def _take_labelled(blocks: tuple[Block, ...], found: list[str]) -> tuple[Block, ...]:
    kept: list[Block] = []
    bare_label: Block | None = None  # "Learning objectives:" alone: the list after it
    for block in blocks:
        if bare_label is not None:
            if isinstance(block, ListBlock):
                found.extend(_objective(spans_text(item)) for item in block.items)
                bare_label = None
                continue
            kept.append(bare_label)  # no list after it: the label stays with its lines
            bare_label = None
        if isinstance(block, ListBlock):
            block = _labelled_items_taken(block, found)
            if block is not None:
                kept.append(block)
            continue
        text = spans_text(block.spans) if isinstance(block, Paragraph) else ""
        label = _LABEL.match(text)
        if label and text[label.end():].strip():
            found.append(_objective(text[label.end():]))
        elif label:
            bare_label = block
        elif _WE_ARE_LEARNING.match(text):
            found.append(_objective(text))
        else:
            kept.append(block)
    if bare_label is not None:
        kept.append(bare_label)
    return tuple(kept)


def _labelled_items_taken(listed: ListBlock, found: list[str]) -> ListBlock | None:
    """``listed`` less its items labelled as objectives ("• WALT: …"), which go to ``found``;
    None when every item went."""
    items = []
    for item in listed.items:
        text = spans_text(item)
        label = _LABEL.match(text)
        if label and text[label.end():].strip():
            found.append(_objective(text[label.end():]))
        elif _WE_ARE_LEARNING.match(text):
            found.append(_objective(text))
        else:
            items.append(item)
    if len(items) == len(listed.items):
        return listed
    return replace(listed, items=tuple(items)) if items else None


def _take_all(blocks: tuple[Block, ...], found: list[str]) -> tuple[Block, ...]:
    """Every paragraph and list item until the success criteria, which stay with the rest;
    once the objectives were a list, a paragraph after it is the lesson's text."""
    kept: list[Block] = []
    listed = False
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and (
                listed or _NOT_OBJECTIVES.match(spans_text(block.spans))):
            return tuple(kept) + blocks[index:]
        listed = listed or isinstance(block, ListBlock)
        if isinstance(block, ListBlock):
            found.extend(_objective(spans_text(item)) for item in block.items)
        elif isinstance(block, Paragraph):
            found.append(_objective(spans_text(block.spans)))
        else:
            kept.append(block)
    return tuple(kept)


def _objective(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _count(n: int) -> str:
    return "1 learning objective was" if n == 1 else f"{n} learning objectives were"
