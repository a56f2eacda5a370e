"""Everything by keyboard: shortcuts list, F6 areas, Ctrl+F, F9, names, hooks, status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.main_menus import READ_ALOUD_BUILDING
from tests.app.main_window_helpers import Opened


@pytest.fixture
def window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    yield made.open()
    made.close_all()


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                     for k in action.shortcuts() if not k.isEmpty())


def test_the_shortcuts_list_has_every_action_with_a_shortcut(window):
    window.show_simulations(True)  # made late: its actions must be listed too
    extra = QAction("&Count the words", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+W"))
    window.add_actions("tools", [extra])
    rows = window.shortcut_rows()
    listed = {(keys, text) for keys, text, _where in rows}
    with_keys = [a for a in window.findChildren(QAction) if _keys(a)]
    assert len(with_keys) > 25
    for action in with_keys:
        text = action.text().replace("&", "").replace("…", "")
        assert (_keys(action), text) in listed, text
    assert ("Ctrl+Shift+W", "Count the words", "Tools") in rows
    assert ("F8", "Show the unadapted lesson", "View") in rows
    # The projector answers its own keys: a trainer looks for them here too.
    projector = [(keys, text) for keys, text, where in rows if where == "Projector"]
    assert ("+, -, 0", "Larger, smaller or normal text") in projector
    assert ("B, .", "Blank the screen, or show it again") in projector
    trainer = [(keys, text) for keys, text, where in rows if where == "Trainer mode"]
    assert ("Right, Page Down, Space", "Next step") in trainer
    assert ("Esc", "Leave trainer mode") in trainer
    dialog = window.show_shortcuts()
    assert dialog.rows() == rows
    dialog.close()


def test_every_command_can_be_reached_from_the_keyboard(window):
    bar = window.menuBar()
    for top in bar.actions():
        assert "&" in top.text(), f"menu {top.text()} has no Alt key"
        stack = [top.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                if action.menu() is not None:
                    stack.append(action.menu())
                elif action.isEnabled() and action.actionGroup() is None:
                    assert _keys(action) or "&" in action.text(), action.text()


def test_f6_cycles_library_lesson_and_dock(qtbot, window):
    window.library.list.setFocus()
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        order.append(QApplication.focusWidget())
    assert order == [window.view, window.dictation_panel.toggle_button, window.library.list]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.dictation_panel.toggle_button
    window.dictation_dock.hide()
    window.show_side_by_side(True)
    window.library.search.setFocus()
    qtbot.keyClick(window.library.search, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.side_by_side.adapted
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.library.list


def test_ctrl_f_searches_and_down_goes_into_the_results(qtbot, window):
    window.view.setFocus()
    window.library_dock.hide()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.library_dock.isVisible() and window.library.search.hasFocus()
    qtbot.keyClicks(window.library.search, "plant")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Down)
    assert window.library.list.hasFocus()
    assert window.library.current_entry().title == "Parts of a plant"
    assert window.lesson.title == "Parts of a plant"


def test_every_control_has_a_name(window):
    window.show_simulations(True)
    labelled = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    unnamed, examined = [], 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        examined += 1
        named = widget.accessibleName() or widget in labelled or (
            isinstance(widget, QAbstractButton) and widget.text())
        if not named:
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert examined > 30 and unnamed == []


def test_f9_starts_dictation_through_the_panel(qtbot, window):
    window.dictation_dock.hide()
    asked = []
    window.dictation_panel.start_requested.connect(lambda: asked.append("start"))
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert asked == ["start"] and window.dictation_dock.isVisible()
    assert "Getting dictation ready" in window.dictation_panel.message(), "no controller yet"


def test_read_aloud_placeholders_until_a_controller_brings_its_actions(qtbot, window):
    menu = window.act.menus["read"]
    placeholders = [a for a in menu.actions() if not a.isSeparator()]
    assert placeholders and all(not a.isEnabled() for a in placeholders)
    assert all(a.statusTip() == READ_ALOUD_BUILDING for a in placeholders)

    class Controller:
        def __init__(self):
            self.read = QAction("&Read aloud", window)
            self.read.setShortcut(QKeySequence("Ctrl+Shift+Space"))
            self.read.triggered.connect(lambda: self.calls.append("read"))
            self.calls = []

        def actions(self):
            return [self.read]

    controller = Controller()
    window.attach_read_aloud(controller)
    visible = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert visible == [controller.read]
    assert window.act.toolbars["read"].actions() == [controller.read]
    window.library.list.setFocus()  # the shortcut works wherever the focus is
    qtbot.keyClick(window.library.list, Qt.Key.Key_Space,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert controller.calls == ["read"]


def test_status_bar_says_engine_voice_and_microphone_in_words(window):
    status = window.speech_status
    window.set_engine_status("Dictation: Vosk small English")
    window.set_voice_status("Voice: English (Received Pronunciation)")
    off = status.microphone_icon.pixmap().toImage()
    window.set_microphone_live(True)
    assert status.engine.text() == "Dictation: Vosk small English"
    assert status.voice.text() == "Voice: English (Received Pronunciation)"
    assert status.microphone.text() == "Microphone on" and status.microphone_live()
    assert status.microphone_icon.pixmap().toImage() != off, "the icon changes shape too"
    window.set_microphone_live(False)
    assert status.microphone.text() == "Microphone off"


def test_tab_goes_from_the_profile_through_the_library_to_the_lesson(qtbot, window):
    window.profiles.setFocus()
    seen = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    library = window.library
    title = window.library_dock.titleBarWidget()  # the dock's title bar is above its search
    assert seen == [title.float_button, title.close_button, library.search, library.subject,
                    library.key_stage, library.list, window.view]
