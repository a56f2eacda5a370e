"""Clear-print PDFs of every built-in lesson: no page ends with a heading, no row is cut.

RNIB's clear-print guidance: a heading stays with the text it introduces.
Each lesson is exported in the two presets with the largest print, and
poppler reads each page on its own (``pdftotext -f N -l N``), as a reviewer
would check it by eye.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

import app.pdf_export
from app.pdf_export import export_pdf
from lessons.loader import load_lesson
from lessons.model import Lesson, plain_text
from lessons.presets import get_preset

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
LESSONS = sorted(LIBRARY.glob("*.md"))
PRESETS = ["Dyslexia", "Low vision — large print"]


def _words(text: str) -> str:
    return " ".join(text.split())


def _headings(lesson: Lesson) -> set[str]:
    """Every heading the printed lesson shows (app/pdf_export.py via LessonDocument)."""
    found = [lesson.title]
    if lesson.objectives:
        found.append("Learning objectives")
    found += [section.heading for section in lesson.sections if section.heading]
    if lesson.vocabulary:
        found.append("Key words")
    return {_words(heading) for heading in found}


def _page_lines(pdf: Path, number: int) -> list[str]:
    """The page's lines top to bottom as poppler reads them, without the "Page 1 of 3" footer.

    ``-layout`` keeps the lines in their places on the page (a table row is
    one line), so the last line read is the last line printed.
    """
    out = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number),
                          str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    lines = [_words(line) for line in out.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Page "), lines[-3:]
    return lines[:-1]


def _heading_ending(page: list[str], following: list[str], headings: set[str]) -> str | None:
    """The heading the page ends with (whole, or its first lines), if any.

    A heading can wrap onto two or three lines in large print, so the page's
    last lines are tried together, and with the next page's first lines.
    """
    for ending in range(1, 4):
        tail = " ".join(page[-ending:])
        if tail in headings:
            return tail
        for start in range(1, 3):
            if f"{tail} {' '.join(following[:start])}" in headings:
                return tail
    return None


def _heading_and_one_line_ending(page: list[str], following: list[str],
                                 headings: set[str]) -> str | None:
    """The heading the page ends with, followed by one line of text that goes on overleaf.

    A heading and a single line of its section (a one-line section, or the
    end of the sheet) may end a page; a heading with one line of more is cut.
    """
    if not following or _heading_ending([], following[:3], headings) is not None:
        return None
    if any(" ".join(following[:lines]) in headings for lines in range(1, 4)):
        return None
    for ending in range(1, 4):
        heading = " ".join(page[-ending - 1:-1])
        if len(page) > ending and heading in headings:
            return heading
    return None


def _cut_rows(document) -> list[str]:
    """The table rows of a laid-out document that are printed on two pages."""
    layout, height = document.documentLayout(), document.pageSize().height()
    pages: dict[tuple[int, int], set[int]] = {}
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and block.text():
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            row = pages.setdefault((table.firstPosition(), table.cellAt(block.position()).row()),
                                   set())
            for index in range(lines.lineCount()):
                line = lines.lineAt(index)
                row.add(int((top + line.y() + line.height() / 2) // height))
        block = block.next()
    return [f"row {row + 1} of a table" for (_table, row), on in pages.items() if len(on) > 1]


@pytest.fixture(scope="module")
def exported(qapp, tmp_path_factory):
    """Every built-in lesson in each preset: (preset, lesson, each page's lines, cut rows).

    The rows are read from the document the PDF was drawn from.
    """
    folder = tmp_path_factory.mktemp("lessons")
    built = []

    class Kept(app.pdf_export.LessonDocument):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append(self)

    sheets = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app.pdf_export, "LessonDocument", Kept)
        for preset in PRESETS:
            profile = get_preset(preset)
            for number, path in enumerate(LESSONS):
                lesson = load_lesson(path).lesson
                out = folder / f"{PRESETS.index(preset)}-{number}.pdf"
                count = export_pdf(lesson, profile, out).pages
                pages = [_page_lines(out, page) for page in range(1, count + 1)]
                sheets.append((preset, lesson, pages, _cut_rows(built.pop().document)))
    return sheets


@pytest.mark.slow
def test_no_page_of_a_built_in_lesson_ends_with_a_heading(exported):
    """Nor with a heading and the first of several lines of its text."""
    assert len(LESSONS) == 16 and len(exported) == 32
    stranded = []
    for preset, lesson, pages, _rows in exported:
        headings = _headings(lesson)
        after = pages[1:] + [[]]
        for number, (page, following) in enumerate(zip(pages, after, strict=True), start=1):
            heading = _heading_ending(page, following, headings)
            if heading:
                stranded.append(f"{preset}, {lesson.title}: page {number} ends with {heading!r}")
            heading = _heading_and_one_line_ending(page, following, headings)
            if heading:
                stranded.append(f"{preset}, {lesson.title}: page {number} ends with "
                                f"{heading!r} and one line of its text")
    assert not stranded, "\n".join(stranded)


@pytest.mark.slow
def test_the_moved_headings_are_still_read_once_and_in_order(exported):
    """Moving a heading changes where pages break, not what the sheet says."""
    for _preset, lesson, pages, _rows in exported:
        text = " ".join(line for page in pages for line in page)
        places = [text.find(_words(s.heading)) for s in lesson.sections if s.heading]
        assert -1 not in places and places == sorted(places), (lesson.title, places)
        written = _words(plain_text(lesson))
        for section in lesson.sections:
            if section.heading:
                heading = _words(section.heading)
                assert text.count(heading) == written.count(heading), heading


@pytest.mark.slow
def test_no_table_row_of_a_built_in_lesson_is_cut_in_two(exported):
    """A row's cells start on one page and end on the next: the row is misread."""
    cut = [f"{preset}, {lesson.title}: {row}"
           for preset, lesson, _pages, rows in exported for row in rows]
    assert not cut, "\n".join(cut)
