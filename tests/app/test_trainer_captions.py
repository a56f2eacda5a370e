"""Live captions and the main window's keys go with trainer mode, as with the projector.

A window manager keeps a full-screen window above "always on top" ones, so
the captions' own window was hidden behind trainer mode, and Ctrl+Shift+C
and F9 did nothing there (tests/e2e/test_captions_over_trainer.py shows the
screen under a real window manager); here, the band, the keys and the way back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from app.practice import open_practice
from app.practice.trainer_view import TrainerView
from tests.app.main_window_helpers import choose

SCENARIO = "year4-low-vision-water-cycle"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def main_window(opened, monkeypatch):
    """A main window with live captions attached; the trainer question answers SCENARIO."""
    # Ctrl+Shift+T asks which pupil to show; the teacher picks this one.
    monkeypatch.setattr("app.practice.entry.ask_scenario", lambda parent: SCENARIO)
    window = opened.open()
    assert attach_controllers(window, ("captions",)) == ["captions"]
    return window


def _trainer_from_keys(qtbot, window) -> TrainerView:
    """Trainer mode as the teacher opens it: Ctrl+Shift+T in the main window."""
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)
    (trainer,) = [t for t in window.findChildren(TrainerView) if t.isVisible()]
    qtbot.waitExposed(trainer)
    QApplication.processEvents()
    return trainer


def _captions_action(window):
    (action,) = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+C"]
    return action


def test_shown_captions_become_a_band_below_trainer_mode_and_come_back_as_a_window(
        qtbot, main_window):
    captions = main_window.captions_window
    captions.show()
    captions.add_final("Maya sits near the front.")
    trainer = _trainer_from_keys(qtbot, main_window)
    assert trainer.isFullScreen()
    assert captions.parent() is trainer and not captions.isWindow()
    assert captions.isVisible()
    assert captions.y() >= trainer.page.geometry().bottom(), "below the steps"
    assert captions.width() == trainer.width(), "the screen's full width"
    # Both fit on the screen: no step may need more height than the band leaves
    # (the scores step did, and squeezed the band or itself: it scrolls now).
    assert trainer.size() == trainer.screen().geometry().size(), "no taller than the screen"
    assert captions.height() == captions.text.height_for_lines()
    assert captions.geometry().bottom() == trainer.height() - 1
    assert trainer.page.height() >= trainer.page.minimumSizeHint().height()
    assert " ".join(captions.shown_lines()) == "Maya sits near the front."

    captions.set_placement("top")
    QApplication.processEvents()
    assert captions.y() == 0 and trainer.page.y() >= captions.height(), "above the steps"

    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isVisible(), "a window of its own again"
    assert captions.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert " ".join(captions.shown_lines()) == "Maya sits near the front."


def test_ctrl_shift_c_and_f9_work_in_trainer_mode_and_esc_still_leaves(qtbot, main_window):
    captions = main_window.captions_window
    # The microphone is not opened here: the controller's start runs as it is, up to
    # asking its worker to listen (tests/app/test_captions_controller.py goes on).
    asked = []
    main_window.captions.worker.start = lambda: asked.append("listen")
    trainer = _trainer_from_keys(qtbot, main_window)
    keys = {a.shortcut().toString() for a in trainer.actions()}
    assert {"Ctrl+Shift+C", "F9", "Ctrl+L"} <= keys
    assert not keys & {"Ctrl+Shift+T", "F11"}, "another presentation over this one"
    assert not keys & {"Ctrl+=", "Ctrl+-", "Ctrl+0"}, "trainer mode sizes its own text"
    assert captions.isHidden()

    trainer.activateWindow()
    with qtbot.waitSignal(_captions_action(main_window).triggered):
        qtbot.keyClick(trainer, Qt.Key.Key_C, CTRL_SHIFT)
    assert asked == ["listen"]
    assert captions.parent() is trainer and captions.isVisible(), "the band appears"
    assert captions.notice() == "Getting ready to listen\u2026"
    assert captions.y() >= trainer.page.geometry().bottom()

    with qtbot.waitSignal(main_window.act.dictate.triggered):
        qtbot.keyClick(trainer, Qt.Key.Key_F9)

    with qtbot.waitSignal(trainer.left):
        qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isVisible()


def test_trainer_mode_from_a_practice_window_carries_the_captions_too(qtbot, main_window):
    captions = main_window.captions_window
    captions.show()
    practice = open_practice(main_window, SCENARIO)
    practice.ask_save_before_closing = lambda: "discard"
    practice.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is practice)
    qtbot.keyClick(practice, Qt.Key.Key_T, CTRL_SHIFT)  # trainer mode, as in the main window
    trainer = practice.trainer
    assert trainer is not None
    qtbot.waitExposed(trainer)
    qtbot.waitUntil(trainer.isFullScreen)
    qtbot.waitUntil(trainer.isActiveWindow)  # the keys below go to the active window
    assert captions.parent() is trainer and captions.isVisible()
    # Ctrl+Shift+C is the checker in the practice window; here it is the captions.
    main_window.captions.worker.start = lambda: None  # no microphone in this test
    checker = practice.checker_dock.isVisible()
    with qtbot.waitSignal(_captions_action(main_window).triggered):
        qtbot.keyClick(trainer, Qt.Key.Key_C, CTRL_SHIFT)
    assert practice.checker_dock.isVisible() == checker
    assert captions.isHidden(), "the captions showed, so the key put them away"
    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isHidden()
    assert practice.trainer is None
    practice.close()


def test_the_projector_over_trainer_mode_takes_the_captions_and_gives_them_back(
        qtbot, main_window):
    captions = main_window.captions_window
    captions.show()
    trainer = _trainer_from_keys(qtbot, main_window)
    choose(main_window, "The water cycle")
    projector = main_window.start_projector()
    qtbot.waitExposed(projector)
    assert captions.parent() is projector and captions.isVisible()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    QApplication.processEvents()  # the layout places the band
    assert captions.parent() is trainer and captions.isVisible(), "trainer mode is still on"
    assert captions.y() >= trainer.page.geometry().bottom()
    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isVisible()


def test_closing_the_main_window_during_trainer_mode_is_clean(qtbot, opened, monkeypatch):
    monkeypatch.setattr("app.practice.entry.ask_scenario", lambda parent: SCENARIO)
    window = opened.open()
    attach_controllers(window, ("captions",))
    window.captions_window.show()
    trainer = _trainer_from_keys(qtbot, window)
    assert window.captions_window.parent() is trainer
    assert window.close()
