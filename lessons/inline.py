"""Inline text: ``**bold**``, ``*italic*``/``_italic_``, ``<u>underline</u>``.

Four jobs, kept together because they must agree exactly:

- :func:`inline_markup` finds the markup in a line: each emphasis or
  underline marker, where it is and whether it is paired, and each escaping
  backslash. It is the one reading of the rules below; the lesson text
  box's highlighter (lessons/markup_looks.py) draws from it too;
- :func:`parse_inline` turns one line of Markdown into spans;
- :func:`spans_to_markdown` turns spans back into Markdown that parses to
  the same spans (the writer's round trip depends on it);
- :func:`normalise_spans` puts spans into the one canonical shape that both
  the parser and the importers produce, so lessons compare equal whatever
  file they came from.

Emphasis follows a simplified CommonMark rule: a run of ``*`` can open when
the next character is not a space, and close when the previous one is not a
space; ``_`` also may not touch a letter or digit on its outer side, so
``snake_case_words`` stay as they are. A marker with no partner is text.
A backslash before any ASCII punctuation makes it plain text.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from itertools import groupby

from lessons.model import Inline, Span

_PUNCTUATION = frozenset(string.punctuation)
_WHITESPACE = re.compile(r"\s+")
_UNDERLINE_OPEN = "<u>"
_UNDERLINE_CLOSE = "</u>"


@dataclass(frozen=True)
class Marker:
    """One marker in a line: ``**``, ``*``, ``__``, ``_``, ``<u>`` or ``</u>``."""

    start: int
    end: int
    kind: str  # "bold", "italic" or "underline"
    paired: bool  # has a partner, so it switches its style on or off; unpaired, it is text


@dataclass(frozen=True)
class InlineMarkup:
    """The markup :func:`inline_markup` found in a line."""

    markers: tuple[Marker, ...]  # in order along the line
    escapes: tuple[int, ...]  # where each backslash is that makes the next character text


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    char: str  # "*", "_" or "<": ``**`` pairs only with ``**``, ``__`` only with ``__``
    can_open: bool
    can_close: bool
    active: bool = False  # paired with a partner, so it toggles a style


def inline_markup(text: str, start: int = 0, end: int | None = None) -> InlineMarkup:
    """The markers and escapes in ``text[start:end]``, with positions in ``text``.

    The edges of the range count as spaces, as the ends of a line do.
    """
    end = len(text) if end is None else end
    found, escapes = _tokenise(text, start, end)
    _pair_markers(found)
    markers = tuple(Marker(f.start, f.end, f.kind, f.active) for f in found)
    return InlineMarkup(markers, tuple(escapes))


def parse_inline(text: str) -> Inline:
    """Spans of one line (or several lines already joined with spaces)."""
    return _to_spans(text, inline_markup(text))


def _tokenise(text: str, start: int, end: int) -> tuple[list[_Found], list[int]]:
    found: list[_Found] = []
    escapes: list[int] = []
    i = start
    while i < end:
        char = text[i]
        if char == "\\" and i + 1 < end and text[i + 1] in _PUNCTUATION:
            escapes.append(i)
            i += 2
        elif text.startswith(_UNDERLINE_OPEN, i):
            found.append(_Found(i, i + len(_UNDERLINE_OPEN), "underline", "<", True, False))
            i += len(_UNDERLINE_OPEN)
        elif text.startswith(_UNDERLINE_CLOSE, i):
            found.append(_Found(i, i + len(_UNDERLINE_CLOSE), "underline", "<", False, True))
            i += len(_UNDERLINE_CLOSE)
        elif char in "*_":
            run_end = i
            while run_end < end and text[run_end] == char:
                run_end += 1
            before = text[i - 1] if i > start else " "
            after = text[run_end] if run_end < end else " "
            can_open = not after.isspace()
            can_close = not before.isspace()
            if char == "_":
                can_open = can_open and not before.isalnum()
                can_close = can_close and not after.isalnum()
            # A run of three is bold and italic together; longer runs are
            # split the same way, two at a time.
            while i < run_end:
                size = 2 if run_end - i >= 2 else 1
                kind = "bold" if size == 2 else "italic"
                found.append(_Found(i, i + size, kind, char, can_open, can_close))
                i += size
        else:
            i += 1
    return found, escapes


def _pair_markers(found: list[_Found]) -> None:
    """Mark each marker that has a partner as active; the rest stay text."""
    open_marker: dict[str, _Found] = {}
    for marker in found:
        # ``**`` and ``__`` (or ``*`` and ``_``) are separate kinds for
        # pairing: ``*a_`` is not emphasis.
        key = marker.kind + marker.char
        opener = open_marker.get(key)
        if opener is not None and marker.can_close:
            opener.active = marker.active = True
            del open_marker[key]
        elif marker.can_open and _kind_free(open_marker, marker.kind):
            open_marker[key] = marker


def _kind_free(open_marker: dict[str, _Found], kind: str) -> bool:
    # ``*a _b_ c*`` is fine, but a style cannot be opened twice at once.
    return not any(marker.kind == kind for marker in open_marker.values())


def _to_spans(text: str, markup: InlineMarkup) -> Inline:
    style = {"bold": False, "italic": False, "underline": False}
    escapes = set(markup.escapes)
    spans: list[Span] = []
    position = 0
    for marker in markup.markers:
        plain = _unescaped(text, position, marker.start, escapes)
        if plain:
            spans.append(Span(plain, **style))
        if marker.paired:
            style[marker.kind] = not style[marker.kind]
        else:
            spans.append(Span(text[marker.start : marker.end], **style))
        position = marker.end
    plain = _unescaped(text, position, len(text), escapes)
    if plain:
        spans.append(Span(plain, **style))
    return normalise_spans(spans)


def _unescaped(text: str, start: int, end: int, escapes: set[int]) -> str:
    # The escaping backslashes go; the characters they escape stay.
    return "".join(text[i] for i in range(start, end) if i not in escapes)


def normalise_spans(spans) -> Inline:
    """The canonical form of a run of spans.

    Whitespace runs become one space; the run is trimmed at both ends;
    spaces at the edges of a styled span move outside it (Markdown cannot
    put emphasis on them); neighbours with the same style merge; empty
    spans go.
    """
    pieces: list[Span] = []
    for span in spans:
        text = _WHITESPACE.sub(" ", span.text)
        if not text:
            continue
        styled = span.bold or span.italic or span.underline
        if styled and text != text.strip():
            core = text.strip()
            if text[0] == " ":
                pieces.append(Span(" "))
            if core:
                pieces.append(Span(core, span.bold, span.italic, span.underline))
            if text[-1] == " " and core:
                pieces.append(Span(" "))
        else:
            pieces.append(Span(text, span.bold, span.italic, span.underline))
    # Neighbours with the same style merge. Styled pieces have no spaces at
    # their edges now, so only plain text can bring two spaces together.
    merged: list[Span] = []
    for (bold, italic, underline), group in groupby(pieces, key=_style):
        text = _WHITESPACE.sub(" ", "".join(piece.text for piece in group))
        merged.append(Span(text, bold, italic, underline))
    if merged:
        first = merged[0]
        merged[0] = Span(first.text.lstrip(), first.bold, first.italic, first.underline)
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.underline)
    return tuple(span for span in merged if span.text)


def _style(span: Span) -> tuple[bool, bool, bool]:
    return (span.bold, span.italic, span.underline)


def plain_spans(text: str) -> Inline:
    """Spans of text with no styling (for importers of plain text)."""
    return normalise_spans([Span(text)])


def escape_text(text: str, extra: str = "") -> str:
    """Text with every character that means something inline escaped.

    ``extra`` lists further characters to escape (``|`` inside a table cell).
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "_" and _inside_word(text, i) and char not in extra:
            out.append(char)  # snake_case: an underscore inside a word is never emphasis
        elif char in "\\*_" or char in extra:
            out.append("\\" + char)
        elif char == "!" and text.startswith("[", i + 1):
            out.append("\\!")  # "![" would start an image
        elif char == "<" and (
            text.startswith(_UNDERLINE_OPEN, i) or text.startswith(_UNDERLINE_CLOSE, i)
        ):
            out.append("\\<")
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def spans_to_markdown(spans: Inline, extra_escape: str = "") -> str:
    """Markdown for a run of spans that :func:`parse_inline` reads back unchanged."""
    out: list[str] = []
    state = {"bold": False, "italic": False, "underline": False}
    for span in normalise_spans(spans):
        wanted = {"bold": span.bold, "italic": span.italic, "underline": span.underline}
        out.append(_switch(state, wanted))
        out.append(escape_text(span.text, extra_escape))
        state = wanted
    out.append(_switch(state, {"bold": False, "italic": False, "underline": False}))
    return "".join(out)


def _switch(state: dict[str, bool], wanted: dict[str, bool]) -> str:
    # Close what ends before opening what starts; the underline tag sits
    # outside the stars so that ``<u>`` never separates a star from its word.
    closing = ""
    if state["italic"] and not wanted["italic"]:
        closing += "*"
    if state["bold"] and not wanted["bold"]:
        closing += "**"
    if state["underline"] and not wanted["underline"]:
        closing += _UNDERLINE_CLOSE
    opening = ""
    if wanted["underline"] and not state["underline"]:
        opening += _UNDERLINE_OPEN
    if wanted["bold"] and not state["bold"]:
        opening += "**"
    if wanted["italic"] and not state["italic"]:
        opening += "*"
    return closing + opening


def drop_prefix(spans: Inline, length: int) -> Inline:
    """The spans without their first ``length`` characters (an imported ``Task:`` label)."""
    kept: list[Span] = []
    for span in spans:
        if length >= len(span.text):
            length -= len(span.text)
            continue
        kept.append(Span(span.text[length:], span.bold, span.italic, span.underline))
        length = 0
    return normalise_spans(kept)
