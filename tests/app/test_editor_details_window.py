"""The lesson details form in its windows: the unsaved-changes mark, the checker, the
window title, Alt letters, and interface size 200%.

Real windows (offscreen) and real lesson files from lessons/library.
"""

from __future__ import annotations

import shutil

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.practice.editor_window import CANCEL, DISCARD, LessonEditorWindow
from lessons.library import builtin_folder
from tests.app.keyboard_scopes import clashes, window_keys
from tests.app.practice_at_scale import SCREEN, at_200, practising  # noqa: F401 - the at_200 fixture

WATER = "ks2-year4-geography-water-cycle.md"


@pytest.fixture
def window(qtbot, tmp_path):
    shutil.copytree(builtin_folder(), tmp_path / "lessons")
    made = LessonEditorWindow()  # deletes itself when closed, so not given to qtbot
    assert made.open_lesson(tmp_path / "lessons" / WATER)
    made.resize(*SCREEN)
    made.show()
    qtbot.waitExposed(made)
    yield made
    if shiboken6.isValid(made):
        made.ask_unsaved_changes = lambda: DISCARD
        made.close()


def _show_details(qtbot, editor) -> None:
    editor.pages.setCurrentWidget(editor.details)
    QApplication.processEvents()


def asks_for(word: str, report) -> bool:
    """Whether the checker suggests ``word`` as a key word."""
    return any(f"“{word}”" in f.message and "not in the vocabulary list" in f.message
               for f in report.findings)


def test_a_change_in_the_form_is_an_unsaved_change_the_checker_and_title_follow(
        qtbot, window) -> None:
    editor = window.editor
    _show_details(qtbot, editor)
    checks = window.workbench.checks
    slcn = window.workbench.report().scores["slcn"]
    assert not asks_for("evaporation", window.workbench.report())  # a key word already
    # The teacher takes "evaporation" out of the key words: the checker now asks for it.
    table = editor.details.key_words
    words = [e.word for e in table.entries()]
    table.table.setCurrentCell(words.index("evaporation"), 0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert window.isWindowModified() and editor.is_modified()
    qtbot.waitUntil(lambda: window.workbench.checks > checks, timeout=3000)
    report = window.workbench.report()
    assert asks_for("evaporation", report)
    assert report.scores["slcn"] < slcn
    # A new title shows in the window's title once the preview has caught up.
    qtbot.keyClicks(editor.details.title, " for Year 4")
    qtbot.waitUntil(lambda: "The water cycle for Year 4" in window.windowTitle(), timeout=3000)
    editor.undo()
    editor.undo()
    assert not window.isWindowModified() and not editor.is_modified()
    qtbot.keyClicks(editor.details.subject.lineEdit(), " and science")
    asked = []
    window.ask_unsaved_changes = lambda: asked.append(True) or CANCEL
    assert not window.close()
    assert asked == [True]


def test_no_alt_letter_twice_with_the_details_showing(qtbot, window, tmp_path) -> None:
    _show_details(qtbot, window.editor)
    assert clashes(window_keys(window)) == {}
    practice = practising(qtbot, tmp_path)
    _show_details(qtbot, practice.editor)
    assert clashes(window_keys(practice)) == {}
    # So does "Fix these details as text", shown when a field could not all be read.
    for win in (window, practice):
        win.editor.set_text("---\ntitle: Rain\nobjectives: {aim: Say where rain comes from.}"
                            "\n---\n\nText.\n")
        _show_details(qtbot, win.editor)
        assert win.editor.details.text_button.isVisible()
        assert clashes(window_keys(win)) == {}
    # The details as text, when they cannot be read, have letters of their own too.
    window.editor.set_text("---\ntitle: Rain: a story\n---\n\nText.\n")
    assert window.editor.details.showing_text()
    QApplication.processEvents()
    assert clashes(window_keys(window)) == {}


def _fits(form, scroll) -> None:
    viewport = scroll.viewport()
    assert not scroll.horizontalScrollBar().isVisible()
    for label in form.findChildren(QLabel):
        if not label.isVisibleTo(form) or label.wordWrap():
            continue
        text = label.text().replace("&", "")
        assert label.fontMetrics().horizontalAdvance(text) <= label.width(), text
    for name in ("title", "subject", "key_stage", "year_group", "duration_minutes", "needs",
                 "objectives", "vocabulary", "notes_for_adults"):
        widget = form.field(name)
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + widget.width() <= viewport.width(), name
        assert widget.height() >= widget.fontMetrics().height(), name
    for button in (form.key_words.add_button, form.key_words.remove_button):
        right = button.mapTo(viewport, QPoint(button.width(), 0)).x()
        assert right <= viewport.width() and \
            button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) \
            < button.width(), button.text()


@pytest.mark.usefixtures("at_200")
def test_the_details_fit_at_200_percent(qtbot, window, tmp_path) -> None:
    for win in (window, practising(qtbot, tmp_path)):
        editor = win.editor
        _show_details(qtbot, editor)
        assert win.minimumSizeHint().width() <= SCREEN[0]
        bar = editor.pages.tabBar()
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            assert bar.fontMetrics().horizontalAdvance(text) < bar.tabRect(index).width()
        assert bar.tabRect(bar.count() - 1).right() <= editor.pages.width()
        form = editor.details
        _fits(form, form.scroll)
        # Tab to the last field: the form scrolls to show it.
        form.focus_field("notes_for_adults")
        QApplication.processEvents()
        top = form.notes.mapTo(form.scroll.viewport(), QPoint(0, 0)).y()
        assert 0 <= top < form.scroll.viewport().height()
