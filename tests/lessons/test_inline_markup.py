"""Where the inline markup of a line is (lessons/inline.py's inline_markup).

The lesson loader (parse_inline) and the lesson text box (lessons/markup_looks.py)
both read emphasis through this one function.
"""

from __future__ import annotations

import pytest

from lessons.inline import InlineMarkup, Marker, inline_markup


def marker(text: str, piece: str, kind: str, paired: bool, nth: int = 0) -> Marker:
    """The ``nth`` ``piece`` in ``text`` as a marker."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Marker(start, start + len(piece), kind, paired)


@pytest.mark.parametrize(("text", "expected"), [
    ("plain words", []),
    ("a **bold** word", [(("**", 0), "bold", True), (("**", 1), "bold", True)]),
    ("an *italic* word", [(("*", 0), "italic", True), (("*", 1), "italic", True)]),
    ("_it_", [(("_", 0), "italic", True), (("_", 1), "italic", True)]),
    ("<u>key</u>", [(("<u>", 0), "underline", True), (("</u>", 0), "underline", True)]),
    ("2 * 3", [(("*", 0), "italic", False)]),
    ("a **b c", [(("**", 0), "bold", False)]),
    ("snake_case_words", [(("_", 0), "italic", False), (("_", 1), "italic", False)]),
    ("in**side**word", [(("**", 0), "bold", True), (("**", 1), "bold", True)]),
    ("*a_ b", [(("*", 0), "italic", False), (("_", 0), "italic", False)]),
    ("<u>never closed", [(("<u>", 0), "underline", False)]),
    ("</u>first", [(("</u>", 0), "underline", False)]),
])
def test_markers_and_whether_each_is_paired(text, expected):
    found = inline_markup(text)
    assert found.markers == tuple(marker(text, piece, kind, paired, nth)
                                  for (piece, nth), kind, paired in expected)
    assert found.escapes == ()


def test_a_run_of_three_stars_is_bold_then_italic():
    assert inline_markup("***a***").markers == (
        Marker(0, 2, "bold", True), Marker(2, 3, "italic", True),
        Marker(4, 6, "bold", True), Marker(6, 7, "italic", True))


def test_a_style_cannot_open_twice_at_once():
    # The second "*" closes the first; "_" cannot open italics while "*" holds them.
    assert inline_markup("*a _b* c_").markers == (
        Marker(0, 1, "italic", True), Marker(3, 4, "italic", False),
        Marker(5, 6, "italic", True), Marker(8, 9, "italic", False))


@pytest.mark.parametrize(("text", "markup"), [
    ("\\*not\\*", InlineMarkup((), (0, 5))),
    ("\\\\*a*", InlineMarkup((Marker(2, 3, "italic", True), Marker(4, 5, "italic", True)), (0,))),
    ("\\<u>x</u>", InlineMarkup((Marker(5, 9, "underline", False),), (0,))),
    ("a\\b", InlineMarkup((), ())),  # a backslash before a letter is text
    ("end\\", InlineMarkup((), ())),
])
def test_escapes(text, markup):
    assert inline_markup(text) == markup


@pytest.mark.parametrize(("text", "start", "end", "markup"), [
    # Inside the range the underscores are not in a word: the edges count as spaces.
    ("a_b_c", 1, 4,
     InlineMarkup((Marker(1, 2, "italic", True), Marker(3, 4, "italic", True)), ())),
    ("a_b_c", 0, 5,
     InlineMarkup((Marker(1, 2, "italic", False), Marker(3, 4, "italic", False)), ())),
    # Nothing outside the range is looked at.
    ("*a* | *b", 4, 8, InlineMarkup((Marker(6, 7, "italic", False),), ())),
    ("x\\*", 0, 2, InlineMarkup((), ())),  # the escaped character is outside: no escape
])
def test_a_range_of_the_line(text, start, end, markup):
    assert inline_markup(text, start, end) == markup
