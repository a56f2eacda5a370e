"""Original and adapted lesson side by side, scrolled together."""

from __future__ import annotations

from lessons.loader import load_lesson
from lessons.presets import get_preset
from tests.widgets.samples import LIBRARY, near, pixels
from widgets.side_by_side import SideBySide


def _shown(qtbot, preset: str) -> SideBySide:
    lesson = load_lesson(LIBRARY / "ks2-year4-geography-water-cycle.md").lesson
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
