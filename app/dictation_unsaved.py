"""The file the dictation was saved to, where Save… opens, and the question at closing.

Dictation is saved every second as a transcript in the data folder, so a
crash loses nothing, but a pupil never sees that folder: for them, closing
the window used to make their writing vanish. Now closing with text that no
file holds as it now reads asks "Save your dictation?", worded by what
happened:

* never saved to a file: "Save your writing before Lesson Lab closes?";
  Save… asks where, as the panel's button does;
* saved to a file and changed since: "You have changed your writing since
  you saved it as Monday.txt"; Save writes Monday.txt again at once, with no
  dialog, as any editor does. When that folder has gone (a USB stick taken out), or
  Lesson Lab could not keep a copy (a full disk: the pupil may need to
  choose somewhere else), Save… asks where instead, starting at Monday.txt.

Don't save closes (the transcript is still kept, and the question says when
it could not be); Cancel keeps the app open.

Saving also decides where the panel's Save… opens next: the folder and
format of the last save (remembered in the settings across restarts, when
``use_settings`` gave them), suggesting the same file again until the text
is cleared (then a new, dated name: ``widgets.dictation_save``).

A mixin for ``app.dictation_controller.DictationController`` (it uses the
controller's ``panel`` and ``text()``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.recent_folders import remember, start_folder
from app.transcript_export import FORMATS, ExportError, export_transcript
from widgets.button_question import (
    ACCEPT,
    DESTRUCTIVE,
    QUESTION,
    REJECT,
    WARNING,
    Choice,
    ask_buttons,
)

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
KIND = "dictation"  # app.recent_folders' name for the folder dictation is saved in
FORMAT_KEY = "files/format_dictation"  # "txt" or "docx", the format chosen last time


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationController", text)


def _same_path(path: str) -> str:
    # The disk thread reports the path it wrote as str(Path(...)).
    return str(Path(path)) if path else ""


class UnsavedDictation:
    """What the dictation was last saved as, where Save… opens, and the question at closing."""

    _saved_text = ""  # the text as last saved to a file
    _saved_file: tuple[str, str] = ("", "")  # (path, format) it was saved to; "" since a Clear
    _saving: tuple[str, str, str] = ("", "", "")  # (path, text, format) of the file being written
    _save_place: tuple[str, str] = ("", "txt")  # (folder, format) Save… opens with
    _settings = None  # an app.settings.AppSettings that remembers the place across restarts

    _copy_kept = True  # the transcripts folder holds the text as it now reads

    def use_settings(self, settings) -> None:
        """Remember where dictation is saved (folder and format) in ``settings``, and open
        the panel's Save… where it was last saved, even in an earlier session."""
        self._settings = settings
        fmt = settings.text(FORMAT_KEY)
        self._save_place = (str(start_folder(settings, KIND)),
                            fmt if fmt in FORMATS else "txt")
        self._show_save_place()

    def note_copy_kept(self, kept: bool) -> None:
        """Whether the last autosave of the transcript worked (a full disk: False)."""
        self._copy_kept = kept

    def remember_saving(self, path: str, text: str, fmt: str = "") -> None:
        """``text`` is being written to ``path`` as ``fmt`` (confirmed by ``remember_saved``)."""
        fmt = fmt or Path(path).suffix.lower().lstrip(".")
        self._saving = (_same_path(path), text, fmt)

    def remember_saved(self, path: str) -> None:
        """The file at ``path`` was written: its text counts as saved, and Save… offers it again."""
        saving_path, text, fmt = self._saving
        if saving_path and saving_path == _same_path(path):
            self._saved_to(saving_path, fmt, text)

    def forget_saved_file(self) -> None:
        """The text was cleared: what comes next is a new piece of work, so Save… offers a
        new name instead of replacing the file saved before."""
        self._saved_file = ("", "")
        self._show_save_place()

    def saved_file(self) -> str:
        """The file the text was last saved to ("" when never, or not since a Clear)."""
        return self._saved_file[0]

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
        if self._saves_in_place():
            path, fmt = self._saved_file
        else:
            chosen = self.panel.ask_save_path()
            if chosen is None:
                return False  # the file dialog was cancelled: stay open, nothing lost
            path, fmt = chosen
        text = self.text()
        try:
            written = export_transcript(text, path, fmt)
        except ExportError as error:
            self.panel.show_message(str(error), "error")
            return False
        self._saved_to(str(written), fmt, text)
        return True

    def ask_save_on_close(self) -> str:
        """SAVE, DISCARD or CANCEL from a question box; tests replace this."""
        question, detail = self._close_question()
        # No "…" when Save writes the file at once: nothing more will be asked.
        label = _tr("&Save") if self._saves_in_place() else _tr("&Save…")
        return ask_buttons(
            self.panel.window(), _tr("Save your dictation?"), question, detail,
            [Choice(label, ACCEPT, SAVE), Choice(_tr("&Don't save"), DESTRUCTIVE, DISCARD),
             Choice(_tr("&Cancel"), REJECT, CANCEL)],
            default=SAVE, icon=QUESTION if self._copy_kept else WARNING)

    # ------------------------------------------------------------------ private

    def _saves_in_place(self) -> bool:
        """Save at closing writes the file last saved to, with no dialog: when there is
        one, its folder is still there, and Lesson Lab kept a copy of the text (on a full
        disk the pupil may have to choose somewhere else, so the dialog opens)."""
        path = self._saved_file[0]
        return bool(path) and Path(path).parent.is_dir() and self._copy_kept

    def _close_question(self) -> tuple[str, str]:
        """The question at closing and its detail, in short words a pupil can follow."""
        path = self._saved_file[0]
        name = Path(path).name
        lost = _tr("Lesson Lab could not keep a copy (the disk may be full), so if you don't "
                   "save, your words will be lost. Try saving on a USB stick.")
        if not path:
            question = _tr("Save your writing before Lesson Lab closes?")
        elif not Path(path).parent.is_dir():
            question = _tr("The folder you saved {name} in has gone (perhaps a USB stick was "
                           "taken out). Save your writing somewhere else?").format(name=name)
        elif self._copy_kept:
            return (_tr("You have changed your writing since you saved it as {name}. "
                        "Save the changes to {name}?").format(name=name),
                    _tr("If you don't, {name} keeps what you saved before. A copy of the "
                        "changes is kept on this computer for your teacher, but they will "
                        "not be here next time.").format(name=name))
        else:
            return (_tr("You have changed your writing since you saved it as {name}. "
                        "Save it before Lesson Lab closes?").format(name=name), lost)
        if self._copy_kept:
            return question, _tr("If you don't, it will not be here next time. A copy is "
                                 "kept on this computer for your teacher.")
        return question, lost

    def _saved_to(self, path: str, fmt: str, text: str) -> None:
        """``text`` is now in the file at ``path``: Save… opens there next time."""
        self._saved_text = text
        self._saved_file = (path, fmt)
        self._save_place = (str(Path(path).parent), fmt)
        if self._settings is not None:
            remember(self._settings, KIND, path)
            self._settings.set(FORMAT_KEY, fmt)
        self._show_save_place()

    def _show_save_place(self) -> None:
        folder, fmt = self._save_place
        self.panel.set_save_start(folder, fmt, self._saved_file[0])


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
