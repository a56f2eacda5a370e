"""The Checker dock in the lesson editor and the practice window: the main window's
own title bar (named float and close buttons that Tab reaches), and Ctrl+Shift+K
brings a closed checker back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from app.practice.editor_window import LessonEditorWindow
from app.practice.practice_window import PracticeWindow
from lessons.library import builtin_folder
from lessons.reflection import ReflectionStore
from lessons.scenarios import builtin_scenarios

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(params=["editor", "practice"])
def window(request, qtbot, tmp_path):
    if request.param == "editor":
        made = LessonEditorWindow()
        made.open_lesson(builtin_folder() / "ks2-year4-geography-water-cycle.md")
    else:
        made = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
        made.ask_save_before_closing = lambda: "discard"
        made.start_scenario(builtin_scenarios()[0].id)
    made.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def _tab_stops(window, limit: int = 20000) -> list:
    """Every widget Tab reaches from the checker's first control, once round."""
    start = window.checker.findChild(QAbstractButton) or window.checker
    seen, widget = [], start
    for _ in range(limit):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if widget.isVisible() and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            seen.append(widget)
    return seen


def test_the_checker_title_buttons_say_checker_and_take_the_keyboard(window, qtbot):
    dock = window.checker_dock
    buttons = [b for b in dock.findChildren(QAbstractButton) if b.isVisible()
               and not dock.widget().isAncestorOf(b)]
    names = sorted(b.accessibleName() for b in buttons)
    assert names == ["Close Checker", "Float or dock Checker"]
    stops = _tab_stops(window)
    for button in buttons:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.accessibleName()
        assert button in stops, f"Tab never reaches {button.accessibleName()!r}"
        button.setFocus(Qt.FocusReason.TabFocusReason)
        assert QApplication.focusWidget() is button


def test_a_closed_checker_comes_back_from_the_keyboard(window, qtbot):
    dock = window.checker_dock
    close = next(b for b in dock.findChildren(QAbstractButton)
                 if b.accessibleName() == "Close Checker")
    close.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(close, Qt.Key.Key_Space)  # pressed from the keyboard
    qtbot.waitUntil(lambda: dock.isHidden())
    focus = window.editor.text_edit
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: dock.isVisible())
    # And the command is on a menu, for a teacher who does not know the key.
    menu_actions = [a for m in window.menuBar().actions() if m.menu()
                    for a in m.menu().actions()]
    assert window.checker_action in menu_actions


def test_the_checker_key_goes_to_an_open_checker_and_never_hides_it(window, qtbot):
    # The third review: with the checker open, Ctrl+Shift+K (a toggle) made it vanish.
    dock = window.checker_dock
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = window.editor.text_edit
    focus.setFocus()
    assert dock.isVisible()
    qtbot.keyClick(focus, Qt.Key.Key_K, CTRL_SHIFT)
    assert dock.isVisible()
    qtbot.waitUntil(lambda: dock.isAncestorOf(QApplication.focusWidget()))
