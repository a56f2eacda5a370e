"""Original and adapted lesson side by side, scrolled together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from lessons.loader import load_lesson
from lessons.presets import get_preset
from tests.widgets.samples import LIBRARY, near, pixels
from widgets.side_by_side import SideBySide


def _shown(qtbot, preset: str, name: str = "ks2-year4-geography-water-cycle.md") -> SideBySide:
    lesson = load_lesson(LIBRARY / name).lesson
    pair = SideBySide()
    qtbot.addWidget(pair)
    pair.resize(1400, 700)
    pair.set_lesson(lesson)
    pair.set_adapted_profile(get_preset(preset))
    pair.show()
    qtbot.waitExposed(pair)
    return pair


def test_labels_and_colours_of_each_pane(qtbot):
    pair = _shown(qtbot, "High contrast yellow on black")
    assert pair.original_label.text() == "Original"
    assert pair.adapted_label.text() == "Adapted: High contrast yellow on black"
    assert near(pixels(pair.original.viewport()), "#ffffff").mean() > 0.6
    assert near(pixels(pair.adapted.viewport()), "#000000").mean() > 0.6
    assert pair.original.profile().name == "Standard"


def test_scrolling_one_pane_scrolls_the_other_in_proportion(qtbot):
    pair = _shown(qtbot, "Low vision — large print")
    left, right = pair.original.verticalScrollBar(), pair.adapted.verticalScrollBar()
    assert right.maximum() > left.maximum() > 0, "the adapted lesson is longer"
    left.setValue(left.maximum() // 2)
    assert abs(right.value() / right.maximum() - 0.5) < 0.02
    right.setValue(right.maximum())
    assert left.value() == left.maximum()
    right.setValue(0)
    assert left.value() == 0


def test_restyling_keeps_the_panes_in_step(qtbot):
    pair = _shown(qtbot, "Standard")
    left, right = pair.original.verticalScrollBar(), pair.adapted.verticalScrollBar()
    left.setValue(left.maximum() // 2)
    pair.set_adapted_profile(get_preset("Low vision — large print"))
    assert right.maximum() > left.maximum()
    assert abs(right.value() / right.maximum() - left.value() / left.maximum()) < 0.02


def _top_block(view) -> str:
    return view.cursorForPosition(QPoint(0, 0)).block().text()


def _heading_in_view(view, text: str) -> float:
    """How far below the top of ``view`` the first block reading ``text`` is (pixels)."""
    document = view.document()
    block = document.begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), f"{text!r} is not in the original lesson"
    top = document.documentLayout().blockBoundingRect(block).top()
    return top - view.verticalScrollBar().value()


@pytest.mark.parametrize("name", sorted(p.name for p in LIBRARY.glob("*.md")))
def test_each_section_in_focus_mode_has_the_original_at_its_place(qtbot, name):
    # One section at a time on the right; the whole lesson on the left, at the
    # place where that section starts (its heading at the top, or in view
    # when the lesson ends too soon to scroll it there).
    pair = _shown(qtbot, "Very low vision / projector", name)
    left = pair.original.verticalScrollBar()
    for index in range(pair.adapted.section_count()):
        pair.adapted.go_to_section(index)
        assert pair.adapted.section_index() == index
        heading = pair.adapted.document().firstBlock().text()
        if index == 0:
            assert left.value() == 0
            continue
        below = _heading_in_view(pair.original, heading)
        if left.value() < left.maximum():
            assert _top_block(pair.original) == heading
            assert abs(below) <= 1
        else:
            assert 0 <= below < pair.original.viewport().height()


def test_scrolling_a_section_scrolls_the_original_through_that_section(qtbot):
    pair = _shown(qtbot, "Very low vision / projector", "ks2-year4-geography-water-cycle.md")
    pair.adapted.go_to_section(3)
    next_heading = pair.adapted.document().firstBlock().text()
    pair.adapted.go_to_section(2)  # "The four stages…": longer than the original pane
    left, right = pair.original.verticalScrollBar(), pair.adapted.verticalScrollBar()
    heading = pair.adapted.document().firstBlock().text()
    start = left.value()
    assert _top_block(pair.original) == heading
    assert _heading_in_view(pair.original, next_heading) > pair.original.viewport().height()
    right.setValue(right.maximum())
    # The end of the section at the bottom of the original pane: the next one just below.
    below = _heading_in_view(pair.original, next_heading)
    assert abs(below - pair.original.viewport().height()) <= 2
    right.setValue(0)
    assert left.value() == start
    left.setValue(start + 100)  # the original scrolled on within the section
    assert 0 < right.value() < right.maximum()
    pair.adapted.go_to_section(1)
    pair.adapted.go_to_section(2)
    assert left.value() == start, "back to the section, back to its place"
