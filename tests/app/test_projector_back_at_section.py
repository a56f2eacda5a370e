"""The projector and the window keep the trainer's place, both ways.

The trainer's review: Esc on section 4 showed "Section 1 of 12" in the main
window. Now a focus-mode profile shows that section, and a whole-lesson
profile is scrolled to its heading. The README review: F11 from the middle
of a lesson started the projector on the title page; it now opens on the
section the window shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.app.main_window_helpers import choose
from widgets.lesson_document import HEADING2


@pytest.fixture
def window(opened):
    return opened.open()


def _present_and_leave_on(qtbot, window, section: int):
    """Present, turn to page ``section`` (from 0) with the clicker's key, press Esc."""
    projector = window.start_projector()
    projector.activateWindow()
    qtbot.keyClick(projector, Qt.Key.Key_Home)  # it opens where the window was
    for _ in range(section):
        qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert projector.section_index() == section
    heading = _first_heading(projector.view.document())
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert window.projector is None
    return heading


def _first_heading(document) -> str | None:
    """The first ``##`` heading shown (None on the title page)."""
    block = document.begin()
    while block.isValid():
        if block.userState() == HEADING2:
            return block.text()
        block = block.next()
    return None


def test_a_focus_mode_profile_comes_back_on_the_section_presented(qtbot, window):
    choose(window, "The water cycle")
    window.choose_profile("Very low vision / projector")
    assert window.view.profile().focus_mode
    count = window.view.section_count()
    heading = _present_and_leave_on(qtbot, window, 3)
    assert window.view.section_index() == 3
    assert window.section_label.text() == f"Section 4 of {count}"
    assert _first_heading(window.view.document()) == heading == "The water cycle in the UK"


def test_a_whole_lesson_profile_comes_back_scrolled_to_the_section_heading(qtbot, window):
    choose(window, "The water cycle")
    window.choose_profile("Standard")
    view = window.view
    assert not view.profile().focus_mode
    heading = _present_and_leave_on(qtbot, window, 3)
    assert heading == "The water cycle in the UK"
    assert view.verticalScrollBar().value() > 0
    top = view.cursorForPosition(QPoint(view.viewport().width() // 2, 4)).block()
    assert top.text() == heading, "the section's heading at the top of the view"
    assert view.textCursor().block().text() == heading, "the caret on it"


def test_the_first_and_last_pages_come_back_too(qtbot, window):
    choose(window, "The water cycle")
    window.choose_profile("Standard")
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    _present_and_leave_on(qtbot, window, 0)
    assert view.verticalScrollBar().value() == 0, "the title page: the top"
    last = view.section_count() - 1
    projector = window.start_projector()
    qtbot.keyClick(projector, Qt.Key.Key_End)
    assert projector.section_index() == last
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert view.textCursor().block().text() == "Key words"


def test_the_projector_opens_on_the_section_the_window_shows(qtbot, window):
    choose(window, "The water cycle")
    window.choose_profile("Very low vision / projector")
    window.view.go_to_section(2)
    projector = window.start_projector()
    assert projector.section_index() == 2
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)


def test_with_the_whole_lesson_it_opens_on_the_carets_section_or_the_one_at_the_top(
        qtbot, window):
    choose(window, "The water cycle")
    window.choose_profile("Standard")
    view = window.view
    heading = _present_and_leave_on(qtbot, window, 3)  # the caret on its heading, in sight
    projector = window.start_projector()
    assert projector.section_index() == 3
    assert _first_heading(projector.view.document()) == heading
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
    # Scrolled to the top with the caret left below, out of sight: the top's section.
    view.verticalScrollBar().setValue(0)
    projector = window.start_projector()
    assert projector.section_index() == 0
    # Left as a trainer leaves it: a full-screen window left open takes the mouse
    # from the tests after this one.
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
