"""Where a printed document's pages break: headings stay with their text.

Qt lays a ``QTextDocument`` out on pages by itself once it has a page size:
a line that would cross the foot of a page moves to the next, and a table
repeats its heading row there. It knows nothing of headings, though, so a
heading could end a page with its text on the next, a paragraph could leave
one line behind on either side of a break, and a table row could be cut in
two, its cells' first lines on one page and their last on the next.
``keep_together`` adds page breaks where those happen; the printing code
then draws each page as Qt laid it out.

The rules, from RNIB's clear-print guidance and common print practice:

- A heading (or a run of headings) is never the last thing on a page: it
  moves to the next page with at least the first two lines of what follows.
- A paragraph does not leave its first line alone at the foot of a page (an
  orphan), and a short paragraph does not leave its last line alone at the
  top of the next (a widow): it moves to the next page whole, unless that
  would make the document a page longer. A long paragraph keeps its widow
  rather than leave a wide gap: Qt moves whole blocks, not single lines.
- A table row is never cut in two: it moves to the next page (below the
  table's heading row, which Qt repeats there), and the row above it
  reaches down to the foot of the page, as Qt does itself with a row that
  does not fit at all. When that row is the first under the heading row,
  the whole table moves on; when it is the last, so does the table if
  that costs no page.
- Whatever moves takes the headings above it along, with what lies between,
  if they would be left with less than two lines of their text.
- Nothing moves that already starts a page, so a heading whose text is
  longer than a page still prints, and the work always ends.

Used by the clear-print lesson export (app/pdf_export.py) and the practice
record (app/reflection_pdf.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

KEEP_WITH_HEADING = 2  # lines of text that go with a heading onto its page
SHORT_PARAGRAPH = 4  # lines: a paragraph this short moves whole rather than leave a widow
ROW_PRECISION = 1 / 4000  # of a page: how closely a stretched row reaches its foot

IsHeading = Callable[[QTextBlock], bool]
Undo = Callable[[], None]
AUTO = QTextFormat.PageBreakFlag.PageBreak_Auto
BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def keep_together(document: QTextDocument, page_height: float, is_heading: IsHeading) -> int:
    """Break pages before headings, table rows and paragraphs that would be cut badly.

    ``document`` must already have its page size (``page_height`` high, in
    its own units); ``is_heading`` says which blocks are headings. Returns
    how many changes were made.

    Headings and table rows always win. A widow or orphan is avoided only
    when that costs no extra page: a sheet that ends with a page of two
    lines is worse than one line carried over.
    """
    first = _Pass(document, page_height, is_heading)
    pages = document.pageCount()
    first.undo()
    every = _Pass(document, page_height, is_heading, page_limit=pages,
                  row_offset=first.row_offset)
    if document.pageCount() <= pages:
        return len(every.changes)
    # A heading or row moved later on cost the page after all: without paragraphs, then.
    every.undo()
    return len(_Pass(document, page_height, is_heading, row_offset=every.row_offset).changes)


class _Pass:
    """One pass down the document, making the changes as it goes.

    Paragraphs are looked at only with a ``page_limit``: a move that makes
    more pages than that is taken back.
    """

    def __init__(self, document: QTextDocument, page_height: float, is_heading: IsHeading,
                 page_limit: int = 0, row_offset: float | None = None) -> None:
        self.document = document
        self.pages = _Pages(document, page_height)
        self.is_heading = is_heading
        self.page_limit = page_limit
        self.changes: list[Undo] = []
        # How much less than the room below its first line a row needed to move on
        # (see _push_row); a pass before this one may know it already.
        self.row_offset = row_offset
        self._run()

    def undo(self) -> None:
        """Take back every change, last first.

        In one edit block, so Qt lays the document out once at the end rather
        than after each change (200 practice records: 195 changes, 25 s).
        """
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        try:
            for change in reversed(self.changes):
                change()
        finally:
            cursor.endEditBlock()
        self.changes.clear()
        self.document.pageCount()

    def _run(self) -> None:
        pages = self.pages
        run: QTextBlock | None = None  # the first of the headings just passed
        lead: QTextBlock | None = None  # the first of the last headings, if close above
        lines = 0  # lines of text since ``lead``
        block = self.document.begin()
        while block.isValid():
            if self.is_heading(block):
                run = run if run is not None else block
                block = block.next()
                continue
            if run is not None:
                lead, lines = run, 0
            # What moves takes along headings it would leave with under two lines.
            target = lead if lead is not None and lines < KEEP_WITH_HEADING else block
            table = QTextCursor(block).currentTable()
            if run is not None and pages.heading_stranded(run, block, self.is_heading):
                if self._move(run):
                    continue  # look at the same block again in its new place
            elif table is None and self.page_limit and pages.cut_badly(block):
                if self._move(target, self.page_limit):
                    continue
            if table is not None:
                self._keep_rows_whole(table, target if target is not block else None)
                after = self.document.findBlock(table.lastPosition() + 1)
                block = after if after.position() > block.position() else block.next()
                lead = None
            else:
                lines += len(pages.lines(block))
                block = block.next()
            run = None

    def _move(self, block: QTextBlock, page_limit: int = 0) -> bool:
        """Start a page with ``block``, unless it starts one (or that passes ``page_limit``)."""
        if self.pages.starts_page(block):
            return False
        _set_break(block, BEFORE)
        if page_limit and self.document.pageCount() > page_limit:
            _set_break(block, AUTO)
            self.document.pageCount()
            return False
        number = block.blockNumber()
        self.changes.append(lambda: _set_break(self.document.findBlockByNumber(number), AUTO))
        return True

    def _keep_rows_whole(self, table: QTextTable, lead: QTextBlock | None) -> None:
        """Move on each row that a page break cuts in two (see the module's notes).

        ``lead`` is where a move of the whole table starts: the headings
        just above it and their text, if any.
        """
        row = self.pages.cut_row(table)
        while row is not None:
            if row <= table.format().headerRowCount():
                moved = self._move_table(table, lead)  # a heading row alone is no use
            else:
                # A table's last row alone on a page is its widow.
                last = row == table.rows() - 1 and self.page_limit
                moved = ((last and self._move_table(table, lead, self.page_limit))
                         or self._push_row(table, row))
            if not moved:
                return
            row = self.pages.cut_row(table)

    def _move_table(self, table: QTextTable, lead: QTextBlock | None, page_limit: int = 0) -> bool:
        """Start a page with the table, or with ``lead`` when there is one."""
        if lead is not None:
            return self._move(lead, page_limit)
        if self.pages.starts_page(table.firstCursorPosition().block()):
            return False
        _set_table_break(table, BEFORE)
        if page_limit and self.document.pageCount() > page_limit:
            _set_table_break(table, AUTO)
            return False
        self.changes.append(lambda: _set_table_break(table, AUTO))
        self.document.pageCount()
        return True

    def _push_row(self, table: QTextTable, row: int) -> bool:
        """Move ``row`` to the next page by stretching the row above it down.

        Qt moves a row on when it would start below the foot of the page.
        Padding under the tallest cell of the row above makes the whole row
        taller; the least padding that moves the row on is found by halving,
        so the row above ends at the foot of the page, where Qt ends a row it
        moves on itself.

        Each padding tried lays the rest of the document out again (a few
        milliseconds a page), so the first guess matters: the padding needed
        is the room below the row's first line less a distance (the cells'
        padding, the borders, the table's margin) that is the same for every
        row of a document, so once one row has been moved the next is found
        in three or four tries rather than fourteen.
        """
        pages = self.pages
        if pages.row_starts_page(table, row):
            return False
        cell = pages.tallest_cell(table, row - 1)
        saved = cell.format()
        start = pages.row_page(table, row)
        # Padding is in CSS pixels, which Qt scales to the printer's resolution.
        device = self.document.documentLayout().paintDevice()
        scale = device.logicalDpiY() / 96 if device is not None else 1.0
        tried: dict[float, bool] = {}  # padding: whether the row moved on
        padded_by: list[float] = []  # the padding in place now

        def pad(extra: float) -> bool:
            if extra not in tried:
                padded = saved.toTableCellFormat()
                padded.setBottomPadding(table.format().cellPadding() + extra / scale)
                cell.setFormat(padded)  # Qt lays the document out again here
                padded_by[:] = [extra]
                tried[extra] = pages.row_page(table, row) > start
            return tried[extra]

        def undo() -> None:
            cell.setFormat(saved)

        # The row moves on when padded by about the room left below its first
        # line, give or take the cells' padding and borders; after one row, by
        # that room less what the last row needed less.
        gap = (start + 1) * pages.height - min(top for top, _page in pages.row_lines(table, row))
        precision = pages.height * ROW_PRECISION
        if self.row_offset is None:
            guess = gap
            step = (table.format().cellPadding() + 2 * table.format().border() + 1) * scale
        else:
            guess, step = gap - self.row_offset, precision
        low, high = max(0.0, guess - step), guess + step
        # Widen the bracket until the row stays at ``low`` and moves on at ``high``.
        while low and pad(low):
            low, high = max(0.0, low - step), low
            step *= 2
        while not pad(high):
            if high > pages.height:
                undo()
                return False
            low, high = high, high + step
            step *= 2
        while high - low > precision:
            middle = (low + high) / 2
            if pad(middle):
                high = middle
            else:
                low = middle
        if padded_by != [high]:
            tried.pop(high)
            pad(high)
        self.row_offset = gap - high
        self.changes.append(undo)
        return True


class _Pages:
    """Which page each line of a laid-out document is printed on."""

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self._layout = document.documentLayout()
        self.height = page_height
        document.pageCount()  # Qt lays out lazily: until then, later blocks' places are stale

    def lines(self, block: QTextBlock) -> list[tuple[float, int]]:
        """``(top, page)`` of each line of ``block``, in order."""
        text = block.layout()
        # An empty block (Qt keeps one around each table) holds no text to keep.
        if text is None or not block.isVisible() or not block.text():
            return []
        top = self._layout.blockBoundingRect(block).top()
        found = []
        for index in range(text.lineCount()):
            line = text.lineAt(index)
            # Qt never lets a line cross the foot of a page, so its middle says
            # which page it is on, whatever the rounding at the boundary.
            middle = top + line.y() + line.height() / 2
            found.append((top + line.y(), int(middle // self.height)))
        return found

    def starts_page(self, block: QTextBlock) -> bool:
        """True when nothing is printed above ``block`` on its page."""
        own = self.lines(block)
        return not own or self._last_page_before(block) < own[0][1]

    def _last_page_before(self, block: QTextBlock) -> int:
        before = block.previous()
        while before.isValid():
            lines = self.lines(before)
            if lines:
                return lines[-1][1]
            before = before.previous()
        return -1

    def heading_stranded(self, run: QTextBlock, text: QTextBlock, is_heading: IsHeading) -> bool:
        """True when the headings from ``run`` do not share a page with the text's first lines.

        The lines are counted from ``text`` onwards, across blocks (a one-line
        paragraph, then a list), up to the next heading; a table row counts once.
        """
        first = self.lines(run)
        if not first:
            return False
        tops: dict[float, int] = {}
        block = text
        while block.isValid() and not is_heading(block) and len(tops) < KEEP_WITH_HEADING:
            for top, page in self.lines(block):
                tops.setdefault(round(top, 1), page)
            block = block.next()
        needed = sorted(tops.items())[:KEEP_WITH_HEADING]
        return bool(needed) and needed[-1][1] > first[0][1]

    def cut_badly(self, block: QTextBlock) -> bool:
        """True when ``block`` leaves an orphan at a page's foot, or a short one a widow."""
        pages = [page for _top, page in self.lines(block)]
        if len(pages) < 2 or pages[0] == pages[-1]:
            return False
        orphan = pages.count(pages[0]) == 1
        widow = pages.count(pages[-1]) == 1 and len(pages) <= SHORT_PARAGRAPH
        return orphan or widow

    def tallest_cell(self, table: QTextTable, row: int):
        """The cell of ``row`` whose text reaches lowest: the one that sets its height."""
        def bottom(cell) -> float:
            return max((self._layout.blockBoundingRect(block).bottom()
                        for block in _blocks(cell)), default=0.0)
        return max(_cells(table, row), key=bottom)

    def row_lines(self, table: QTextTable, row: int) -> list[tuple[float, int]]:
        return [line for cell in _cells(table, row) for block in _blocks(cell)
                for line in self.lines(block)]

    def row_page(self, table: QTextTable, row: int) -> int:
        """The page a table row starts on."""
        return min((page for _top, page in self.row_lines(table, row)), default=-1)

    def row_starts_page(self, table: QTextTable, row: int) -> bool:
        above = max((page for _top, page in self.row_lines(table, row - 1)), default=-1)
        return above < self.row_page(table, row)

    def cut_row(self, table: QTextTable) -> int | None:
        """The first row of ``table`` printed on two pages, if any."""
        for row in range(table.rows()):
            if len({page for _top, page in self.row_lines(table, row)}) > 1:
                return row
        return None



def _cells(table: QTextTable, row: int) -> list:
    """The cells that start in ``row`` (a cell spanning rows or columns counts once)."""
    cells = [table.cellAt(row, column) for column in range(table.columns())]
    return [cell for column, cell in enumerate(cells)
            if cell.row() == row and cell.column() == column]


def _blocks(cell) -> list[QTextBlock]:
    block, found = cell.firstCursorPosition().block(), []
    while block.isValid() and block.position() <= cell.lastPosition():
        found.append(block)
        block = block.next()
    return found


def _set_table_break(table: QTextTable, policy: QTextFormat.PageBreakFlag) -> None:
    fmt = table.format()
    fmt.setPageBreakPolicy(policy)
    table.setFormat(fmt)


def _set_break(block: QTextBlock, policy: QTextFormat.PageBreakFlag) -> None:
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(policy)
    QTextCursor(block).mergeBlockFormat(fmt)
