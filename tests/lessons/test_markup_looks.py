"""How the lesson text box draws each character of lesson Markdown (lessons/markup_looks.py).

Pure rules, no Qt: the widget (widgets/lesson_markup_highlighter.py) only
turns these looks into formats. The last test checks the text box and the
lesson loader read bold, italics and underlining the same way.
"""

from __future__ import annotations

import pytest

from lessons.loader import parse_lesson_text
from lessons.markup_looks import (
    BOLD,
    HEADING_2,
    HEADING_3,
    ITALIC,
    MUTED,
    UNDERLINE,
    WASH,
    line_looks,
    picture_spans,
)
from lessons.model import Paragraph

PICTURE_MARKUP = MUTED | ITALIC | WASH


def runs(line: str) -> list[tuple[str, int]]:
    """The line cut where the look changes: (text, look) for each run."""
    looks = line_looks(line)
    assert len(looks) == len(line)
    out: list[tuple[str, int]] = []
    for char, look in zip(line, looks, strict=True):
        if out and out[-1][1] == look:
            out[-1] = (out[-1][0] + char, look)
        else:
            out.append((char, look))
    return out


@pytest.mark.parametrize(("line", "expected"), [
    ("Look carefully.", [("Look carefully.", 0)]),
    ("", []),
    ("## Roots", [("## ", MUTED), ("Roots", HEADING_2 | BOLD)]),
    ("### The *stem*", [("### ", MUTED), ("The ", HEADING_3 | BOLD),
                        ("*", HEADING_3 | BOLD | MUTED), ("stem", HEADING_3 | BOLD | ITALIC),
                        ("*", HEADING_3 | BOLD | MUTED)]),
    ("---", [("---", MUTED)]),
    ("- The **stem** grows", [("-", MUTED | BOLD), (" The ", 0), ("**", MUTED), ("stem", BOLD),
                              ("**", MUTED), (" grows", 0)]),
    ("1. Find a leaf.", [("1.", MUTED | BOLD), (" Find a leaf.", 0)]),
    ("> Question: Which?", [("> ", MUTED | BOLD), ("Question: ", BOLD | WASH), ("Which?", WASH)]),
    ("> **Task:** Draw it.", [("> ", MUTED | BOLD), ("**", MUTED | BOLD | WASH),
                              ("Task:", BOLD | WASH), ("**", MUTED | BOLD | WASH),
                              (" ", BOLD | WASH), ("Draw it.", WASH)]),
    ("> A *quiet* note", [("> ", MUTED | BOLD), ("A ", WASH), ("*", MUTED | WASH),
                          ("quiet", ITALIC | WASH), ("*", MUTED | WASH), (" note", WASH)]),
    ("![A plant](images/p.svg)", [("![", PICTURE_MARKUP), ("A plant", WASH),
                                  ("](images/p.svg)", PICTURE_MARKUP)]),
    ("See ![a](b.svg) *now*", [("See ", 0), ("![", PICTURE_MARKUP), ("a", WASH),
                               ("](b.svg)", PICTURE_MARKUP), (" ", 0), ("*", MUTED),
                               ("now", ITALIC), ("*", MUTED)]),
    ("| Part | What it **does** |", [("|", MUTED), (" Part ", 0), ("|", MUTED), (" What it ", 0),
                                     ("**", MUTED), ("does", BOLD), ("**", MUTED), (" ", 0),
                                     ("|", MUTED)]),
    ("|---|:--|", [("|---|:--|", MUTED)]),
    # Emphasis never pairs across a table's cells.
    ("| *a | b* |", [("|", MUTED), (" *a ", 0), ("|", MUTED), (" b* ", 0), ("|", MUTED)]),
    ("A \\*star\\*", [("A ", 0), ("\\", MUTED), ("*star", 0), ("\\", MUTED), ("*", 0)]),
    ("<u>key</u> word", [("<u>", MUTED), ("key", UNDERLINE), ("</u>", MUTED), (" word", 0)]),
    ("2 * 3 = 6", [("2 * 3 = 6", 0)]),
    ("snake_case_words", [("snake_case_words", 0)]),
    ("***both***", [("***", MUTED), ("both", BOLD | ITALIC), ("***", MUTED)]),
])
def test_line_looks(line, expected):
    assert runs(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("no pictures here", []),
    ("![a](b.svg)", [(0, 2, 3, 11)]),
    ("x ![alt](p.svg) y ![](q)", [(2, 4, 7, 15), (18, 20, 20, 24)]),
    ("\\![a](b.svg)", []),  # escaped: text, not a picture
    ("![a](b.svg", []),  # not finished
    ("![a [b]](c.svg)", []),  # brackets in the alt text: not a picture the box keeps whole
])
def test_picture_spans(line, expected):
    assert picture_spans(line) == expected


TRICKY = [
    "2 * 3 and 4 * 5",  # unpaired, spaced stars
    "a **b c",  # opened, never closed
    "**unclosed *italic* still",
    "in**side**word",  # stars pair inside a word
    "un__der__score and snake_case_words",  # underscores never do
    "the __init__ file",
    "***bold italic***",
    "x ****four**** y",
    "**bold *and italic* inside**",  # nested
    "*italic **and bold** inside*",
    "*a _b_ c*",
    "*a_ mismatched",
    "_a* mismatched",
    "a * spaced * b",
    "\\*not italic\\*",  # escaped
    "\\\\*italic after a backslash*",
    "\\**one star left*",
    "<u>under **both**</u> after",
    "\\<u>not underlined</u>",
    "<u>never closed",
    "*a **b* c**",  # crossing pairs
]


def shown_by_the_text_box(line: str) -> list[tuple[str, int]]:
    """Each character the text box draws as text, not markup, with its style (spaces left out)."""
    style = BOLD | ITALIC | UNDERLINE
    return [(char, look & style) for char, look in zip(line, line_looks(line), strict=True)
            if not look & MUTED and not char.isspace()]


def read_by_the_loader(spans) -> list[tuple[str, int]]:
    """The same for the loader's spans (which move spaces out of styled text)."""
    return [(char, (BOLD if span.bold else 0) | (ITALIC if span.italic else 0)
             | (UNDERLINE if span.underline else 0))
            for span in spans for char in span.text if not char.isspace()]


@pytest.mark.parametrize("line", TRICKY)
def test_the_text_box_and_the_loader_pair_the_same_markers(line):
    # A paired marker is markup to both (drawn muted; gone from the spans) and
    # styles the text up to its partner; an unpaired one is text to both.
    loaded = parse_lesson_text("---\ntitle: T\n---\n\n" + line + "\n")
    (section,) = loaded.lesson.sections
    (paragraph,) = section.blocks
    assert isinstance(paragraph, Paragraph)
    assert shown_by_the_text_box(line) == read_by_the_loader(paragraph.spans)
