"""Read a real PDF back character by character with pdfium: the font and place of each.

For tests that must know how text was printed (upright or italic, bold or
regular, which page and line), not only what it says.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass(frozen=True)
class Char:
    """One printed character: its font's name, its baseline and its box (PDF points)."""

    text: str
    font: str
    baseline: float
    top: float
    bottom: float


def page_chars(path: Path) -> list[list[Char]]:
    """The characters of each page, whitespace left out, in reading order."""
    document = pdfium.PdfDocument(str(path))
    pages: list[list[Char]] = []
    try:
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage()
            chars = []
            for i in range(text.count_chars()):
                char = chr(raw.FPDFText_GetUnicode(text.raw, i))
                if char.isspace() or char == "\x00":
                    continue
                name = ctypes.create_string_buffer(256)
                flags = ctypes.c_int()
                raw.FPDFText_GetFontInfo(text.raw, i, name, len(name), ctypes.byref(flags))
                x, y = ctypes.c_double(), ctypes.c_double()
                raw.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                _, bottom, _, top = text.get_charbox(i)
                chars.append(Char(char, name.value.decode(), y.value, top, bottom))
            text.close()
            page.close()
            pages.append(chars)
    finally:
        document.close()
    return pages


def find(chars: list[Char], words: str) -> list[Char]:
    """The characters that print ``words`` (spaces and line breaks ignored); [] if absent."""
    wanted = "".join(words.split())
    joined = "".join(c.text for c in chars)
    start = joined.find(wanted)
    return chars[start:start + len(wanted)] if start >= 0 else []


def lines(chars: list[Char]) -> list[list[Char]]:
    """The characters grouped into printed lines, top of the page first."""
    rows: dict[int, list[Char]] = {}
    for char in chars:
        rows.setdefault(round(char.baseline), []).append(char)
    return [rows[key] for key in sorted(rows, reverse=True)]
