"""The pupil's dictation: the panel's intents in, recognised text and messages out.

Wires a ``widgets.dictation_panel.DictationPanel`` to a
``app.speech_worker.SpeechWorker`` (microphone and engine on their own
threads) and a ``app.transcript_autosave.TranscriptAutosave`` (the disk on its
own thread). The text rules are ``speech.dictation``'s, read at the pupil's
caret by ``speech.dictation_cursor`` (as the lesson editor's dictation does):
each Final phrase goes in at the caret with the capital and spaces the text
around it calls for (at the end, the usual case, exactly as ``apply_phrase``
would add it), and the words still being heard are shown there too.
"scratch that" takes out the last phrase dictated, wherever it went, and
"undo that" takes back the last change dictation made; both only reach the
phrases dictated since the pupil last typed, so nothing typed is ever removed.

What the shell does with it::

    controller = DictationController(panel, microphone=settings.microphone)
    controller.status_changed.connect(status_bar.showMessage)
    controller.read_back.connect(read_aloud.read_text)
    controller.microphone_changed.connect(settings.set_microphone)
    controller.use_settings(settings)  # Save… opens where dictation was saved last time
    controller.set_vocabulary([entry.word for entry in lesson.vocabulary])
    controller.offer_recovery()   # once the window is up
    ...
    controller.finish_last_words()  # when the window closes: the phrase being said
    if not controller.confirm_close():  # unsaved text: Save… / Don't save / Cancel
        controller.close_cancelled()
    controller.shutdown()           # then stop, save, and mark the text finished

Problems (no microphone, microphone unplugged, model missing or damaged,
engine failed) are shown in the panel as one plain sentence; dictation goes
back to idle, the text stays, and pressing Start again tries afresh.

Parts of the controller live in mixins: the microphone list
(``app.dictation_microphones``), the saved file and the question at closing
(``app.dictation_unsaved``), the disk thread's reports and recovery
(``app.dictation_disk``), and the last words and shutdown
(``app.dictation_closing``).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.catching_up import CatchingUp, catching_up_message
from app.dictation_closing import DictationClosing
from app.dictation_disk import DiskReports
from app.dictation_microphones import MicrophoneChoice
from app.dictation_phrases import CHANGED_SINCE, DictatedPhrases
from app.dictation_turns import end_turn, made_way_note, take_turn
from app.dictation_unsaved import UnsavedDictation
from app.recovery_question import ask_to_bring_back
from app.speech_worker import ListeningControls, SpeechWorker, worker_for
from app.transcript_autosave import TranscriptAutosave
from speech.dictation import COMMAND_PHRASES, Change, DictationOptions
from speech.dictation_cursor import preview_at_cursor, word_at_cursor
from widgets.dictation_panel import DictationPanel

# Engines that write their own punctuation and capitals (the rules then remove
# them so the pupil's spoken commands decide), and that are steered towards
# the spoken commands, so a last "common" is a misheard "comma".
_PUNCTUATING_ENGINES = frozenset({"whisper"})
_STEERED_ENGINES = frozenset({"whisper"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationController", text)


def change_message(change: Change) -> str:
    """What to tell the user after an editing command ("" when nothing needs saying)."""
    return {
        Change.SCRATCHED: _tr("The last phrase was removed. Say “undo that” to bring it back."),
        Change.UNDONE: _tr("The last change was undone."),
        Change.NOTHING_TO_SCRATCH: _tr("There is nothing to scratch yet."),
        Change.NOTHING_TO_UNDO: _tr("There is nothing to undo."),
    }.get(change, "")


def engine_options(options: DictationOptions, engine_key: str) -> DictationOptions:
    """``options`` with the fields that depend on the engine set for ``engine_key``.

    Shared with the lesson editor's dictation, so both read phrases alike.
    """
    return replace(
        options,
        engine_punctuates=engine_key in _PUNCTUATING_ENGINES,
        common_means_comma=options.common_means_comma or engine_key in _STEERED_ENGINES,
    )


def _while_open(slot):
    """Drop a call from the worker that comes after ``shutdown``: the window is
    closing, the text is saved, and the panel may already be gone."""

    @functools.wraps(slot)
    def guarded(self, *args) -> None:
        if not self._shut:
            slot(self, *args)

    return guarded


class DictationController(MicrophoneChoice, UnsavedDictation, DiskReports, DictationClosing,
                          ListeningControls, QObject):
    """Brings a DictationPanel to life: listening, text rules, autosave, recovery.

    Constructor: ``panel``; optional ``worker`` (a SpeechWorker; made with
    ``engine``, ``model_path``, ``microphone`` and ``vocabulary`` when not
    given), ``autosave`` (a TranscriptAutosave; made with a default
    ``TranscriptStore`` when not given) and ``options`` (DictationOptions; the
    engine-dependent fields are set by the controller).

    Signals: ``read_back(text)`` for the read-aloud controller;
    ``status_changed(message)`` for the status bar; ``listening_changed(bool)``;
    ``microphone_changed(name)`` when the pupil picks a microphone (save it,
    give it back with ``set_microphone`` next time); ``text_changed(text)``
    whenever the settled text changes; ``recovery_finished(restored)``.
    """

    read_back = Signal(str)
    status_changed = Signal(str)
    listening_changed = Signal(bool)
    microphone_changed = Signal(str)
    text_changed = Signal(str)
    recovery_finished = Signal(bool)

    def __init__(
        self,
        panel: DictationPanel,
        *,
        worker: SpeechWorker | None = None,
        autosave: TranscriptAutosave | None = None,
        options: DictationOptions | None = None,
        engine: str = "auto",
        model_path: str | Path | None = None,
        microphone: str | None = None,
        vocabulary: tuple[str, ...] | list[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.worker = worker_for(self, worker, dictation=True, engine=engine,
                                 model_path=model_path, microphone=microphone,
                                 vocabulary=vocabulary)
        self.autosave = autosave or TranscriptAutosave(parent=self)
        self._options = options or DictationOptions()
        self._text = panel.text()  # the settled text as it now reads
        self._phrases = DictatedPhrases(panel)  # for "scratch that" and "undo that"
        self._info = ""  # the info message this controller is showing, to clear it later
        self._stop_note = ""  # why the microphone is being closed, shown once it is
        self._stop_shown = ""  # that note, while it is on show: a late last phrase keeps it
        self._loading = ""  # the model-loading message last shown, until the engine is ready
        self._save_problem = ""  # the autosave's problem on show, until a save works
        self._recovering = False
        self._offered_saved_at = None  # when the text offered back was last saved
        self._closing = False  # finishing the last words: nothing new may start
        self.last_words = None  # how closing went (app.last_words.LastWords)
        self._shut = False
        self._init_microphones(microphone)

        panel.start_requested.connect(self.start)
        panel.stop_requested.connect(self.stop)
        panel.read_back_requested.connect(self._on_read_back)
        panel.save_requested.connect(self._on_save)
        panel.clear_requested.connect(self._on_clear)
        panel.text_edited.connect(self._on_text_edited)
        panel.word_chosen.connect(self._on_word_chosen)

        w = self.worker
        w.partial.connect(self._on_partial)
        w.final.connect(self._on_final)
        w.level.connect(self._on_level)
        w.error.connect(self._on_error)
        w.listening_changed.connect(self._on_listening)
        w.idle.connect(self._on_idle)
        w.engine_ready.connect(self._on_engine_ready)
        w.progress.connect(self._on_progress)
        w.vocabulary_unknown.connect(self._on_vocabulary_unknown)
        self._catching_up = CatchingUp(w, parent=self)  # the engine is lastingly behind
        self._catching_up.started.connect(self._on_catching_up)
        self._catching_up.ended.connect(self._on_caught_up)

        a = self.autosave
        a.save_failed.connect(self._on_save_failed)
        a.saved.connect(self._on_saved)
        a.exported.connect(self._on_exported)
        a.export_failed.connect(self._on_error)
        a.recovered.connect(self._on_recovered)

        panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])
        panel.set_listening(False)
        self.refresh_microphones()

    # ------------------------------------------------------------------ for the shell

    def set_engine(self, engine: str = "auto", model_path: str | Path | None = None) -> None:
        """Use another engine or model; the panel names it once it has loaded."""
        self.panel.set_engine_name("")  # the old one's name would claim it still listens
        super().set_engine(engine, model_path)

    @Slot()
    def start(self) -> None:
        """Start listening (the panel's Start button, F9 or hold-to-talk)."""
        if self._shut or self._closing:
            return
        if self.panel.message() and not self._info:
            self.panel.clear_message()  # an old problem: trying again
        self._stop_note = ""  # a stop asked for earlier is overtaken by this start
        take_turn(self)  # a lesson editor dictating stops first (app.dictation_turns)
        self.worker.start()

    def stop(self) -> None:
        """Stop listening; the words still being recognised arrive when they settle."""
        end_turn(self)
        super().stop()

    def dictation_place(self) -> str:
        """Where this dictation writes, for another that stops to make way for it."""
        return _tr("the Dictation panel")

    @_while_open
    def make_way_for_dictation(self, place: str) -> None:
        """Another dictation (in ``place``) is starting: stop, keeping the text, and say why."""
        if self.worker.is_listening() or self.worker.is_busy():
            self._stop_note = made_way_note(place, _tr("Press F9 to carry on."))
            self.stop()

    def text(self) -> str:
        """The dictated text as it now reads."""
        return self._text

    def set_text(self, text: str) -> None:
        """Replace the text (for example a saved piece of work the pupil reopens)."""
        self._new_base(text)
        self.panel.set_text(text)
        self.autosave.save_now(text)
        self.text_changed.emit(text)

    def set_options(self, options: DictationOptions) -> None:
        """Change the text rules (numbers as digits, British spelling, commands)."""
        self._options = options

    def options(self) -> DictationOptions:
        """The text rules in use, with the engine-dependent fields filled in."""
        return engine_options(self._options, self.worker.engine_key)

    def ask_restore(self, text: str) -> bool:
        """Ask whether to bring back ``text``; tests and the harness replace this."""
        return ask_to_bring_back(self.panel.window(), text, self._offered_saved_at)

    # ------------------------------------------------------------------ from the worker

    @Slot(str)
    @_while_open
    def _on_partial(self, text: str) -> None:
        before, _after = self.panel.text_around_caret()
        self.panel.show_partial(preview_at_cursor(text, self.options(), before, markdown=False))

    @Slot(str, object)
    @_while_open
    def _on_final(self, text: str, words: object) -> None:
        change = self._phrases.apply(text, self.options())
        self._text = self.panel.text()
        message = change_message(change) or self._scratch_problem(change)
        if message:
            self._show_info(message, over_error=True)
        elif self._info and self._info not in (self.listening_message(),
                                               catching_up_message(), self._stop_shown):
            # A note about the text before ("The last phrase was removed…",
            # "Saved as …") is out of date once a new phrase is in.
            if self.worker.is_listening():
                self._show_info(self.listening_message())
            else:
                self._clear_info()
        self.autosave.save_now(self._text)
        self.text_changed.emit(self._text)

    @Slot(float)
    @_while_open
    def _on_level(self, dbfs: float) -> None:
        self.panel.set_level(dbfs)

    @Slot(str)
    @_while_open
    def _on_error(self, message: str) -> None:
        self._info = ""
        self.panel.show_message(message, "error")
        self.status_changed.emit(message)
        self._note_microphone_problem(message)

    @Slot(bool)
    @_while_open
    def _on_listening(self, listening: bool) -> None:
        self.panel.set_listening(listening)
        self._stop_shown = ""
        if not listening:
            end_turn(self)  # also after a problem closed the microphone
        if listening:
            if self.worker.engine_key:
                self._show_info(self.listening_message())
            self.status_changed.emit(_tr("Dictation is listening."))
        elif self.panel.message_bar.kind == "error":
            # After a problem its message stays, in the panel and the status bar: said
            # again, as the microphone may have reported "listening" after the problem.
            self.status_changed.emit(self.panel.message())
        else:
            if self._info and not self._catching_up.active:
                self._clear_info()
            if self._stop_note:
                self._show_info(self._stop_note)
                self._stop_shown = self._stop_note
            self.status_changed.emit(self._stop_note or _tr("Dictation stopped."))
        self._stop_note = ""
        self.listening_changed.emit(listening)

    @Slot()
    @_while_open
    def _on_idle(self) -> None:
        # The last words are in: a guess that never settled goes.
        self.panel.show_partial("")

    @Slot()
    @_while_open
    def _on_catching_up(self) -> None:
        # In the panel only: its message bar tells a screen reader once; the same
        # words in the status bar would be announced a second time.
        self._show_info(catching_up_message())

    @Slot()
    @_while_open
    def _on_caught_up(self) -> None:
        if self._info == catching_up_message():
            if self.worker.is_listening():
                self._show_info(self.listening_message())
            else:
                self._clear_info()

    @Slot(str)
    @_while_open
    def _on_engine_ready(self, name: str) -> None:
        self.panel.set_engine_name(name)
        if self.worker.is_listening():
            self._show_info(self.listening_message())
        elif self._info and self._info == self._loading:
            # "Loading the … speech model…" was said where the pupil looks: so is the end of it.
            self._show_info(_tr("Dictation is ready. Press F9 or Start dictation to begin."))
        elif self._info:
            self._clear_info()
        self._loading = ""
        self.status_changed.emit(_tr("Speech recognition is ready: {name}.").format(name=name))

    @Slot(str)
    @_while_open
    def _on_progress(self, message: str) -> None:
        self._loading = message
        self.status_changed.emit(message)
        if self.worker.is_listening():
            # The microphone is open (F9 pressed early): what the pupil needs to know is
            # that they are heard, not which file is being checked.
            self._show_info(_tr("Listening. Your words will appear as soon as the speech "
                                "model has loaded."))
            return
        self._show_info(message)

    @Slot(object)
    @_while_open
    def _on_vocabulary_unknown(self, words: list) -> None:
        if words:
            self.status_changed.emit(
                _tr("These key words are not known to the speech engine: {words}.")
                .format(words=", ".join(words)))

    # ------------------------------------------------------------------ from the panel

    @Slot(bool)
    @_while_open
    def make_way_for_reading(self, speaking: bool) -> None:
        """Read aloud has started: stop listening, or the microphone writes down its voice."""
        if speaking and self.worker.is_listening():
            self._stop_note = _tr("Dictation stopped while Lesson Lab reads aloud, so its "
                                  "voice is not written down. Press F9 to carry on.")
            self.stop()

    @Slot(str)
    def _on_read_back(self, text: str) -> None:
        if self.worker.is_listening():
            self.stop()  # the microphone must not hear the voice reading back
        self.read_back.emit(text)

    @Slot(str, str)
    def _on_save(self, path: str, fmt: str) -> None:
        self.remember_saving(path, self.panel.text(), fmt)
        self.autosave.export(self.panel.text(), path, fmt)

    @Slot()
    def _on_clear(self) -> None:
        self._new_base("")
        self.forget_saved_file()
        self.autosave.changed("")
        self.text_changed.emit("")

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        # The pupil's own words become the new base: "scratch that" never removes them.
        self._new_base(text)
        self.autosave.changed(text)
        self.text_changed.emit(text)

    @Slot(str)
    def _on_word_chosen(self, word: str) -> None:
        # A word from the word bank is the pupil's own typing (text_edited follows).
        before, after = self.panel.text_around_selection()
        self.panel.type_text(word_at_cursor(word, before, after, markdown=False))

    # ------------------------------------------------------------------ the text

    def _new_base(self, text: str) -> None:
        """``text`` is the pupil's (typed, cleared, reopened): dictation's history starts afresh."""
        self._text = text
        self._phrases.clear()

    def _scratch_problem(self, change: object) -> str:
        if change is CHANGED_SINCE:
            return _tr("The last dictated phrase has been changed since, "
                       "so it was left as it is.")
        return ""

    # ------------------------------------------------------------------ private

    def listening_message(self) -> str:
        """What the panel says while the microphone is open."""
        return _tr("Listening. Say “full stop” to end a sentence.")

    def _show_info(self, message: str, *, over_error: bool = False) -> None:
        """Show a status; it never hides a problem unless the pupil's own action says so."""
        if self.panel.message_bar.kind == "error" and self.panel.message() and not over_error:
            return
        self._info = message
        self.panel.show_message(message, "info")

    def _clear_info(self) -> None:
        if self.panel.message() == self._info:
            self.panel.clear_message()
        self._info = ""
