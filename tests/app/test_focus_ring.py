"""The keyboard focus ring (audit finding 7): thick, scaled with the interface, and in contrast.

Fusion's mark was a one-pixel #26709E line that stayed one pixel at 200%.
The tests grab focused controls drawn by the app's style and count the
ring's pixels; they fail on the old style.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.focus_ring import RING_CONTRAST, ring_colour, ring_width
from app.ui_scale import ScaledStyle, apply_ui_scale, install_scaled_style
from lessons.contrast import contrast_ratio


@pytest.fixture
def styled(qapp):
    """The app's style at a given interface size, put back to 100% afterwards."""
    old = qapp.style().name()
    style = install_scaled_style(qapp)
    yield lambda scale: apply_ui_scale(scale, qapp)
    apply_ui_scale(1.0, qapp)
    if not isinstance(style, ScaledStyle) or old != style.name():
        qapp.setStyle(old)


def focused_grab(qtbot, widget: QWidget, others: QWidget):
    """``widget`` given focus by Tab from ``others``, then grabbed, and grabbed again unfocused."""
    window = widget.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    others.setFocus()
    unfocused = widget.grab().toImage()
    while not widget.hasFocus():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    return widget.grab().toImage(), unfocused


def ring_thickness(image, colour: QColor) -> int:
    """How many pixels deep the ring is at the middle of the left edge."""
    y, depth = image.height() // 2, 0
    while depth < image.width() // 2 and image.pixelColor(depth, y) == colour:
        depth += 1
    return depth


def build(kinds):
    window = QWidget()
    column = QVBoxLayout(window)
    widgets = [kind() for kind in kinds]
    for widget in widgets:
        column.addWidget(widget)
    return window, widgets


@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["100%", "200%"])
def test_a_focused_button_has_a_ring_at_least_2_pixels_that_grows(qtbot, styled, scale) -> None:
    styled(scale)
    window, (before, button) = build([QPushButton, QPushButton])
    qtbot.addWidget(window)
    button.setText("Copy")
    focused, unfocused = focused_grab(qtbot, button, before)
    ring = ring_width(scale)
    assert ring >= 3 and (scale < 2 or ring >= 5)
    colour = focused.pixelColor(0, focused.height() // 2)
    assert ring_thickness(focused, colour) >= ring >= 3
    assert QApplication.style().focus_ring_width() == ring
    # Every edge has the ring, and its pixels changed with 3:1 or more from the
    # unfocused button over at least a 2-pixel band around it.
    width, height = focused.width(), focused.height()
    changed = sum(
        1 for x in range(width) for y in range(height)
        if focused.pixelColor(x, y) == colour
        and contrast_ratio(colour.name(), unfocused.pixelColor(x, y).name()) >= 3)
    assert changed >= 2 * (2 * width + 2 * height) - 16


@pytest.mark.parametrize("kind", [QCheckBox, QComboBox, QLineEdit, QListWidget, QSlider,
                                  QTextEdit, QPlainTextEdit, QTextBrowser])
def test_other_controls_have_the_ring_too(qtbot, styled, kind) -> None:
    styled(1.0)
    window, (before, widget) = build([QPushButton, kind])
    qtbot.addWidget(window)
    if isinstance(widget, QCheckBox):
        widget.setText("Read aloud")
    if isinstance(widget, QComboBox):
        widget.addItems(["guideline", "pupil's need"])
    if isinstance(widget, QListWidget):
        widget.addItems(["One", "Two"])
        widget.setCurrentRow(0)
    if isinstance(widget, QSlider):
        widget.setOrientation(Qt.Orientation.Horizontal)
    if isinstance(widget, QTextBrowser):  # the lesson: read-only, reached by Tab
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    focused, unfocused = focused_grab(qtbot, widget, before)
    ring = ring_width(1.0)
    if isinstance(widget, QListWidget):
        item = widget.visualItemRect(widget.item(0)).translated(widget.viewport().pos())
        x, y = item.left() + 1, item.center().y()
    else:
        x, y = 0, focused.height() // 2
    colour = focused.pixelColor(x, y)
    depth = 0
    while focused.pixelColor(x + depth, y) == colour:
        depth += 1
    assert depth >= ring - 1 >= 2
    assert contrast_ratio(colour.name(), unfocused.pixelColor(x + 1, y).name()) >= 3


@pytest.mark.parametrize("window, button, highlight", [
    ("#efefef", "#efefef", "#308cc6"),   # Fusion's light palette
    ("#353535", "#353535", "#2a82da"),   # a common dark palette
    ("#000000", "#000000", "#1aebff"),   # high contrast, light highlight
    ("#ffffff", "#ffffff", "#ffff00"),   # a yellow highlight on white
])
def test_the_ring_colour_has_3_to_1_on_light_dark_and_high_contrast(window, button,
                                                                    highlight) -> None:
    backgrounds = [QColor(window), QColor(button), QColor(button).lighter(124)]
    colour = ring_colour(QColor(highlight), backgrounds)
    assert all(contrast_ratio(colour.name(), b.name()) >= RING_CONTRAST - 0.01
               for b in backgrounds)


def test_a_text_box_made_before_the_interface_grows_shows_the_whole_thicker_ring(qtbot,
                                                                                 styled):
    styled(1.0)
    window, (before, text) = build([QPushButton, QTextEdit])
    qtbot.addWidget(window)
    styled(2.0)
    focused, _unfocused = focused_grab(qtbot, text, before)
    y = focused.height() // 2
    colour = focused.pixelColor(0, y)
    depth = 0
    while focused.pixelColor(depth, y) == colour:
        depth += 1
    assert depth >= ring_width(2.0) - 1 >= 4


def test_a_slider_inside_its_ring_still_follows_the_mouse_to_its_ends(qtbot, styled):
    from PySide6.QtWidgets import QStyleOptionSlider

    styled(2.0)
    window, (slider,) = build([QSlider])
    qtbot.addWidget(window)
    slider.setOrientation(Qt.Orientation.Horizontal)
    slider.setRange(0, 100)
    window.resize(400, 100)
    window.show()
    qtbot.waitExposed(window)

    def handle():
        option = QStyleOptionSlider()
        slider.initStyleOption(option)
        return slider.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider)

    room = ring_width(2.0)
    assert handle().left() > room  # the handle clear of the ring
    for x, value in ((slider.width() - 1, 100), (0, 0)):
        qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=handle().center())
        qtbot.mouseMove(slider, QPoint(x, slider.height() // 2))
        qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
        assert slider.value() == value
        assert room < handle().left() and handle().right() < slider.width() - room


def test_a_lesson_in_yellow_on_black_is_ringed_in_a_colour_that_shows_on_black(qtbot, styled):
    from PySide6.QtGui import QPalette

    styled(1.0)
    window, (before, lesson) = build([QPushButton, QTextBrowser])
    qtbot.addWidget(window)
    lesson.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    palette = lesson.palette()  # as widgets/lesson_view.py colours a high-contrast lesson
    for role, colour in ((QPalette.ColorRole.Base, "#000000"), (QPalette.ColorRole.Window,
                         "#000000"), (QPalette.ColorRole.Highlight, "#ffff00")):
        palette.setColor(role, QColor(colour))
    lesson.setPalette(palette)
    focused, _unfocused = focused_grab(qtbot, lesson, before)
    ring = focused.pixelColor(1, focused.height() // 2)
    assert contrast_ratio(ring.name(), "#000000") >= RING_CONTRAST


def test_a_focused_selected_list_item_is_ringed_apart_from_the_selection_and_the_list(
        qtbot, styled):
    # The third review: the ring over the library's selected lesson was white inside
    # the blue selection, next to the white list, so a focused list looked unfocused.
    from PySide6.QtGui import QPalette

    styled(1.0)
    window, (before, lessons) = build([QPushButton, QListWidget])
    qtbot.addWidget(window)
    lessons.addItems(["Writing a recount", "The water cycle"])
    lessons.setCurrentRow(1)
    focused, _unfocused = focused_grab(qtbot, lessons, before)
    item = lessons.visualItemRect(lessons.item(1)).translated(lessons.viewport().pos())
    ring = focused.pixelColor(item.left() + 1, item.center().y())
    palette = lessons.palette()
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base):
        assert contrast_ratio(ring.name(), palette.color(role).name()) >= 3, role
