"""Live captions can always be put away, also when they cannot listen (no microphone).

The usability review: with no microphone, Ctrl+Shift+C showed a band saying
"Not listening: No microphone was found…"; pressing it again (or the menu)
only showed the same error again, because the menu's tick went off as
listening failed; the band stayed after the projector closed, and nothing on
it said how to close it. Real main window, real captions window and
controller; only the microphone is one that is not there
(tests/app/speech_doubles.MicrophoneRack) and the engine a scripted one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import app.captions_controller as captions_module
from app.controllers import attach_controllers
from app.speech_worker import SpeechWorker
from speech.audio_devices import NO_MICROPHONE
from tests.app.main_window_helpers import choose
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def no_microphone(opened, monkeypatch):
    """A main window whose live captions find no microphone, each time they try."""
    real_worker_for = captions_module.worker_for

    def worker_for(owner, _worker, **kwargs):
        worker = SpeechWorker(
            recogniser_factory=lambda: (ScriptedRecogniser([]), "Scripted engine", "whisper"),
            capture_factory=MicrophoneRack([NO_MICROPHONE] * 10), list_inputs=list)
        return real_worker_for(owner, worker, **kwargs)

    monkeypatch.setattr(captions_module, "worker_for", worker_for)
    window = opened.open()
    assert attach_controllers(window, ("captions",)) == ["captions"]
    yield window
    window.captions.shutdown()


def _action(window):
    (action,) = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+C"]
    return action


def _fails(qtbot, window) -> None:
    """Wait until the captions have tried, failed and gone back to idle."""
    captions = window.captions_window
    qtbot.waitUntil(lambda: captions.state() == "problem")
    qtbot.waitUntil(lambda: not window.captions.worker.is_busy())
    QApplication.processEvents()


def test_ctrl_shift_c_again_puts_the_band_away_and_the_menu_follows(qtbot, no_microphone):
    window = no_microphone
    captions, action = window.captions_window, _action(window)
    window.dictation_panel.set_text("My river story.")  # a pupil's words, untouched below
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)
    _fails(qtbot, window)
    assert captions.isVisible()
    assert captions.notice() == f"Not listening: {NO_MICROPHONE}"
    assert action.isChecked(), "ticked while the band is up, saying why"

    qtbot.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)
    assert captions.isHidden(), "the second press puts the band away"
    assert not action.isChecked()
    assert not window.captions.is_listening()

    action.trigger()  # the menu item: tries again, and shows why once more
    _fails(qtbot, window)
    assert captions.isVisible() and action.isChecked()
    action.trigger()
    assert captions.isHidden() and not action.isChecked()
    assert window.dictation_panel.text() == "My river story."


def test_the_band_says_how_to_close_it_and_its_close_button_does(qtbot, no_microphone):
    window = no_microphone
    captions, action = window.captions_window, _action(window)
    action.trigger()
    _fails(qtbot, window)
    close = captions.close_button
    assert close.isVisible() and "Close" in close.text() and "Esc" in close.text()
    assert close.accessibleName() == close.text() == "Close captions (Esc)"  # voice control
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert captions.isHidden() and not action.isChecked()

    action.trigger()
    _fails(qtbot, window)
    qtbot.keyClick(captions, Qt.Key.Key_Escape)
    assert captions.isHidden() and not action.isChecked()


def test_leaving_the_projector_takes_a_band_that_cannot_listen_with_it(qtbot, no_microphone):
    # The review's steps: F11, Ctrl+Shift+C, Ctrl+Shift+C, Esc; and with the
    # band left up at the end, Esc must not leave it over the main window.
    window = no_microphone
    captions, action = window.captions_window, _action(window)
    choose(window, "The water cycle")
    projector = window.start_projector()
    qtbot.waitExposed(projector)
    projector.activateWindow()
    qtbot.keyClick(projector, Qt.Key.Key_C, CTRL_SHIFT)
    _fails(qtbot, window)
    assert captions.parent() is projector and captions.isVisible()
    qtbot.keyClick(projector, Qt.Key.Key_C, CTRL_SHIFT)
    assert captions.isHidden() and not action.isChecked()

    qtbot.keyClick(projector, Qt.Key.Key_C, CTRL_SHIFT)
    _fails(qtbot, window)
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isHidden(), "gone with the projector"
    assert not action.isChecked()
    assert NO_MICROPHONE in window.statusBar().currentMessage()
