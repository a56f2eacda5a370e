"""The dictation panel's big buttons: side by side with room, one above the other without."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from widgets.dictation_panel import DictationPanel


def _panel_at(qtbot, width: int, scale_font: float = 1.0) -> DictationPanel:
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_ui_scale(scale_font)
    panel.resize(width, 900)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    return panel


def test_with_room_the_buttons_sit_side_by_side(qtbot):
    panel = _panel_at(qtbot, 700)
    start, hold = panel.toggle_button, panel.hold_button
    assert not panel.top_row.is_stacked()
    assert hold.x() >= start.geometry().right() and hold.y() == start.y()


def test_narrow_the_buttons_stack_and_stay_whole(qtbot):
    panel = _panel_at(qtbot, 700, scale_font=2.0)
    wide_enough = panel.top_row.row_width()
    panel.resize(panel.minimumSizeHint().width(), 900)
    qtbot.waitUntil(panel.top_row.is_stacked)
    start, hold = panel.toggle_button, panel.hold_button
    assert panel.width() < wide_enough
    qtbot.waitUntil(lambda: hold.y() > start.geometry().bottom())
    for button in (start, hold):
        assert button.width() >= button.sizeHint().width(), button.text()
        assert panel.rect().contains(button.geometry())
    # Wide again: back side by side.
    panel.resize(wide_enough + 40, 900)
    qtbot.waitUntil(lambda: not panel.top_row.is_stacked())
    qtbot.waitUntil(lambda: hold.y() == start.y())


def test_the_panel_can_be_narrower_than_its_rows(qtbot):
    # At twice the size the start and hold buttons, the state line, the level meter
    # and the save buttons were each too wide for a dock a third of a 1500-px window.
    panel = _panel_at(qtbot, 700, scale_font=2.0)
    assert panel.minimumSizeHint().width() < panel.top_row.row_width()
