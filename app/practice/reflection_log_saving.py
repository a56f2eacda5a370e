"""Saving from "My reflection log": one record or the whole log, as Word or PDF.

A mixin for :class:`app.practice.reflection_log_window.ReflectionLogWindow`
(it uses the window's ``sessions``, ``current_session``, ``_entries``,
``_update_buttons``, ``show_status``, ``saved`` and ``_background``). The
file is written on a worker thread (a whole term's log is hundreds of pages)
while the window works on; closing the window meanwhile waits for the file,
saying so, then closes.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer

from app.practice.practice_saving import ask_record_path
from app.practice.session import record_file_name, write_records
from lessons.reflection_log import log_file_name
from lessons.save_problem import save_problem

# The words for each kind of file written ("as a Word document").
_KIND_WORDS = {"docx": "a Word document", "txt": "plain text", "pdf": "a PDF"}


class LogSaving:
    """Save one record, or all, as Word or PDF, in the background."""

    _saving = False
    _close_when_saved = False

    def save(self, which: str, fmt: str, path: str | Path | None = None) -> bool:
        """Save the chosen record (``which`` "one") or every record ("all") as ``fmt``
        ("docx" or "pdf") to ``path``, asked for when None. The file is written on a
        worker thread (a whole term's log is hundreds of pages) while the window works
        on; ``saved(path)`` follows (None when it failed). False when nothing is saved
        (no record, or the teacher cancels)."""
        sessions = self.sessions() if which == "all" else \
            [s for s in (self.current_session(),) if s is not None]
        if not sessions or self._saving:
            if not sessions:
                self.show_status(self.tr("There is no reflection to save yet."), error=True)
            return False
        if path is None:
            suggestion = record_file_name(sessions[0], fmt) if which == "one" \
                else log_file_name(date.today(), fmt)
            path = self.ask_export_path(fmt, suggestion)
            if not path:
                return False
        count = self.tr("1 reflection") if len(sessions) == 1 else \
            self.tr("{n} reflections").format(n=len(sessions))
        self._set_saving(True)
        self.show_status(self.tr("Saving {count}…").format(count=count))
        self._background.run(
            lambda: write_records(sessions, fmt, path),
            lambda written: self._saved(written, which, count),
            lambda error: self._not_saved(error, path), name="reflections", qt_thread=True)
        return True

    def is_saving(self) -> bool:
        """True while a file is being written."""
        return self._saving

    def _saved(self, written: tuple[str, Path], which: str, count: str) -> None:
        kind, out = written
        self._set_saving(False)
        message = self.tr("Saved {count} as {kind}: {path}. Nothing is sent anywhere.").format(
            count=count, kind=self.tr(_KIND_WORDS[kind]), path=out)
        skipped = sum(1 for e in self._entries if not e.readable)
        if which == "all" and skipped:
            message += " " + (self.tr("1 record that could not be read was left out.")
                              if skipped == 1 else
                              self.tr("{n} records that could not be read were left out.")
                              .format(n=skipped))
        self.show_status(message)
        self.saved.emit(out)
        self._close_if_asked()

    def _not_saved(self, error: BaseException, path: str | Path) -> None:
        self._set_saving(False)
        if isinstance(error, OSError):
            self.show_status(save_problem(error, self.tr("The record"), path), error=True)
        elif isinstance(error, ValueError):
            self.show_status(self.tr("The record could not be saved: {reason}.")
                             .format(reason=error), error=True)
        else:  # a fault in Lesson Lab or a writer library, not something the teacher did
            self.show_status(self.tr("The record could not be saved because of a fault in "
                                     "Lesson Lab; your log has not changed."), error=True)
            sys.excepthook(type(error), error, error.__traceback__)
        self.saved.emit(None)
        self._close_if_asked()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_buttons()

    def _close_if_asked(self) -> None:
        if self._close_when_saved:
            self._close_when_saved = False
            QTimer.singleShot(0, self, self.close)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._saving:  # the file first: the window closes by itself after
            event.ignore()
            self._close_when_saved = True
            self.show_status(self.tr("Saving; this window will close when it has finished."))
            return
        super().closeEvent(event)

    def ask_export_path(self, fmt: str, suggestion: str) -> str | None:
        """Ask where to save; None when the teacher cancels (as the practice window asks)."""
        return ask_record_path(self, self.tr("Save from my reflection log"), fmt, suggestion)

