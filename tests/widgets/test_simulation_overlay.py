"""The simulation overlay on a real QTextBrowser, and its panel, driven as a teacher would."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from widgets.simulation.filters import ORDER, SimulationSettings, apply_simulations
from widgets.simulation.overlay import SimulationOverlay, image_to_array
from widgets.simulation.panel import FLIP_SHORTCUT, SimulationPanel

PARAGRAPH = ("The sun heats the water in the seas, lakes and rivers, and some of it rises "
             "into the air as an invisible gas that we call water vapour. ")


def browser(qtbot, width: int = 480, height: int = 320) -> QTextBrowser:
    view = QTextBrowser()
    view.setPlainText("\n\n".join(PARAGRAPH * 3 for _ in range(30)))
    view.resize(width, height)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def shot(widget: QWidget) -> np.ndarray:
    return image_to_array(widget.grab().toImage()).astype(np.int32)


def text_area(pixels: np.ndarray) -> np.ndarray:
    """Inside the frame, left of the scroll bar."""
    return pixels[4:-4, 4:-24]


def neighbour_energy(pixels: np.ndarray) -> float:
    grey = pixels.mean(axis=2)
    return float((np.diff(grey, axis=0) ** 2).sum() + (np.diff(grey, axis=1) ** 2).sum())


def turn_on(qtbot, overlay: SimulationOverlay, settings: SimulationSettings) -> None:
    before = overlay.frames
    overlay.set_settings(settings)
    qtbot.waitUntil(lambda: overlay.frames > before)


def settle(qtbot, overlay: SimulationOverlay) -> None:
    """Let queued frames run until none is waiting."""
    qtbot.waitUntil(lambda: not overlay.refresh_pending())
    qtbot.wait(20)


def test_blur_makes_the_view_differ_and_smoother(qtbot):
    view = browser(qtbot)
    plain = shot(view)
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, SimulationSettings({"blur": 0.3}))
    blurred = shot(view)
    assert np.abs(blurred - plain).mean() > 2
    assert neighbour_energy(text_area(blurred)) < 0.4 * neighbour_energy(text_area(plain))


def test_the_overlay_shows_exactly_the_simulated_view(qtbot):
    view = browser(qtbot)
    twin = browser(qtbot)  # the same text, no overlay: what the simulation starts from
    settings = SimulationSettings({"central": 0.5, "contrast": 0.4})
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, settings)
    expected = apply_simulations(image_to_array(twin.grab().toImage()), settings)
    assert np.abs(shot(view) - expected).max() <= 1


def test_scrolling_the_view_moves_the_text_under_the_simulation(qtbot):
    view = browser(qtbot)
    twin = browser(qtbot)
    settings = SimulationSettings({"blur": 0.2, "peripheral": 0.4})
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, settings)
    settle(qtbot, overlay)
    top = shot(view)
    frames = overlay.frames
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(lambda: overlay.frames > frames)
    scrolled = shot(view)
    assert np.abs(scrolled - top).mean() > 2, "the output follows the scroll"
    twin.verticalScrollBar().setValue(view.verticalScrollBar().value())
    expected = apply_simulations(image_to_array(twin.grab().toImage()), settings)
    assert np.abs(scrolled - expected).max() <= 1, "and shows the scrolled text"


def test_keys_reach_the_view_beneath(qtbot):
    view = browser(qtbot)
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, SimulationSettings({"blur": 0.2}))
    centre = view.rect().center()
    assert view.childAt(centre) is view.viewport(), "the mouse goes through the overlay"
    assert overlay.focusPolicy() == Qt.FocusPolicy.NoFocus
    view.setFocus()
    frames = overlay.frames
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() > 0
    qtbot.waitUntil(lambda: overlay.frames > frames)


def test_turning_everything_off_shows_the_view_unchanged(qtbot):
    view = browser(qtbot)
    plain = shot(view)
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, SimulationSettings({"blur": 0.5, "glare": 0.5, "tritanopia": 1.0}))
    assert np.abs(shot(view) - plain).mean() > 2
    overlay.set_settings(SimulationSettings())
    assert not overlay.isVisible()
    assert np.array_equal(shot(view), plain)


def test_the_central_loss_can_follow_a_point(qtbot):
    view = browser(qtbot)
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, SimulationSettings({"central": 0.3}))
    overlay.set_focus_point(QPoint(90, 80))
    qtbot.waitUntil(lambda: overlay.frames > 1)
    settle(qtbot, overlay)
    pixels = shot(view).mean(axis=2)
    centre = view.rect().center()
    assert pixels[80, 90] < 90, "dark where the point is"
    assert pixels[centre.y(), centre.x()] > pixels[80, 90] + 60


def test_the_overlay_follows_a_resize(qtbot):
    view = browser(qtbot)
    overlay = SimulationOverlay(view)
    turn_on(qtbot, overlay, SimulationSettings({"blur": 0.2}))
    view.resize(520, 300)
    qtbot.waitUntil(lambda: overlay.size() == view.size())


def test_any_container_works_like_the_side_by_side_view(qtbot):
    holder = QWidget()
    row = QHBoxLayout(holder)
    left, right = QTextBrowser(), QTextBrowser()
    for pane in (left, right):
        pane.setPlainText("\n\n".join(PARAGRAPH for _ in range(40)))
        row.addWidget(pane)
    holder.resize(600, 300)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    overlay = SimulationOverlay(holder)
    turn_on(qtbot, overlay, SimulationSettings({"hemianopia": 1.0}))
    settle(qtbot, overlay)
    frames = overlay.frames
    right.verticalScrollBar().setValue(200)
    qtbot.waitUntil(lambda: overlay.frames > frames)
    pixels = shot(holder).mean(axis=2)
    assert pixels[:, :250].mean() < 45, "the left half is lost"
    assert pixels[:, 350:].mean() > 150


# ------------------------------------------------------------------ the panel


def panel_with_overlay(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    view = QTextBrowser()
    view.setPlainText("\n\n".join(PARAGRAPH for _ in range(20)))
    panel = SimulationPanel()
    layout.addWidget(view)
    layout.addWidget(panel)
    host.resize(700, 900)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    overlay = SimulationOverlay(view)
    panel.connect_overlay(overlay)
    return host, panel, overlay


def test_the_panel_is_driven_from_the_keyboard(qtbot):
    _host, panel, overlay = panel_with_overlay(qtbot)
    switch, slider = panel.switch("blur"), panel.slider("blur")
    switch.setFocus()
    qtbot.keyClick(switch, Qt.Key.Key_Space)
    assert overlay.settings().strengths["blur"] == pytest.approx(0.5)
    assert overlay.isVisible()
    qtbot.keyClick(switch, Qt.Key.Key_Tab)
    assert slider.hasFocus(), "Tab moves from the switch to its strength"
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert overlay.settings().strengths["blur"] == pytest.approx(0.55)
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert overlay.settings().strengths["blur"] == pytest.approx(0.75)
    panel.switch("deuteranopia").setChecked(True)
    assert overlay.settings().active() == ("deuteranopia", "blur")
    panel.turn_all_off()
    assert overlay.settings().active() == ()
    assert not overlay.isVisible()


def test_every_control_has_its_own_accessible_name(qtbot):
    _host, panel, _overlay = panel_with_overlay(qtbot)
    names = []
    for name in ORDER:
        names += [panel.switch(name).accessibleName(), panel.slider(name).accessibleName()]
    assert all(names) and len(set(names)) == len(names)
    assert panel.focus_combo.accessibleName() and panel.side_combo.accessibleName()


def test_the_panel_says_plainly_what_the_simulations_are_not(qtbot):
    _host, panel, _overlay = panel_with_overlay(qtbot)
    statement = panel.statement.text()
    assert "approximations for training" in statement
    assert "any one pupil" in statement
    assert "no dyslexia simulator" in panel.help.text()
    for name in ORDER:
        assert "not what any one pupil sees" in panel.switch(name).accessibleDescription()


def test_one_key_flips_between_unadapted_and_adapted(qtbot):
    _host, panel, _overlay = panel_with_overlay(qtbot)
    assert FLIP_SHORTCUT == "F8" and panel.is_adapted()
    with qtbot.waitSignal(panel.adapted_toggled) as flipped:
        qtbot.keyClick(panel.switch("blur"), Qt.Key.Key_F8)
    assert flipped.args == [False] and not panel.is_adapted()
    assert "unadapted" in panel.flip_action.text()
    with qtbot.waitSignal(panel.adapted_toggled) as flipped:
        panel.flip_adapted()
    assert flipped.args == [True]


def test_the_hemianopia_side_and_focus_choices_reach_the_overlay(qtbot):
    _host, panel, overlay = panel_with_overlay(qtbot)
    panel.side_combo.setCurrentIndex(panel.side_combo.findData("right"))
    assert overlay.settings().hemianopia_side == "right"
    panel.focus_combo.setCurrentIndex(panel.focus_combo.findData("caret"))
    assert overlay.focus_mode() == "caret"


def test_the_central_loss_can_follow_the_text_cursor(qtbot):
    view = browser(qtbot)
    view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    overlay = SimulationOverlay(view)
    overlay.set_focus_mode("caret")
    turn_on(qtbot, overlay, SimulationSettings({"central": 0.2}))
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, overlay)
    caret = view.viewport().mapTo(view, view.cursorRect().center())
    pixels = shot(view).mean(axis=2)
    assert pixels[caret.y(), caret.x()] < 90, "dark where the cursor is"
    centre = view.rect().center()
    assert np.hypot(centre.x() - caret.x(), centre.y() - caret.y()) > 60
    assert pixels[centre.y(), centre.x()] > 150, "and not in the middle"
