"""The real speech controllers attached to the main window (app/controllers.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.controllers import attach_controllers
from app.main_menus import READ_ALOUD_BUILDING
from tests.app.main_window_helpers import Opened, choose


@pytest.fixture
def window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    window = made.open()
    yield window
    made.close_all()


def _visible(menu):
    return [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_every_controller_attaches_and_fills_its_menus(qtbot, window):
    assert attach_controllers(window) == ["read aloud", "dictation", "captions"]
    read = _visible(window.act.menus["read"])
    assert read[0] is window.read_aloud.controls().read
    assert all(a.statusTip() != READ_ALOUD_BUILDING for a in read)
    assert read[-1].menu() is not None and read[-1].text() == "&Voice"
    assert window.read_aloud.controls().read in window.act.toolbars["read"].actions()
    captions = next(a for a in _visible(window.act.menus["dictation"])
                    if a.text() == "Live &captions")
    assert captions.isEnabled() and captions.shortcut() == QKeySequence("Ctrl+Shift+C")
    # Projector and trainer mode answer the same room keys (B, +, Esc) in their own
    # full-screen views: a key does one thing where it is pressed.
    keys = [(keys, where if where in ("Projector", "Trainer mode") else "window")
            for keys, _what, where in window.shortcut_rows()]
    assert len(keys) == len(set(keys)), "no key does two things"


def test_side_by_side_reads_the_adapted_pane(window):
    attach_controllers(window, ("read aloud",))
    assert window.read_aloud.view() is window.view
    window.show_side_by_side(True)
    assert window.read_aloud.view() is window.side_by_side.adapted
    window.show_side_by_side(False)
    assert window.read_aloud.view() is window.view


def test_the_voice_and_speed_chosen_are_remembered(qtbot, window):
    attach_controllers(window, ("read aloud",))
    controller = window.read_aloud
    with qtbot.waitSignal(controller.voices_changed, timeout=30000):
        pass
    other = next(v for v in controller.voices() if v.id != controller.voice_id()
                 and v.language.startswith("en"))
    controller.set_voice(other.id)
    assert window.settings.voice == other.id
    assert window.speech_status.voice.text() == f"Voice: {other.name}"
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.settings.rate == pytest.approx(1.1)


def _record(worker, method: str) -> list:
    """Note each call of ``worker.method`` (it still runs)."""
    calls, real = [], getattr(worker, method)

    def recording(*args):
        calls.append(args)
        return real(*args)

    setattr(worker, method, recording)
    return calls


def test_dictation_takes_the_lessons_key_words_and_the_saved_microphone(window):
    window.settings.input_device = "USB headset"
    window.settings.engine = "whisper"
    attach_controllers(window, ("dictation",))
    worker = window.dictation.worker
    assert window.dictation.panel is window.dictation_panel
    assert worker.device() == "USB headset"
    vocabulary = _record(worker, "set_vocabulary")
    choose(window, "The water cycle")
    words = [entry.word for entry in window.lesson.vocabulary]
    assert words and vocabulary[-1] == (words,)


@pytest.mark.slow
@pytest.mark.pulse
def test_f9_dictates_into_the_dock_with_the_microphone_shown_live(qtbot, window, virtual_mic,
                                                                  speak):
    from tests.fixtures.pulse import MIC_DEVICE

    window.settings.input_device = MIC_DEVICE
    window.settings.engine = "whisper"
    attach_controllers(window, ("dictation",))
    controller = window.dictation
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: controller.is_listening() and bool(controller.worker.engine_key),
                    timeout=60_000)
    assert window.speech_status.microphone.text() == "Microphone on"
    assert window.speech_status.engine.text() == "Dictation: English, built in"
    virtual_mic.play(speak("The Romans built long straight roads across Britain."))
    qtbot.waitUntil(lambda: "roads" in window.dictation_panel.text().lower(), timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not controller.is_listening(), timeout=10_000)
    assert window.speech_status.microphone.text() == "Microphone off"


@pytest.mark.slow
@pytest.mark.pulse
def test_reading_aloud_while_dictating_closes_the_microphone(qtbot, window, virtual_mic):
    # Otherwise a laptop's microphone writes the computer's own voice into the pupil's text.
    from tests.fixtures.pulse import MIC_DEVICE

    window.settings.input_device = MIC_DEVICE
    window.settings.engine = "whisper"
    attach_controllers(window, ("read aloud", "dictation"))
    choose(window, "The water cycle")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.dictation.is_listening(), timeout=60_000)
    window.read_aloud.read_lesson()
    qtbot.waitUntil(lambda: not window.dictation.is_listening(), timeout=10_000)
    assert "Dictation stopped while Lesson Lab reads aloud" in window.dictation_panel.message()
    window.read_aloud.stop()


def test_the_engine_chosen_in_the_menu_reaches_the_controllers_and_is_kept(qtbot, window):
    from app.main_menus import ENGINE_CHOICES
    from speech.stt.choice import engine_names

    assert list(ENGINE_CHOICES) == [n for n in engine_names() if n != "none"]
    attach_controllers(window, ("dictation", "captions"))
    with qtbot.waitSignal(window.speech_report_ready, timeout=60000):
        window.start_background_work()
    asked = [_record(c.worker, "set_engine") for c in (window.dictation, window.captions)]
    from app.speech_report import engine_status_text

    # No Vosk model here: Vosk cannot be chosen (tests/app/test_vosk_without_a_model.py).
    vosk = next(a for a in window.act.engines.actions() if a.data() == "vosk")
    assert not vosk.isEnabled()
    whisper = next(a for a in window.act.engines.actions() if a.data() == "whisper")
    whisper.trigger()
    assert window.settings.engine == "whisper"
    assert asked == [[("whisper", None)], [("whisper", None)]]
    assert window.speech_status.engine.text() == engine_status_text(window.speech_report,
                                                                     "whisper")
    assert [a.data() for a in window.act.engines.actions() if a.isChecked()] == ["whisper"]


def test_side_by_side_read_aloud_reads_the_lesson_in_the_adapted_pane(window):
    # The panes are built when side by side is first shown (widgets/side_by_side.py):
    # read aloud, pointed at the adapted pane on the same toggle, must find the lesson.
    attach_controllers(window, ("read aloud",))
    choose(window, "The water cycle")
    window.act.side_by_side.trigger()
    assert window.read_aloud.view() is window.side_by_side.adapted
    assert window.side_by_side.adapted.lesson() is window.lesson
    assert window.read_aloud.read_lesson()
    plan = window.read_aloud.plan()
    assert plan and "water cycle" in plan.document.text.lower()
    window.read_aloud.stop()
