"""The lesson editor's "Lesson details" form, driven through its real widgets (offscreen).

Lessons are real files from lessons/library, copied to a temporary folder.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu

from lessons.checker_model import NEED_LABELS
from lessons.library import builtin_folder, lesson_files
from lessons.loader import load_lesson
from lessons.model import VocabularyEntry
from tests.lessons.lesson_helpers import without_positions
from widgets.lesson_editor import LessonEditor

WATER = "ks2-year4-geography-water-cycle.md"
RECOUNT = "ks1-year2-english-writing-a-recount.md"


def heard(widget) -> str:
    """What a screen reader gets of a label: its name (Qt gives it no Text interface)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.fixture
def lessons(tmp_path):
    """A copy of the built-in lessons (and their pictures) to open."""
    folder = tmp_path / "lessons"
    shutil.copytree(builtin_folder(), folder)
    return folder


@pytest.fixture
def editor(qtbot) -> LessonEditor:
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_file(editor: LessonEditor, path) -> str:
    text = path.read_text(encoding="utf-8")
    editor.set_text(text, path)
    return text


def show_details(qtbot, editor: LessonEditor) -> None:
    """Alt+D, the "Lesson details" tab's letter, as a teacher would press it."""
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.details.isAncestorOf(QApplication.focusWidget()))
    assert editor.pages.currentWidget() is editor.details


def type_in_cell(qtbot, table, text: str) -> None:
    """Type into the cell being edited and press Return (the table takes it a moment later)."""
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)


def retype(qtbot, box, text: str) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)


def test_the_text_box_holds_the_lesson_text_and_the_form_its_details(editor, lessons) -> None:
    text = open_file(editor, lessons / WATER)
    body = editor.text_edit.toPlainText()
    assert body.startswith("Have you ever wondered where rain comes from")
    assert "---" not in body.splitlines() and "title:" not in body and "vocabulary:" not in body
    assert editor.pages.currentWidget() is editor.text_edit
    form = editor.details
    lesson = load_lesson(lessons / WATER).lesson
    assert form.title.text() == "The water cycle"
    assert form.subject.currentText() == "Geography"
    assert form.key_stage.currentData() == "KS2" and form.year_group.currentData() == "Year 4"
    assert form.duration.value() == 60
    assert form.objectives.toPlainText().splitlines() == list(lesson.objectives)
    assert form.key_words.entries() == lesson.vocabulary
    assert form.notes.toPlainText() == lesson.notes_for_adults
    assert editor.text() == text and not editor.is_modified()


@pytest.mark.parametrize("name", [p.name for p in lesson_files(builtin_folder())])
def test_a_lesson_saved_unchanged_is_the_same_file(editor, lessons, name) -> None:
    original = lessons / name
    text = open_file(editor, original)
    title = editor.details.title.text()
    saved = editor.save_as_new(title)  # the name asked for becomes the title: keep it
    assert saved is not None
    assert saved.read_bytes() == original.read_bytes()
    before, after = load_lesson(original), load_lesson(saved)
    assert without_positions(after.lesson) == without_positions(before.lesson)
    assert after.lesson.body == before.lesson.body
    assert [p.message for p in after.problems] == [p.message for p in before.problems]
    assert editor.text() == text


def test_a_title_typed_in_the_form_changes_the_preview_and_only_its_line(
        qtbot, editor, lessons) -> None:
    text = open_file(editor, lessons / WATER)
    show_details(qtbot, editor)
    assert QApplication.focusWidget() is editor.details.title  # Alt+D puts the cursor there
    qtbot.keyClick(editor.details.title, Qt.Key.Key_End)
    with qtbot.waitSignal(editor.lesson_parsed, timeout=3000):
        qtbot.keyClicks(editor.details.title, " for Year 4")
    assert editor.lesson().title == "The water cycle for Year 4"
    assert "The water cycle for Year 4" in editor.preview.toPlainText()
    assert editor.text() == text.replace("title: The water cycle\n",
                                         "title: The water cycle for Year 4\n", 1)
    assert editor.is_modified()


def test_key_words_are_added_and_removed_in_their_table(qtbot, editor, lessons) -> None:
    open_file(editor, lessons / WATER)
    show_details(qtbot, editor)
    table = editor.details.key_words
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, table.table, "rainbow")
    row = table.table.rowCount() - 1
    table.table.setCurrentCell(row, 1)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    type_in_cell(qtbot, table.table, "An arc of colours in the sky.")
    editor.reparse_now()
    assert editor.lesson().vocabulary[-1] == VocabularyEntry("rainbow",
                                                            "An arc of colours in the sky.")
    # At the end of the key words, before the notes that follow them in this file.
    assert "  rainbow: An arc of colours in the sky.\nnotes_for_adults: |\n" in editor.text()
    # The same word on a second row is not a second key word, and the form says so.
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, table.table, "Rainbow")
    assert table.note.isVisible() and "twice" in table.note.text()
    assert [e.word for e in editor.details_state().current.vocabulary].count("rainbow") == 1
    table.table.setCurrentCell(row, 0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    editor.reparse_now()
    assert "rainbow" not in {entry.word.lower() for entry in editor.lesson().vocabulary}
    assert not table.note.isVisible()


def test_needs_are_named_in_full_and_chosen_by_ticking(qtbot, editor, lessons) -> None:
    open_file(editor, lessons / WATER)
    show_details(qtbot, editor)
    needs = editor.details.needs
    names = [needs.item(row).text() for row in range(needs.count())]
    assert set(NEED_LABELS.values()) <= set(names)
    assert "Developmental coordination disorder (dyspraxia)" in names
    needs.setFocus()
    needs.setCurrentRow(names.index("Dyslexia"))
    qtbot.keyClick(needs, Qt.Key.Key_Space)
    editor.reparse_now()
    assert editor.lesson().needs == ("dyslexia",)
    assert "\nneeds: [dyslexia]\n" in editor.text()


def test_details_lesson_lab_does_not_use_and_comments_are_kept(qtbot, editor, lessons) -> None:
    path = lessons / RECOUNT
    path.write_text(path.read_text(encoding="utf-8").replace(
        "subject: English\n",
        "subject: English   # the school calls it Literacy\nscheme_of_work: Unit 4, week 2\n"),
        encoding="utf-8")
    text = open_file(editor, path)
    show_details(qtbot, editor)
    retype(qtbot, editor.details.subject.lineEdit(), "Literacy")
    assert editor.is_modified()
    saved = editor.save_as_new("Writing a recount")
    written = saved.read_text(encoding="utf-8")
    assert written == text.replace("subject: English   #", "subject: Literacy   #")
    assert "scheme_of_work: Unit 4, week 2\n" in written
    assert load_lesson(saved).lesson.subject == "Literacy"


def test_details_that_cannot_be_read_open_as_text_to_fix(qtbot, editor, lessons) -> None:
    path = lessons / RECOUNT
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Writing a recount", "title: Writing a recount: our trip"), encoding="utf-8")
    text = open_file(editor, path)
    form = editor.details
    assert editor.pages.currentWidget() is form and form.showing_text()
    assert form.problem.text() == (
        "Line 1: The details at the top of the file (between the '---' lines) could not be "
        "read: a value has a colon in it (put the value in quotes).")
    assert form.source.toPlainText().startswith("title: Writing a recount: our trip\nsubject:")
    assert editor.text_edit.toPlainText().startswith("Have you ever told a friend")
    assert editor.text() == text and not form.form_button.isEnabled()
    # The teacher puts the title in quotes, as the sentence says.
    form.source.setFocus()
    form.focus_source_line(1)
    qtbot.keyClick(form.source, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(editor.lesson_parsed, timeout=3000):
        qtbot.keyClicks(form.source, 'title: "Writing a recount: our trip"')
    assert editor.lesson().title == "Writing a recount: our trip"
    assert form.form_button.isEnabled()
    qtbot.mouseClick(form.form_button, Qt.MouseButton.LeftButton)
    assert not form.showing_text() and form.title.text() == "Writing a recount: our trip"
    assert editor.text() == text.replace("title: Writing a recount: our trip",
                                         'title: "Writing a recount: our trip"')
    editor.undo()  # back to the text box, as it was typed
    assert form.showing_text() and editor.text().count('"Writing a recount: our trip"') == 1


def test_one_undo_history_for_the_text_and_the_form(qtbot, editor, lessons) -> None:
    text = open_file(editor, lessons / WATER)
    editor.text_edit.setFocus()
    qtbot.keyClicks(editor.text_edit, "Look! ")
    show_details(qtbot, editor)
    qtbot.keyClicks(editor.details.title, " again")
    editor.details.duration.setFocus()
    qtbot.keyClick(editor.details.duration, Qt.Key.Key_Up)
    assert editor.details_state().current.duration_minutes == 65
    edited = editor.text()
    title = editor.details.title
    title.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(title, Qt.Key.Key_Z, ctrl)  # Ctrl+Z in the title box: the last change
    assert editor.details.duration.value() == 60 and title.text() == "The water cycle again"
    qtbot.keyClick(title, Qt.Key.Key_Z, ctrl)  # the whole run of typing in one step
    assert title.text() == "The water cycle"
    qtbot.keyClick(title, Qt.Key.Key_Z, ctrl)  # the text's change: its tab is shown
    assert editor.pages.currentWidget() is editor.text_edit
    assert editor.text() == text and not editor.is_modified()
    for _ in range(3):
        editor.redo_action.trigger()
    assert editor.text() == edited and editor.is_modified()
    assert editor.pages.currentWidget() is editor.details


def test_a_problem_in_the_details_leads_to_its_field(qtbot, editor, lessons) -> None:
    path = lessons / WATER
    path.write_text(path.read_text(encoding="utf-8").replace(
        "duration_minutes: 60", "duration_minutes: about an hour"), encoding="utf-8")
    open_file(editor, path)
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert texts == ["Error, lesson details: The duration should be a number of minutes, "
                     "such as 60."]
    item = editor.problems.item(0)
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = editor.details
    assert editor.pages.currentWidget() is form
    assert QApplication.focusWidget() is form.duration
    # What the file says could not be read, so the form leaves it as it is, and says so.
    assert form.duration.isReadOnly()
    assert form.locked_fields() == {
        "duration_minutes": "The duration should be a number of minutes, such as 60."}
    note = form.note("duration_minutes")
    assert note.isVisibleTo(form) and "such as 60" in note.text()
    assert form.duration.accessibleDescription() == note.text()
    # A reader going to the note, or to the sentence above the form, hears its words (they
    # were "About this detail" and "Details the form leaves as they are").
    assert heard(note) == f"About this detail: {note.text()}"
    assert heard(form.unread) == f"Details the form leaves as they are: {form.unread.text()}"
    qtbot.keyClicks(form.duration, "50")
    assert "duration_minutes: about an hour\n" in editor.text() and not editor.is_modified()
    # Fixed as text (the cursor starts on its line), then shown as a form again.
    qtbot.mouseClick(form.text_button, Qt.MouseButton.LeftButton)
    assert form.showing_text() and QApplication.focusWidget() is form.source
    assert form.source.textCursor().block().text() == "duration_minutes: about an hour"
    assert "number of minutes" in form.problem.text()
    assert heard(form.problem) == f"Problem with the lesson details: {form.problem.text()}"
    cursor = form.source.textCursor()
    cursor.select(cursor.SelectionType.LineUnderCursor)
    form.source.setTextCursor(cursor)
    qtbot.keyClicks(form.source, "duration_minutes: 50")
    editor.reparse_now()
    qtbot.mouseClick(form.form_button, Qt.MouseButton.LeftButton)
    assert not form.showing_text() and form.locked_fields() == {}
    assert not form.duration.isReadOnly() and not form.text_button.isVisibleTo(form)
    assert form.duration.value() == 50
    assert "\nduration_minutes: 50\n" in editor.text()
    assert not editor.reparse_now().problems


def test_every_field_is_labelled_and_tab_goes_down_the_form(qtbot, editor, lessons) -> None:
    open_file(editor, lessons / WATER)
    show_details(qtbot, editor)
    form = editor.details
    fields = ["title", "subject", "key_stage", "year_group", "duration_minutes", "needs",
              "objectives", "vocabulary", "notes_for_adults"]
    for name in fields:
        widget, label = form.field(name), form.label(name)
        assert label.buddy() is widget, name
        assert "&" in label.text(), name
        assert widget.accessibleName() == label.text().replace("&", ""), name
    form.key_words.table.setCurrentCell(0, 0)  # so that Remove can be used
    editor.pages.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(len(fields) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [form.title, form.subject, form.key_stage, form.year_group,
                       form.duration, form.needs, form.objectives, form.key_words.table,
                       form.key_words.add_button, form.key_words.remove_button, form.notes]
    qtbot.keyClick(form.notes, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.title
    qtbot.keyClick(form.title, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text_edit)


def test_undo_in_the_text_boxs_right_click_menu_is_the_lessons_undo(qtbot, editor, lessons) -> None:
    open_file(editor, lessons / WATER)
    show_details(qtbot, editor)
    qtbot.keyClicks(editor.details.title, "Rain")
    editor.pages.setCurrentWidget(editor.text_edit)
    viewport = editor.text_edit.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                              viewport.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    undo = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Undo"))
    assert undo.isEnabled()  # the text box itself has nothing to undo: the form has
    undo.trigger()
    menu.close()
    assert editor.details.title.text() == "The water cycle" and not editor.is_modified()


def test_a_presentations_speaker_notes_have_room_to_be_read(qtbot, editor):
    # An imported deck's notes, slide by slide: the box was four lines high.
    notes = "\n".join(f"Slide {n}: Ask the class what they notice." for n in range(1, 15))
    editor.set_text("---\ntitle: Plants\nnotes_for_adults: |\n"
                    + "".join(f"  {line}\n" for line in notes.splitlines()) + "---\n\nText.\n")
    show_details(qtbot, editor)
    box = editor.details.notes
    assert box.toPlainText() == notes
    assert box.height() >= 12 * box.fontMetrics().lineSpacing()
