"""The library's list area says so when no lesson matches, instead of standing blank."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from lessons.library import builtin_folder, scan_library
from widgets.library_panel import LibraryPanel


@pytest.fixture
def panel(qtbot):
    widget = LibraryPanel()
    widget.set_entries(scan_library([builtin_folder()]).entries)
    qtbot.addWidget(widget)
    widget.resize(320, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def list_description(panel) -> str:
    interface = QAccessible.queryAccessibleInterface(panel.list)
    return interface.text(QAccessible.Text.Description)


def test_no_match_says_so_in_the_list_area_and_to_a_screen_reader(panel):
    panel.set_search("xyz")
    expected = "No lessons match “xyz”. Clear the search or choose another subject."
    label = panel.empty_label
    assert label.isVisible() and label.text() == expected
    # It sits inside the list's area, where the lessons would be, and shows whole.
    viewport = panel.list.viewport().rect()
    assert viewport.contains(label.geometry())
    assert label.height() >= label.heightForWidth(label.width())
    assert list_description(panel) == expected
    assert panel.empty_label.accessibleName() == expected


def test_empty_state_follows_the_search_and_goes_when_lessons_match(panel):
    normal = list_description(panel)
    assert not panel.empty_label.isVisible()
    panel.set_search("xyz")
    panel.set_search("xyzq")
    assert "“xyzq”" in panel.empty_label.text()
    panel.set_search("plant")
    assert not panel.empty_label.isVisible()
    assert list_description(panel) == normal
    assert [e.title for e in panel.visible_entries()] == ["Parts of a plant"]


def test_filters_with_no_lessons_ask_for_another_subject_or_key_stage(panel):
    panel.subject.setCurrentIndex(panel.subject.findData("Geography"))
    panel.key_stage.setCurrentIndex(panel.key_stage.findData("KS1"))
    assert panel.visible_entries() == []
    assert panel.empty_label.isVisible()
    assert "Choose another subject or key stage" in panel.empty_label.text()
