"""The read-aloud controller with a spy synthesiser and a fake player (unit tests).

A real LessonView (offscreen) is read; only the engine and the speakers are
doubles. The real engine and speakers: test_read_aloud_real.py.
"""

from __future__ import annotations

import wave
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.read_aloud import ReadAloudController
from app.read_aloud_text import words_of
from lessons.model import Lesson, Paragraph, Section, Span
from tests.app.read_aloud_doubles import FakePlayer, SpySynthesiser, rivers_lesson
from tests.widgets.samples import make_view, standard
from tests.widgets.save_as_doubles import use_dialog, use_question

WAIT = 10_000  # ms: generous, the machine is shared


@pytest.fixture
def view(qtbot):
    return make_view(qtbot, rivers_lesson(), size=(700, 500))


class Harness:
    """A controller on ``view`` with a spy synthesiser, recording what it emits."""

    def __init__(self, qtbot, view, synthesiser=None, **options) -> None:
        FakePlayer.instances.clear()
        FakePlayer.error = None
        FakePlayer.delay = options.pop("delay", 0.01)
        self.qtbot = qtbot
        self.view = view
        self.spy = synthesiser or SpySynthesiser()
        self.controller = ReadAloudController(
            view, synthesiser_factory=lambda: (self.spy, ""), player_factory=FakePlayer,
            **options)
        self.words: list[tuple[int, int, str]] = []
        self.statuses: list[str] = []
        self.errors: list[str] = []
        self.speaking: list[bool] = []
        c = self.controller
        c.word_highlighted.connect(lambda s, n, t: self.words.append((s, n, t)))
        c.status_changed.connect(self.statuses.append)
        c.error.connect(self.errors.append)
        c.speaking_changed.connect(self.speaking.append)
        qtbot.waitUntil(c.voices_known, timeout=WAIT)

    def wait_finished(self) -> None:
        self.qtbot.waitUntil(lambda: not self.controller.is_speaking(), timeout=WAIT)

    def texts(self) -> list[str]:
        return [text for _s, _n, text in self.words]

    def close(self) -> None:
        assert self.controller.shutdown(wait=5)


@pytest.fixture
def harness(qtbot, view):
    made = []

    def make(**options):
        h = Harness(qtbot, view, **options)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


def _document_words(view, start: int = 0, end: int | None = None) -> list[str]:
    text = view.document().toPlainText()
    return words_of(text[start:end])


def _select(view, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_reading_the_lesson_highlights_every_word_in_order(harness, view):
    h = harness()
    assert h.controller.read_lesson()
    h.wait_finished()
    assert h.texts() == _document_words(view)
    assert h.speaking == [True, False]
    assert "Finished reading aloud." in h.statuses
    assert any(s.startswith("Reading aloud with English (Received Pronunciation)")
               for s in h.statuses)
    # Highlights are where the words are, and the synthesis ran on the worker thread.
    text = view.document().toPlainText()
    assert all(text[s:s + n] == t for s, n, t in h.words)
    assert h.spy.thread_names == {"read-aloud"}
    assert h.controller.highlighter.word() is None, "cleared at the end"


def test_headings_get_a_full_stop_so_the_voice_pauses(harness):
    h = harness()
    h.controller.read_lesson()
    h.wait_finished()
    assert "Rivers. Rivers start high up in hills." in h.spy.spoken_text()
    assert "How rivers flow. Water always flows downhill." in h.spy.spoken_text()


def test_read_selection_reads_only_the_selection(harness, view):
    h = harness()
    text = view.document().toPlainText()
    start = text.index("carves a valley")
    end = text.index("Fast rivers") + len("Fast riv")  # half a word: widened to "rivers"
    _select(view, start, end)
    assert h.controller.read_selection()
    h.wait_finished()
    assert h.texts() == ["carves", "a", "valley", "as", "it", "goes", "This", "is", "called",
                         "erosion", "Fast", "rivers"]
    assert h.spy.spoken_text() == "carves a valley as it goes. This is called erosion. Fast rivers."


def test_read_selection_without_a_selection_says_what_to_do(harness):
    h = harness()
    assert not h.controller.read_selection()
    assert h.statuses[-1] == "Select some text first, then choose Read selection."
    assert not h.controller.is_speaking()


def test_read_from_the_caret_starts_at_the_word_under_it(harness, view):
    h = harness()
    text = view.document().toPlainText()
    caret = QTextCursor(view.document())
    caret.setPosition(text.index("valley") + 3)
    view.setTextCursor(caret)
    h.controller.toggle()  # F5 when idle
    h.wait_finished()
    assert h.texts() == _document_words(view, text.index("valley"))


def test_read_section_reads_from_its_heading_to_the_next(harness, view):
    h = harness()
    text = view.document().toPlainText()
    caret = QTextCursor(view.document())
    caret.setPosition(text.index("carves"))
    view.setTextCursor(caret)
    h.controller.read_section()
    h.wait_finished()
    section = text[text.index("How rivers flow"):text.index("Floods")]
    assert h.texts() == words_of(section)


def test_pause_holds_the_word_and_resume_carries_on_without_repeats(harness, view):
    h = harness(delay=0.05)
    c = h.controller
    c.read_lesson()
    h.qtbot.waitUntil(lambda: len(h.words) >= 3, timeout=WAIT)
    c.toggle()  # F5 while reading pauses
    assert c.is_paused() and c.is_speaking()
    assert h.statuses[-1] == "Reading paused. Press F5 to carry on."
    h.qtbot.wait(150)  # a word already on its way may still arrive
    held = len(h.words)
    h.qtbot.wait(400)
    assert len(h.words) == held, "no words while paused"
    assert c.controls().read.text() == "Carry on &reading"
    c.toggle()  # F5 again carries on
    assert not c.is_paused()
    h.wait_finished()
    assert h.texts() == _document_words(view)
    assert h.speaking == [True, False]


def test_stop_ends_reading_and_clears_the_highlight(harness, view):
    h = harness(delay=0.05)
    c = h.controller
    c.read_lesson()
    h.qtbot.waitUntil(lambda: len(h.words) >= 2, timeout=WAIT)
    c.stop()
    assert not c.is_speaking()
    assert c.highlighter.word() is None and view.extraSelections() == []
    assert h.statuses[-1] == "Reading stopped."
    spoken = len(h.words)
    h.qtbot.wait(300)
    assert len(h.words) == spoken, "nothing more is highlighted after stop"
    assert spoken < len(_document_words(view))
    assert all(p._stop.is_set() for p in FakePlayer.instances[:-1])


def test_next_and_previous_sentence_move_to_the_right_sentence(harness, view):
    h = harness(delay=0.04)
    c = h.controller
    c.read_lesson()
    plan = c.plan()
    text = view.document().toPlainText()
    sentence_text = [text[s.start:s.end] for s in plan.sentences]
    assert sentence_text[:3] == ["Rivers", "Rivers start high up in hills.",
                                 "They flow down to the sea."]
    h.qtbot.waitUntil(lambda: c.current_sentence() == 1, timeout=WAIT)
    h.words.clear()
    c.next_sentence()
    h.qtbot.waitUntil(lambda: len(h.words) >= 1, timeout=WAIT)
    assert c.current_sentence() == 2
    assert h.texts()[0] == words_of(sentence_text[2])[0] == "They"
    h.words.clear()
    c.previous_sentence()
    h.qtbot.waitUntil(lambda: len(h.words) >= 1, timeout=WAIT)
    assert c.current_sentence() == 1
    assert h.texts()[0] == "Rivers" and h.words[0][0] == text.index("Rivers start")
    # The shaded sentence is the one being read.
    spoken = plan.sentences[1]
    assert c.highlighter.sentence() == (spoken.start, spoken.end)
    c.stop()


def test_next_sentence_when_idle_reads_from_the_sentence_after_the_caret(harness, view):
    h = harness()
    text = view.document().toPlainText()
    caret = QTextCursor(view.document())
    caret.setPosition(text.index("Water always"))
    view.setTextCursor(caret)
    h.controller.next_sentence()
    h.wait_finished()
    assert h.texts()[:3] == ["It", "carves", "a"]


def test_speed_scale_changes_the_synthesiser_rate(harness):
    h = harness(rate_scale=1.5)
    c = h.controller
    c.read_text("One two three.")
    h.wait_finished()
    assert h.spy.calls[-1][2] == pytest.approx(1.5)
    c.slower()
    c.slower()
    assert c.rate_scale() == pytest.approx(1.3)
    c.set_rate_scale(5)  # clamped
    assert c.rate_scale() == 2.0
    assert not c.controls().faster.isEnabled()
    widget = c.rate_widget()
    h.qtbot.addWidget(widget)
    widget.slider.setValue(70)  # the reader drags the slider
    assert c.rate_scale() == pytest.approx(0.7)
    assert widget.value.text() == "0.7×"
    c.read_text("Four five six.")
    h.wait_finished()
    assert h.spy.calls[-1][2] == pytest.approx(0.7)
    assert h.spy.rate == pytest.approx(0.7 * h.spy.normal_rate)


def test_changing_speed_while_reading_rereads_the_sentence_at_the_new_speed(harness):
    h = harness(delay=0.2)  # the sentence lasts longer than the slider takes to settle
    c = h.controller
    c.read_lesson()
    h.qtbot.waitUntil(lambda: c.current_sentence() >= 1, timeout=WAIT)
    c.faster()
    h.qtbot.waitUntil(lambda: h.spy.calls[-1][2] == pytest.approx(1.1), timeout=WAIT)
    assert h.spy.calls[-1][0].startswith("Rivers start high up in hills.")
    c.stop()


def test_the_voice_choice_persists_and_the_menu_offers_british_english_first(harness, qtbot):
    h = harness()
    c = h.controller
    assert c.voice_id() == "gmw/en-gb-x-rp", "British English (RP) by default"
    menu = c.voice_menu()
    qtbot.addWidget(menu)
    names = [a.text() for a in menu.actions() if not a.isSeparator() and not a.menu()]
    assert names == ["English (Received Pronunciation)", "English (Great Britain)",
                     "English (America)"]
    other = next(a.menu() for a in menu.actions() if a.menu())
    assert [a.text() for a in other.actions()] == ["French (France)"]
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    assert ticked == ["English (Received Pronunciation)"]
    changes = []
    c.voice_changed.connect(changes.append)
    next(a for a in menu.actions() if a.text() == "English (Great Britain)").trigger()
    assert changes == ["English (Great Britain)"]
    for text in ("First reading.", "Second reading."):
        c.read_text(text)
        h.wait_finished()
    assert [voice for _t, voice, _r in h.spy.calls] == ["gmw/en", "gmw/en"]
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["English (Great Britain)"]
    assert not c.set_voice("xx/none")
    assert h.errors == ["That voice is not installed on this computer."]
    assert c.voice_id() == "gmw/en"


def test_a_voice_given_at_start_is_kept(harness):
    h = harness(voice_id="gmw/en-us")
    assert h.controller.voice_id() == "gmw/en-us"
    assert h.controller.voice_name() == "English (America)"


def test_a_voice_no_longer_installed_falls_back_to_british_english(qtbot, view):
    statuses = []
    c = ReadAloudController(view, synthesiser_factory=lambda: (SpySynthesiser(), ""),
                            player_factory=FakePlayer, voice_id="gone/voice")
    c.status_changed.connect(statuses.append)
    try:
        qtbot.waitUntil(c.voices_known, timeout=WAIT)
        assert c.voice_id() == "gmw/en-gb-x-rp"
        assert statuses == ["The voice chosen before is not installed, so English "
                            "(Received Pronunciation) reads instead."]
    finally:
        assert c.shutdown(wait=5)


def test_clicking_a_key_word_reads_the_word_and_its_meaning(harness, view):
    h = harness()
    view.show_definitions = False
    text = view.document().toPlainText()
    caret = QTextCursor(view.document())
    caret.setPosition(text.index("erosion") + 2)
    view.setTextCursor(caret)
    assert view.activate_vocabulary_at_caret()  # what Enter or a click does
    h.wait_finished()
    assert h.spy.calls[-1][0] == "erosion. When water wears away rock and soil."
    assert h.words == [], "the meaning is not in the text, so nothing is highlighted"
    h.controller.speak_key_words = False
    calls = len(h.spy.calls)
    assert view.activate_vocabulary_at_caret()
    h.qtbot.wait(100)
    assert len(h.spy.calls) == calls and not h.controller.is_speaking()


def test_saving_the_lesson_as_a_wav_file(harness, tmp_path):
    h = harness()
    c = h.controller
    asked = []
    c.ask_wav_path = lambda suggested: asked.append(suggested) or str(tmp_path / "rivers")
    saved = []
    c.export_finished.connect(saved.append)
    assert c.export_lesson_wav()
    h.qtbot.waitUntil(lambda: bool(saved), timeout=WAIT)
    assert asked == ["Rivers.wav"]
    path = tmp_path / "rivers.wav"
    assert saved == [str(path)]
    with wave.open(str(path), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    expected = sum(len(words_of(text)) for text, _v, _r in h.spy.calls) * 0.25
    assert seconds == pytest.approx(expected, abs=0.2 * len(h.spy.calls) + 0.01)
    assert h.statuses[-1].startswith("Saved the sound file rivers.wav (")


def test_saving_a_section_and_cancelling(harness, view, tmp_path):
    h = harness()
    c = h.controller
    asked = []
    c.ask_wav_path = lambda suggested: asked.append(suggested)  # the reader cancels the dialog
    assert not c.export_section_wav()
    text = view.document().toPlainText()
    caret = QTextCursor(view.document())
    caret.setPosition(text.index("Heavy"))
    view.setTextCursor(caret)
    assert not c.export_section_wav()
    assert asked[-1] == "Rivers - Floods.wav"  # named after its section, not the lesson
    saved = []
    c.export_finished.connect(saved.append)
    assert c.export_section_wav(tmp_path / "floods.wav")
    h.qtbot.waitUntil(lambda: bool(saved), timeout=WAIT)
    assert h.spy.calls[-1][0] == "Floods. Heavy rain can make a river burst its banks."


def test_a_failed_save_is_one_plain_sentence(harness, tmp_path):
    h = harness()
    assert h.controller.export_lesson_wav(tmp_path / "missing-folder" / "lesson.wav")
    h.qtbot.waitUntil(lambda: bool(h.errors), timeout=WAIT)
    assert h.errors[0].startswith("Could not save the sound file ")
    assert h.errors[0].endswith(".") and "\n" not in h.errors[0]


def test_a_synthesis_failure_is_reported_and_the_app_carries_on(harness, view):
    h = harness(synthesiser=SpySynthesiser(fail_with="The voice could not read this text."))
    c = h.controller
    c.read_lesson()
    h.qtbot.waitUntil(lambda: bool(h.errors), timeout=WAIT)
    assert h.errors == ["The voice could not read this text."]
    assert not c.is_speaking()
    h.spy.fail_with = None
    c.read_lesson()
    h.wait_finished()
    assert h.texts() == _document_words(view)


def test_missing_speakers_give_one_plain_sentence(harness):
    h = harness()
    FakePlayer.error = "The speakers were not found — check they are plugged in."
    h.controller.read_text("Hello there.")
    h.qtbot.waitUntil(lambda: bool(h.errors), timeout=WAIT)
    assert h.errors == [FakePlayer.error]
    assert h.speaking == [True, False]


def test_no_voice_installed_is_said_once_and_words_are_still_highlighted(harness, view):
    h = harness(synthesiser=SpySynthesiser(voices=[]))
    assert h.errors == [
        "No voice is installed on this computer, so the words are highlighted without sound."]
    h.controller.read_lesson()
    h.wait_finished()
    assert h.texts() == _document_words(view)
    assert any(s.startswith("Reading aloud without a voice") for s in h.statuses)


def test_another_lesson_in_the_view_stops_the_reading(harness, view):
    h = harness(delay=0.05)
    h.controller.read_lesson()
    h.qtbot.waitUntil(lambda: bool(h.words), timeout=WAIT)
    view.set_lesson(Lesson(title="Another", sections=(
        Section("", 2, (Paragraph((Span("Something else entirely."),), 1),), 1),)))
    assert not h.controller.is_speaking()
    assert view.extraSelections() == []


def test_reading_the_lesson_in_focus_mode_turns_every_page(harness, view):
    view.set_profile(replace(standard(), focus_mode=True))
    view.go_to_section(2)
    h = harness()
    h.controller.read_lesson()
    h.wait_finished()
    assert view.section_index() == view.section_count() - 1
    heard = " ".join(h.texts())
    assert heard.startswith("Rivers Rivers start high up")
    assert "Heavy rain can make a river burst its banks" in heard
    assert heard.endswith("When water wears away rock and soil")  # the key words page


def test_the_shortcuts_work_from_the_lesson_view(harness, view, qtbot):
    h = harness(delay=0.04)
    c = h.controller
    window = view.window()
    window.addActions(c.actions())
    shortcuts = {a.iconText(): a.shortcut().toString() for a in c.actions() if not a.isSeparator()}
    assert shortcuts["Read aloud"] == "F5" and shortcuts["Stop reading"] == "Shift+F5"
    assert shortcuts["Next sentence"] == "Alt+Right"
    assert shortcuts["Previous sentence"] == "Alt+Left"
    assert shortcuts["Read the selection"] == "F4"
    assert [a.iconText() for a in c.toolbar_actions()] == [
        "Read aloud", "Stop reading", "Previous sentence", "Next sentence"]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert c.is_speaking()
    qtbot.waitUntil(lambda: c.current_sentence() == 1, timeout=WAIT)
    h.words.clear()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(h.words), timeout=WAIT)
    assert h.texts()[0] == "They", "Alt+Right went to the next sentence"
    caret = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert not c.is_speaking()
    assert view.textCursor().position() == caret, "the caret stays at the last word read"


def test_the_voice_menu_waits_for_the_engine(qtbot, view):
    import threading

    ready = threading.Event()
    spy = SpySynthesiser()

    def slow_engine():
        ready.wait(10)
        return spy, ""

    c = ReadAloudController(view, synthesiser_factory=slow_engine, player_factory=FakePlayer)
    try:
        menu = c.voice_menu()
        qtbot.addWidget(menu)
        (waiting,) = menu.actions()
        assert waiting.text() == "Looking for voices…" and not waiting.isEnabled()
        ready.set()
        qtbot.waitUntil(c.voices_known, timeout=WAIT)
        assert "English (Received Pronunciation)" in [a.text() for a in menu.actions()]
    finally:
        ready.set()
        assert c.shutdown(wait=5)


def test_an_engine_that_cannot_start_is_one_sentence_and_nothing_hangs(qtbot, view):
    from speech.tts.base import SynthesisError

    def broken():
        raise SynthesisError("The computer's text-to-speech could not start.")

    errors = []
    c = ReadAloudController(view, synthesiser_factory=broken, player_factory=FakePlayer)
    c.error.connect(errors.append)
    try:
        qtbot.waitUntil(c.voices_known, timeout=WAIT)
        assert errors == ["Reading aloud cannot start: The computer's text-to-speech "
                          "could not start."]
        assert not c.read_lesson() and not c.is_speaking()
        assert len(errors) == 2
    finally:
        assert c.shutdown(wait=5)


def test_a_new_view_takes_over_the_highlight(harness, view, qtbot):
    h = harness()
    other = make_view(qtbot, rivers_lesson(), size=(600, 400))
    h.controller.set_view(other)
    h.controller.read_lesson()
    h.wait_finished()
    assert h.texts() == _document_words(other)
    assert view.extraSelections() == []
    assert h.controller.view() is other


def test_a_controller_dropped_while_reading_is_freed_here_and_its_worker_ends(qtbot, view,
                                                                              monkeypatch):
    # The worker thread holds no Qt object (its reports go through
    # app/thread_relay), so a controller dropped mid-reading is freed on the
    # GUI thread, and its worker notices and winds down.
    import gc
    import weakref

    monkeypatch.setattr(FakePlayer, "delay", 0.05)
    spy = SpySynthesiser()
    c = ReadAloudController(view, synthesiser_factory=lambda: (spy, ""), player_factory=FakePlayer)
    qtbot.waitUntil(c.voices_known, timeout=WAIT)
    words = []
    c.word_highlighted.connect(lambda *args: words.append(args))
    assert c.read_lesson()
    qtbot.waitUntil(lambda: len(words) >= 2, timeout=WAIT)
    thread, gone = c._worker._thread, weakref.ref(c)
    # Freed by its last reference going, here and now: not left in a cycle for
    # the garbage collector, which runs on whichever thread happens to allocate.
    gc.disable()
    try:
        del c
        assert gone() is None  # freed here, mid-reading
    finally:
        gc.enable()
    thread.join(10)
    assert not thread.is_alive()


def test_the_sound_file_box_opens_where_the_last_sound_file_went(harness, tmp_path, monkeypatch):
    (tmp_path / "for home").mkdir()
    home = tmp_path / "for home"
    box = use_dialog(monkeypatch, (str(home / "Rivers.wav"), "Sound files (*.wav)"),
                     (str(home / "Floods.wav"), "Sound files (*.wav)"))
    c = harness().controller
    c.ask_wav_path("Rivers.wav")
    c.ask_wav_path("Rivers - Floods.wav")
    assert box.opened[1][0] == str(home / "Rivers - Floods.wav")


def test_the_sound_file_box_asks_before_replacing_a_file_typed_without_its_ending(
        harness, tmp_path, monkeypatch):
    (tmp_path / "rivers.wav").write_bytes(b"RIFF")
    use_dialog(monkeypatch, (str(tmp_path / "rivers"), "Sound files (*.wav)"))
    question = use_question(monkeypatch, True)  # "Replace it"
    assert harness().controller.ask_wav_path("Rivers.wav") == str(tmp_path / "rivers.wav")
    assert question.asked == [str(tmp_path / "rivers.wav")]


def test_an_idle_controller_dropped_without_shutdown_ends_its_worker(qtbot, view):
    # Nothing is being read, so the worker has no report to find the controller
    # gone by: dropping the controller itself must end the worker's thread.
    import gc
    import weakref

    c = ReadAloudController(view, synthesiser_factory=lambda: (SpySynthesiser(), ""),
                            player_factory=FakePlayer)
    qtbot.waitUntil(c.voices_known, timeout=WAIT)
    thread, gone = c._worker._thread, weakref.ref(c)
    gc.disable()
    try:
        del c
        assert gone() is None
    finally:
        gc.enable()
    thread.join(10)
    assert not thread.is_alive()
