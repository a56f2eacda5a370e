"""Practice records as an A4 PDF, for a teacher's CPD folder.

Laid out from the same blocks as the Word document
(``lessons.reflection_record``): Qt lays the record out as rich text and
prints it with ``QPdfWriter`` — A4, 2 cm margins (2.5 cm at the sides), a clear 13 pt font, 1.5
line spacing, "Page 1 of 3" at the foot of each page, and no heading left
at the foot of a page without its text. Fonts are embedded, so the record
prints the same anywhere.

Nothing is in italics (the British Dyslexia Association's style guide: italic
text is harder for many dyslexic readers), and nothing relies on colour: each
reflection question is a bold heading with space above it, and the teacher's
answer is upright, regular text below it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from app.pdf_export import ensure_gui_application
from app.pdf_pages import keep_together
from app.pdf_text_layer import fix_text_layer
from lessons.atomic_file import usual_permissions
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
from widgets.fonts import resolve_family

FONT_FAMILY = "Atkinson Hyperlegible"
FONT_SIZE_PT = 13.0  # the BDA style guide: 12 to 14 point
LINE_HEIGHT_PERCENT = 150  # the BDA style guide: 1.5 line spacing
MARGIN_MM = 20.0  # top and bottom
SIDE_MARGIN_MM = 25.0  # with 13 pt, lines of about 80 characters rather than 100
FOOTER_PT = 10.0  # "Page 1 of 3"
HEADING_PT = {1: 20, 2: 16, 3: 14, 4: 13, 5: 13, 6: 13}

# Headings differ from the text by weight, size and the space above them; the
# answers' paragraphs keep a little space between them and more after the last.
# (Qt's rich text takes margins in CSS pixels, 1/96 inch: 16px is 12 pt.)
STYLE_SHEET = "\n".join(
    [f"h{level} {{ font-size: {size}pt; font-weight: bold; font-style: normal; "
     f"margin-top: {round(size * 1.2)}px; margin-bottom: 4px; }}"
     for level, size in HEADING_PT.items()]
    + ["p { margin-top: 0px; margin-bottom: 8px; font-style: normal; }",
       "p.fact { margin-bottom: 0px; }",
       "p.last { margin-bottom: 16px; }",
       "th { font-weight: bold; text-align: left; }",
       "table { border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }"])


def _lines(text: str) -> str:
    """Escaped text whose line breaks stay line breaks."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _block_html(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_lines(block.text)}</p>"
    if isinstance(block, Facts):
        *first, last = [f"<b>{escape(label)}:</b> {escape(value)}" for label, value in block.items]
        return "".join(f'<p class="fact">{item}</p>' for item in first) + f"<p>{last}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, ScoreTable):
        head = "".join(f"<th>{escape(cell)}</th>" for cell in block.header)
        body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                       for row in block.rows)
        return (f'<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if isinstance(block, Answer):
        paragraphs = [_lines(p) for p in block.paragraphs] or [escape(NOT_ANSWERED)]
        *first, last = paragraphs
        return "".join(f"<p>{p}</p>" for p in first) + f'<p class="last">{last}</p>'
    if isinstance(block, ClosingLine):
        return f"<hr/><p>{escape(block.text)}</p>"
    raise TypeError(f"unknown block {block!r}")


def records_html(sessions: Sequence[PracticeSession]) -> str:
    """The records as rich text, from the blocks the PDF and Word document are made of."""
    return "".join(_block_html(block) for block in record_blocks(sessions))


def record_document(sessions: Sequence[PracticeSession]) -> QTextDocument:
    """The record laid out by Qt, ready to print (needs a Qt application)."""
    document = QTextDocument()
    font = QFont(resolve_family(FONT_FAMILY).family)
    font.setPointSizeF(FONT_SIZE_PT)
    font.setItalic(False)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE_SHEET)
    document.setHtml(records_html(sessions))
    _space_lines(document)
    return document


def _space_lines(document: QTextDocument) -> None:
    """1.5 line spacing for the text (Qt's HTML has no line-height).

    Headings and the score table keep single spacing: a wrapped heading
    spread over 1.5 lines reads as two headings.
    """
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        cursor.setPosition(block.position())
        if block.blockFormat().headingLevel() == 0 and cursor.currentTable() is None:
            spaced = QTextBlockFormat()
            spaced.setLineHeight(LINE_HEIGHT_PERCENT,
                                 QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.mergeBlockFormat(spaced)
        block = block.next()


def export_reflection_pdf(sessions: Sequence[PracticeSession], out_path: str | Path) -> Path:
    """Write one session (or several, as a log) to ``out_path`` as an A4 PDF.

    Makes an off-screen Qt application if there is none. Raises ``OSError``
    with a plain message when the file cannot be written.
    """
    if not sessions:
        raise ValueError("there are no practice records to export")
    ensure_gui_application()
    out = Path(out_path)
    document = record_document(sessions)
    if not out.parent.is_dir():
        raise OSError(f"the folder {out.parent} does not exist")

    # Write beside the target, then rename: a failed export never leaves half a
    # file, and never passes off an older file as the new record.
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=".", suffix=".pdf.tmp")
    os.close(handle)
    try:
        _print(document, Path(temporary), record_title(sessions))
        if Path(temporary).stat().st_size == 0:
            raise OSError(f"could not write {out}")
        # Qt draws the line before a page's first one too, hidden by the clip
        # but still read aloud by a screen reader: take it out.
        fix_text_layer(temporary)
        usual_permissions(temporary)
        os.replace(temporary, out)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return out


def _print(document: QTextDocument, path: Path, title: str) -> None:
    """Lay ``document`` out on A4 pages and print them, with "Page 1 of 3" below each.

    Paginated here rather than by ``QTextDocument.print_``, which adds its own
    2 cm margin inside the page's (4 cm of white at each edge), lets a heading
    end a page with its text on the next, and numbers pages with a bare "1".
    """
    writer = QPdfWriter(str(path))
    margins = QMarginsF(SIDE_MARGIN_MM, MARGIN_MM, SIDE_MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Lesson Lab")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {path}")
    try:
        layout = document.documentLayout()
        layout.setPaintDevice(writer)
        document.setDocumentMargin(0)
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(FOOTER_PT)
        line = QFontMetricsF(footer_font, writer).height()
        page = QSizeF(writer.width(), writer.height() - 2 * line)  # room for the page number
        document.setPageSize(page)
        # No heading at the foot of a page, no line of an answer left alone.
        keep_together(document, page.height(), lambda block: block.blockFormat().headingLevel() > 0)
        pages = document.pageCount()
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            # One device pixel short of the page: a line moved to the next page
            # starts exactly on the boundary, and Qt draws a line that touches the
            # clip, so it was printed (and read out) on both pages.
            view = QRectF(0, index * page.height(), page.width(), page.height() - 1)
            painter.translate(0, -view.top())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, writer.height() - line, page.width(), line),
                             Qt.AlignmentFlag.AlignHCenter,
                             _tr("Page {page} of {pages}").format(page=index + 1, pages=pages))
    finally:
        painter.end()  # finishes the file


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReflectionPdf", text)
