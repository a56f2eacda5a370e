"""Practice records as a Word document (.docx), the format most teachers open.

Laid out from the same blocks as the PDF and the plain text
(``lessons.reflection_record``), on A4, in British English
(``lessons.word_document``). Built for reading, after the British Dyslexia
Association's style guide: Arial 12 pt, 1.5 line spacing, text aligned left,
black on white; real Word headings (so the record has a navigation pane and a
screen reader can move through it), each reflection question a heading in
bold with space above it and the teacher's answer upright below it. Nothing
is in italics, and nothing relies on colour. Characters a Word document cannot
hold (a stray control character in a record) are left out
(``lessons.word_document.word_text``), so one record cannot stop the whole log
being saved. Writing is atomic. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lessons.reflection import PracticeSession
from lessons.reflection_record import (
    NOT_ANSWERED,
    Answer,
    Block,
    Bullets,
    ClosingLine,
    Facts,
    Heading,
    Paragraph,
    ScoreTable,
    record_blocks,
    record_title,
)
from lessons.word_document import british_document, save_document, word_text

FONT = "Arial"  # on every school computer; one the BDA style guide names
BODY_PT = 12
LINE_SPACING = 1.5
HEADING_PT = {1: 20, 2: 16, 3: 14, 4: 13, 5: 12, 6: 12}
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def write_docx(sessions: Sequence[PracticeSession], path: str | Path) -> Path:
    """Write one session (or several, as a log) to ``path`` as a Word document.

    Returns the path. Raises ``ValueError`` when there is nothing to write and
    ``OSError`` when the file cannot be written (the old file, if any, is
    left as it was).
    """
    if not sessions:
        raise ValueError("there are no practice records to export")
    document = british_document(record_title(sessions))
    _style(document)
    for block in record_blocks(sessions):
        _add(document, block)
    return save_document(document, path)


def _plain_font(style: Any, size: float, *, bold: bool) -> None:
    """Arial at ``size``, upright, black: the template's headings are blue, some italic."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    # A theme font named in the style wins over the font's own name in Word.
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), FONT)


def _style(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    normal = document.styles["Normal"]
    _plain_font(normal, BODY_PT, bold=False)
    normal.paragraph_format.line_spacing = LINE_SPACING
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for level, size in HEADING_PT.items():
        heading = document.styles[f"Heading {level}"]
        _plain_font(heading, size, bold=True)
        heading.paragraph_format.line_spacing = 1.15
        heading.paragraph_format.space_before = Pt(round(size * 1.2))
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "Table Grid"):
        document.styles[name].font.italic = False


def _add_text(paragraph: Any, text: str) -> None:
    """Add ``text`` to ``paragraph`` with its line breaks kept as line breaks."""
    lines = word_text(text).split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        if number < len(lines) - 1:
            run.add_break()


def _add(document: Any, block: Block) -> None:
    from docx.shared import Pt

    if isinstance(block, Heading):
        document.add_heading(word_text(block.text), level=min(block.level, 6))
    elif isinstance(block, Paragraph):
        _add_text(document.add_paragraph(), block.text)
    elif isinstance(block, Facts):
        for number, (label, value) in enumerate(block.items, start=1):
            paragraph = document.add_paragraph()
            paragraph.add_run(word_text(f"{label}:")).bold = True
            paragraph.add_run(word_text(f" {value}"))
            if number < len(block.items):
                paragraph.paragraph_format.space_after = Pt(0)
    elif isinstance(block, Bullets):
        for item in block.items:
            document.add_paragraph(word_text(item), style="List Bullet")
    elif isinstance(block, ScoreTable):
        _add_table(document, block)
    elif isinstance(block, Answer):
        paragraphs = block.paragraphs or (NOT_ANSWERED,)
        for text in paragraphs:
            last = document.add_paragraph()
            _add_text(last, text)
        last.paragraph_format.space_after = Pt(14)  # room before the next question
    elif isinstance(block, ClosingLine):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.add_run(word_text(block.text))
    else:
        raise TypeError(f"unknown block {block!r}")


def _add_table(document: Any, block: ScoreTable) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = document.styles["Table Grid"]
    for number, (row, cells) in enumerate(zip(table.rows, (block.header, *block.rows),
                                              strict=True)):
        for cell, text in zip(row.cells, cells, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.line_spacing = 1.15
            paragraph.paragraph_format.space_after = 0
            paragraph.add_run(word_text(text)).bold = number == 0 or None
    # The first row is the table's header: Word repeats it on each page, and a
    # screen reader names each cell's column by it.
    header = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    header.append(marker)
