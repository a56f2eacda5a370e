"""The library panel: search, subject and key-stage filters, problem markers, keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lessons.library import builtin_folder, scan_library
from widgets.library_panel import LibraryPanel


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    own = tmp_path_factory.mktemp("own")
    (own / "broken.md").write_text("no front matter\n", encoding="utf-8")
    (own / "notes.md").write_text(
        "---\ntitle: Volcanoes\nsubject: Geography\nkey_stage: KS3\n---\n\n## Volcanoes\n\n"
        "![A volcano](missing-picture.png)\n", encoding="utf-8")
    return scan_library([builtin_folder(), own])


@pytest.fixture
def panel(qtbot, scan):
    widget = LibraryPanel()
    widget.set_entries(scan.entries)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def titles(panel):
    return [e.title for e in panel.visible_entries()]


def test_filters_by_subject_and_key_stage(panel):
    subjects = [panel.subject.itemText(i) for i in range(panel.subject.count())]
    stages = [panel.key_stage.itemText(i) for i in range(panel.key_stage.count())]
    assert subjects[0] == "All subjects" and "Geography" in subjects
    assert stages == ["All key stages", "KS1", "KS2", "KS3", "KS4"], "in school order"
    panel.subject.setCurrentIndex(panel.subject.findData("Geography"))
    assert titles(panel) == ["The water cycle", "Rivers and flooding", "Volcanoes"]
    panel.key_stage.setCurrentIndex(panel.key_stage.findData("KS3"))
    assert titles(panel) == ["Rivers and flooding", "Volcanoes"]
    panel.set_search("flood")
    assert titles(panel) == ["Rivers and flooding"]
    panel.set_search("nothing like this")
    assert titles(panel) == []
    assert panel.count_label.text().startswith("No lessons match")


def test_search_matches_every_word_in_title_subject_key_stage_or_year(panel):
    panel.set_search("year 6")
    assert titles(panel) == ["The Anglo-Saxons and Vikings"]
    panel.set_search("SCIENCE ks1")
    assert titles(panel) == ["Parts of a plant"]


def test_a_number_is_a_whole_number_not_part_of_ks4_or_year_10(panel):
    panel.set_search("Year 4")
    assert titles(panel) == ["Repetition in programs", "The water cycle"]
    panel.set_search("1")  # Year 1 and KS1 are not the same thing as "KS1"
    assert titles(panel) == ["Parts of a plant"]
    panel.set_search("ks4")
    assert len(titles(panel)) == 3


def test_lessons_with_problems_are_marked_in_words_and_with_an_icon(panel):
    texts = {panel.list.item(r).text().split("\n")[0]: panel.list.item(r)
             for r in range(panel.list.count())}
    broken, noted, fine = texts["broken"], texts["Volcanoes"], texts["The water cycle"]
    assert "warning: Cannot be opened" in broken.text() and not broken.icon().isNull()
    assert noted.text() == ("Volcanoes\nGeography · KS3 · from own0 · warning: 1 note")
    assert not noted.icon().isNull()
    assert "missing-picture.png" in noted.toolTip()
    assert "warning" not in fine.text() and fine.icon().isNull()


def test_keyboard_search_down_and_enter(qtbot, panel):
    chosen, opened = [], []
    panel.lesson_chosen.connect(chosen.append)
    panel.lesson_activated.connect(opened.append)
    panel.focus_search()
    qtbot.keyClicks(panel.search, "cells")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert [e.title for e in opened] == ["Cells"]
    panel.set_search("ks2")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.list.hasFocus()
    assert panel.current_entry().key_stage == "KS2"
    assert chosen[-1] is panel.current_entry()


def test_the_current_lesson_stays_chosen_when_the_list_is_refreshed(panel, scan):
    assert panel.select_title("Cells")
    panel.set_entries(scan.entries)
    assert panel.current_entry().title == "Cells"
    assert not panel.select_path("/nowhere/lesson.md")


def test_a_link_that_leads_to_itself_does_not_stop_a_lesson_being_chosen(qtbot, tmp_path):
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "rain.md").write_text("---\ntitle: Rain\n---\n\nText.\n", encoding="utf-8")
    widget = LibraryPanel()
    qtbot.addWidget(widget)
    widget.set_entries(scan_library([tmp_path]).entries)
    # "loop" comes before "Rain", so choosing Rain compares the loop's path first.
    assert widget.select_path(tmp_path / "rain.md")
    assert widget.current_entry().title == "Rain"
    assert not widget.select_path(tmp_path / "nowhere.md")
