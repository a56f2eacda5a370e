"""What a reader takes from a clear-print PDF: whole words, and only what is on the page.

A pupil's text-to-speech tool, a screen reader, or copy and paste reads the
text a PDF reader extracts, not the ink. Qt's PDF writer gets two things
wrong for them, and this fixes both without changing anything drawn:

- **Letter-spaced words fall apart.** Qt places every glyph on its own
  ("x 0 Td <glyph> Tj"). With extra letter spacing (the Dyslexia preset's
  0.12 em) the gap between two letters is wider than readers allow inside a
  word: poppler breaks a word at a tenth of an em, PDFium where kerning
  widens a gap, giving "D e s c r i b e". Each line of spaced text is
  wrapped in a marked-content span whose ActualText says what it reads as,
  the PDF standard's way of doing this.
- **Lines at a page break are read twice.** Qt draws every block that
  reaches the page, so the next page's first line (and the end of a block
  that runs on) is drawn on this page too, and the page's clip hides it:
  hidden from the eye but not from a reader, which then says that line
  twice. Text the clip hides is taken out.

This knows the shape of what Qt writes (text objects of Tf, Tm, Td and Tj in
a Type 0 font with a ToUnicode map, pages clipped by a path); a text object
of any other shape is left as it is.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, Operator, String

from app.pdf_fonts import PageFonts

#: A text object whose typical gap between letters is wider than this (in em)
#: is letter-spaced. Ordinary text has gaps of about nothing (kerning aside).
SPACED_EM = 0.05

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top on the page
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_PATH_OPERATORS = {"m", "l", "c", "v", "y", "re", "h"}


@dataclass(frozen=True)
class TextLayerFixes:
    """What ``fix_text_layer`` changed: spaced lines marked, hidden text objects taken out."""

    marked: int = 0
    hidden: int = 0


def fix_text_layer(path: str | Path) -> TextLayerFixes:
    """Mark letter-spaced lines and take out hidden text in the PDF at ``path``.

    Rewrites the file in place (untouched when there is nothing to fix).
    Raises ``pikepdf.PdfError`` for a file that is not a PDF and ``OSError``
    when it cannot be written.
    """
    marked = hidden = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            operations = pikepdf.parse_content_stream(page)
            text_objects = list(_text_objects(operations, PageFonts(page)))
            unseen = [t for t in text_objects if t.hidden()]
            spans = _spaced_lines([t for t in text_objects if not t.hidden()])
            if spans or unseen:
                marked += len(spans)
                hidden += len(unseen)
                changed = _rewritten(operations, spans, unseen)
                page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(changed))
        if marked or hidden:
            pdf.save(path)
    return TextLayerFixes(marked, hidden)


@dataclass
class _TextObject:
    """One BT … ET: where its glyphs sit on the page and what they read as."""

    begin: int  # index of BT
    end: int  # index of ET
    ctm: Matrix = IDENTITY  # the transformation it is drawn with
    clip: Box | None = None  # the page area it may show in (None: anywhere)
    text: str = ""
    baseline: float = 0.0
    em: float = 0.0  # the font size on the page
    starts: list[float] = field(default_factory=list)
    ends: list[float] = field(default_factory=list)

    @property
    def gap(self) -> float:
        """The typical gap between one glyph's end and the next one's start."""
        gaps = [start - end for start, end in zip(self.starts[1:], self.ends, strict=False)]
        return statistics.median(gaps) if gaps else 0.0

    def spaced(self) -> bool:
        return self.em > 0 and self.gap > SPACED_EM * self.em

    def hidden(self) -> bool:
        """True when the clip hides this text, or all but a sliver of it.

        Qt draws a line that belongs to the next page on this one too when
        its block starts here; at most the tops of its tall letters then
        show. Text counts as shown where the body of its letters (a fifth of
        an em below the baseline to 0.7 em above) is at least half inside.
        """
        if self.clip is None:
            return False
        left, bottom, right, top = self.clip
        if min(self.starts) >= right or max(self.ends) <= left:
            return True
        low, high = sorted((self.baseline - 0.2 * self.em, self.baseline + 0.7 * self.em))
        inside = max(0.0, min(high, top) - max(low, bottom))
        return inside < 0.5 * (high - low)


@dataclass(frozen=True)
class _Span:
    first: int  # index of the BT the span opens before
    last: int  # index of the ET it closes after
    text: str


def _spaced_lines(text_objects: list[_TextObject]) -> list[_Span]:
    """The spans to mark: runs of text objects along one line, at least one spaced.

    A span opens before the first text object's BT and closes after the last
    one's ET. Readers take a span's place from the graphics state where it
    closes, so every text object in it must be drawn with the same
    transformation (Qt gives each its own ``q … cm … Q``, always the same).
    """
    groups: list[list[_TextObject]] = []
    for text_object in text_objects:
        if groups and _continues(groups[-1][-1], text_object):
            groups[-1].append(text_object)
        else:
            groups.append([text_object])
    spans = []
    for group in groups:
        if any(text_object.spaced() for text_object in group):
            text = "".join(text_object.text for text_object in group).rstrip()
            if text:
                spans.append(_Span(group[0].begin, group[-1].end, text))
    return spans


def _continues(before: _TextObject, after: _TextObject) -> bool:
    """True when ``after`` carries on the line ``before`` is on.

    Drawn with the same transformation, on the same baseline, and starting
    where the previous one's last letter ends, give or take one letter space.
    """
    if before.ctm != after.ctm:
        return False
    em = max(before.em, after.em)
    if abs(before.baseline - after.baseline) > 0.1 * em:
        return False
    step = after.starts[0] - before.ends[-1]
    allowed = max(before.gap, after.gap, 0.0) + SPACED_EM * em
    return -SPACED_EM * em <= step <= allowed


def _text_objects(operations, fonts: PageFonts):
    """Each text object of the shape Qt writes, placed on the page, with its clip."""
    ctm: Matrix = IDENTITY
    clip: Box | None = None
    saved: list[tuple[Matrix, Box | None]] = []
    path: list[tuple[float, float]] = []
    index = 0
    while index < len(operations):
        operands, operator = operations[index]
        name = str(operator)
        if name == "q":
            saved.append((ctm, clip))
        elif name == "Q" and saved:
            ctm, clip = saved.pop()
        elif name == "cm" and len(operands) == 6:
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif name in _PATH_OPERATORS:
            path += _path_points(name, [float(v) for v in operands], ctm)
        elif name in ("W", "W*"):
            clip = _intersect(clip, _bounds(path)) if path else clip
        elif name == "BT":
            end = _matching_et(operations, index)
            if end is None:
                return
            text_object = _read_text_object(operations, index, end, ctm, fonts)
            if text_object is not None:
                text_object.clip = clip
                yield text_object
            index = end
        else:
            path = []  # any painting operator ends the path
        index += 1


def _path_points(name: str, values: list[float], ctm: Matrix) -> list[tuple[float, float]]:
    """The corners a path operator adds, on the page."""
    if name == "re" and len(values) == 4:
        x, y, width, height = values
        values = [x, y, x + width, y + height]
    return [_apply(ctm, x, y) for x, y in zip(values[::2], values[1::2], strict=False)]


def _bounds(points: list[tuple[float, float]]) -> Box:
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _intersect(first: Box | None, second: Box) -> Box:
    if first is None:
        return second
    return (max(first[0], second[0]), max(first[1], second[1]),
            min(first[2], second[2]), min(first[3], second[3]))


def _matching_et(operations, begin: int) -> int | None:
    for index in range(begin + 1, len(operations)):
        if str(operations[index][1]) == "ET":
            return index
    return None


def _read_text_object(operations, begin, end, ctm: Matrix, fonts) -> _TextObject | None:
    """Place each glyph of one BT … ET, or None for a shape this does not know."""
    text_object = _TextObject(begin, end, ctm)
    font = None
    size = 0.0
    line: Matrix = IDENTITY
    chars = []
    for operands, operator in operations[begin + 1 : end]:
        name = str(operator)
        if name == "Tf":
            font, size = fonts.get(str(operands[0])), float(operands[1])
        elif name == "Tm":
            line = tuple(float(v) for v in operands)
        elif name == "Td":
            line = _multiply((1.0, 0.0, 0.0, 1.0, float(operands[0]), float(operands[1])), line)
        elif name == "Tj" and font is not None:
            place = _multiply(line, ctm)
            if abs(place[1]) > 1e-6 or abs(place[2]) > 1e-6:
                return None  # rotated or skewed text: not a line Qt lays out
            glyph = int.from_bytes(bytes(operands[0]), "big")
            x, y = place[4], place[5]
            text_object.starts.append(x)
            text_object.ends.append(x + font.width(glyph) / 1000 * size * place[0])
            text_object.baseline = y
            text_object.em = abs(size * place[3])
            chars.append(font.text(glyph))
        elif name not in ("Tc", "Tw", "Tz", "TL", "Tr", "Ts"):
            return None  # TJ, ', " or anything else: leave it alone
    text_object.text = "".join(chars).replace("\t", " ")
    return text_object if chars else None


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second`` (PDF's row-vector order: first × second)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _rewritten(operations, spans: list[_Span], unseen: list[_TextObject]) -> list:
    """``operations`` with each span opened (BDC) and closed (EMC), hidden text taken out."""
    opens = {span.first: span for span in spans}
    closes = {span.last for span in spans}
    dropped = {index for t in unseen for index in range(t.begin, t.end + 1)}
    out = []
    for index, operation in enumerate(operations):
        if index in dropped:
            continue
        span = opens.get(index)
        if span is not None:
            marker = Dictionary(ActualText=String(span.text))
            out.append(([Name.Span, marker], Operator("BDC")))
        out.append(operation)
        if index in closes:
            out.append(([], Operator("EMC")))
    return out
