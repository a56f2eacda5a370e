"""Read aloud: the controller between the lesson view and the text-to-speech engine.

``ReadAloudController`` reads the lesson, a section, the selection or from
the caret in a ``LessonView``; pauses, resumes, stops, skips to the next or
previous sentence; changes speed (0.5x to 2x) and voice (British English by
default); reads a key word and its meaning when one is clicked; and saves the
lesson or a section as a WAV file for pupils to listen to at home. The voice,
speed and speaker methods are in app/read_aloud_voice.py, saving in
app/read_aloud_export.py.

One worker thread (app/read_aloud_worker.py) owns the synthesiser and the
player. Its reports arrive here through app/thread_relay, so the GUI thread never
waits on synthesis or audio. The player reports each word when the audio
clock reaches it; the controller then highlights it in the view
(widgets/speech_highlight.py) and emits ``word_highlighted``.

Each reading remembers the document it reads: the view's, a text box's, or
None for text shown nowhere (a key word). A word is highlighted by the
highlighter of that document, and only while it is still shown.
``read_in(box, text)`` reads a text box that is not the lesson (the pupil's
dictation) with the spoken word highlighted in it the same way; it is in
app/read_back.py. ``move_to_view(view)`` points read aloud at another lesson
view (the projector's, while presenting) and carries a reading on there from
the word being read; it is in app/read_aloud_move.py.

The window shell adds ``actions()`` to a Read aloud menu and toolbar,
``voice_menu()`` and ``rate_widget()`` where it likes (app/read_aloud_window.py),
and shows ``status_changed`` and ``error`` messages (see app/read_aloud_ui.py for
the shortcuts). Call ``shutdown()`` when the window closes.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from app import thread_relay
from app.read_aloud_export import SoundFileExport
from app.read_aloud_move import MoveToView
from app.read_aloud_text import (
    DocumentText,
    ReadingPlan,
    TextBlock,
    plan_from,
    plan_lesson,
    plan_section,
    plan_selection,
    plan_text,
)
from app.read_aloud_voice import VoiceAndSpeed
from app.read_aloud_window import WindowControls
from app.read_aloud_worker import (
    PlayerFactory,
    ReadAloudWorker,
    ReadJob,
    SynthesiserFactory,
)
from app.read_back import ReadingInATextBox
from lessons.document_positions import one_per_position
from speech.tts.base import RATE_SCALE_MAX, RATE_SCALE_MIN, Voice
from widgets.lesson_document import HEADING2, HEADING3, TITLE
from widgets.speech_highlight import SpeechHighlighter

_HEADING_LEVELS = {TITLE: 1, HEADING2: 2, HEADING3: 3}
IDLE, READING, PAUSED = "idle", "reading", "paused"
# Speed and voice changes wait this long for the slider to settle before the
# current sentence is read again with them.
SETTLE_MS = 300


def snapshot(document: QTextDocument) -> DocumentText:
    """The document's text (index = position) and blocks, for app/read_aloud_text.py."""
    blocks = []
    block = document.begin()
    while block.isValid():
        start = block.position()
        level = _HEADING_LEVELS.get(block.userState(), 0)
        blocks.append(TextBlock(start, start + block.length() - 1, level))
        block = block.next()
    return DocumentText(one_per_position(document.toRawText()), tuple(blocks))


class ReadAloudController(QObject, VoiceAndSpeed, SoundFileExport, ReadingInATextBox,
                          MoveToView, WindowControls):
    """Reads a LessonView aloud with the spoken word highlighted.

    Signals: ``status_changed(str)`` plain progress for a status bar;
    ``voice_changed(str)`` the voice's name; ``speaking_changed(bool)`` True
    from the start of a reading to its end (paused included);
    ``paused_changed(bool)``; ``rate_changed(float)`` the speed scale;
    ``voices_changed()`` the list of voices is known; ``word_highlighted(start,
    length, text)`` each word as it is highlighted (document positions);
    ``export_finished(str)`` the path of a WAV saved; ``error(str)`` one plain
    sentence when something fails (reading stops, the app carries on);
    ``reading_heard()`` once a reading's first word is reached in the audio,
    so a problem shown before can go; ``echo_failed(str)`` in place of
    ``error`` when an ``echo`` could not be said.
    """

    status_changed = Signal(str)
    voice_changed = Signal(str)
    speaking_changed = Signal(bool)
    paused_changed = Signal(bool)
    rate_changed = Signal(float)
    voices_changed = Signal()
    word_highlighted = Signal(int, int, str)
    export_finished = Signal(str)
    error = Signal(str)
    reading_heard = Signal()
    echo_failed = Signal(str)

    def __init__(self, view, parent: QObject | None = None, *,
                 synthesiser_factory: SynthesiserFactory | None = None,
                 player_factory: PlayerFactory | None = None,
                 device: int | str | None = None,
                 voice_id: str | None = None, rate_scale: float = 1.0) -> None:
        super().__init__(parent)
        self._view = None
        self.highlighter: SpeechHighlighter | None = None
        self._voices: list[Voice] | None = None
        self._voice_id = voice_id
        self._rate = min(RATE_SCALE_MAX, max(RATE_SCALE_MIN, rate_scale))
        self._state = IDLE
        self._generation = 0
        self._plan: ReadingPlan | None = None
        self._document = None  # the QTextDocument being read (None: text shown nowhere)
        self._whole_lesson = False
        self._sentence = 0
        self._settings_changed = False
        self._engine_note = ""
        self._engine_problem = ""  # set when the engine could not start at all
        self._drift: list[tuple[float, float]] | None = None
        self._turning = False
        self._announced = -1  # the generation whose "Reading aloud with…" has been said
        self._heard = -1  # the generation whose first word has been reached
        self.speak_key_words = True  # read a key word and its meaning when one is clicked
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._apply_new_settings)
        self.set_view(view)
        self._worker = ReadAloudWorker(
            thread_relay.register(self), synthesiser_factory, player_factory, device
        )
        # A controller dropped without shutdown() still ends its worker. Not from
        # ``destroyed``: Qt emits that while Python frees the controller, and a call
        # into Python from there crashed a test run (see app/speech_worker.py).
        weakref.finalize(self, self._worker.quit)

    # ----- the view ---------------------------------------------------------------

    def view(self):
        """The lesson view being read."""
        return self._view

    def set_view(self, view) -> None:
        """Read ``view`` from now on (a reading in the old view stops)."""
        if view is self._view:
            return
        if self._view is not None:
            self.stop()
        self._switch_view(view)

    def _switch_view(self, view) -> None:
        if self._view is not None:
            try:
                self.highlighter.clear()
                self._disconnect_view(self._view)
                self.highlighter.deleteLater()
            except RuntimeError:  # the old view (a projector's) has been deleted already
                pass
        self._view = view
        self.highlighter = SpeechHighlighter(view)
        self.highlighter.highlighted.connect(self.word_highlighted)
        view.vocabulary_activated.connect(self._on_key_word)
        view.profile_applied.connect(self._check_document)
        view.section_changed.connect(self._check_document)

    def _disconnect_view(self, view) -> None:
        view.vocabulary_activated.disconnect(self._on_key_word)
        view.profile_applied.disconnect(self._check_document)
        view.section_changed.disconnect(self._check_document)

    def _snapshot(self) -> DocumentText:
        return snapshot(self._view.document())

    def _highlighter_for(self, document) -> SpeechHighlighter | None:
        """The highlighter showing ``document``'s words: a text box's (``read_in``), the
        view's, or None when ``document`` is None or shown in neither."""
        if document is None:
            return None
        box_highlighter = self._box_highlighter_for(document)
        if box_highlighter is not None:
            return box_highlighter
        return self.highlighter if document is self._view.document() else None

    def _reading_the_view(self) -> bool:
        """True when the words being read are those the view shows."""
        return self._highlighter_for(self._document) is self.highlighter

    # ----- what to read -----------------------------------------------------------------

    def read_from_caret(self) -> bool:
        """Read from the word at the caret to the end. False when there is nothing to read."""
        caret = self._view.textCursor()
        return self._read_view(plan_from(self._snapshot(), caret.selectionStart()))

    def read_lesson(self) -> bool:
        """Read everything shown; in focus mode, every page from the first."""
        view = self._view
        if view.lesson() is not None and view.profile().focus_mode and view.section_index():
            self.stop()
            view.go_to_section(0)
        return self._read_view(plan_lesson(self._snapshot()), whole_lesson=True)

    def read_section(self) -> bool:
        """Read the section at the caret, from its heading."""
        caret = self._view.textCursor().position()
        return self._read_view(plan_section(self._snapshot(), caret))

    def read_selection(self) -> bool:
        """Read only the selected text."""
        caret = self._view.textCursor()
        if not caret.hasSelection():
            self.status_changed.emit(self.tr("Select some text first, then choose Read selection."))
            return False
        plan = plan_selection(self._snapshot(), caret.selectionStart(), caret.selectionEnd())
        return self._read_view(plan)

    def read_text(self, text: str) -> bool:
        """Read text that is shown nowhere (nothing is highlighted); see ``read_in``."""
        return self._begin(plan_text(text), None)

    def speak_vocabulary(self, word: str, definition: str) -> bool:
        """Read a key word and its meaning (the view emits this when one is clicked)."""
        text = f"{word}. {definition}" if definition else word
        return self.read_text(text)

    def echo(self, text: str) -> bool:
        """Say ``text``, a word or sentence the pupil has just typed (speak as I type),
        quietly: nothing is highlighted or said in the status bar, and only the echo
        before it is cut off, never a reading (False: a reading is under way)."""
        if self._engine_problem:
            self.echo_failed.emit(self._engine_problem)
            return False
        if self._state != IDLE or not text.strip():
            return False
        self._settle.stop()
        self._generation = self._worker.supersede()
        self._document = None
        self._worker.submit(ReadJob(self._generation, plan_text(text), 0, self._voice_id,
                                    self._rate))
        return True

    def stop_echo(self) -> None:
        """Stop an ``echo`` being said, if any; a reading carries on."""
        if self._state == IDLE:
            self._generation = self._worker.supersede()

    def _on_key_word(self, word: str, definition: str) -> None:
        if self.speak_key_words:
            self.speak_vocabulary(word, definition)

    def _read_view(self, plan: ReadingPlan, first: int = 0, *,
                   whole_lesson: bool = False) -> bool:
        """Read ``plan``, made from the view's text, highlighting the words in the view."""
        return self._begin(plan, self._view.document(), first, whole_lesson=whole_lesson)

    def _begin(self, plan: ReadingPlan, document: QTextDocument | None, first: int = 0, *,
               whole_lesson: bool = False) -> bool:
        """Read ``plan`` from sentence ``first``; its words are in ``document`` (the
        view's, a text box's) or shown nowhere (None)."""
        if self._engine_problem:
            self.error.emit(self._engine_problem)
            return False
        if not plan:
            self.stop()
            self.status_changed.emit(self.tr("There are no words to read here."))
            return False
        self._settle.stop()
        self._generation = self._worker.supersede()
        self._plan = plan
        self._document = document
        self._whole_lesson = whole_lesson
        self._sentence = first
        self._settings_changed = False
        self._clear_highlights()
        self._worker.submit(ReadJob(self._generation, plan, first, self._voice_id, self._rate))
        self._set_state(READING)
        return True

    # ----- pause, resume, stop, sentences --------------------------------------------------

    def is_speaking(self) -> bool:
        """True while a reading is under way (paused or not)."""
        return self._state != IDLE

    def is_paused(self) -> bool:
        return self._state == PAUSED

    def toggle(self) -> None:
        """F5: read from the caret; pause while reading; carry on when paused."""
        if self._state == READING:
            self.pause()
        elif self._state == PAUSED:
            self.resume()
        else:
            self.read_from_caret()

    def pause(self) -> None:
        """Pause the voice; ``resume`` carries on from the same word."""
        if self._state == READING:
            self._worker.set_paused(True)
            self._set_state(PAUSED)

    def resume(self) -> None:
        """Carry on after ``pause`` (with a new voice or speed, from the sentence's start)."""
        if self._state != PAUSED:
            return
        if self._settings_changed:
            self._restart(self._sentence)
        else:
            self._worker.set_paused(False)
            self._set_state(READING)

    def stop(self) -> None:
        """Stop reading, or an echo. The caret stays at the last word read."""
        self._settle.stop()
        if self._state == IDLE:
            self.stop_echo()
            return
        self._generation = self._worker.supersede()
        self._clear_highlights()
        self._set_state(IDLE, self.tr("Reading stopped."))

    def next_sentence(self) -> bool:
        """Go to the next sentence (from the caret when not reading)."""
        return self._skip(+1)

    def previous_sentence(self) -> bool:
        """Go back a sentence (from the caret when not reading)."""
        return self._skip(-1)

    def _skip(self, step: int) -> bool:
        if self._state == IDLE or self._plan is None or self._document is None:
            plan = plan_lesson(self._snapshot())
            if not plan:
                return False
            here = plan.sentence_at(self._view.textCursor().position())
            return self._read_view(plan, max(0, min(here + step, len(plan.sentences) - 1)))
        target = self._sentence + step
        if target >= len(self._plan.sentences):
            self.status_changed.emit(self.tr("That is the last sentence."))
            return False
        return self._restart(max(0, target))

    def _restart(self, sentence: int) -> bool:
        """Read the current plan again, in the same document, from ``sentence``."""
        return self._begin(self._plan, self._document, sentence,
                           whole_lesson=self._whole_lesson)

    def _clear_highlights(self) -> None:
        self.highlighter.clear()
        self._clear_box_highlight()

    def current_sentence(self) -> int:
        """Index of the sentence being read in the current plan."""
        return self._sentence

    def plan(self) -> ReadingPlan | None:
        """What is being (or was last) read."""
        return self._plan

    def _settings_later(self) -> None:
        if self._state == READING:
            self._settle.start()
        elif self._state == PAUSED:
            self._settings_changed = True

    def _apply_new_settings(self) -> None:
        if self._state == READING and self._plan is not None:
            self._restart(self._sentence)

    # ----- measuring --------------------------------------------------------------------

    def record_drift(self, on: bool = True) -> None:
        """Start (or stop) noting, for each highlight, the word's time and the audio clock."""
        self._drift = [] if on else None

    def drift_samples(self) -> list[tuple[float, float]]:
        """(word time in the audio, audio position heard when highlighted), in seconds."""
        return list(self._drift or [])

    # ----- shutting down -----------------------------------------------------------------

    def shutdown(self, wait: float = 0.0) -> bool:
        """Stop reading and end the worker thread. ``wait`` > 0 waits that long (tests)."""
        self.stop()
        self._worker.cancel_export()
        self._worker.quit()
        return self._worker.join(wait) if wait > 0 else True

    # ----- from the worker --------------------------------------------------------------------

    def _on_relayed(self, report: tuple) -> None:
        """A report from the worker (``ReadAloudWorker``), now on the GUI thread.

        Report ``name`` goes to ``_on_name``. Looked up on each call: a table of
        bound methods kept on the controller would keep it alive in a cycle,
        to be freed later by the garbage collector on whichever thread runs it.
        """
        name, args = report
        getattr(self, f"_on_{name}")(*args)

    def _on_export_failed(self, message: str) -> None:
        self.error.emit(message)

    def _on_problem(self, message: str) -> None:
        self.error.emit(message)

    def _on_engine_ready(self, voices: list, engine_voice: str, reason: str) -> None:
        self._voices = list(voices)
        if not self._voices:
            self._engine_note = reason
            self.error.emit(self.tr(
                "No voice is installed on this computer, so the words are highlighted "
                "without sound."))
        elif self._voice_id is None or not any(v.id == self._voice_id for v in self._voices):
            missing = self._voice_id
            self._voice_id = engine_voice or self._voices[0].id
            if missing:
                self.status_changed.emit(self.tr(
                    "The voice chosen before is not installed, so {voice} reads instead."
                ).format(voice=self.voice_name()))
        self.voices_changed.emit()
        if self._voices:
            self.voice_changed.emit(self.voice_name())

    def _on_engine_failed(self, message: str) -> None:
        self._engine_problem = message
        self._voices = []
        self._clear_highlights()
        self._set_state(IDLE)
        self.voices_changed.emit()
        self.error.emit(message)

    def _on_chunk_started(self, generation: int, _serial: int, first: int) -> None:
        if generation != self._generation or self._state == IDLE:
            return
        self._sentence = first
        if self._announced != generation and self._state == READING:
            self._announced = generation
            self.status_changed.emit(self._reading_message())

    def _reading_message(self) -> str:
        name = self.voice_name()
        if not name:
            silent = self.tr("Reading aloud without a voice: the words are highlighted in silence.")
            return f"{silent} {self._engine_note}" if self._engine_note else silent
        return self.tr("Reading aloud with {voice}").format(voice=name)

    def _on_word_reached(self, generation: int, serial: int, start: int, length: int,
                         sentence: int, seconds: float) -> None:
        if generation != self._generation or self._state == IDLE:
            return
        self._sentence = sentence
        if self._heard != generation:
            self._heard = generation
            self.reading_heard.emit()
        highlighter = self._highlighter_for(self._document)
        if highlighter is None:  # shown nowhere, or no longer shown
            return
        spoken = self._plan.sentences[sentence]
        highlighter.show_word(start, length, (spoken.start, spoken.end))
        if self._drift is not None:
            live = self._worker.live
            if live is not None and live[0] == serial:
                self._drift.append((seconds, live[1].position))

    def _on_reading_done(self, generation: int, _completed: bool) -> None:
        if generation != self._generation or self._state == IDLE:
            return  # superseded, or an echo (which never leaves IDLE)
        view = self._view
        # Only a reading of the view is ever of the whole lesson.
        if self._whole_lesson and view.lesson() is not None and view.profile().focus_mode:
            self._turning = True  # the page changes under this reading on purpose
            try:
                turned = view.next_section()
            finally:
                self._turning = False
            if turned:
                self._read_view(plan_lesson(self._snapshot()), whole_lesson=True)
                return
        self._clear_highlights()
        self._set_state(IDLE, self.tr("Finished reading aloud."))

    def _on_reading_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        if self._state == IDLE:  # an echo: speak as I type says so where the pupil types
            self.echo_failed.emit(message)
            return
        self._clear_highlights()
        self._set_state(IDLE)
        self.error.emit(message)

    def _check_document(self, *_args) -> None:
        """The view changed its document (another lesson or page): stop reading the old one."""
        if (self._state != IDLE and self._document is not None
                and self._highlighter_for(self._document) is None and not self._turning):
            self.stop()

    def _set_state(self, state: str, message: str = "") -> None:
        before = self._state
        self._state = state
        if (before == IDLE) != (state == IDLE):
            self.speaking_changed.emit(state != IDLE)
        if (before == PAUSED) != (state == PAUSED):
            self.paused_changed.emit(state == PAUSED)
        if state == PAUSED:
            message = message or self.tr("Reading paused. Press F5 to carry on.")
        elif state == READING and before == PAUSED:
            message = message or self._reading_message()
        if message:
            self.status_changed.emit(message)

