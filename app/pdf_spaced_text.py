"""Letter-spaced text in a clear-print PDF reads back as words.

Qt's PDF writer places every glyph on its own ("x 0 Td <glyph> Tj"). With
extra letter spacing (the Dyslexia preset's 0.12 em) the gap between two
letters is wider than text extractors allow inside a word: poppler breaks a
word at a tenth of an em, PDFium where kerning widens a gap. A screen reader,
a pupil's text-to-speech tool, or copy and paste then gets
"D e s c r i b e  t h e". The PDF standard's cure is ActualText: each line of
spaced text is wrapped in a marked-content span that says what it reads as.
Nothing drawn changes.

This knows the shape of what Qt writes (text objects of Tf, Tm, Td and Tj in
a Type 0 font with a ToUnicode map); a text object of any other shape is left
as it is.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, Operator, String

#: A text object whose typical gap between letters is wider than this (in em)
#: is letter-spaced. Ordinary text has gaps of about nothing (kerning aside).
SPACED_EM = 0.05

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mark_spaced_text(path: str | Path) -> int:
    """Give every line of letter-spaced text in the PDF at ``path`` its ActualText.

    Rewrites the file in place and returns how many lines were marked (0
    leaves the file untouched). Raises ``pikepdf.PdfError`` for a file that
    is not a PDF.
    """
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        marked = 0
        for page in pdf.pages:
            operations = pikepdf.parse_content_stream(page)
            spans = _spaced_lines(operations, _PageFonts(page))
            if spans:
                marked += len(spans)
                page.Contents = pdf.make_stream(
                    pikepdf.unparse_content_stream(_with_spans(operations, spans)))
        if marked:
            pdf.save(path)
    return marked


@dataclass
class _TextObject:
    """One BT … ET: where its glyphs sit on the page and what they read as."""

    begin: int  # index of BT
    end: int  # index of ET
    ctm: Matrix = IDENTITY  # the transformation it is drawn with
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


@dataclass(frozen=True)
class _Span:
    first: int  # index of the operation the span opens before
    last: int  # index of the operation it closes after
    text: str


def _spaced_lines(operations, fonts: _PageFonts) -> list[_Span]:
    """The spans to mark: runs of text objects along one line, at least one spaced.

    A span opens before the first text object's BT and closes after the last
    one's ET. Extractors read a span's place from the graphics state where
    it closes, so every text object in it must be drawn with the same
    transformation (Qt gives each its own ``q … cm … Q``, always the same).
    """
    groups: list[list[_TextObject]] = []
    for text_object in _text_objects(operations, fonts):
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


def _text_objects(operations, fonts: _PageFonts):
    """Each text object of the shape Qt writes, with its glyphs placed on the page."""
    ctm: Matrix = IDENTITY
    saved: list[Matrix] = []
    index = 0
    while index < len(operations):
        operands, operator = operations[index]
        name = str(operator)
        if name == "q":
            saved.append(ctm)
        elif name == "Q" and saved:
            ctm = saved.pop()
        elif name == "cm" and len(operands) == 6:
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif name == "BT":
            end = _matching_et(operations, index)
            if end is None:
                return
            text_object = _read_text_object(operations, index, end, ctm, fonts)
            if text_object is not None:
                yield text_object
            index = end
        index += 1


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


def _with_spans(operations, spans: list[_Span]) -> list:
    """``operations`` with each span opened (BDC) and closed (EMC) around its stretch."""
    opens = {span.first: span for span in spans}
    closes = {span.last for span in spans}
    out = []
    for index, operation in enumerate(operations):
        span = opens.get(index)
        if span is not None:
            marker = Dictionary(ActualText=String(span.text))
            out.append(([Name.Span, marker], Operator("BDC")))
        out.append(operation)
        if index in closes:
            out.append(([], Operator("EMC")))
    return out


class _PageFonts:
    """The page's fonts by resource name, read when first needed."""

    def __init__(self, page) -> None:
        resources = page.obj.get("/Resources") or Dictionary()
        self._fonts = resources.get("/Font") or Dictionary()
        self._read: dict[str, _Font | None] = {}

    def get(self, name: str) -> _Font | None:
        if name not in self._read:
            font = self._fonts.get(name)
            self._read[name] = _Font.read(font) if font is not None else None
        return self._read[name]


@dataclass
class _Font:
    """A Type 0 font's glyph widths (1/1000 em) and what each glyph reads as."""

    widths: dict[int, float]
    default_width: float
    unicode: dict[int, str]

    def width(self, glyph: int) -> float:
        return self.widths.get(glyph, self.default_width)

    def text(self, glyph: int) -> str:
        return self.unicode.get(glyph, "")

    @classmethod
    def read(cls, font) -> _Font | None:
        if font.get("/Subtype") != Name.Type0 or "/ToUnicode" not in font:
            return None
        descendant = font.DescendantFonts[0]
        widths = _read_widths(list(descendant.get("/W", [])))
        unicode = _read_unicode(font.ToUnicode.read_bytes().decode("latin-1"))
        return cls(widths, float(descendant.get("/DW", 1000)), unicode)


def _read_widths(entries: list) -> dict[int, float]:
    """A CID font's /W array: ``first [w w …]`` or ``first last w`` entries."""
    widths: dict[int, float] = {}
    index = 0
    while index + 1 < len(entries):
        first = int(entries[index])
        if isinstance(entries[index + 1], pikepdf.Array):
            for offset, width in enumerate(entries[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        elif index + 2 < len(entries):
            for glyph in range(first, int(entries[index + 1]) + 1):
                widths[glyph] = float(entries[index + 2])
            index += 3
        else:
            break
    return widths


_HEX = r"<([0-9A-Fa-f]+)>"


def _read_unicode(cmap: str) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: glyph -> text."""
    unicode: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in re.findall(rf"{_HEX}\s*{_HEX}", block):
            unicode[int(glyph, 16)] = _utf16(text)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        pattern = rf"{_HEX}\s*{_HEX}\s*(\[[^\]]*\]|{_HEX})"
        for low, high, target, single in re.findall(pattern, block):
            low, high = int(low, 16), int(high, 16)
            if target.startswith("["):
                for offset, text in enumerate(re.findall(_HEX, target)):
                    unicode[low + offset] = _utf16(text)
            else:
                start = int(single, 16)
                for offset in range(high - low + 1):
                    unicode[low + offset] = chr(start + offset)
    return unicode


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")
