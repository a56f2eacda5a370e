"""Clear-print export: an adapted lesson as an A4 PDF.

The PDF honours the profile's font, size, weight, spacing, line length and
alignment, and prints in the profile's colours or plain black on white or
cream paper. The page has 2 cm margins and "Page 1 of 3" in the footer.
Fonts are embedded by Qt's PDF writer, so the sheet prints the same on any
computer. Pages break where app/pdf_pages.py says: never after a heading or
through a table row, and not leaving one line of a paragraph alone where
that costs no page.

Why pages are drawn by hand rather than with ``QTextDocument.print_``: that
draws no page background, so a coloured page (yellow on black, cream) would
come out white, and its page numbers cannot take the profile's font.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from app.headless import offscreen_without_display
from app.pdf_pages import keep_together
from app.pdf_text_layer import fix_text_layer
from lessons.atomic_file import usual_permissions
from lessons.model import Lesson
from lessons.profile import Profile
from widgets.fonts import resolve_family
from widgets.lesson_document import HEADING_SCALE, LessonDocument
from widgets.lesson_style import PRINT_COLOURS, line_text_width, print_colours

DPI = 96  # the document is laid out as on a screen; the PDF is vector anyway
MARGIN_MM = 20.0
MM_PER_INCH = 25.4


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfExport", text)


@dataclass(frozen=True)
class PdfResult:
    """What was written: the file, its pages, and a note if a font stood in."""

    path: Path
    pages: int
    font_note: str = ""


def ensure_gui_application() -> QGuiApplication:
    """A Qt application to lay out text with; off-screen when there is no display.

    The command line runs on servers and in terminals without a desktop, so
    Qt's off-screen platform is chosen when neither X11 nor Wayland is there.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    offscreen_without_display()
    return QGuiApplication([])


def export_pdf(
    lesson: Lesson,
    profile: Profile,
    out_path: str | Path,
    colours: str = "profile",
) -> PdfResult:
    """Write ``lesson`` adapted with ``profile`` to ``out_path`` as an A4 PDF.

    ``colours`` is "profile", "black-on-white" or "black-on-cream". Needs a
    QGuiApplication (see ``ensure_gui_application``). Raises ``OSError`` when
    the file cannot be written and ``ValueError`` for an unknown colour choice.
    """
    if colours not in PRINT_COLOURS:
        raise ValueError(
            _tr("print colours must be one of {choices}").format(choices=", ".join(PRINT_COLOURS)))
    # Written beside the target, then put in its place in one step: a full disk or a
    # USB stick taken out leaves the PDF saved there before whole, never cut off.
    final = Path(out_path)
    handle, temporary = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".pdf.tmp")
    os.close(handle)
    try:
        result = _write_pdf(lesson, profile, Path(temporary), colours)
        usual_permissions(temporary)
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return replace(result, path=final)


def _write_pdf(lesson: Lesson, profile: Profile, out: Path, colours: str) -> PdfResult:
    """``export_pdf``'s work, into the file ``out``."""
    page_colours = print_colours(profile.colours, colours)
    # Print shows the whole lesson: focus mode, the ruler and the overlay are screen aids.
    shown = replace(profile, focus_mode=False, ruler_lines=0, overlay_colour="",
                    overlay_opacity=0.0)

    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(lesson.title)
    writer.setCreator("Lesson Lab")

    page = QRectF(writer.pageLayout().fullRectPixels(DPI))
    margin = MARGIN_MM / MM_PER_INCH * DPI
    body = page.adjusted(margin, margin, -margin, -margin)
    width = body.width()
    limit = line_text_width(shown, DPI)
    if limit:
        width = min(width, limit)
    left = body.left() + (body.width() - width) / 2

    built = LessonDocument(lesson)
    built.apply(shown, dpi=DPI, colours=page_colours)
    built.fit_images(width)
    document = built.document
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(width, body.height()))
    # Qt breaks pages wherever a line would cross the foot; a heading must
    # also stay with its text (RNIB clear print), so some breaks come earlier.
    keep_together(document, body.height(), lambda block: block.userState() in HEADING_SCALE)
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_tr("could not write {path}").format(path=out))
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(page_colours.text))
        footer_font = _footer_font(shown)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.fillRect(page, QColor(page_colours.background))
            painter.save()
            painter.translate(left, body.top() - number * body.height())
            context.clip = QRectF(0, number * body.height(), width, body.height())
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(page_colours.text))
            footer = QRectF(body.left(), body.bottom(), body.width(), margin * 0.8)
            painter.drawText(footer, Qt.AlignmentFlag.AlignCenter,
                             _tr("Page {n} of {count}").format(n=number + 1, count=pages))
    finally:
        painter.end()
    if not out.is_file() or out.stat().st_size == 0 or not _ends_whole(out):
        # QPdfWriter does not say why (a full disk cuts the file short): said from the disk.
        raise OSError(_tr("could not write {path}").format(path=out))
    # What a screen reader or text-to-speech tool reads: whole words, once.
    import pikepdf

    try:
        fix_text_layer(out)
    except pikepdf.PdfError as error:  # the file is not whole after all
        raise OSError(_tr("could not write {path}").format(path=out)) from error
    return PdfResult(out, pages, resolve_family(profile.font_family).note)


def _ends_whole(path: Path) -> bool:
    """True when the PDF at ``path`` ends as a PDF does: cut short, it does not."""
    with open(path, "rb") as stream:
        stream.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in stream.read()


def _footer_font(profile: Profile) -> QFont:
    font = QFont(resolve_family(profile.font_family).family)
    font.setPointSizeF(max(9.0, min(14.0, profile.font_size_pt * 0.75)))
    return font
