"""Page breaks (app/pdf_pages.py) on documents laid out by Qt itself.

Every line is one line of the same font, and a page holds exactly ten, so
each case puts a heading or a paragraph where it would be cut badly.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextTableFormat,
)

from app.pdf_pages import keep_together

LINES_PER_PAGE = 10
LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph


def _is_heading(block) -> bool:
    return block.blockFormat().headingLevel() > 0


class Sheet:
    """A document on pages of ten lines: headings ("h", 1), paragraphs ("p", n lines)
    and tables ("t", (lines of each row)) of two columns with a heading row."""

    def __init__(self, *parts: tuple[str, object], device=None) -> None:
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        if device is not None:  # laid out for a printer, as the practice record is
            self.document.documentLayout().setPaintDevice(device)
        self.tables = []
        cursor = QTextCursor(self.document)
        for index, (kind, lines) in enumerate(parts):
            if index and parts[index - 1][0] != "t":  # Qt puts a block after a table
                cursor.insertBlock(QTextBlockFormat())
            if kind == "t":
                self._table(cursor, index, lines)
                continue
            if kind == "h":
                fmt = QTextBlockFormat()
                fmt.setHeadingLevel(2)
                cursor.setBlockFormat(fmt)
            words = [f"{kind}{index} line {n}" for n in range(1, lines + 1)]
            cursor.insertText(LINE_SEPARATOR.join(words))
        width = 2000 * (device.logicalDpiX() / 96 if device is not None else 1)
        self.document.setPageSize(QSizeF(width, 1e9))  # wide: no line wraps
        layout = self.document.documentLayout()
        second = self.document.begin().next()
        self.line = layout.blockBoundingRect(second).top()  # every sheet starts with one line
        self.height = (LINES_PER_PAGE + 0.5) * self.line
        self.document.setPageSize(QSizeF(width, self.height))

    def _table(self, cursor: QTextCursor, index: int, rows: tuple[int, ...]) -> None:
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1)
        fmt.setBorder(1)
        fmt.setCellPadding(2)
        table = cursor.insertTable(len(rows), 2, fmt)
        for row, lines in enumerate(rows):
            for column in range(2):
                words = [f"t{index} row {row} line {n}" for n in range(1, lines + 1)]
                table.cellAt(row, column).firstCursorPosition().insertText(
                    LINE_SEPARATOR.join(words))
        self.tables.append(table)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def row_pages(self, table: int, row: int) -> list[int]:
        """The pages the lines of a table row are on."""
        cell = self.tables[table].cellAt(row, 0)
        return self._line_pages(cell.firstCursorPosition().block())

    def pages(self, index: int) -> list[int]:
        """The page of each line of part ``index`` (before any table)."""
        return self._line_pages(self.document.findBlockByNumber(index))

    def _line_pages(self, block) -> list[int]:
        top = self.document.documentLayout().blockBoundingRect(block).top()
        text = block.layout()
        return [int((top + text.lineAt(n).y() + self.line / 2) // self.height)
                for n in range(text.lineCount())]

    def keep_together(self) -> int:
        return keep_together(self.document, self.height, _is_heading)


def _filler(lines: int) -> list[tuple[str, int]]:
    return [("p", 1)] * lines


def test_the_sheets_lay_out_ten_lines_a_page(qapp):
    sheet = Sheet(*_filler(25))
    assert sheet.document.pageCount() == 3
    assert [sheet.pages(i)[0] for i in (0, 9, 10, 19, 20)] == [0, 0, 1, 1, 2]


def test_a_heading_on_the_last_line_of_a_page_moves_to_the_next(qapp):
    sheet = Sheet(*_filler(9), ("h", 1), ("p", 3), *_filler(3))
    assert sheet.pages(9) == [0] and sheet.pages(10) == [1, 1, 1]  # the fault
    assert sheet.keep_together() == 1
    assert sheet.pages(9) == [1] and sheet.pages(10) == [1, 1, 1]
    assert sheet.pages(8) == [0]


def test_a_heading_takes_two_lines_of_its_text_with_it(qapp):
    sheet = Sheet(*_filler(8), ("h", 1), ("p", 5), *_filler(2))
    assert sheet.pages(8) == [0] and sheet.pages(9) == [0, 1, 1, 1, 1]
    sheet.keep_together()
    assert sheet.pages(8) == [1] and sheet.pages(9) == [1] * 5


def test_the_two_lines_may_be_two_short_paragraphs(qapp):
    sheet = Sheet(*_filler(8), ("h", 1), ("p", 1), ("p", 1), *_filler(2))
    assert sheet.pages(10) == [1]
    sheet.keep_together()
    assert sheet.pages(8) == sheet.pages(9) == sheet.pages(10) == [1]


def test_a_heading_with_one_line_of_text_below_it_stays_if_both_fit(qapp):
    sheet = Sheet(*_filler(8), ("h", 1), ("p", 1), ("h", 1), ("p", 2))
    sheet.keep_together()
    assert sheet.pages(8) == sheet.pages(9) == [0]


def test_a_run_of_headings_moves_together(qapp):
    sheet = Sheet(*_filler(8), ("h", 1), ("h", 1), ("p", 2), *_filler(2))
    sheet.keep_together()
    assert sheet.pages(8) == sheet.pages(9) == [1]
    assert sheet.pages(7) == [0]


def test_a_heading_moves_even_when_that_makes_a_page_more(qapp):
    sheet = Sheet(*_filler(9), ("h", 1), ("p", 10))
    assert sheet.document.pageCount() == 2
    sheet.keep_together()
    assert sheet.pages(9) == [1] and sheet.document.pageCount() == 3


def test_a_heading_at_the_top_of_a_page_stays_there_whatever_follows(qapp):
    # Its text is longer than a page: moving it on would never end.
    sheet = Sheet(*_filler(10), ("h", 1), ("p", 25))
    assert sheet.keep_together() == 0
    assert sheet.pages(10) == [1]


def test_an_orphan_line_moves_with_its_paragraph(qapp):
    sheet = Sheet(*_filler(9), ("p", 4), *_filler(2))
    assert sheet.pages(9) == [0, 1, 1, 1]
    assert sheet.keep_together() == 1
    assert sheet.pages(9) == [1, 1, 1, 1]


@pytest.mark.parametrize("lines", [2, 3, 4])
def test_a_short_paragraph_leaves_no_widow(qapp, lines):
    sheet = Sheet(*_filler(11 - lines), ("p", lines), *_filler(2))
    assert sheet.pages(11 - lines).count(1) == 1  # its last line alone on page 2
    sheet.keep_together()
    assert set(sheet.pages(11 - lines)) == {1}


def test_a_long_paragraph_keeps_its_widow_rather_than_leave_a_wide_gap(qapp):
    sheet = Sheet(*_filler(4), ("p", 7), *_filler(2))
    assert sheet.keep_together() == 0
    assert sheet.pages(4) == [0] * 6 + [1]


def test_a_widow_stays_when_moving_it_would_make_a_page_more(qapp):
    # The second page is full: moving two more lines onto it starts a third.
    sheet = Sheet(*_filler(8), ("p", 3), *_filler(9))
    assert sheet.pages(8) == [0, 0, 1] and sheet.document.pageCount() == 2
    assert sheet.keep_together() == 0
    assert sheet.document.pageCount() == 2


def test_a_paragraph_moving_takes_its_heading_along(qapp):
    sheet = Sheet(*_filler(6), ("h", 1), ("p", 4), *_filler(2))
    # The heading and two lines fit; the paragraph's last line is a widow.
    assert sheet.pages(7) == [0, 0, 0, 1]
    sheet.keep_together()
    assert sheet.pages(6) == [1] and sheet.pages(7) == [1] * 4


def test_a_paragraph_moving_takes_along_a_heading_with_one_line_between(qapp):
    sheet = Sheet(*_filler(5), ("h", 1), ("p", 1), ("p", 4), *_filler(2))
    assert sheet.pages(7) == [0, 0, 0, 1]
    sheet.keep_together()
    assert sheet.pages(5) == sheet.pages(6) == [1] and set(sheet.pages(7)) == {1}


def test_a_table_row_cut_in_two_moves_on_whole(qapp):
    # A heading row and three rows of one line, then a row of four lines
    # whose first fit on the page (a row is a little taller than a line: padding).
    sheet = Sheet(*_filler(2), ("t", (1, 1, 1, 1, 4, 1)), *_filler(2))
    assert sheet.row_pages(0, 4) == [0, 0, 1, 1]  # the fault: one row on two pages
    sheet.keep_together()
    assert sheet.row_pages(0, 4) == [1, 1, 1, 1]
    assert sheet.row_pages(0, 3) == [0]  # the row above stays, reaching down to the foot


@pytest.mark.parametrize("printer", [False, True], ids=["screen", "printer"])
def test_the_row_above_reaches_just_to_the_foot_of_the_page(qapp, tmp_path, printer):
    """The least padding that moves the row on: a device pixel less and it stays."""
    writer = QPdfWriter(str(tmp_path / "sheet.pdf")) if printer else None
    sheet = Sheet(*_filler(2), ("t", (1, 1, 1, 1, 4, 1)), *_filler(2), device=writer)
    assert sheet.row_pages(0, 4) == [0, 0, 1, 1]
    sheet.keep_together()
    assert sheet.row_pages(0, 4) == [1, 1, 1, 1]
    cell = sheet.tables[0].cellAt(3, 0)
    padded = cell.format().toTableCellFormat()
    pixel = 96 / writer.logicalDpiY() if printer else 1.0  # a device pixel, in CSS pixels
    padded.setBottomPadding(padded.bottomPadding() - pixel)
    cell.setFormat(padded)
    assert sheet.row_pages(0, 4)[0] == 0


def test_a_table_qt_moves_on_whole_takes_its_heading_and_text_along(qapp):
    # Qt moves a table on whole when its first row under the heading row
    # does not fit; the heading above and its one line of text must follow.
    sheet = Sheet(*_filler(6), ("h", 1), ("p", 1), ("t", (1, 3, 1)), *_filler(2))
    assert sheet.pages(6) == [0] and sheet.row_pages(0, 0) == [1]
    sheet.keep_together()
    assert sheet.pages(6) == sheet.pages(7) == [1]
    assert sheet.row_pages(0, 0) == [1] and sheet.row_pages(0, 1) == [1, 1, 1]


def test_a_tables_last_row_does_not_go_on_alone_when_that_costs_no_page(qapp):
    sheet = Sheet(*_filler(5), ("t", (1, 1, 3)), *_filler(1))
    assert sheet.row_pages(0, 2) == [0, 0, 1]
    sheet.keep_together()
    assert [sheet.row_pages(0, row)[0] for row in range(3)] == [1] * 3
    assert sheet.document.pageCount() == 2


def test_a_tables_last_row_goes_on_alone_when_the_table_would_cost_a_page(qapp):
    sheet = Sheet(*_filler(5), ("t", (1, 1, 3)), *_filler(5))
    assert sheet.row_pages(0, 2) == [0, 0, 1] and sheet.document.pageCount() == 2
    sheet.keep_together()
    assert sheet.row_pages(0, 2) == [1, 1, 1] and sheet.row_pages(0, 1) == [0]
    assert sheet.document.pageCount() == 2
