"""No key means one thing in the main window and another in the practice window.

The usability review (28 Nov): Ctrl+E exported a PDF in the main window but
saved a Word document in practice, Ctrl+Shift+E opened the lesson editor
there but saved a PDF here, and F5, read aloud there, put trainer mode full
screen here, so a teacher pressing F5 to hear the lesson got the projector.
The keys are collected from the QActions of both real windows (the main
window with its read aloud, dictation and captions attached); a key both
use must be a row of SAME_COMMAND, which fails on the old practice window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.controllers import attach_controllers
from app.practice.practice_window import PracticeWindow
from app.practice.trainer_view import TrainerView
from tests.app.practice_at_scale import active_practice

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
KEY_WORD = "Show the meaning of the key word at the caret"

# Key: (what it is called in the main window, what it is called in practice),
# one command under two names.
SAME_COMMAND = {
    "Ctrl+E": ({"Export PDF…"}, {"Save as a PDF…"}),
    "Ctrl+Shift+W": ({"Export Word document…"}, {"Save as a Word document…"}),
    "Ctrl+Shift+T": ({"Trainer mode for the projector…"}, {"Trainer mode (projector)"}),
    "F8": ({"Show the unadapted lesson"},
           {"Showing the adapted lesson: press F8 for the unadapted one"}),
    # Every lesson view's key-word keys.
    "F3": ({"Next key word"}, {"Next key word"}),
    "Shift+F3": ({"Previous key word"}, {"Previous key word"}),
    "Enter": ({KEY_WORD}, {KEY_WORD}),
    "Return": ({KEY_WORD}, {KEY_WORD}),
}
# Ctrl+Shift+C, the live captions in the main window and in trainer mode, was
# also the checker in practice and in the lesson editor: the checker is now
# Ctrl+Shift+K (app.practice.editor_window.CHECKER_KEY), which no other window uses.


def keys_of(window) -> dict[str, set[str]]:
    """Each key the window's actions have (as Qt writes it): what the actions are called."""
    found: dict[str, set[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                found.setdefault(key.toString(), set()).add(action.text().replace("&", ""))
    return found


@pytest.fixture
def practice(qtbot, tmp_path) -> PracticeWindow:
    return active_practice(qtbot, tmp_path)


@pytest.fixture
def both(opened, practice) -> tuple[dict, dict]:
    main = opened.open()
    assert attach_controllers(main) == ["read aloud", "dictation", "captions"]
    return keys_of(main), keys_of(practice)


def test_a_key_in_both_windows_is_the_same_command(both):
    main, practice = both
    shared = sorted(set(main) & set(practice))
    assert shared, "the windows' keys were not collected"
    different = [f"{key}: {sorted(main[key])} in the main window, {sorted(practice[key])} "
                 f"in practice" for key in shared
                 if (main[key], practice[key]) != SAME_COMMAND.get(key)]
    assert not different, "\n".join(different)


@pytest.mark.parametrize("key", sorted(SAME_COMMAND))
def test_each_row_of_the_table_is_what_the_windows_have(both, key):
    # A row that no longer matches would let a clash through unseen.
    main, practice = both
    assert (main.get(key), practice.get(key)) == SAME_COMMAND[key]


def test_the_keys_of_the_review_do_the_main_windows_thing_in_practice(qtbot, practice):
    asked: list[str] = []
    practice.ask_export_path = lambda fmt, suggestion: asked.append(fmt)  # then cancels
    qtbot.keyClick(practice, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(practice, Qt.Key.Key_W, CTRL_SHIFT)
    assert asked == ["pdf", "docx"]
    qtbot.keyClick(practice, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.keyClick(practice, Qt.Key.Key_F5)
    assert asked == ["pdf", "docx"] and practice.trainer is None, "F5 opens nothing here"
    assert not [w for w in practice.findChildren(TrainerView) if w.isVisible()]
    qtbot.keyClick(practice, Qt.Key.Key_T, CTRL_SHIFT)
    trainer = practice.trainer
    assert trainer is not None and trainer.isVisible()
    assert practice.trainer_action.shortcut() == QKeySequence("Ctrl+Shift+T")
    trainer.close()


def test_every_item_of_the_practice_menu_has_an_alt_letter(practice):
    # The third review: "Checker" and "Save as new lesson…" had none.
    items = [a.text() for m in practice.menuBar().actions() if m.menu()
             for a in m.menu().actions() if not a.isSeparator()]
    assert items and not [text for text in items if "&" not in text], items
    letters = [text[text.index("&") + 1].lower() for text in items]
    assert len(letters) == len(set(letters)), items
