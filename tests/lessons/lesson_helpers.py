"""Helpers shared by the lesson tests: positions stripped, tiny PNGs, lesson files."""

from __future__ import annotations

import dataclasses
import struct
import zlib
from pathlib import Path

from lessons.model import Image, Lesson

GOOD_FRONT_MATTER = """\
---
title: The water cycle
subject: Geography
key_stage: KS2
year_group: Year 4
duration_minutes: 60
objectives:
  - Describe the four stages of the water cycle.
vocabulary:
  evaporation: When water warms up and turns into a gas.
notes_for_adults: |
  Pupils who find the diagram hard to see can use the tactile version.
---
"""


def without_positions(lesson: Lesson) -> Lesson:
    """The lesson with line numbers, source, body and resolved image paths cleared."""
    sections = []
    for section in lesson.sections:
        blocks = []
        for block in section.blocks:
            block = dataclasses.replace(block, line=0)
            if isinstance(block, Image):
                block = dataclasses.replace(block, path=None)
            blocks.append(block)
        sections.append(dataclasses.replace(section, line=0, blocks=tuple(blocks)))
    return dataclasses.replace(lesson, sections=tuple(sections), source=None, body="")


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    """A real PNG, built by hand: red pixels, 8-bit RGB."""
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``folder/name`` (folders made as needed)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
