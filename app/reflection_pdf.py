"""Practice records as an A4 PDF, for a teacher's CPD folder.

The Markdown from ``lessons.reflection_export`` is laid out by Qt
(``QTextDocument.setMarkdown``) and printed with ``QPdfWriter``: A4, 2 cm
margins, a clear 11 pt font, page numbers added by Qt. Fonts are embedded,
so the record prints the same anywhere.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from lessons.atomic_file import usual_permissions
from lessons.reflection import PracticeSession
from lessons.reflection_export import LOG_TITLE, record_markdown, session_title
from widgets.fonts import resolve_family

FONT_FAMILY = "Atkinson Hyperlegible"
FONT_SIZE_PT = 11.0
MARGIN_MM = 20.0


def _ensure_application() -> QCoreApplication:
    """A Qt application to lay text out with; off-screen when there is no display."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


def export_reflection_pdf(sessions: Sequence[PracticeSession], out_path: str | Path) -> Path:
    """Write one session (or several, as a log) to ``out_path`` as an A4 PDF.

    Makes an off-screen Qt application if there is none. Raises ``OSError``
    with a plain message when the file cannot be written.
    """
    if not sessions:
        raise ValueError("there are no practice records to export")
    _ensure_application()
    out = Path(out_path)
    document = QTextDocument()
    font = QFont(resolve_family(FONT_FAMILY).family)
    font.setPointSizeF(FONT_SIZE_PT)
    document.setDefaultFont(font)
    document.setMarkdown(record_markdown(sessions),
                         QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    title = session_title(sessions[0]) if len(sessions) == 1 else LOG_TITLE
    if not out.parent.is_dir():
        raise OSError(f"the folder {out.parent} does not exist")

    # Write beside the target, then rename: a failed export never leaves half a
    # file, and never passes off an older file as the new record.
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=".", suffix=".pdf.tmp")
    os.close(handle)
    try:
        _print(document, Path(temporary), title)
        if Path(temporary).stat().st_size == 0:
            raise OSError(f"could not write {out}")
        usual_permissions(temporary)
        os.replace(temporary, out)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return out


def _print(document: QTextDocument, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Lesson Lab")
    document.print_(writer)  # ends its painter, which finishes the file
