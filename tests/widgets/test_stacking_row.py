"""The dictation panel's big buttons: side by side with room, one above the other without."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

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



def test_in_a_scroll_area_scrolling_up_and_down_the_row_stacks_instead_of_sideways(qtbot):
    # A dock's scroll area in a wide window, as wide as the panel's minimum and
    # shorter than the panel. At 200% in a 1920-px window the row of big buttons
    # held the panel 568 px wide (a third of the window had room for it), and then
    # the vertical scroll bar left 540: "Hold to tall", "Clea" and a horizontal
    # scroll bar. Now the row lets go and stacks within what the area shows.
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1920, 1500)
    panel = DictationPanel()
    panel.set_ui_scale(2.0)
    panel.set_commands([(f"command {i}", f"what command {i} does") for i in range(19)])
    panel.show_message("Dictation is ready. Press F9 or Start dictation to begin.")
    area = QScrollArea(window)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(panel)
    area.setGeometry(0, 0, 700, 1500)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert not area.verticalScrollBar().isVisible()
    held = panel.minimumSizeHint().width()
    assert held >= panel.top_row.row_width()  # a third of the window holds the row
    area.setGeometry(0, 0, held, 500)
    qtbot.waitUntil(area.verticalScrollBar().isVisible)
    for _ in range(3):
        QApplication.processEvents()
    assert not area.horizontalScrollBar().isVisible()
    assert panel.width() <= area.viewport().width()
    start, hold = panel.toggle_button, panel.hold_button
    assert panel.top_row.is_stacked() and hold.y() > start.geometry().bottom()
    for button in (start, hold, panel.read_back_button, panel.copy_button,
                   panel.save_button, panel.clear_button):
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() < area.viewport().width(), button.text()
