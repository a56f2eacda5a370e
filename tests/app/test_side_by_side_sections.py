"""Side by side with a profile that shows one section at a time: Next and
Previous section turn the adapted pane, and the original shows that section's place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.app.main_window_helpers import choose

CTRL = Qt.KeyboardModifier.ControlModifier


def _first_line(view) -> str:
    return view.document().firstBlock().text()


def _top_line(view) -> str:
    return view.cursorForPosition(QPoint(0, 0)).block().text()


def test_next_section_in_side_by_side_turns_the_adapted_pane(qtbot, opened):
    window = opened.open()
    choose(window, "Writing a recount")
    window.choose_profile("Very low vision / projector")  # one section at a time
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    pair = window.side_by_side
    assert window.stack.currentWidget() is pair
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    count = window.view.section_count()
    assert window.section_label.text() == f"Section 3 of {count}"
    assert pair.adapted.section_index() == 2
    heading = _first_line(pair.adapted)
    assert heading == "Read a recount" != window.lesson.title
    assert _top_line(pair.original) == heading, "the original at the same section's place"

    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert pair.adapted.section_index() == 1 and window.section_label.text().startswith(
        "Section 2 of")
    assert _top_line(pair.original) == _first_line(pair.adapted) == "What is a recount?"

    # Turned from the adapted pane itself, the lesson and the tool bar turn with it.
    pair.adapted.setFocus()
    qtbot.keyClick(pair.adapted, Qt.Key.Key_PageDown, CTRL)
    assert pair.adapted.section_index() == 2 == window.view.section_index()
    assert window.section_label.text().startswith("Section 3 of")

    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)  # back to the lesson alone: same section
    assert window.stack.currentWidget() is window.view
    assert _first_line(window.view) == "Read a recount"


def test_whole_lesson_profiles_still_scroll_the_panes_together(qtbot, opened):
    window = opened.open()
    choose(window, "The water cycle")
    window.choose_profile("Low vision — large print")
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    left = window.side_by_side.original.verticalScrollBar()
    right = window.side_by_side.adapted.verticalScrollBar()
    right.setValue(right.maximum() // 2)
    assert abs(left.value() / left.maximum() - 0.5) < 0.02
    # A profile with sections and back again keeps them in step.
    window.choose_profile("Autism / attention")
    window.choose_profile("Low vision — large print")
    right.setValue(right.maximum())
    assert left.value() == left.maximum()
