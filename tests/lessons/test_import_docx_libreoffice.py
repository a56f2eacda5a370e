"""Importing a Word document that LibreOffice Writer wrote.

files/libreoffice-acids-worksheet.docx is a Year 8 science worksheet written
as a flat ODF text document (.fodt) by hand, then saved by LibreOffice 7.4
(``soffice --headless --convert-to docx``): a title, headings, a bulleted
equipment list, a picture with alt text ("A glass beaker half full of blue
liquid") in a paragraph of its own, a numbered method, a results table, a
"Key words" table, a header and footer, and a "Safety first!" text box
anchored in the introduction. LibreOffice writes every picture and text box
inside ``mc:AlternateContent`` (the drawing, then an old VML copy of it),
where Word writes a picture as a plain ``w:drawing``.
"""

from __future__ import annotations

from pathlib import Path

from lessons.import_docx import import_docx
from lessons.model import Image, spans_text

WORKSHEET = Path(__file__).parent / "files" / "libreoffice-acids-worksheet.docx"


def _section(lesson, heading):
    return next(section for section in lesson.sections if section.heading == heading)


def test_a_picture_libreoffice_wrote_is_kept_with_its_alt_text(tmp_path):
    result = import_docx(WORKSHEET, tmp_path / "acids.md")
    pictures = [block for block in _section(result.lesson, "Equipment").blocks
                if isinstance(block, Image)]
    assert [picture.alt for picture in pictures] == ["A glass beaker half full of blue liquid"]
    saved = tmp_path / pictures[0].src
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Read once, from the drawing: the old VML copy beside it is not a second picture.
    assert list((tmp_path / "images").iterdir()) == [saved]
    assert not [problem for problem in result.problems
                if problem.message.startswith("A picture")]


def test_a_text_box_is_read_after_the_paragraph_it_is_anchored_in(tmp_path):
    result = import_docx(WORKSHEET, tmp_path / "acids.md")
    texts = [spans_text(block.spans) for block in _section(result.lesson, "Introduction").blocks]
    assert texts[0].startswith("Many everyday substances are acids or alkalis.")
    assert texts[1:] == ["Safety first! Wear goggles at all times. "
                         "Wash any splashes off your skin straight away."]
    # Once: the old VML copy of the box beside the drawing is not read.
    assert result.lesson.body.count("Safety first!") == 1
    assert "**Safety first!**" in result.lesson.body
    assert not [problem for problem in result.problems if "left out" in problem.message
                and "page header" not in problem.message]  # the header is, and is named


def test_the_page_header_and_footer_left_out_are_named(tmp_path):
    result = import_docx(WORKSHEET, tmp_path / "acids.md")
    notes = [problem for problem in result.problems if "page header" in problem.message]
    assert [(note.line, note.message) for note in notes] == [(1, (
        "The document's page header and footer were left out, as a lesson has no pages "
        "(“Oakfield Academy – Science Department – Year 8”, “Page 2 – Do not remove from the "
        "lab”); put anything pupils need from them in the lesson's text."))]
    assert "Oakfield Academy" not in result.lesson.body


def test_text_below_the_key_words_table_is_not_left_under_key_words(tmp_path):
    # The worksheet's "Key words" heading has the table and then an extension task: the
    # table becomes the key words and the task goes on under the questions, so "Key
    # words" shows once (where the lesson shows its key words), not over the task too.
    result = import_docx(WORKSHEET, tmp_path / "acids.md")
    lesson = result.lesson
    assert [entry.word for entry in lesson.vocabulary] == [
        "acid", "alkali", "neutral", "indicator"]
    assert "Key words" not in [section.heading for section in lesson.sections]
    questions = _section(lesson, "Questions")
    assert spans_text(questions.blocks[-1].spans) == (
        "Extension: research the pH of rain in your area.")
    assert "## Key words" not in (tmp_path / "acids.md").read_text(encoding="utf-8")
