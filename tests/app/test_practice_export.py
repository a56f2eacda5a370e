"""Exporting a practice record from the practice window: the name suggested, the format.

Fails on the old code, which suggested the record's id as the file name
("20250502-150500-year10-….md") and wrote Markdown, which most teachers
cannot open.
"""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone

import pytest

from app.practice.session import EXPORT_FORMATS, PracticeRun, export_target, record_file_name
from tests.lessons.reflection_helpers import AISHA, BST, make_session


@pytest.mark.parametrize(("fmt", "name"), [
    ("docx", "Reflection - An Inspector Calls - Arthur Birling - 2 May 2025.docx"),
    ("pdf", "Reflection - An Inspector Calls - Arthur Birling - 2 May 2025.pdf"),
])
def test_the_suggested_name_is_the_lesson_and_the_day_the_british_way(fmt, name):
    session = make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST))
    assert record_file_name(session, fmt) == name


def test_the_day_is_the_teachers_own_day_not_utc():
    # 23:30 UTC on 31 May was 00:30 on 1 June in British Summer Time.
    utc = datetime(2025, 5, 31, 23, 30, tzinfo=timezone.utc)
    late = make_session(started=utc.astimezone(BST))
    assert record_file_name(late, "docx").endswith(" - 1 June 2025.docx")


@pytest.mark.parametrize(("fmt", "chosen", "expected"), [
    ("docx", "record.docx", ("docx", "record.docx")),
    ("docx", "record.txt", ("txt", "record.txt")),
    ("docx", "notes.TXT", ("txt", "notes.TXT")),
    ("docx", "my notes", ("docx", "my notes.docx")),
    ("txt", "my notes", ("txt", "my notes.txt")),
    ("pdf", "Reflection 2.5.2025", ("pdf", "Reflection 2.5.2025.pdf")),
    ("docx", "old.md", ("docx", "old.md.docx")),  # Markdown is not offered any more
])
def test_the_file_names_ending_decides_the_format(tmp_path, fmt, chosen, expected):
    assert export_target(fmt, tmp_path / chosen) == (expected[0], tmp_path / expected[1])


def test_markdown_is_not_an_export_format_here():
    assert EXPORT_FORMATS == ("docx", "txt", "pdf")
    with pytest.raises(ValueError, match="docx, txt, pdf"):
        export_target("md", "record.md")


def test_each_format_is_written_as_itself(qapp, tmp_path):
    session = make_session()
    word = PracticeRun.export(session, "docx", tmp_path / "record")
    text = PracticeRun.export(session, "docx", tmp_path / "record.txt")
    pdf = PracticeRun.export(session, "pdf", tmp_path / "record.pdf")
    assert word == tmp_path / "record.docx" and zipfile.is_zipfile(word)
    assert text.read_text(encoding="utf-8").startswith("Adapting “The water cycle”")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_folder_that_is_not_there_is_said_plainly(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        PracticeRun.export(make_session(), "docx", tmp_path / "gone" / "record.docx")
    assert list(tmp_path.iterdir()) == []
