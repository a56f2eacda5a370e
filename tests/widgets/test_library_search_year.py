"""Searching a big library for a year group finds that year, not a class named after it.

A school's library of 165 lessons had copies named for their classes
("Writing a recount (7A)", Year 2); "year 7" found 40 lessons, all but one of
them for other years, since "year" and "7" were looked for apart (the
big-inputs review).
"""

from __future__ import annotations

import pytest

from lessons.library import scan_library
from widgets.library_panel import LibraryPanel

LESSONS = {
    "recount-7a.md": ("Writing a recount (7A)", "English", "KS1", "Year 2"),
    "cells.md": ("Cells", "Science", "KS3", "Year 7"),
    "cells-7b.md": ("Cells (7B)", "Science", "KS3", "Year 7"),
    "pythagoras-10e.md": ("Pythagoras' theorem (10E)", "Maths", "KS4", "Year 10"),
    "plants.md": ("Parts of a plant", "Science", "KS1", "Year 1"),
}


@pytest.fixture
def panel(qtbot, tmp_path):
    for name, (title, subject, stage, year) in LESSONS.items():
        (tmp_path / name).write_text(
            f'---\ntitle: "{title}"\nsubject: {subject}\nkey_stage: {stage}\n'
            f"year_group: {year}\n---\n\nText.\n", encoding="utf-8")
    widget = LibraryPanel()
    widget.set_entries(scan_library([tmp_path]).entries)
    qtbot.addWidget(widget)
    return widget


def titles(panel) -> list[str]:
    return sorted(entry.title for entry in panel.visible_entries())


@pytest.mark.parametrize("typed", ["year 7", "Year 7", "yr 7", "Y7", "year7"])
def test_a_year_group_finds_that_year_only(panel, typed):
    panel.set_search(typed)
    assert titles(panel) == ["Cells", "Cells (7B)"]


def test_year_1_is_not_year_10_and_a_class_name_is_still_found(panel):
    panel.set_search("year 1")
    assert titles(panel) == ["Parts of a plant"]
    panel.set_search("7a")
    assert titles(panel) == ["Writing a recount (7A)"]
    panel.set_search("recount 7")  # a number alone is any whole number, as before
    assert titles(panel) == ["Writing a recount (7A)"]
