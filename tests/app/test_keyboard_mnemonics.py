"""No Alt letter does two things: every window and dialog of the app, walked for real.

An Alt letter used twice in one window either does nothing (Qt logs
"Ambiguous shortcut overload") or only cycles the focus between the two, so
a keyboard user cannot rely on it. The items of one open menu are their own
scope.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from app.practice.practice_window import PracticeWindow
from lessons.reflection import ReflectionStore
from lessons.scenarios import builtin_scenarios
from tests.app.keyboard_scopes import clashes, menu_clashes, menus_of, window_keys
from tests.app.main_window_helpers import Opened

pytestmark = pytest.mark.slow  # opens every window of the app


@pytest.fixture
def main_window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    window = made.open()
    yield window
    made.close_all()


def _problems(label: str, top) -> list[str]:
    QApplication.processEvents()
    found = [f"{label}: Alt+{letter} is {what}" for letter, what in
             clashes(window_keys(top)).items()]
    for menu in menus_of(top):
        found += [f"{label}, menu {menu.title()!r}: &{letter} is {what}"
                  for letter, what in menu_clashes(menu).items()]
    return found


def test_the_scope_check_finds_a_clash():
    """The collector itself: a window with two '&S' and an Alt+S action is caught."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    top = QWidget()
    layout = QVBoxLayout(top)
    label, edit = QLabel("&Search"), QLineEdit()
    label.setBuddy(edit)
    for widget in (label, edit, QPushButton("&Save"), QPushButton("&Open")):
        layout.addWidget(widget)
    action = QAction("Speed", top)
    action.setShortcut(QKeySequence("Alt+S"))
    top.addAction(action)
    assert clashes(window_keys(top)) == {
        "S": ["button '&Save'", "label '&Search'", "key of 'Speed'"]} or \
        sorted(clashes(window_keys(top))["S"]) == sorted(
            ["button '&Save'", "label '&Search'", "key of 'Speed'"])
    assert "O" not in clashes(window_keys(top))
    top.deleteLater()


def test_no_alt_letter_is_used_twice_in_any_window(qtbot, main_window, tmp_path):
    window = main_window
    problems: list[str] = []
    assert attach_controllers(window) == ["read aloud", "dictation", "captions"]
    window.show_simulations(True)
    problems += _problems("main window", window)
    window.show_simulations(False)

    editor = window.edit_profile()
    qtbot.waitExposed(editor)
    problems += _problems("profile editor", editor)
    editor.close()

    lesson_editor = window.open_lesson_editor()
    qtbot.waitExposed(lesson_editor)
    problems += _problems("lesson editor", lesson_editor)
    lesson_editor.confirm = lambda question: True
    lesson_editor.close()

    models = window.open_model_manager()
    qtbot.waitExposed(models)
    problems += _problems("speech models", models)
    models.close()

    shortcuts = window.show_shortcuts()
    qtbot.waitExposed(shortcuts)
    problems += _problems("keyboard shortcuts", shortcuts)
    shortcuts.close()

    from app.welcome import WelcomeDialog

    welcome = WelcomeDialog(None, "Ctrl+Shift+M", window)
    welcome.show()
    problems += _problems("welcome", welcome)
    welcome.close()

    captions = window.captions_window
    captions.show()
    qtbot.waitExposed(captions)
    problems += _problems("live captions", captions)
    menu = captions.settings_menu()
    stack = [menu]
    while stack:
        shown = stack.pop()
        problems += [f"caption settings {shown.title()!r}: &{k} is {v}"
                     for k, v in menu_clashes(shown).items()]
        stack.extend(a.menu() for a in shown.actions() if a.menu() is not None)
    captions.hide()

    practice = PracticeWindow(window, reflections=ReflectionStore(tmp_path / "log"))
    practice.ask_save_before_closing = lambda: "discard"
    practice.show()
    qtbot.waitExposed(practice)
    problems += _problems("practice: choose a pupil", practice)
    practice.start_scenario(builtin_scenarios()[0].id)
    for index in range(practice.tabs.count()):
        practice.tabs.setCurrentIndex(index)
        problems += _problems(f"practice step {index + 1}", practice)
    practice.edit_profile()
    problems += _problems("practice's profile editor", practice.profile_editor)
    practice.profile_editor.close()
    trainer = practice.open_trainer(present=False) if _takes_present(practice) else None
    if trainer is not None:
        problems += _problems("trainer mode", trainer)
        trainer.close()
    practice.close()
    assert problems == [], "\n".join(problems)


def _takes_present(practice) -> bool:
    import inspect

    return "present" in inspect.signature(practice.open_trainer).parameters


def test_the_profile_key_and_the_alt_letters_do_what_they_say(qtbot, main_window):
    from PySide6.QtCore import Qt

    window = main_window
    window.view.setFocus()
    keys = Qt.KeyboardModifier
    qtbot.keyClick(window.view, Qt.Key.Key_P, keys.ControlModifier | keys.AltModifier)
    assert QApplication.focusWidget() is window.profiles
    # Alt+C is the library search's only key now (it was Alt+S, shared with Save…).
    qtbot.keyClick(window.profiles, Qt.Key.Key_C, keys.AltModifier)
    assert QApplication.focusWidget() is window.library.search
    qtbot.keyClick(window.library.search, Qt.Key.Key_J, keys.AltModifier)
    assert QApplication.focusWidget() is window.library.subject
