"""The lesson editor and the reflection page in a teacher's words (offscreen).

Each test fails on the old wording: the editor's title was the file name
("Edit: ks1-year2-english-writing-a-recount.md"), and the reflection page
offered "Export as Markdown…" (later "Save as a text document (.md)…").
"""

from __future__ import annotations

import pytest
import shiboken6

from app.practice.editor_window import DISCARD, LessonEditorWindow
from app.practice.reflection_page import ReflectionPage
from lessons.library import builtin_folder

LESSON = builtin_folder() / "ks1-year2-english-writing-a-recount.md"


@pytest.fixture
def window(qtbot):
    made = LessonEditorWindow()  # deletes itself when closed, so not given to qtbot
    assert made.open_lesson(LESSON)
    made.show()
    yield made
    if shiboken6.isValid(made):
        made.ask_unsaved_changes = lambda: DISCARD
        made.close()


def test_the_title_is_the_lesson_title_not_the_file_name(window) -> None:
    assert window.windowTitle() == "Edit: Writing a recount[*] — Lesson Lab"
    assert ".md" not in window.windowTitle()


def test_the_title_follows_the_lesson_title_as_it_is_edited(window) -> None:
    text = window.editor.text().replace("title: Writing a recount", "title: Our farm trip", 1)
    window.editor.replace_text(text)
    window.editor.reparse_now()
    assert window.windowTitle() == "Edit: Our farm trip[*] — Lesson Lab"


def test_the_preview_shows_the_lesson_not_its_front_matter(window) -> None:
    window.editor.reparse_now()
    shown = window.editor.preview.toPlainText()
    assert "Writing a recount" in shown
    for raw in ("---", "title:", "key_stage:", "vocabulary:", "notes_for_adults:"):
        assert raw not in shown


def test_reflection_export_buttons_say_what_a_teacher_gets(qtbot) -> None:
    page = ReflectionPage()
    qtbot.addWidget(page)
    # A Word document, which every school computer opens; not a .md file, which most
    # teachers have nothing to open with.
    assert page.export_docx_button.text() == "Save as a Word docu&ment…"
    assert page.export_docx_button.accessibleName() == "Save as a Word document"
    assert ".docx" in page.export_docx_button.toolTip()
    assert "plain text (.txt)" in page.export_docx_button.toolTip()
    assert page.export_pdf_button.accessibleName() == "Save as a PDF"
    assert "Markdown" not in page.export_docx_button.toolTip()
    assert ".md" not in page.export_docx_button.toolTip()
