"""Practice mode's saving: the session into the reflection log, and exported as a file.

A mixin for :class:`app.practice.practice_window.PracticeWindow` (it uses the
window's ``run``, ``editor``, ``workbench``, ``reflections``,
``reflection_store``, ``_state`` and ``show_message``). ``ask_export_path``
is the seam tests answer instead of a dialog; it asks with ``ask_record_path``,
which the reflection log window shares. Nothing is sent anywhere.
"""

from __future__ import annotations

from pathlib import Path

from app.practice.session import record_file_name
from app.recent_folders import remember, start_path
from app.settings import AppSettings
from lessons.reflection import ReflectionSaveError
from lessons.save_problem import save_problem
from widgets.save_as import ask_save_as


def ask_record_path(parent, title: str, fmt: str, suggestion: str) -> str | None:
    """Ask where to save a practice record as ``fmt`` ("docx" or "pdf"), in a save box
    over ``parent`` called ``title``; None when the teacher cancels.

    A name typed without an ending gets the chosen type's ("my notes" with
    Plain text chosen is my notes.txt), asking first if that file exists
    (widgets/save_as.py)."""
    kinds = {"docx": [(parent.tr("Word document"), "docx"), (parent.tr("Plain text"), "txt")],
             "pdf": [(parent.tr("PDF"), "pdf")]}[fmt]
    # In the folder the last record went to (a shared CPD folder, a USB stick).
    settings = AppSettings()
    chosen = ask_save_as(parent, title, start_path(settings, "reflection", suggestion),
                         kinds, fmt)
    if chosen is None:
        return None
    remember(settings, "reflection", chosen[0])
    return chosen[0]


class PracticeSaving:
    """Save and export for the practice window."""

    def finish_session(self):
        """The record of the session as it stands (not saved)."""
        if self.run is None:
            raise RuntimeError("no practice session is in progress")
        return self.run.finish(self.editor.text(), self.workbench.profile(),
                               self.workbench.scores(), self.reflections.answers())

    def save_session(self) -> Path | None:
        """Save the session in the reflection log on this computer; returns the file."""
        if self.run is None:
            return None
        try:
            path = self.reflection_store.save(self.finish_session())
        except ReflectionSaveError as error:  # one plain sentence: the disk is full…
            self.show_message(str(error), "error")
            return None
        except (OSError, ValueError) as error:
            self.show_message(self.tr("The practice record could not be saved: {reason}.")
                              .format(reason=getattr(error, "strerror", None) or error),
                              "error")
            return None
        self._saved_state = self._state()
        # Where to find it again, not the log's own file name (a .json nobody can read).
        self.reflections.show_status(self.tr(
            "Saved in your reflection log on this computer. To read it again, or save it "
            "as a Word document or PDF, choose Practice › My reflection log. Nothing is "
            "sent anywhere."))
        return path

    def export(self, fmt: str, path: str | Path | None = None) -> Path | None:
        """Save the session (if the log can take it), then export it as "docx", "txt" or
        "pdf" to ``path``.

        ``path`` is asked for when None; the file name's ending decides the format.
        """
        if self.run is None:
            return None
        # Into the log first; if the log's disk refuses (full, read-only), the
        # record can still go to another place, such as a USB stick.
        self.save_session()
        session = self.finish_session()
        if path is None:
            path = self.ask_export_path(fmt, record_file_name(session, fmt))
            if not path:
                return None
        try:
            out = self.run.export(session, fmt, Path(path))
        except OSError as error:
            self.show_message(save_problem(error, self.tr("The record"), path), "error")
            return None
        except ValueError as error:  # a format the record cannot be written as
            self.show_message(self.tr("The record could not be exported: {reason}.").format(
                reason=error), "error")
            return None
        self.reflections.show_status(self.tr("Exported to {path}. Nothing is sent anywhere.")
                                     .format(path=out))
        return out

    def ask_export_path(self, fmt: str, suggestion: str) -> str | None:
        """Ask where to export; None when the teacher cancels (``ask_record_path``)."""
        return ask_record_path(self, self.tr("Save the practice record"), fmt, suggestion)
