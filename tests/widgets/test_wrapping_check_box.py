"""A check box whose words wrap: whole lines at any width, and still a check box."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets.wrapping_check_box import WrappingCheckBox

LONG = "Central field loss (as in macular degeneration)"


def _in_width(qtbot, width: int) -> WrappingCheckBox:
    host = QWidget()
    qtbot.addWidget(host)
    box = WrappingCheckBox(LONG)
    QVBoxLayout(host).addWidget(box)
    host.resize(width, 300)
    host.show()
    qtbot.waitExposed(host)
    box.host = host  # kept alive with the box
    return box


def _lines_fit(box: WrappingCheckBox) -> list[str]:
    lines = box.wrapped_text().split("\n")
    room = box.width() - box._overhead()
    for line in lines:
        assert box.fontMetrics().horizontalAdvance(line) <= room, f"{line!r} is cut off"
    assert box.height() >= box.heightForWidth(box.width()), "the last line is clipped"
    return lines


def test_narrow_it_wraps_and_every_line_fits(qtbot):
    box = _in_width(qtbot, 200)
    lines = _lines_fit(box)
    assert len(lines) >= 2 and " ".join(lines) == LONG
    assert box.minimumSizeHint().width() < box.sizeHint().width()


def test_wide_it_is_one_line_as_a_check_box_is(qtbot):
    box = _in_width(qtbot, 900)
    assert _lines_fit(box) == [LONG]
    assert box.heightForWidth(box.width()) == box.sizeHint().height()


def test_a_click_on_the_last_line_and_space_toggle_it(qtbot):
    box = _in_width(qtbot, 200)
    assert len(box.wrapped_text().split("\n")) >= 2
    last_line = QPoint(box._overhead() + 10, box.height() - box.fontMetrics().height() // 2 - 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=last_line)
    assert box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()


def test_its_name_is_the_whole_sentence(qtbot):
    box = _in_width(qtbot, 200)
    assert box.text() == LONG
    name = QAccessible.queryAccessibleInterface(box).text(QAccessible.Text.Name)
    assert name == LONG
