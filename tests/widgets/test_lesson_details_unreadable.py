"""Nothing a teacher wrote in a lesson's details is lost by editing it in the form.

Real lesson files in a temporary folder, opened in the real lesson editor
(offscreen), edited through the form's widgets and Ctrl+K (the Key word
tool), saved with "Save as new lesson" and loaded again with the loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lessons.library import user_folder
from lessons.loader import load_lesson
from lessons.model import VocabularyEntry
from widgets.lesson_editor import LessonEditor

BODY = """
## Rivers

A river starts at its source, winds in a meander and reaches the sea at its mouth.
"""
# Key words as a list of maps: what another tool, or a teacher, may well write.
LISTED = """---
title: Rivers
subject: Geography
key_stage: KS2
vocabulary:
  - word: source
    definition: Where a river starts.
  - word: meander
    definition: A bend in a river.
notes_for_adults: Bring the map.
---
""" + BODY
LISTED_WORDS = """\
  - word: source
    definition: Where a river starts.
  - word: meander
    definition: A bend in a river.
"""
# Learning objectives as a mapping, and key words with an item that is not a key word.
WRONG_TYPES = """---
title: Rivers
subject: Geography
objectives:
  aim: Name the parts of a river.
  extra: Draw a river from its source to its mouth.
vocabulary:
  - word: source
    definition: Where a river starts.
  - meander
---
""" + BODY
WRONG_OBJECTIVES = """\
objectives:
  aim: Name the parts of a river.
  extra: Draw a river from its source to its mouth.
"""
WRONG_WORDS = """\
vocabulary:
  - word: source
    definition: Where a river starts.
  - meander
"""
# Numbers, times and yes/no words where text belongs (YAML 1.1 would read 'on' as True,
# '12:00' as 720, '010' as 8 and '3.10' as 3.1).
NUMBERS = """---
title: 1984
subject: 3.10
year_group: 10
objectives:
  - 42
vocabulary:
  on: Touching the top of something.
  yes: A word that agrees.
  noon: 12:00
  pi: 3.14159265358979323846
  ten: 010
---
""" + BODY
NUMBER_WORDS = {"on": "Touching the top of something.", "yes": "A word that agrees.",
                "noon": "12:00", "pi": "3.14159265358979323846", "ten": "010"}


@pytest.fixture
def editor(qtbot) -> LessonEditor:
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_lesson(editor: LessonEditor, folder: Path, text: str) -> Path:
    path = folder / "rivers.md"
    path.write_text(text, encoding="utf-8")
    editor.set_text(path.read_text(encoding="utf-8"), path)
    return path


def add_key_word_with_ctrl_k(qtbot, editor: LessonEditor, word: str, definition: str) -> None:
    """Select ``word`` in the lesson text and press Ctrl+K, answering with ``definition``."""
    editor.pages.setCurrentWidget(editor.text_edit)
    text = editor.text_edit.toPlainText()
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(text.index(word))
    cursor.setPosition(text.index(word) + len(word), cursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.setFocus()
    editor.ask_definition = lambda _word: definition
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)


def type_title(qtbot, editor: LessonEditor, extra: str) -> None:
    editor.pages.setCurrentWidget(editor.details)
    QApplication.processEvents()
    editor.details.title.setFocus()
    editor.details.title.end(False)
    qtbot.keyClicks(editor.details.title, extra)


def words(path: Path) -> dict[str, str]:
    return {entry.word: entry.definition for entry in load_lesson(path).lesson.vocabulary}


def test_key_words_listed_as_maps_are_read_and_kept_after_edits(qtbot, editor, tmp_path):
    original = open_lesson(editor, tmp_path, LISTED)
    assert editor.details.key_words.entries() == (
        VocabularyEntry("source", "Where a river starts."),
        VocabularyEntry("meander", "A bend in a river."))
    assert not editor.details.locked_fields()
    type_title(qtbot, editor, " and the sea")
    add_key_word_with_ctrl_k(qtbot, editor, "mouth", "Where a river meets the sea.")
    assert "now a key word" in editor.status.text()
    saved = editor.save_as_new("Rivers and the sea")
    assert saved is not None and saved.parent == user_folder()
    assert words(saved) == {**words(original), "mouth": "Where a river meets the sea."}
    text = saved.read_text(encoding="utf-8")
    # The key words stay a list of maps, the one added written the same way; the other
    # details are the lines they were.
    assert LISTED_WORDS + "  - word: mouth\n    definition: Where a river meets the sea.\n" \
        in text
    for line in ("subject: Geography\n", "key_stage: KS2\n", "notes_for_adults: Bring the map.\n"):
        assert line in text
    assert text.endswith(BODY)
    assert not load_lesson(saved).problems


def test_details_that_cannot_be_read_are_left_as_written(qtbot, editor, tmp_path) -> None:
    original = open_lesson(editor, tmp_path, WRONG_TYPES)
    form = editor.details
    assert set(form.locked_fields()) == {"objectives", "vocabulary"}
    assert form.objectives.isReadOnly() and form.key_words.is_read_only()
    assert not form.key_words.add_button.isEnabled()
    assert form.text_button.isVisibleTo(form)
    assert "Learning objectives" in form.unread.text() and "Key words" in form.unread.text()
    # Typing in the objectives and adding a key word with Ctrl+K change nothing there.
    editor.pages.setCurrentWidget(form)
    form.objectives.setFocus()
    qtbot.keyClicks(form.objectives, "Say where rivers go.")
    add_key_word_with_ctrl_k(qtbot, editor, "mouth", "Where a river meets the sea.")
    assert "could not read all of this lesson's key words" in editor.status.text()
    assert not editor.is_modified()
    # The title and subject change; the rest is kept, byte for byte.
    type_title(qtbot, editor, " of England")
    form.subject.lineEdit().setFocus()
    form.subject.lineEdit().selectAll()
    qtbot.keyClicks(form.subject.lineEdit(), "Science")
    saved = editor.save_as_new("Rivers of England")
    text = saved.read_text(encoding="utf-8")
    assert text == WRONG_TYPES.replace("title: Rivers\n", "title: Rivers of England\n") \
        .replace("subject: Geography\n", "subject: Science\n")
    assert WRONG_OBJECTIVES in text and WRONG_WORDS in text
    assert words(saved) == words(original) == {"source": "Where a river starts."}
    loaded = load_lesson(saved).lesson
    assert (loaded.title, loaded.subject) == ("Rivers of England", "Science")


def test_numbers_and_yes_no_words_are_text_and_kept_as_written(qtbot, editor, tmp_path):
    original = open_lesson(editor, tmp_path, NUMBERS)
    form = editor.details
    assert not form.locked_fields()
    assert (form.title.text(), form.subject.currentText()) == ("1984", "3.10")
    assert form.year_group.currentData() == "Year 10"
    assert form.objectives.toPlainText() == "42"
    assert dict((e.word, e.definition) for e in form.key_words.entries()) == NUMBER_WORDS
    add_key_word_with_ctrl_k(qtbot, editor, "mouth", "Where a river meets the sea.")
    saved = editor.save_as_new("1984")
    assert words(original) == NUMBER_WORDS
    assert words(saved) == {**NUMBER_WORDS, "mouth": "Where a river meets the sea."}
    lesson = load_lesson(saved).lesson
    assert (lesson.title, lesson.subject, lesson.year_group, lesson.objectives) == (
        "1984", "3.10", "Year 10", ("42",))
    text = saved.read_text(encoding="utf-8")
    for line in ("title: 1984\n", "subject: 3.10\n", "year_group: 10\n", "  - 42\n"):
        assert line in text, line  # not changed, so as they were


def test_a_list_of_key_words_edited_in_the_table_stays_a_list(qtbot, editor, tmp_path):
    open_lesson(editor, tmp_path, LISTED)
    table = editor.details.key_words
    editor.pages.setCurrentWidget(editor.details)
    table.table.setCurrentCell(0, 0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert "  - word: meander\n    definition: A bend in a river.\nnotes_for_adults" \
        in editor.text()
    assert "source" not in editor.text().split("---")[1]
    editor.undo()
    assert editor.text() == LISTED
