"""Practice records as Word documents, read back with python-docx as Word would show them."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import datetime, timezone

import docx
import pytest

from lessons.reflection_docx import write_docx
from lessons.reflection_record import NOT_ANSWERED, OFFLINE_LINE
from lessons.scenarios import get_scenario
from tests.lessons.reflection_helpers import (
    AISHA,
    BST,
    FIRST_ANSWER,
    MAYA,
    make_session,
)


def _paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def _after(paragraphs: list[tuple[str, str]], heading: tuple[str, str], count: int):
    start = paragraphs.index(heading) + 1
    return paragraphs[start:start + count]


def _resolved(style, attribute: str):
    """A style's font setting, following its base styles as Word does."""
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def _italic(run, paragraph) -> bool:
    if run.font.italic is not None:
        return run.font.italic
    if run.style is not None and run.style.name != "Default Paragraph Font":
        value = _resolved(run.style, "italic")
        if value is not None:
            return value
    return bool(_resolved(paragraph.style, "italic"))


def _every_paragraph(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_a_record_has_headings_and_each_question_with_its_answer(tmp_path):
    session = make_session()
    maya = get_scenario(MAYA)
    out = write_docx([session], tmp_path / "Reflection.docx")
    document = docx.Document(str(out))
    paragraphs = _paragraphs(document)
    assert paragraphs[0] == ("Heading 1", "Adapting “The water cycle” for Maya (Year 4)")
    sections = [text for style, text in paragraphs if style == "Heading 2"]
    assert sections == ["The pupil", "The task", "What I changed", "Scores before and after",
                        "Reflections"]
    assert ("Normal", "Date: Friday 14 March 2025 at 09:30") in paragraphs
    assert ("Heading 3", "What helps") in paragraphs
    assert ("List Bullet", maya.what_helps[0]) in paragraphs

    # Under Reflections: each question a numbered heading, the answer below it.
    prompts = maya.reflection_prompts
    questions = paragraphs[paragraphs.index(("Heading 2", "Reflections")) + 1:]
    assert [text for style, text in questions if style == "Heading 3"] == [
        f"{n}. {prompt}" for n, prompt in enumerate(prompts, start=1)]
    assert _after(paragraphs, ("Heading 3", f"1. {prompts[0]}"), 1) == [("Normal", FIRST_ANSWER)]
    assert _after(paragraphs, ("Heading 3", f"2. {prompts[1]}"), 2) == [
        ("Normal", "She follows the arrows with a finger."),
        ("Normal", "Her QTVI suggested a tactile copy.")]
    # A question left blank says so, rather than showing nothing.
    assert _after(paragraphs, ("Heading 3", f"3. {prompts[2]}"), 1) == [("Normal", NOT_ANSWERED)]
    assert paragraphs[-1] == ("Normal", OFFLINE_LINE)

    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Need", "Before", "After", "Difference", "Target"]
    assert ["Visual impairment", "41", "93", "+52", "90 (reached)"] in rows
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # repeated on each page
    assert document.core_properties.title == "Adapting “The water cycle” for Maya (Year 4)"


def test_nothing_is_in_italics_and_questions_stand_out_by_weight(tmp_path):
    # A log puts the questions at heading level 4, which python-docx's template
    # sets in italics; the answers must be upright and regular whatever the level.
    maya = make_session(started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    aisha = make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST),
                         after="Dyslexia", scores_before={"dyslexia": 48},
                         scores_after={"dyslexia": 86})
    out = write_docx([aisha, maya], tmp_path / "log.docx")
    document = docx.Document(str(out))
    paragraphs = _paragraphs(document)
    assert paragraphs[0] == ("Heading 1", "Lesson Lab practice log")
    assert [text for style, text in paragraphs if style == "Heading 2"] == [
        "Adapting “The water cycle” for Maya (Year 4)",
        "Adapting “An Inspector Calls: Arthur Birling” for Aisha (Year 10)"]
    assert ("Heading 4", f"1. {get_scenario(AISHA).reflection_prompts[0]}") in paragraphs
    assert [text for _, text in paragraphs].count(OFFLINE_LINE) == 1

    checked = 0
    for paragraph in _every_paragraph(document):
        for run in paragraph.runs:
            assert not _italic(run, paragraph), (paragraph.style.name, run.text)
            checked += 1
    assert checked > 100
    for level in (1, 2, 3, 4):
        heading = document.styles[f"Heading {level}"]
        assert _resolved(heading, "bold") is True
        assert _resolved(heading, "italic") is False
    normal = document.styles["Normal"]
    assert not _resolved(normal, "bold") and not _resolved(normal, "italic")
    answer = next(p for p in document.paragraphs if p.text == FIRST_ANSWER)
    assert answer.style.name == "Normal" and not any(r.bold for r in answer.runs)


def test_british_english_on_a4_with_no_library_named(tmp_path):
    out = write_docx([make_session()], tmp_path / "record.docx")
    with zipfile.ZipFile(out) as parts:
        xml = {name: parts.read(name).decode("utf-8") for name in parts.namelist()
               if name.endswith(".xml")}
    assert 'w:val="en-GB"' in xml["word/styles.xml"]
    assert 'w:themeFontLang w:val="en-GB"' in xml["word/settings.xml"]
    # The language Word checks spelling in (w:val); East Asian text may stay US, as
    # Word's own UK template has it.
    for part in ("word/styles.xml", "word/settings.xml", "word/document.xml"):
        assert 'w:val="en-US"' not in xml[part], part
    assert "python-docx" not in xml["docProps/core.xml"]
    properties = docx.Document(str(out)).core_properties
    assert properties.author == "" and properties.comments == ""
    assert properties.language == "en-GB"
    assert properties.created.year >= 2025  # not the template's 2013
    section = docx.Document(str(out)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_what_a_teacher_types_stays_their_words(tmp_path):
    typed = "# Not a heading\n*stars* and [brackets]\n\nA second paragraph."
    out = write_docx([make_session(answers={"Why?": typed})], tmp_path / "record.docx")
    paragraphs = _paragraphs(docx.Document(str(out)))
    assert _after(paragraphs, ("Heading 3", "1. Why?"), 2) == [
        ("Normal", "# Not a heading\n*stars* and [brackets]"),  # a line break, kept
        ("Normal", "A second paragraph.")]


def test_characters_word_cannot_hold_are_left_out_and_the_whole_log_is_saved(tmp_path):
    # A record edited by hand or pasted from elsewhere: a bell, an escape, a lone half of
    # an emoji, and Word's own line break (vertical tab), which becomes a line break.
    typed = "Bigger\x07 print\x1b helped\ud83d.\x0bShe read it all."
    damaged = replace(make_session(answers={"Why?": typed}), lesson_title="Rivers\x01")
    other = make_session(AISHA, started=datetime(2025, 3, 15, 9, 0, tzinfo=timezone.utc))
    out = write_docx([damaged, other], tmp_path / "log.docx")
    document = docx.Document(str(out))
    paragraphs = _paragraphs(document)
    assert _after(paragraphs, ("Heading 4", "1. Why?"), 1) == [  # a log: one level down
        ("Normal", "Bigger print helped.\nShe read it all.")]
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("Heading 2", "Adapting “Rivers” for Maya (Year 4)") in paragraphs
    assert document.core_properties.title == "Lesson Lab practice log"
    assert "\x01" not in text
    assert FIRST_ANSWER in text  # the other record is there too
    alone = docx.Document(str(write_docx([damaged], tmp_path / "one.docx")))
    assert alone.core_properties.title == "Adapting “Rivers” for Maya (Year 4)"


def test_a_new_export_replaces_an_old_file_and_leaves_nothing_else(tmp_path):
    out = tmp_path / "record.docx"
    out.write_text("an old file")
    write_docx([make_session()], out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["record.docx"]


def test_a_folder_that_does_not_exist_or_no_records(tmp_path):
    with pytest.raises(OSError):
        write_docx([make_session()], tmp_path / "missing" / "record.docx")
    with pytest.raises(ValueError, match="no practice records"):
        write_docx([], tmp_path / "record.docx")
    assert list(tmp_path.iterdir()) == []
