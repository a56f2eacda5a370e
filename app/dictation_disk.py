"""What the disk thread tells dictation: saved, not saved, saved as a file, text from last time.

The controller's ``autosave`` (``app.transcript_autosave.TranscriptAutosave``)
saves the text on its own thread and reports back: a save that failed (a full
disk) is shown as a problem until a save works again; a file written by Save…
is remembered and named ("Saved as Monday.txt."); text left by a session that
ended without closing is offered back (``offer_recovery``), and if the pupil
says yes it goes before anything dictated while the question was open.

A mixin for ``app.dictation_controller.DictationController``: it uses the
controller's ``panel``, ``autosave``, ``_text``, ``_shut``, ``status_changed``,
``text_changed``, ``recovery_finished``, ``ask_restore`` (which stays on the
controller, so tests can replace the question), ``_new_base``, ``_on_error``,
``_show_info`` and the saved-file record of ``app.dictation_unsaved``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationController", text)


class DiskReports:
    """The controller's ``offer_recovery`` and its answers to the autosave's signals."""

    def offer_recovery(self) -> bool:
        """Offer text left by a session that ended without closing; call once the window is up.

        The look-up runs on the disk thread; if text is found, ``ask_restore``
        asks the pupil and ``recovery_finished(restored)`` follows. Returns
        False if a look-up is already under way.
        """
        if self._recovering or self._shut:
            return False
        self._recovering = True
        self.autosave.recover()
        return True

    @Slot(str)
    def _on_save_failed(self, message: str) -> None:
        self._save_problem = message
        self.note_copy_kept(False)
        self._on_error(message)

    @Slot(str)
    def _on_saved(self, _text: str) -> None:
        self.note_copy_kept(True)
        # Room again (the disk thread tries again by itself): the problem is over.
        if self._save_problem and self.panel.message() == self._save_problem and not self._shut:
            message = _tr("Your dictation is being saved again.")
            self._show_info(message, over_error=True)
            self.status_changed.emit(message)
        self._save_problem = ""

    @Slot(str)
    def _on_exported(self, path: str) -> None:
        self.remember_saved(path)
        message = _tr("Saved as {name}.").format(name=Path(path).name)
        self._show_info(message, over_error=True)
        self.status_changed.emit(message)

    @Slot(object)
    def _on_recovered(self, recovered: object) -> None:
        text = getattr(recovered, "text", "")
        if not text or self._shut:
            self._recovering = False
            self.recovery_finished.emit(False)
            return
        self._offered_saved_at = getattr(recovered, "saved_at", None)
        restore = self.ask_restore(text)
        self._recovering = False
        if not restore:
            self.autosave.discard()
            self.recovery_finished.emit(False)
            return
        self.autosave.restore()
        # Anything dictated while the question was open goes after the recovered text.
        now = self._text
        combined = text + ("\n\n" + now if now.strip() else "")
        self._new_base(combined)
        self.panel.set_text(combined)
        self.autosave.save_now(combined)
        self.text_changed.emit(combined)
        self._show_info(_tr("Your dictation was brought back."), over_error=True)
        self.recovery_finished.emit(True)
