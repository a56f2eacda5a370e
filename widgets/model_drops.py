"""A speech model's zip file or folder dropped on the speech models window is imported.

A mixin for :class:`widgets.model_manager_dialog.ModelManagerDialog`, which
turns drops on: the drop does what Import zip file… or Import from folder…
does once a file is chosen (``import_requested``). Anything else is named in
the window's message line, and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from widgets.dropped_files import dropped_files, take_files_only


class ModelDrops:
    """Importing the model dropped on the window."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        take_files_only(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        take_files_only(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop has finished, so the program it came from is not held up.
        QTimer.singleShot(0, self, lambda: self.import_dropped(files))

    def import_dropped(self, files: list[Path]) -> bool:
        """Import the first of ``files`` if it is a zip file or a folder; else say why not."""
        path = files[0]
        if not (path.is_dir() or path.suffix.lower() == ".zip"):
            self.show_error(self.tr(
                "“{name}” is not a speech model. Drop a model's zip file or its folder here."
            ).format(name=path.name))
            return False
        self.import_requested.emit(str(path))
        if len(files) > 1:
            self.show_message(self.tr(
                "Only “{name}” is being imported: drop one model at a time.").format(
                    name=path.name))
        return True
