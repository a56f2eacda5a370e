"""The fonts of a page in a PDF written by Qt: glyph widths and what each glyph reads as.

Qt embeds every font as a Type 0 font with a /W widths array and a ToUnicode
map; app/pdf_text_layer.py needs both to know where a glyph ends and what it
says. A font of any other kind reads as None and its text is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name


class PageFonts:
    """A page's fonts by resource name, each read when first needed."""

    def __init__(self, page) -> None:
        resources = page.obj.get("/Resources") or Dictionary()
        self._fonts = resources.get("/Font") or Dictionary()
        self._read: dict[str, Font | None] = {}

    def get(self, name: str) -> Font | None:
        if name not in self._read:
            font = self._fonts.get(name)
            self._read[name] = Font.read(font) if font is not None else None
        return self._read[name]


@dataclass
class Font:
    """A Type 0 font's glyph widths (1/1000 em) and what each glyph reads as."""

    widths: dict[int, float]
    default_width: float
    unicode: dict[int, str]

    def width(self, glyph: int) -> float:
        return self.widths.get(glyph, self.default_width)

    def text(self, glyph: int) -> str:
        return self.unicode.get(glyph, "")

    @classmethod
    def read(cls, font) -> Font | None:
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
