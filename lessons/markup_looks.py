"""What each character of a line of lesson Markdown looks like in the lesson text box.

The text box (widgets/lesson_markup_highlighter.py) draws a lesson's
Markdown as the lesson's structure without changing a character of it. The
rules for that are pure text and live here; the widget only turns the flags
below into Qt formats.

- ``## heading`` / ``### sub-heading``: the words bold and larger;
- ``**bold**`` bold, ``*italic*`` italic, ``<u>underlined</u>`` underlined,
  read exactly as the lesson loader reads them (:func:`lessons.inline.inline_markup`);
- ``- item`` and ``1. item``: the marker bold;
- ``> Question: …`` / ``> Task: …``: the ``>`` bold, the label bold, the line
  on the wash;
- ``![alt text](images/file.svg)``: on the wash, the markup in italics.

Markup symbols (``##``, ``**``, ``>``, ``![``, ``](…)``, ``|``, an escaping
backslash) are :data:`MUTED`.
"""

from __future__ import annotations

import re

from lessons.inline import inline_markup
from lessons.markdown_body import (
    BULLET,
    HEADING,
    IMAGE_LINE,
    NUMBERED,
    QUOTE,
    TABLE_ROW,
    TASK_LABEL,
    THEMATIC_BREAK,
)

# What a character of a line is drawn as; one line's characters each get a mix.
BOLD = 1
ITALIC = 2
UNDERLINE = 4
MUTED = 8  # a markup symbol: the softer shade
HEADING_2 = 16  # a section heading's words: larger
HEADING_3 = 32  # a sub-section heading's words: a little larger
WASH = 64  # a picture or a question/task line: on the wash

_STYLE = {"bold": BOLD, "italic": ITALIC, "underline": UNDERLINE}

# A picture anywhere in a line: ``![alt](path)`` (the alt text without brackets).
PICTURE = re.compile(r"(?<!\\)!\[(?P<alt>[^\[\]\n]*)\]\((?P<src>[^)\n]*)\)")


def line_looks(line: str) -> list[int]:
    """The look of each character of one line of lesson text (a mix of the flags above)."""
    looks = [0] * len(line)
    picture = IMAGE_LINE.match(line)
    heading = HEADING.match(line)
    quote = QUOTE.match(line)
    if picture:
        _picture(looks, PICTURE.search(line))
        return looks
    if heading and len(heading.group(1)) <= 6:
        content = heading.start(2) if heading.group(2) is not None else len(line)
        _mark(looks, 0, content, MUTED)
        size = HEADING_2 if len(heading.group(1)) <= 2 else HEADING_3
        _mark(looks, content, len(line), size | BOLD)
        _inline(looks, line, content, len(line))
        return looks
    if THEMATIC_BREAK.match(line):
        _mark(looks, 0, len(line), MUTED)
        return looks
    if quote:
        content = quote.start(1)
        _mark(looks, 0, content, MUTED | BOLD)
        _mark(looks, content, len(line), WASH)
        label = TASK_LABEL.match(line[content:])
        if label:
            _mark(looks, content, content + label.end(), BOLD)
            stars = label.group("bold")
            if stars:
                closing = line.find(stars, content + label.end("kind"))
                _mark(looks, content, content + len(stars), MUTED)
                if 0 <= closing < content + label.end():
                    _mark(looks, closing, closing + len(stars), MUTED)
            content += label.end()
        _inline(looks, line, content, len(line))
        return looks
    item = BULLET.match(line) or NUMBERED.match(line)
    if item:
        marker_end = item.end(2) + (1 if item.re is NUMBERED else 0)
        _mark(looks, item.start(2), marker_end, MUTED | BOLD)
        _inline(looks, line, marker_end, len(line))
        return looks
    if TABLE_ROW.match(line):
        if set(line.strip()) <= set("|-: \t"):
            _mark(looks, 0, len(line), MUTED)  # the row under the headings
            return looks
        cells = [i for i, char in enumerate(line)
                 if char == "|" and (i == 0 or line[i - 1] != "\\")]
        for i in cells:
            _mark(looks, i, i + 1, MUTED)
        for start, end in zip(cells, [*cells[1:], len(line)], strict=True):
            _inline(looks, line, start + 1, end)
        return looks
    _inline(looks, line, 0, len(line))
    return looks


def picture_spans(line: str) -> list[tuple[int, int, int, int]]:
    """The pictures in ``line``: (start, alt start, alt end, end) of each ``![alt](path)``."""
    return [(m.start(), m.start("alt"), m.end("alt"), m.end()) for m in PICTURE.finditer(line)]


def _mark(looks: list[int], start: int, end: int, flags: int) -> None:
    for i in range(max(0, start), min(end, len(looks))):
        looks[i] |= flags


def _picture(looks: list[int], match: re.Match | None) -> None:
    if match is None:
        return
    _mark(looks, match.start(), match.end(), WASH)
    _mark(looks, match.start(), match.start("alt"), MUTED | ITALIC)
    _mark(looks, match.end("alt"), match.end(), MUTED | ITALIC)


def _inline(looks: list[int], line: str, start: int, end: int) -> None:
    """Bold, italics and underlining between ``start`` and ``end``.

    Pictures in the text are drawn as pictures; emphasis is looked for around them.
    """
    position = start
    for picture in PICTURE.finditer(line, start, end):
        _emphasis(looks, line, position, picture.start())
        _picture(looks, picture)
        position = picture.end()
    _emphasis(looks, line, position, end)


def _emphasis(looks: list[int], line: str, start: int, end: int) -> None:
    markup = inline_markup(line, start, end)
    for backslash in markup.escapes:
        _mark(looks, backslash, backslash + 1, MUTED)
    style, last = 0, start
    for marker in markup.markers:
        if not marker.paired:
            continue  # plain text, drawn as the text around it
        _mark(looks, last, marker.start, style)
        _mark(looks, marker.start, marker.end, MUTED)
        style ^= _STYLE[marker.kind]
        last = marker.end
    _mark(looks, last, end, style)
