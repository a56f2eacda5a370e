"""Word export with Qt's help: an adapted lesson as an editable .docx.

The writer itself is lessons/lesson_docx.py (no Qt). Qt does the two things
it cannot: it draws SVG pictures (Word wants a PNG copy beside each one), and
it measures the profile's font, so the text column holds the profile's
characters per line exactly as the PDF's does (widgets/lesson_style.py).
Needs a QGuiApplication (app.pdf_export.ensure_gui_application).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImageReader

from lessons.lesson_docx import DocxResult, write_lesson_docx
from lessons.model import Lesson
from lessons.profile import Profile
from widgets.fonts import resolve_family
from widgets.lesson_style import PRINT_COLOURS, average_char_width, print_colours

POINTS = 72.0  # measuring at 72 dots to the inch gives widths in points


class QtPictures:
    """Draws pictures with Qt's image readers (SVG included) for the Word export."""

    def natural_size(self, path: Path) -> tuple[float, float] | None:
        size = QImageReader(str(path)).size()
        return (float(size.width()), float(size.height())) if size.isValid() else None

    def png(self, path: Path, width: int, height: int) -> bytes | None:
        reader = QImageReader(str(path))
        reader.setScaledSize(QSize(width, height))
        image = reader.read()
        if image.isNull():
            return None
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data()) if saved else None


def export_docx(lesson: Lesson, profile: Profile, out_path: str | Path,
                colours: str = "profile") -> DocxResult:
    """Write ``lesson`` adapted with ``profile`` to ``out_path`` as a Word document.

    ``colours`` is "profile", "black-on-white" or "black-on-cream", as for the
    PDF. Raises ``OSError`` when the file cannot be written and ``ValueError``
    for an unknown colour choice. The result's notes say when a font stands
    in on this computer, and when a dark page would not print.
    """
    if colours not in PRINT_COLOURS:
        raise ValueError(f"print colours must be one of {', '.join(PRINT_COLOURS)}")
    result = write_lesson_docx(
        lesson, profile, out_path, colours=print_colours(profile.colours, colours),
        pictures=QtPictures(), char_width_pt=average_char_width(profile, POINTS))
    font = resolve_family(profile.font_family).note
    return replace(result, notes=result.notes + ((font,) if font else ()))
