"""The files in a drag from the desktop or a file manager (for windows that take drops)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files (and folders) in a drag, in order; none for text or web links."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def take_files_only(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Let a drag of files in, and nothing else (dragged words stay with the widgets
    that take them)."""
    if dropped_files(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()
