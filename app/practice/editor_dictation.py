"""Dictation into the lesson editor: each settled phrase goes in at the cursor.

The same engine and microphone threads as the dictation dock and the live
captions (``app.speech_worker.SpeechWorker``, which shares a loaded model
through ``speech.stt.loader``), and the same spoken-command rules
(``speech.dictation`` via ``speech.dictation_cursor``, with the engine's
options from ``app.dictation_controller.engine_options``). What differs is
where the words go: into a text the teacher also types in, so each phrase
is put in at the cursor as one step of undo, and "scratch that" takes out
the last phrase dictated (if it still reads as it was put in).

Words still being heard are shown in the ``widgets.dictation_line.DictationLine``
and never put in until they settle. Problems (no microphone, no speech model)
are one plain sentence in that line; the editor carries on working.

What the window does with it::

    dictation = EditorDictation(editor, line, engine=..., microphone=..., parent=window)
    line.start_requested.connect(dictation.start)
    line.stop_requested.connect(dictation.stop)
    ...
    dictation.finish_last_words()  # when the window closes: the phrase being said goes in
    dictation.shutdown()           # once the window does close
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QTextCursor

from app.dictation_controller import change_message, engine_options
from app.dictation_turns import end_turn, made_way_note, take_turn
from app.last_words import EDITOR_LAST_PHRASE_WAIT_S, unwritten_message
from app.last_words import finish_last_words as write_down_last_words
from app.speech_worker import ListeningControls, SpeechWorker, worker_for
from speech.dictation import Change, DictationOptions
from speech.dictation_cursor import Edit, phrase_at_cursor, preview_at_cursor
from widgets.dictation_line import DictationLine
from widgets.lesson_editor import LessonEditor
from widgets.text_insertion import Insertion


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditorDictation", text)


@dataclass
class _Step:
    """One change dictation made, and the editor's undo step that made it."""

    kind: str  # "insert" or "scratch"
    insertion: Insertion
    position: int
    # The step itself, not the history's length: after Ctrl+Z and a new change the
    # length is the same, but the step on top is the new change. None: no step of its own.
    command: object | None


class EditorDictation(ListeningControls, QObject):
    """Listens and puts each finished phrase into a LessonEditor at its cursor.

    Constructor: the ``editor`` and its dictation ``line``; optional ``worker``
    (a SpeechWorker; made from ``engine``, ``model_path``, ``microphone`` and
    ``vocabulary`` when not given; one without a parent becomes this
    controller's child) and ``options`` (DictationOptions; the
    engine-dependent fields are filled in as the dictation panel's are).

    Signals: ``listening_changed(bool)``, ``status_changed(message)``,
    ``phrase_added(text)`` after a phrase is put in.
    """

    listening_changed = Signal(bool)
    status_changed = Signal(str)
    phrase_added = Signal(str)

    def __init__(
        self,
        editor: LessonEditor,
        line: DictationLine,
        *,
        worker: SpeechWorker | None = None,
        options: DictationOptions | None = None,
        engine: str = "auto",
        model_path: str | Path | None = None,
        microphone: str | None = None,
        vocabulary: tuple[str, ...] | list[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.line = line
        self.worker = worker_for(self, worker, dictation=True, engine=engine,
                                 model_path=model_path, microphone=microphone,
                                 vocabulary=vocabulary)
        if self.worker.parent() is None:
            # Ends with this controller (and its window): words that settle after a close
            # that did not wait for them are then dropped, not sent to deleted widgets.
            self.worker.setParent(self)
        self._options = options or DictationOptions()
        self._pieces: list[Insertion] = []  # phrases put in, for "scratch that"
        self._steps: list[_Step] = []  # changes made, for "undo that"
        self._info = ""  # the info message shown by this controller, to clear it later
        self._stop_note = ""  # why the microphone is being closed, shown once it is
        self._shut = False
        w = self.worker
        w.partial.connect(self._on_partial)
        w.final.connect(self._on_final)
        w.level.connect(line.set_level)
        w.error.connect(self._on_error)
        w.listening_changed.connect(self._on_listening)
        w.idle.connect(lambda: line.show_partial(""))
        w.engine_ready.connect(self._on_engine_ready)
        w.progress.connect(self._on_progress)
        line.set_listening(False)

    # ------------------------------------------------------------------ for the window

    @Slot()
    def start(self) -> None:
        """Start listening; the words go in at the editor's cursor."""
        if self._shut:
            self.line.set_listening(False)
            return
        if self.line.kind == "error":
            self.line.clear_message()  # an old problem: trying again
        elif self._stop_note and self._info == self._stop_note:
            self._clear_info()  # why it stopped last time: starting again answers it
        self._stop_note = ""
        self.editor.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        # The pupil's Dictation panel (or another editor) stops first: one place hears.
        take_turn(self)
        if not self.worker.start():
            self.line.set_listening(self.worker.is_listening())

    def stop(self) -> None:
        """Stop listening; the words still being recognised go in when they settle."""
        end_turn(self)
        super().stop()

    def dictation_place(self) -> str:
        """Where this dictation writes, for another that stops to make way for it."""
        return _tr("the lesson editor")

    def make_way_for_dictation(self, place: str) -> None:
        """Another dictation (in ``place``) is starting: stop, keeping the text, and say why."""
        if self._shut or not (self.worker.is_listening() or self.worker.is_busy()):
            return
        self._stop_note = made_way_note(place, _tr("Press Dictate (F9) to carry on."))
        self.stop()

    def options(self) -> DictationOptions:
        """The text rules in use, with the engine-dependent fields filled in."""
        return engine_options(self._options, self.worker.engine_key)

    def set_options(self, options: DictationOptions) -> None:
        """Change the text rules (numbers as digits, British spelling, commands)."""
        self._options = options

    def finish_last_words(self, timeout_s: float | None = None) -> bool:
        """The window is closing: close the microphone and let the engine finish what it heard.

        The phrase being said settles and goes in at the cursor as any other
        (one step of undo), so it counts as an unsaved change. Waits at most
        ``timeout_s`` (None: the dictation dock's bound), in a local event loop;
        True when every word heard has gone in. Dictation then stays stopped,
        and the line says so in case the close is cancelled. Call ``shutdown``
        if the window does close.
        """
        if self._shut:
            return True
        was_listening = self.worker.is_listening()
        # As the pupil's dictation closes: speech still waiting is written down in
        # plain sight, with "Close now" (app.last_words), never dropped silently.
        wait_s = EDITOR_LAST_PHRASE_WAIT_S if timeout_s is None else timeout_s
        result = write_down_last_words(self.worker, self.editor.window(), wait_s)
        if not result.settled:
            self._show_info(unwritten_message(result.unwritten_s, offered_back=False))
        elif was_listening:
            self._show_info(_tr("Dictation stopped so the window could close. "
                                "Press Dictate (F9) to start again."))
        return result.settled

    def shutdown(self) -> None:
        """The window is closing: stop listening and let the threads end.

        Words still being recognised are dropped: call ``finish_last_words``
        first to keep them.
        """
        if not self._shut:
            self._shut = True
            end_turn(self)
            self.worker.shutdown()

    # ------------------------------------------------------------------ from the worker

    @Slot(str)
    def _on_partial(self, text: str) -> None:
        before, _after = self.editor.text_around_cursor()
        self.line.show_partial(preview_at_cursor(text, self.options(), before))

    @Slot(str, object)
    def _on_final(self, text: str, _words: object) -> None:
        self.line.show_partial("")
        before, after = self.editor.text_around_cursor()
        phrase = phrase_at_cursor(text, self.options(), before, after)
        if phrase.text:
            before = self.editor.last_step()
            insertion = self.editor.insert_text_at_cursor(phrase.text, phrase.back)
            self._pieces.append(insertion)
            self._remember("insert", insertion, before)
            self.phrase_added.emit(phrase.text)
            if self._info and self._info != self._stop_note:
                self._clear_info()  # out of date; why it stopped stays until it starts again
        for edit in phrase.edits:
            self._scratch() if edit is Edit.SCRATCH else self._undo()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._info = ""
        self.line.show_message(message, "error")
        self.status_changed.emit(message)

    @Slot(bool)
    def _on_listening(self, listening: bool) -> None:
        self.line.set_listening(listening)
        note = "" if listening else self._stop_note
        if not listening:
            end_turn(self)  # also after a problem closed the microphone
            if note:
                self._show_info(note)  # kept until Dictate is pressed again
        self.status_changed.emit(_tr("Dictating into the lesson.") if listening
                                 else note or _tr("Dictation stopped."))
        self.listening_changed.emit(listening)

    @Slot(str)
    def _on_engine_ready(self, name: str) -> None:
        if self._info:
            self._clear_info()
        self.status_changed.emit(_tr("Speech recognition is ready: {name}.").format(name=name))

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        self._show_info(message)
        self.status_changed.emit(message)

    # ------------------------------------------------------------------ editing commands

    def _scratch(self) -> None:
        if not self._pieces:
            self._show_info(change_message(Change.NOTHING_TO_SCRATCH))
            return
        insertion = self._pieces.pop()
        position = insertion.position()
        before = self.editor.last_step()
        if not self.editor.remove_insertion(insertion):
            self._show_info(_tr("The last dictated phrase has been changed since, "
                                "so it was left as it is."))
            return
        self._remember("scratch", insertion, before, position)
        self._show_info(change_message(Change.SCRATCHED))

    def _undo(self) -> None:
        """Undo the last dictated change, if it is still the last change (nothing since)."""
        last = self.editor.last_step()
        if not self._steps or last is None or self._steps[-1].command is not last:
            self._show_info(change_message(Change.NOTHING_TO_UNDO))
            return
        step = self._steps.pop()
        self.editor.undo()
        if step.kind == "insert":
            if self._pieces and self._pieces[-1] is step.insertion:
                self._pieces.pop()
        else:
            # The phrase is back where it was: "scratch that" may take it again.
            cursor = QTextCursor(self.editor.text_edit.document())
            cursor.setPosition(step.position)
            step.insertion.start = cursor
            self._pieces.append(step.insertion)
        self._show_info(change_message(Change.UNDONE))

    def _remember(self, kind: str, insertion: Insertion, before: object | None,
                  position: int | None = None) -> None:
        """Remember a change just made; ``before`` was the last step before it."""
        step = self.editor.last_step()  # text and details share one history
        self._steps.append(_Step(kind, insertion, insertion.position() if position is None
                                 else position, step if step is not before else None))

    # ------------------------------------------------------------------ messages

    def _show_info(self, message: str) -> None:
        """Show a status; it never hides a problem still shown."""
        if not message or self.line.kind == "error":
            return
        self._info = message
        self.line.show_message(message, "info")

    def _clear_info(self) -> None:
        if self.line.kind == "info" and self.line.message_text() == self._info:
            self.line.clear_message()
        self._info = ""
