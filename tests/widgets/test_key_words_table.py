"""The key words table: edits, read-only key words, and being shown new entries while
it is still handling a change of its own (offscreen, real widgets)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication

from lessons.model import VocabularyEntry
from widgets.key_words_table import MEANING, WORD, KeyWordsTable

RIVER = (VocabularyEntry("source", "Where a river starts."),
         VocabularyEntry("meander", "A bend in a river."))


def table(qtbot) -> KeyWordsTable:
    widget = KeyWordsTable()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_entries(RIVER)
    return widget


def test_entries_shown_while_a_change_is_handled_wait_until_it_is_over(qtbot) -> None:
    words = table(qtbot)
    sent: list[tuple] = []
    tidied = (VocabularyEntry("mouth", "Where a river meets the sea."), *RIVER[1:])

    def editor_answers(entries) -> None:
        # What the lesson editor does: it shows its new details, here a little different.
        sent.append(entries)
        words.set_entries(tidied)

    words.entries_edited.connect(editor_answers)
    item = words.table.item(0, WORD)
    item.setText("mouth")  # as the cell's editor does when the teacher presses Return
    # The cell Qt was still setting was not deleted under it...
    assert shiboken6.isValid(item) and item.text() == "mouth"
    assert sent == [(VocabularyEntry("mouth", "Where a river starts."), RIVER[1])]
    # ...and the entries sent back are shown once the change is over.
    qtbot.waitUntil(lambda: words.entries() == tidied)
    assert words.table.item(0, MEANING).text() == "Where a river meets the sea."
    # Shown directly afterwards, what is shown last wins.
    words.set_entries(RIVER)
    QApplication.processEvents()
    assert words.entries() == RIVER


def test_read_only_key_words_cannot_be_added_removed_or_typed_over(qtbot) -> None:
    words = table(qtbot)
    edits: list[tuple] = []
    words.entries_edited.connect(edits.append)
    words.set_read_only(True, "These could not be read.")
    words.table.setCurrentCell(0, WORD)
    assert not words.add_button.isEnabled() and not words.remove_button.isEnabled()
    assert words.table.accessibleDescription() == "These could not be read."
    words.add_row()
    words.remove_current()
    qtbot.keyClicks(words.table, "x")
    assert words.entries() == RIVER and edits == [] and words.table.rowCount() == 2
    words.set_read_only(False)
    assert words.add_button.isEnabled() and words.remove_button.isEnabled()
    assert "F2" in words.table.accessibleDescription()


def test_rows_grow_to_fit_their_meanings_when_the_table_narrows(qtbot) -> None:
    words = table(qtbot)
    words.set_entries((VocabularyEntry("estuary", "The wide part of a river where it meets "
                                                  "the sea, and fresh and salt water mix."),))
    QApplication.processEvents()
    wide = words.table.rowHeight(0)
    words.resize(250, 400)
    qtbot.waitUntil(lambda: words.table.rowHeight(0) > wide)


def test_a_screen_reader_hears_the_note_about_a_word_twice_in_its_own_words(qtbot) -> None:
    # Qt gives a label no Text interface over AT-SPI: its name is all a reader gets.
    # It was "About the key words", whatever the note said.
    from PySide6.QtGui import QAccessible

    words = table(qtbot)
    words.table.item(1, WORD).setText("source")
    assert words.note.isVisible()
    heard = QAccessible.queryAccessibleInterface(words.note).text(QAccessible.Text.Name)
    assert heard == "“source” is in the list twice; only its first row is kept."
