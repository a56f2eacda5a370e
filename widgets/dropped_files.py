"""Files dragged from the desktop or a file manager and dropped on a window.

:class:`TakesFileDrops` is a mixin for a window that takes them (and calls
``setAcceptDrops(True)``): it lets in a drag of files and nothing else
(dragged words stay with the widgets that take them), and hands the files to
its ``files_dropped(paths)`` just after the drop has finished, so that a
message or a long job started then does not hold up the program the files
came from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files (and folders) in a drag, in order; none for text or web links."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class TakesFileDrops:
    """Takes dropped files and hands them to ``files_dropped`` (see the module docstring)."""

    def files_dropped(self, files: list[Path]) -> bool:
        """Use the dropped ``files`` (a window's own); True when something was done."""
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        _take_files_only(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        _take_files_only(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.files_dropped(files))


def _take_files_only(event: QDragEnterEvent | QDragMoveEvent) -> None:
    if dropped_files(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()
