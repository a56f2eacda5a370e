"""The vision simulations follow the view the main window shows (Lesson Lab issue 5)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.app.main_window_helpers import choose


@pytest.fixture
def window(opened):
    made = opened.open()
    choose(made, "The water cycle")
    return made


def shot(widget) -> np.ndarray:
    from widgets.simulation.overlay import image_to_array

    return image_to_array(widget.grab().toImage()).astype(np.int32)


def sharpness(pixels: np.ndarray) -> float:
    """How much neighbouring pixels differ: blur lowers it."""
    grey = pixels.mean(axis=2)
    return float((np.diff(grey, axis=0) ** 2).sum() + (np.diff(grey, axis=1) ** 2).sum())


def settle(qtbot, overlay, frames: int) -> None:
    """Wait for a frame after the count ``frames``, then for queued ones to run."""
    qtbot.waitUntil(lambda: overlay.frames > frames and not overlay.refresh_pending())
    qtbot.wait(20)


def blur_on(qtbot, window) -> None:
    window.show_simulations(True)
    window.simulation_panel.switch("blur").setChecked(True)
    assert window.simulation_overlay.settings().strengths["blur"] > 0


def simulated_and_plain(qtbot, window, widget, frames: int) -> tuple[np.ndarray, np.ndarray]:
    """A grab of ``widget`` through the simulations, and one with them switched off.

    ``frames``: the overlay's frame count before ``widget`` became its target.
    """
    overlay = window.simulation_overlay
    settle(qtbot, overlay, frames)
    simulated = shot(widget)
    window.simulation_panel.switch("blur").setChecked(False)
    assert not overlay.isVisible()
    plain = shot(widget)
    frames = overlay.frames
    window.simulation_panel.switch("blur").setChecked(True)
    qtbot.waitUntil(lambda: overlay.frames > frames)
    return simulated, plain


def assert_blurred(simulated: np.ndarray, plain: np.ndarray) -> None:
    assert simulated.shape == plain.shape
    assert np.abs(simulated - plain).mean() > 2, "the simulation must change what is seen"
    assert sharpness(simulated) < 0.6 * sharpness(plain), "and the change is a blur"


def test_the_simulation_follows_side_by_side_and_back(qtbot, window):
    blur_on(qtbot, window)
    overlay = window.simulation_overlay
    assert overlay.target() is window.view

    frames = overlay.frames
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.side_by_side
    assert overlay.target() is window.side_by_side, "both panes through one simulation"
    assert overlay.parentWidget() is window.side_by_side and overlay.isVisible()
    assert overlay.geometry() == window.side_by_side.rect()
    simulated, plain = simulated_and_plain(qtbot, window, window.side_by_side, frames)
    assert_blurred(simulated, plain)
    # Both halves are blurred, not just one pane.
    half = simulated.shape[1] // 2
    assert sharpness(simulated[:, :half]) < 0.6 * sharpness(plain[:, :half])
    assert sharpness(simulated[:, half:]) < 0.6 * sharpness(plain[:, half:])

    frames = overlay.frames
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.view
    assert overlay.target() is window.view and overlay.parentWidget() is window.view
    assert overlay.isVisible() and overlay.geometry() == window.view.rect()
    simulated, plain = simulated_and_plain(qtbot, window, window.view, frames)
    assert_blurred(simulated, plain)


def test_f8_flips_in_both_views_with_the_simulation_on(qtbot, window):
    window.choose_profile("Dyslexia")
    blur_on(qtbot, window)
    overlay = window.simulation_overlay

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.act.flip.isChecked() and not window.simulation_panel.is_adapted()
    assert overlay.target() is window.side_by_side and overlay.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert not window.act.flip.isChecked() and window.simulation_panel.is_adapted()

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.view.profile().name == "Standard" and window.act.flip.isChecked()
    assert overlay.target() is window.view
    frames = overlay.frames
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.view.profile().name == "Dyslexia"
    # The restyled lesson is shown through the simulation too.
    qtbot.waitUntil(lambda: overlay.frames > frames)


def test_opened_while_side_by_side_it_covers_side_by_side(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    blur_on(qtbot, window)
    assert window.simulation_overlay.target() is window.side_by_side
    simulated, plain = simulated_and_plain(qtbot, window, window.side_by_side, 0)
    assert_blurred(simulated, plain)
