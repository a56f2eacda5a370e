"""The pupil's text says which characters a key put in (``DictationText.typed``),
for speak as I type; the app's own changes, pastes and word-bank words are not typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from widgets.dictation_panel import DictationPanel


def _panel(qtbot) -> tuple[DictationPanel, list[str]]:
    panel = DictationPanel()
    qtbot.addWidget(panel)
    typed: list[str] = []
    panel.typed.connect(typed.append)
    panel.editor.setFocus()
    return panel, typed


def test_each_character_a_key_puts_in_is_typed(qtbot):
    panel, typed = _panel(qtbot)
    qtbot.keyClicks(panel.editor, "Hi, Jo.")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    assert typed == ["H", "i", ",", " ", "J", "o", ".", "\n"]
    assert panel.text() == "Hi, Jo.\n"


def test_keys_that_put_nothing_in_are_not_typed(qtbot):
    panel, typed = _panel(qtbot)
    panel.set_text("Hi")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Left)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    panel.editor.setReadOnly(True)
    qtbot.keyClicks(panel.editor, "x")
    assert typed == []


def test_the_apps_changes_a_paste_and_a_word_bank_word_are_not_typed(qtbot):
    panel, typed = _panel(qtbot)
    panel.set_text("The cat ")
    panel.insert_phrase("sat.")
    panel.type_text(" evaporation")  # a word from the word bank
    QGuiApplication.clipboard().setText(" on the mat")
    qtbot.keyClick(panel.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "on the mat" in panel.text()
    assert typed == []
