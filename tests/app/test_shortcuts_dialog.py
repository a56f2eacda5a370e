"""Help > Keyboard shortcuts: big enough to read, and what it says is true."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from app.controllers import attach_controllers
from tests.app.main_window_helpers import Opened


@pytest.fixture
def window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    window = made.open()
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    yield window
    made.close_all()


def _visible_rows(table) -> int:
    area = table.viewport().rect()
    return sum(1 for row in range(table.rowCount())
               if area.contains(table.visualRect(table.model().index(row, 0))))


def test_the_list_opens_showing_every_row_or_most_of_the_screen(qtbot, window):
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    rows = dialog.table.rowCount()
    assert rows > 30
    shown = _visible_rows(dialog.table)
    # At 600 x 420 it showed eleven rows whatever the screen.
    assert shown == rows or dialog.height() >= 0.8 * screen.height(), (shown, dialog.size())
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    assert dialog.isSizeGripEnabled()
    dialog.close()


def test_the_introduction_does_not_promise_a_key_for_every_command(qtbot, window):
    without_key = [a for a in window.act.menus["help"].actions() + window.act.menus[
        "practice"].actions() if isinstance(a, QAction) and not a.isSeparator()
        and a.shortcut().isEmpty()]
    assert without_key, "Welcome, About and the reflection log folder have no key"
    dialog = window.show_shortcuts()
    intro = dialog.findChild(QLabel).text()
    assert "Every command has a key" not in intro
    assert "Alt" in intro and "menus" in intro
    dialog.close()
