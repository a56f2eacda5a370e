"""The lesson editor, driven through its real widgets and signals (offscreen)."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from lessons.data_folder import DATA_ENV
from lessons.library import builtin_folder, user_folder
from lessons.loader import load_lesson
from lessons.new_lesson import file_slug, new_lesson_path
from lessons.presets import get_preset
from widgets.lesson_editor import LessonEditor

LESSON = """---
title: Rain
subject: Geography
key_stage: KS2
year_group: Year 4
vocabulary:
  cloud: Tiny drops of water floating in the air.
---

## Where rain comes from

The sun warms the sea and the water rises.
"""


@pytest.fixture
def editor(qtbot) -> LessonEditor:
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_text(LESSON)
    return widget


def preview_text(editor: LessonEditor) -> str:
    return editor.preview.toPlainText()


def select(editor: LessonEditor, text: str) -> None:
    """Select the first ``text`` in the lesson text, as a mouse drag would."""
    start = editor.text_edit.toPlainText().index(text)
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def click_tool(qtbot, editor: LessonEditor, action) -> None:
    button = editor.toolbar.widgetForAction(action)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_preview_follows_typing_after_a_pause(qtbot, editor) -> None:
    editor.show()
    assert "The sun warms the sea" in preview_text(editor)
    editor.go_to_line(12)
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    with qtbot.waitSignal(editor.lesson_parsed, timeout=3000):
        qtbot.keyClicks(editor.text_edit, " Then clouds form.")
    qtbot.waitUntil(lambda: "Then clouds form." in preview_text(editor), timeout=3000)
    assert editor.lesson().sections[0].blocks[0].spans[0].text.endswith("Then clouds form.")


def test_the_text_box_is_named_in_plain_words_for_a_screen_reader(editor) -> None:
    assert editor.text_edit.accessibleName() == "Lesson text"


def test_a_screen_reader_hears_the_editors_message_itself(editor) -> None:
    # Qt gives a label no Text interface over AT-SPI: its name is all a reader gets.
    # It was "Editor message", whatever the message said.
    from PySide6.QtGui import QAccessible

    editor.show_message("Line 4: a table row has a cell too many.", "error")
    heard = QAccessible.queryAccessibleInterface(editor.status).text(QAccessible.Text.Name)
    assert heard == "Problem: Line 4: a table row has a cell too many."


def test_the_preview_uses_the_profile(editor) -> None:
    dyslexia = get_preset("Dyslexia")
    editor.set_profile(dyslexia)
    assert editor.preview.profile() == dyslexia


def test_bold_wraps_the_selection_and_undo_redo_step_through(qtbot, editor) -> None:
    editor.show()
    select(editor, "warms")
    click_tool(qtbot, editor, editor.bold_action)
    assert "The sun **warms** the sea" in editor.text()
    assert editor.text_edit.textCursor().selectedText() == "**warms**"
    assert editor.undo_action.isEnabled()
    click_tool(qtbot, editor, editor.undo_action)
    assert editor.text() == LESSON
    assert editor.redo_action.isEnabled()
    click_tool(qtbot, editor, editor.redo_action)
    assert "The sun **warms** the sea" in editor.text()


def test_typing_can_be_undone_and_redone(qtbot, editor) -> None:
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, "More.")
    assert editor.text().endswith("More.")
    editor.undo()
    assert editor.text() == LESSON
    editor.redo()
    assert editor.text().endswith("More.")


def test_headings_and_lists_from_the_toolbar(qtbot, editor) -> None:
    editor.show()
    select(editor, "The sun warms")
    click_tool(qtbot, editor, editor.subheading_action)
    assert "\n### The sun warms the sea and the water rises.\n" in editor.text()
    click_tool(qtbot, editor, editor.bullets_action)
    assert "\n- The sun warms the sea and the water rises.\n" in editor.text()
    click_tool(qtbot, editor, editor.numbers_action)
    assert "\n1. The sun warms the sea and the water rises.\n" in editor.text()
    editor.reparse_now()
    assert "The sun warms the sea" in preview_text(editor)


def test_a_key_word_goes_into_the_vocabulary_with_its_definition(qtbot, editor) -> None:
    editor.show()
    asked: list[str] = []
    editor.ask_definition = lambda word: asked.append(word) or "A large area of salt water."
    select(editor, "sea")
    click_tool(qtbot, editor, editor.vocabulary_action)
    assert asked == ["sea"]
    words = {entry.word: entry.definition for entry in editor.lesson().vocabulary}
    assert words["sea"] == "A large area of salt water."
    assert "key word" in editor.status.text()
    # The teacher's selection is still the word, though a line was added above it.
    assert editor.text_edit.textCursor().selectedText() == "sea"
    editor.undo()
    editor.reparse_now()
    assert "sea" not in {entry.word for entry in editor.lesson().vocabulary}


def test_a_key_word_already_listed_is_refused_plainly(editor) -> None:
    lesson = LESSON.replace("the water rises.", "the water rises into a cloud.")
    editor.set_text(lesson)
    select(editor, "cloud")
    assert not editor.add_vocabulary_word("Anything.")
    assert "already a key word" in editor.status.text()
    assert editor.text() == lesson


def test_problems_are_listed_with_their_lines_and_lead_there(qtbot, editor) -> None:
    editor.show()
    editor.set_text(LESSON + "\n![](missing.png)\n\n# A title in the body\n")
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    # Lines of the lesson text as the text box shows it (file lines 14 and 16).
    assert any("line 5:" in text for text in texts), texts
    assert any("line 7:" in text for text in texts), texts
    row = next(i for i, text in enumerate(texts) if "line 7:" in text)
    item = editor.problems.item(row)
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.current_line() == 16


def test_the_list_of_mistakes_shows_only_while_there_are_some(editor) -> None:
    # Never "No problems found." beside the checker's findings: hidden instead.
    assert editor.problems.count() == 0 and editor.problems.isHidden()
    editor.set_text(editor.text().replace("title:", "titel:", 1))
    editor.reparse_now()
    assert editor.problems.count() >= 1 and not editor.problems.isHidden()
    assert editor.problems.accessibleName() == "Problems in the lesson file"


def test_insert_text_at_cursor_is_one_undo_step(editor) -> None:
    editor.go_to_line(12)
    editor.insert_text_at_cursor("Dictated words. ")
    assert "\nDictated words. The sun warms" in editor.text()
    editor.undo()
    assert editor.text() == LESSON


def test_replace_text_changes_only_what_differs_and_undoes_in_one_step(editor) -> None:
    editor.go_to_line(10)
    changed = LESSON.replace("the water rises", "the *water* rises")
    editor.replace_text(changed)
    assert editor.text() == changed
    assert editor.current_line() == 10
    editor.undo()
    assert editor.text() == LESSON


def test_a_text_fix_after_an_emoji_changes_just_what_it_fixes(editor) -> None:
    # Qt counts an emoji as two positions: the fix used to land a letter early.
    emoji = LESSON.replace("The sun warms", "🌞 The sun warms")
    editor.set_text(emoji)
    fixed = emoji.replace("the water rises", "the *water* rises")
    editor.replace_text(fixed)
    assert editor.text() == fixed


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_save_as_new_writes_a_new_file_and_never_touches_the_original(qtbot, editor) -> None:
    original = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    before = (digest(original), original.stat().st_mtime_ns)
    editor.set_text(original.read_text(encoding="utf-8"), original)
    select(editor, "Have you ever wondered")
    editor.make_bold()
    editor.ask_lesson_name = lambda suggestion: suggestion
    with qtbot.waitSignal(editor.saved) as saved:
        first = editor.save_as_new()
    assert saved.args == [first]
    assert first.parent == user_folder()
    assert first.name == "the-water-cycle-adapted.md"
    second = editor.save_as_new("The water cycle (adapted)")
    assert second != first and second.name == "the-water-cycle-adapted-2.md"
    assert (digest(original), original.stat().st_mtime_ns) == before
    result = load_lesson(first)
    assert result.lesson.title == "The water cycle (adapted)"
    assert "**Have you ever wondered**" in first.read_text(encoding="utf-8")
    # The pictures came along, so the new lesson shows them.
    assert not [p for p in result.problems if "image" in p.message.lower()]
    assert (user_folder() / "images" / "water-cycle.svg").is_file()


def test_save_as_new_refuses_a_lesson_with_errors(editor) -> None:
    editor.set_text("no front matter at all")
    assert editor.save_as_new("Broken") is None
    assert "Problems in the lesson file" in editor.status.text()


def test_cancelling_the_name_saves_nothing(editor) -> None:
    editor.ask_lesson_name = lambda suggestion: None
    files = set(user_folder().glob("*.md")) if user_folder().is_dir() else set()
    assert editor.save_as_new() is None
    assert (set(user_folder().glob("*.md")) if user_folder().is_dir() else set()) == files


def test_new_lesson_paths_never_reuse_a_file(tmp_path) -> None:
    assert file_slug("Maya's lesson: the water cycle!") == "maya-s-lesson-the-water-cycle"
    assert file_slug("!!!") == "lesson"
    (tmp_path / "rain.md").write_text("x")
    (tmp_path / "rain-2.md").write_text("x")
    assert new_lesson_path(tmp_path, "Rain").name == "rain-3.md"


def test_a_save_that_fails_says_so_plainly_and_leaves_no_lesson(qtbot, editor, tmp_path,
                                                                 monkeypatch) -> None:
    # A picture that cannot be copied (the disk is full) means nothing is saved, and the
    # message says why in plain words (it once said so with the lesson file already there).
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))
    original = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    editor.set_text(original.read_text(encoding="utf-8"), original)

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for name in ("copyfile", "copy2", "copyfileobj"):
        monkeypatch.setattr(shutil, name, disk_full)
    assert editor.save_as_new("The water cycle") is None
    assert editor.status.text() == (
        "Problem: The new lesson could not be saved: the disk is full. Delete some files or "
        "choose another place, then try again.")
    assert not list(user_folder().rglob("*"))
