"""The box that says what an import left out (widgets/import_notes.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from widgets.import_notes import SHOWN, import_notes_box


def test_the_notes_are_listed_under_what_the_document_became(qtbot):
    box = import_notes_box(None, "Plants.pptx", "Parts of a plant",
                           ["Slide 6 is hidden.", "A chart on slide 8 was left out."])
    qtbot.addWidget(box)
    assert box.text() == ("“Plants.pptx” is now the lesson “Parts of a plant”. Check these "
                          "before you teach from it:")
    assert box.informativeText() == "• Slide 6 is hidden.\n• A chart on slide 8 was left out."
    assert box.detailedText() == ""
    assert box.standardButtons() == QMessageBox.StandardButton.Ok


def test_a_long_list_shows_its_first_notes_and_keeps_them_all_under_details(qtbot):
    notes = [f"A picture on slide {n} is marked as decorative." for n in range(1, 15)]
    box = import_notes_box(None, "Big.pptx", "Big", notes)
    qtbot.addWidget(box)
    shown = box.informativeText().split("\n")
    assert shown[:SHOWN] == [f"• {note}" for note in notes[:SHOWN]]
    assert shown[SHOWN:] == ["…and 6 more: Show Details… lists them all."]
    assert box.detailedText().split("\n") == [f"• {note}" for note in notes]
