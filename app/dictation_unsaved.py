"""Closing Lesson Lab with dictated text that was never saved: the pupil is asked.

Dictation is saved every second as a transcript in the data folder, so a
crash loses nothing, but a pupil never sees that folder: for them, closing
the window used to make their writing vanish. Now closing with text that
has not been saved (Save… in the panel) asks "Save your dictation?": Save…
asks where, as the panel's button does, and writes the file before the
window goes; Don't save closes (the transcript is still kept); Cancel keeps
the app open.

A mixin for ``app.dictation_controller.DictationController`` (it uses the
controller's ``panel`` and ``text()``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.transcript_export import ExportError, export_transcript

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationController", text)


class UnsavedDictation:
    """What the dictation was last saved as, and the question at closing."""

    _saved_text = ""  # the text as last saved to a file
    _saving: tuple[str, str] = ("", "")  # (path, text) of the file being written

    _copy_kept = True  # the transcripts folder holds the text as it now reads

    def note_copy_kept(self, kept: bool) -> None:
        """Whether the last autosave of the transcript worked (a full disk: False)."""
        self._copy_kept = kept

    def remember_saving(self, path: str, text: str) -> None:
        """``text`` is being written to ``path`` (confirmed by ``remember_saved``)."""
        self._saving = (path, text)

    def remember_saved(self, path: str) -> None:
        """The file at ``path`` was written: its text counts as saved."""
        if self._saving[0] == path:
            self._saved_text = self._saving[1]

    def has_unsaved_text(self) -> bool:
        """True when there is dictated text that no file holds as it now reads."""
        text = self.text()
        return bool(text.strip()) and text != self._saved_text

    def confirm_close(self) -> bool:
        """Ask about unsaved text before the app closes; False to keep it open (Cancel).

        Call it after the last words have settled (``finish_last_words``), so
        a file saved here holds them too.
        """
        if not self.has_unsaved_text():
            return True
        answer = self.ask_save_on_close()
        if answer == DISCARD:
            return True
        if answer != SAVE:
            return False
        chosen = self.panel.ask_save_path()
        if chosen is None:
            return False  # the file dialog was cancelled: stay open, nothing lost
        path, fmt = chosen
        try:
            export_transcript(self.text(), path, fmt)
        except ExportError as error:
            self.panel.show_message(str(error), "error")
            return False
        self._saved_text = self.text()
        return True

    def ask_save_on_close(self) -> str:
        """SAVE, DISCARD or CANCEL from a question box; tests replace this."""
        box = QMessageBox(self.panel.window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_tr("Save your dictation?"))
        box.setText(_tr("Your dictation has not been saved. "
                        "Do you want to save it before Lesson Lab closes?"))
        if self._copy_kept:
            box.setInformativeText(_tr("If you do not save it, a copy stays in Lesson Lab's "
                                       "transcripts folder, but it will not be in the panel "
                                       "next time."))
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(_tr("Lesson Lab could not keep a copy of it (the disk may "
                                       "be full). If you do not save it somewhere else, for "
                                       "example on a USB stick, it will be lost."))
        save = box.addButton(_tr("&Save…"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_tr("&Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def leave_unsaved(window) -> None:
    """Let the main ``window`` close without asking about dictated text (its transcript keeps it).

    For scripts that close the app themselves (benchmarks, screenshots, the
    end-to-end harness, tests), where nobody is there to answer.
    """
    dictation = getattr(window, "dictation", None)
    if dictation is not None:
        dictation.ask_save_on_close = lambda: DISCARD


def close_without_asking(window) -> bool:
    """Close the main ``window`` as ``leave_unsaved`` allows; True when it closed."""
    leave_unsaved(window)
    return window.close()
