"""Files dragged from the desktop or a file manager and dropped on the main window.

A lesson file (.md) opens, as File › Open lesson file… does; a Word document
(.docx), PowerPoint slides (.pptx) or a text file (.txt) is imported, as File ›
Import… does.
Anything else gets one sentence saying what can be dropped (a speech model's
zip file: where to add it instead). One file at a time: when several are
dropped the first is used, and the message says so.

A mixin for :class:`app.main_window.MainWindow`, which turns drops on
(``setAcceptDrops``); it uses the window's ``open_lesson_path``,
``import_lesson_path`` and ``show_message``. Widgets that take drops of their
own (the pupil's dictation text takes dropped words) keep them.
"""

from __future__ import annotations

from pathlib import Path

from lessons.importers import IMPORTABLE
from widgets.dropped_files import TakesFileDrops

OPENED = (".md", ".markdown")


class FileDrops(TakesFileDrops):
    """Opening and importing the files dropped on the window."""

    def files_dropped(self, files: list[Path]) -> bool:
        """Open or import the first of ``files``; False (and a message) when it cannot be."""
        path = files[0]
        suffix = path.suffix.lower()
        if path.is_dir():
            self.show_message(self.tr("“{name}” is a folder. {what}").format(
                name=path.name, what=self._what_can_be_dropped()))
            return False
        if suffix in OPENED:
            done = self.open_lesson_path(path)
        elif suffix in IMPORTABLE:
            done = self.import_lesson_path(path) is not None
        elif suffix == ".zip":
            self.show_message(self.tr(
                "“{name}” is a zip file. To add a speech model, use Tools › Speech models… "
                "and Import zip file….").format(name=path.name))
            return False
        else:
            self.show_message(self.tr("“{name}” cannot be used here. {what}").format(
                name=path.name, what=self._what_can_be_dropped()))
            return False
        if done and len(files) > 1:
            self.show_status(self.tr(
                "Only “{name}” was used: drop one file at a time.").format(name=path.name))
        return done

    def _what_can_be_dropped(self) -> str:
        return self.tr("Drop a lesson file (.md), a Word document (.docx), a PowerPoint "
                       "presentation (.pptx) or a text file (.txt) on the window.")
