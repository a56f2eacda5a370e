"""Moving cut table rows on (app/pdf_pages.py) without laying a long document out again and again.

Each padding tried under a row lays the rest of the document out again: a
teacher's 449-page Very low vision unit took 21.8 s of its 29.6 s PDF export
in 1,220 such layouts, about 14 for each of its 80 moved rows (big-inputs
review). The padding needed is the room below the cut row's first line less
a distance that is the same for every row, so after the first row the next
are found in a few tries; and the padding goes under the row's tallest cell,
the one that sets its height, so that distance does not change with the
cells' text. Padded under its first cell instead, a row moved on printed
that cell's words at the top of the next page, over the repeated heading
row, and left the cell empty (three built-in lessons in Very low vision).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtGui import QTextTableCell

import app.pdf_pages
from app.pdf_export import export_pdf
from lessons.loader import load_lesson
from lessons.presets import get_preset
from tests.app.test_pdf_pages import Sheet, _filler, _is_heading

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
_WORD = re.compile(r'<word xMin="[0-9.]+" yMin="([0-9.]+)"[^>]*>([^<]*)</word>')


def _count_layouts(monkeypatch) -> list[list[int]]:
    """For each row moved on, the cells whose format was set (each a layout) meanwhile."""
    moves: list[list[int]] = []
    pushing_now = []
    set_format = QTextTableCell.setFormat
    push_row = app.pdf_pages._Pass._push_row

    def counting(cell, fmt):
        if pushing_now:
            moves[-1].append(cell.column())
        set_format(cell, fmt)

    def pushing(self, table, row):
        moves.append([])
        pushing_now.append(row)
        try:
            return push_row(self, table, row)
        finally:
            pushing_now.pop()

    monkeypatch.setattr(QTextTableCell, "setFormat", counting)
    monkeypatch.setattr(app.pdf_pages._Pass, "_push_row", pushing)
    return moves


def test_after_the_first_row_moved_on_the_next_take_a_few_layouts(qapp, monkeypatch):
    moves = _count_layouts(monkeypatch)
    # Rows of five lines on pages of ten: a row is cut at the foot of nearly every page.
    sheet = Sheet(*_filler(2), ("t", (1,) + (5,) * 10), *_filler(2))
    sheet.keep_together()
    pushed = [layouts for layouts in moves if layouts]
    assert len(pushed) >= 4
    assert max(len(layouts) for layouts in pushed[1:]) <= 5  # was 12 each, in each pass
    for row in range(11):
        assert len(set(sheet.row_pages(0, row))) == 1  # none is cut in two


def test_the_padding_goes_under_the_cell_that_sets_the_rows_height(qapp, monkeypatch):
    moves = _count_layouts(monkeypatch)
    sheet = Sheet(*_filler(2), ("t", (1, 1, 2, 4)), *_filler(2))
    table = sheet.tables[0]
    # The row above the cut one: its first cell says one line, its second two.
    cell = table.cellAt(2, 0)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    cursor.insertText("short")
    sheet.document.pageCount()
    assert sheet.row_pages(0, 3) == [0, 0, 1, 1]
    sheet.keep_together()
    assert sheet.row_pages(0, 3) == [1, 1, 1, 1]
    assert moves and set(moves[0]) == {1}  # padded under the tall cell only


def _words_on_pages(pdf: Path) -> list[dict[str, float]]:
    """Each page's words (as poppler reads them) and the top of each."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [{word: float(top) for top, word in _WORD.findall(page)}
            for page in out.split("<page ")[1:]]


def test_a_row_moved_on_prints_its_first_cell_in_its_row(qapp, tmp_path):
    # Fractions of shapes in Very low vision: the row "1/4 | one quarter | 4 | 1" is
    # moved on; its "1/4" was printed at the very top of the page, above the heading
    # row's "Fraction" (in these narrow columns "Frac" and "tion").
    lesson = load_lesson(LIBRARY / "ks2-year3-maths-fractions-of-shapes.md").lesson
    pdf = export_pdf(lesson, get_preset("Very low vision / projector"),
                     tmp_path / "fractions.pdf").path
    page = next(words for words in _words_on_pages(pdf) if "Frac" in words and "1/4" in words)
    assert page["1/4"] > page["tion"]  # below the heading row, not over it
    assert abs(page["1/4"] - page["one"]) < 1  # on the line of the rest of its row


def test_taking_the_changes_back_lays_the_document_out_once(qapp):
    # keep_together takes its first pass back before the second: 200 practice records
    # (480 pages) spent 25 s there, laying the document out again after each change.
    parts = [*_filler(9)]
    for _ in range(6):  # each heading on the last line of its page, once the last moved
        parts += [("h", 1), ("p", 3), *_filler(5)]
    headings = [9 + 7 * n for n in range(6)]
    sheet = Sheet(*parts)
    before = [sheet.pages(index)[0] for index in headings]
    done = app.pdf_pages._Pass(sheet.document, sheet.height, _is_heading)
    assert len(done.changes) == 6
    changes = []
    sheet.document.contentsChange.connect(lambda *where: changes.append(where))
    done.undo()
    assert len(changes) == 1  # was one for each change
    assert [sheet.pages(index)[0] for index in headings] == before  # all back
