"""The lesson view and the Tab key: one press leaves it; F3 and Enter reach the key words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from lessons.library import scan_library
from lessons.presets import default_preset
from widgets.key_word_spans import key_word_spans
from widgets.lesson_view import LessonView


def _most_key_words():
    lessons = [e.lesson for e in scan_library(None).entries if e.ok]
    return max(lessons, key=lambda lesson: len(lesson.vocabulary))


@pytest.fixture
def between(qtbot):
    """A view between two buttons, showing the built-in lesson with the most key words."""
    host = QWidget()
    layout = QVBoxLayout(host)
    before, view, after = QPushButton("Before"), LessonView(), QPushButton("After")
    for widget in (before, view, after):
        layout.addWidget(widget)
    view.set_profile(default_preset())
    view.set_lesson(_most_key_words())
    qtbot.addWidget(host)
    host.resize(900, 700)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    yield before, view, after


def test_one_tab_leaves_the_lesson_and_one_shift_tab_goes_back(qtbot, between):
    before, view, after = between
    assert len(view.lesson().vocabulary) >= 5  # the old view needed a Tab for each
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before


def test_f3_visits_every_key_word_in_order_and_enter_shows_its_meaning(qtbot, between):
    _before, view, _after = between
    view.setFocus()
    words = []
    starts = []
    for _ in range(len(key_word_spans(view.document()))):
        qtbot.keyClick(view, Qt.Key.Key_F3)
        assert QApplication.focusWidget() is view
        words.append(view.textCursor().selectedText().casefold())
        starts.append(view.textCursor().selectionStart())
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    known = {v.word.casefold() for v in view.lesson().vocabulary}
    assert set(words) <= known or all(any(k in w or w in k for k in known) for w in words)
    qtbot.keyClick(view, Qt.Key.Key_F3)  # round to the first again
    assert view.textCursor().selectionStart() == starts[0]
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectionStart() == starts[-1]
    with qtbot.waitSignal(view.vocabulary_activated) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert shown.args[0].casefold() in words[-1] or words[-1] in shown.args[0].casefold()
    assert view.popup is not None and view.popup.isVisible()
    view.popup.reject()


def test_the_key_word_keys_are_named_for_the_shortcuts_list(between):
    _before, view, _after = between
    named = {a.text(): a.shortcut().toString() for a in view.key_word_actions}
    assert named["Next key word"] == "F3"
    assert named["Previous key word"] == "Shift+F3"
    assert "F3" in view.accessibleDescription()
