"""Import a plain text file (.txt) as a lesson.

How the text is read, since plain text has no markup:

- the first line that is not blank is the title, unless it ends in a comma
  (an email's "Hi all,"): then a "Lesson:" or "Title:" line's value, the
  next line or the file name is, and the notes say so
  (lessons/import_text_email.py);
- an email's sign-off near the end ("Thanks, Jo", "Kind regards", and the
  signature below it) is left out, and the notes say so;
- blank lines separate blocks;
- a line is a section heading when it is ALL CAPITALS, or when it stands
  alone (a blank line before and after it), is short (at most 60 characters
  and 10 words) and does not end like a sentence (``.``, ``,``, ``;``, ``:``
  or ``!``; a question mark is allowed, since headings ask questions too);
- lines starting ``- ``, ``* ``, ``• ``, ``– `` are a bulleted list, and lines
  starting ``1.`` or ``1)`` a numbered list; an indented line after an item
  continues it, and so does a line starting in lower case after an item that
  did not end a sentence (an email's hard line breaks);
- a block starting ``Task:`` or ``Question:`` is a task for pupils;
- a line starting with an objective's label (``LO:``, ``WALT:``, "We are
  learning to…") starts a paragraph of its own, so lines one under another
  are one objective each;
- everything else is a paragraph, its lines joined with spaces;
- under a heading that names key words ("Key words", "Glossary", …), or
  after a line that says only that ("Key vocabulary:"), each line shaped
  "word – meaning" (or with a colon or a tab) is a paragraph of its own, and
  :func:`lessons.import_key_words.take_key_words` makes those the lesson's
  key words; a list of "- word – meaning" lines under such a heading or
  label ends at a blank line followed by lines in another form: the list
  becomes a section of its own (its key words leave the body) after the
  section those lines go on in.

The file is read as UTF-16 when it starts with UTF-16's byte-order mark (what
Notepad calls "Unicode"), otherwise as UTF-8; failing that, as Windows-1252
(what Notepad on an older Windows saves), so a teacher's file always imports.
"""

from __future__ import annotations

import re
from pathlib import Path

from lessons.import_key_words import (
    glossary_lines,
    is_key_words_heading,
    looks_like_entry,
)
from lessons.import_objectives import is_objectives_heading, starts_objective
from lessons.import_text_email import (
    find_sign_off,
    sign_off_note,
    title_after_greeting,
)
from lessons.importers import (
    ImportStop,
    LessonImportError,
    check_import_paths,
    finish_import,
    take_details,
    title_from_file_name,
)
from lessons.inline import plain_spans
from lessons.loader import MAX_LESSON_BYTES, utf16_text
from lessons.model import (
    Block,
    Lesson,
    ListBlock,
    LoadResult,
    Paragraph,
    Problem,
    Section,
    Span,
    Task,
    spans_text,
)

_BULLET = re.compile(r"^[ \t]*[-*•–][ \t]+(.*)$")
_NUMBER = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+(.*)$")
_HEADING_ABOVE_TEXT_WORDS = 4  # a longer line straight above a sentence is prose
_TASK = re.compile(r"^(task|question)[ \t]*:[ \t]*(.*)$", re.IGNORECASE | re.DOTALL)


def import_text(source: str | Path, out: str | Path, *, overwrite: bool = False,
                stop: ImportStop | None = None) -> LoadResult:
    """Import ``source`` (.txt) and write it as the lesson file ``out``.

    Returns the :class:`LoadResult` of the written lesson. Raises
    LessonImportError with one plain sentence when the file cannot be imported,
    ImportStopped when ``stop`` is requested before anything is written.
    """
    source, out = Path(source), Path(out)
    check_import_paths(source, out, overwrite=overwrite)
    lesson, notes = text_file_to_lesson(source)
    return finish_import(lesson, out, overwrite=overwrite, notes=notes, stop=stop)


def text_file_to_lesson(source: Path) -> tuple[Lesson, list[Problem]]:
    """Read a .txt file into a lesson (nothing is written)."""
    try:
        size = source.stat().st_size
        if size > MAX_LESSON_BYTES:
            raise LessonImportError(
                f"“{source.name}” is {size / (1024 * 1024):.1f} MB, too big for a lesson."
            )
        data = source.read_bytes()
    except OSError as error:
        raise LessonImportError(
            f"“{source.name}” cannot be read ({error.strerror or error})."
        ) from error
    try:
        text = utf16_text(data)
    except UnicodeDecodeError as error:
        raise LessonImportError(
            f"“{source.name}” is saved as Unicode (UTF-16) text, but part of it is damaged; "
            "save it as UTF-8 and try again."
        ) from error
    if text is None:
        if b"\x00" in data:
            raise LessonImportError(f"“{source.name}” is not a plain text file.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text_to_lesson(text, source=source)


def text_to_lesson(text: str, *, source: Path | None = None) -> tuple[Lesson, list[Problem]]:
    """A lesson from plain text, and notes about anything guessed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notes: list[Problem] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise LessonImportError(f"“{source.name}” is empty." if source else "The text is empty.")
    file = str(source) if source is not None else "<text>"
    title = " ".join(lines[first].split())
    fallback = title_from_file_name(source) if source else "Untitled lesson"
    emailed = title_after_greeting(
        lines, first, fallback, lambda line: _looks_like_heading(line) or _is_capitals(line))
    greeted = emailed is not None and emailed.start > first  # its greeting left out
    if emailed is not None:  # "Hi all,": an email's greeting is not the title
        notes.append(Problem(file, first + 1, emailed.note, "warning"))
        for index in emailed.used:
            lines[index] = ""  # the title's lines leave the body
        title, first = emailed.title, emailed.start - 1
    elif len(title) > 120:
        notes.append(
            Problem(
                file,
                first + 1,
                f"The first line is too long to be a title, so '{fallback}' is used.",
                "warning",
            )
        )
        title = fallback
        first -= 1  # the long first line is kept as text
    sign_off = find_sign_off(lines, first + 1, email=greeted)
    if sign_off is not None:  # "Thanks, Jo" is no part of the lesson, nor a key word
        notes.append(Problem(file, sign_off.line + 1, sign_off_note(sign_off), "warning"))
        lines[sign_off.line] = lines[sign_off.line][:sign_off.column].rstrip()
        lines[sign_off.line + 1:] = [""] * (len(lines) - sign_off.line - 1)
    sections = _sections(lines, first + 1)
    lesson, taken = take_details(Lesson(title=title, sections=sections), file)
    return lesson, notes + taken


def _groups(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """Runs of lines that are not blank, each with the index of its first line."""
    groups: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for index in range(start, len(lines)):
        if lines[index].strip():
            if not current:
                groups.append((index, current))
            current.append(lines[index])
        else:
            current = []
    return groups


def _sections(lines: list[str], start: int) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: tuple[str, int] | None = None
    blocks: list[Block] = []
    under_heading = False  # the section's heading names key words
    glossary = False  # under a key-words heading or label: one entry a line
    label_at: int | None = None  # index in blocks of a "Key words" label heading a list
    dashed = False  # a list of "- word – meaning" under that heading or label was met
    parked: Section | None = None  # a key-words list that ended, to follow this section

    def close() -> None:
        nonlocal parked
        if heading is not None:
            sections.append(Section(heading[0], 2, tuple(blocks), heading[1]))
        elif blocks:
            sections.append(Section("", 2, tuple(blocks), blocks[0].line))
        blocks.clear()
        if parked is not None:
            sections.append(parked)
            parked = None

    for index, group in _groups(lines, start):
        first = group[0].strip()
        entry = glossary and looks_like_entry(group[0])  # "erosion – …" is not a heading
        # After a bare "Learning objectives:" line and a blank one: one objective a line.
        objectives = bool(blocks) and _is_objectives_label(blocks[-1])
        if not entry and not objectives and (_is_capitals(first) or _heads(group)):
            close()
            heading = (" ".join(first.split()), index + 1)
            glossary = under_heading = is_key_words_heading(first)
            label_at, dashed = None, False
            group, index = group[1:], index + 1
            # Lines straight under "Learning objectives": one objective a line.
            objectives = is_objectives_heading(first)
        elif dashed and not _BULLET.match(group[0]):
            # After a blank line, lines in another form end a "- word – meaning" list
            # ("Plenary: exit ticket." is no key word): the list becomes a section of its
            # own, after the one the text goes on in (its key words leave the body).
            if label_at is None:  # under a "Key words" heading: back to the section before
                parked = Section(heading[0], 2, tuple(blocks), heading[1])
                before = sections.pop() if sections else None
                heading = (before.heading, before.line) if before and before.heading else None
                blocks[:] = before.blocks if before else ()
            else:  # after a "Key words:" label: the label heads the list
                label = " ".join(spans_text(blocks[label_at].spans).split()).rstrip(":")
                parked = Section(label, 2, tuple(blocks[label_at + 1:]), blocks[label_at].line)
                del blocks[label_at:]
            glossary = under_heading = dashed = False
            label_at = None
        found, going = _blocks(group, index, glossary, objectives)
        if not under_heading and not going:
            label_at, dashed = None, False  # prose: no key-words list goes on
        for offset, block in enumerate(found):
            if isinstance(block, Paragraph) and is_key_words_heading(spans_text(block.spans)):
                label_at, dashed = len(blocks) + offset, False
            elif isinstance(block, ListBlock) and going and (under_heading or label_at is not None):
                dashed = True
        # After "Key words:" the list goes on while runs of lines have entries in them.
        glossary = under_heading or going
        blocks.extend(found)
    close()
    return tuple(sections)


def _is_capitals(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and len(line) <= 80
        and not line.endswith(".")
        and not _BULLET.match(line)
        and not _NUMBER.match(line)
    )


def _heads(group: list[str]) -> bool:
    """Whether the first line of a run of lines is a heading: alone, or written
    straight above a list ("Starter" then "- cut a pizza") or above a sentence
    ("Main" then "We add halves."; a wrapped line's next line starts small)."""
    first = group[0].strip()
    if not _looks_like_heading(first):
        return False
    if len(group) == 1:
        return True
    below = group[1].strip()
    return bool(_BULLET.match(below) or _NUMBER.match(below)) or (
        len(first.split()) <= _HEADING_ABOVE_TEXT_WORDS and first[0].isupper()
        and below[0].isupper())


def _looks_like_heading(line: str) -> bool:
    return (
        len(line) <= 60
        and len(line.split()) <= 10
        and line[-1] not in ".,;:!"
        and not _BULLET.match(line)
        and not _NUMBER.match(line)
        and not _TASK.match(line)
        and any(char.isalpha() for char in line)
    )


def _is_objectives_label(block: Block) -> bool:
    """A paragraph that is only "Learning objectives:" (or "LO:", "WALT:"…)."""
    return isinstance(block, Paragraph) and is_objectives_heading(spans_text(block.spans))


def _blocks(group: list[str], first_index: int, glossary: bool = False,
            objectives: bool = False) -> tuple[list[Block], bool]:
    """The blocks of one run of lines (paragraphs, lists and tasks), and whether
    it had a key-words label or entry (``glossary``: a key-words list was going on).

    ``objectives``: the run follows a bare "Learning objectives:" line, so each
    line is an objective of its own (a list item), as it is in the run under
    such a line: teachers write them a line each, often without bullets, and
    with small letters ("to name the parts"), so the email rule that a small
    letter carries a line on does not join them; only an indented line does.
    """
    blocks: list[Block] = []
    text_lines: list[str] = []
    text_start = 0
    items: list[list[str]] = []
    ordered = False
    list_start = 0
    entry = False  # text_lines hold one key-words entry
    going = False  # a key-words label or entry was met

    def flush_text() -> None:
        nonlocal entry
        if entry:
            blocks.extend(Paragraph(spans, text_start + 1)
                          for spans in glossary_lines([Span(" ".join(text_lines))]))
            text_lines.clear()
            entry = False
        if text_lines:
            blocks.append(_paragraph(" ".join(text_lines), text_start + 1))
            text_lines.clear()

    def flush_list() -> None:
        if items:
            spans = tuple(plain_spans(" ".join(item)) for item in items)
            blocks.append(ListBlock(spans, ordered, list_start + 1))
            items.clear()

    for offset, line in enumerate(group):
        index = first_index + offset
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            flush_text()
            if items and ordered != bool(number):
                flush_list()
            if not items:
                ordered, list_start = bool(number), index
            items.append([(bullet or number).group(1).strip()])
            going = going or (glossary and looks_like_entry(items[-1][0]))
        elif objectives and not line[:1].isspace() and not is_key_words_heading(line):
            flush_text()  # under "Learning objectives:": one objective a line
            if items and ordered:
                flush_list()
            if not items:
                ordered, list_start = False, index
            items.append([line.strip()])
        elif (line.rstrip().endswith(":") and is_objectives_heading(line)
              and len(group) > offset + 1):
            flush_list()
            flush_text()  # "Learning objectives:" is a label of its own, then a line each
            blocks.append(Paragraph(plain_spans(line.strip()), index + 1))
            objectives = True
        elif items and _goes_on(items[-1][-1], line):
            # The item goes on over another line: indented, or (an email's hard
            # line breaks) starting in lower case mid-sentence.
            items[-1].append(line.strip())
        elif is_key_words_heading(line):
            flush_list()
            flush_text()  # "Key words:" is a label of its own, then one entry a line
            blocks.append(Paragraph(plain_spans(line.strip()), index + 1))
            glossary = going = True
        elif glossary and looks_like_entry(line):
            flush_list()
            flush_text()
            text_start, entry, going = index, True, True
            text_lines.append(line.strip(" "))
        elif entry and _goes_on(text_lines[-1], line):
            text_lines.append(line.strip())  # the meaning goes on over another line
        else:
            flush_list()
            if _TASK.match(line.strip()) or entry or starts_objective(line):
                flush_text()  # a task, an objective ("LO: …") or text after a key word
                # starts its own block
            if not text_lines:
                text_start = index
            text_lines.append(line.strip())
    flush_text()
    flush_list()
    return blocks, going


def _goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` carries on a key word's meaning or a list item: indented,
    or starting in lower case after a line that did not end a sentence."""
    return line[:1].isspace() or (previous.rstrip()[-1:] not in ".!?" and line[:1].islower())


def _paragraph(text: str, line: int) -> Block:
    task = _TASK.match(text)
    if task:
        return Task(task.group(1).lower(), plain_spans(task.group(2)), line)
    return Paragraph(plain_spans(text), line)
