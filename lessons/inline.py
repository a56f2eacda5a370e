"""Inline text: ``**bold**``, ``*italic*``/``_italic_``, ``<u>underline</u>``.

Three jobs, kept together because they must agree exactly:

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


@dataclass
class _Marker:
    kind: str  # "bold", "italic" or "underline"
    text: str  # what to print if it turns out to be plain text
    can_open: bool
    can_close: bool
    active: bool = False  # paired with a partner, so it toggles a style


def parse_inline(text: str) -> Inline:
    """Spans of one line (or several lines already joined with spaces)."""
    tokens = _tokenise(text)
    _pair_markers(tokens)
    return _to_spans(tokens)


def _tokenise(text: str) -> list[str | _Marker]:
    tokens: list[str | _Marker] = []
    plain: list[str] = []
    i, n = 0, len(text)

    def flush() -> None:
        if plain:
            tokens.append("".join(plain))
            plain.clear()

    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in _PUNCTUATION:
            plain.append(text[i + 1])
            i += 2
        elif text.startswith(_UNDERLINE_OPEN, i):
            flush()
            tokens.append(_Marker("underline", _UNDERLINE_OPEN, True, False))
            i += len(_UNDERLINE_OPEN)
        elif text.startswith(_UNDERLINE_CLOSE, i):
            flush()
            tokens.append(_Marker("underline", _UNDERLINE_CLOSE, False, True))
            i += len(_UNDERLINE_CLOSE)
        elif char in "*_":
            end = i
            while end < n and text[end] == char:
                end += 1
            before = text[i - 1] if i > 0 else " "
            after = text[end] if end < n else " "
            can_open = not after.isspace()
            can_close = not before.isspace()
            if char == "_":
                can_open = can_open and not before.isalnum()
                can_close = can_close and not after.isalnum()
            flush()
            # A run of three is bold and italic together; longer runs are
            # split the same way, two at a time.
            run = end - i
            while run > 0:
                size = 2 if run >= 2 else 1
                kind = "bold" if size == 2 else "italic"
                tokens.append(_Marker(kind, char * size, can_open, can_close))
                run -= size
            i = end
        else:
            plain.append(char)
            i += 1
    flush()
    return tokens


def _pair_markers(tokens: list[str | _Marker]) -> None:
    """Mark each marker that has a partner as active; the rest stay text."""
    open_marker: dict[str, _Marker] = {}
    for token in tokens:
        if isinstance(token, str):
            continue
        # ``**`` and ``__`` (or ``*`` and ``_``) are separate kinds for
        # pairing: ``*a_`` is not emphasis.
        key = token.kind + token.text[0]
        opener = open_marker.get(key)
        if opener is not None and token.can_close:
            opener.active = token.active = True
            del open_marker[key]
        elif token.can_open and _kind_free(open_marker, token.kind):
            open_marker[key] = token


def _kind_free(open_marker: dict[str, _Marker], kind: str) -> bool:
    # ``*a _b_ c*`` is fine, but a style cannot be opened twice at once.
    return not any(marker.kind == kind for marker in open_marker.values())


def _to_spans(tokens: list[str | _Marker]) -> Inline:
    style = {"bold": False, "italic": False, "underline": False}
    spans: list[Span] = []
    for token in tokens:
        if isinstance(token, str):
            spans.append(Span(token, **style))
        elif token.active:
            style[token.kind] = not style[token.kind]
        else:
            spans.append(Span(token.text, **style))
    return normalise_spans(spans)


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
