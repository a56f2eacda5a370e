"""Where a printed document's pages break: headings stay with their text.

Qt lays a ``QTextDocument`` out on pages by itself once it has a page size:
a line that would cross the foot of a page moves to the next (a table
repeats its heading row there). It knows nothing of headings, though, so a
heading could end a page with its text on the next, and a paragraph could
leave one line behind on either side of a break. ``keep_together`` adds
page breaks where those happen; the printing code then draws each page as
Qt laid it out.

The rules, from RNIB's clear-print guidance and common print practice:

- A heading (or a run of headings) is never the last thing on a page: it
  moves to the next page with at least the first two lines of what follows.
- A paragraph does not leave its first line alone at the foot of a page (an
  orphan), and a short paragraph does not leave its last line alone at the
  top of the next (a widow): it moves to the next page whole, unless that
  would make the document a page longer. A long paragraph keeps its widow
  rather than leave a wide gap: Qt moves whole blocks, not single lines.
- Whatever moves takes the headings just above it along.
- Nothing moves that already starts a page, so a heading whose text is
  longer than a page still prints, and the work always ends.

Used by the clear-print lesson export (app/pdf_export.py) and the practice
record (app/reflection_pdf.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

KEEP_WITH_HEADING = 2  # lines of text that go with a heading onto its page
SHORT_PARAGRAPH = 4  # lines: a paragraph this short moves whole rather than leave a widow

IsHeading = Callable[[QTextBlock], bool]


def keep_together(document: QTextDocument, page_height: float, is_heading: IsHeading) -> int:
    """Break pages before headings and paragraphs that would be cut badly.

    ``document`` must already have its page size (``page_height`` high, in
    its own units); ``is_heading`` says which blocks are headings. Returns
    how many page breaks were added.

    Headings always win. A widow or orphan is avoided only when that costs no
    extra page: a sheet that ends with a page of two lines is worse than one
    line carried over.
    """
    headings = _add_breaks(document, page_height, is_heading)
    pages = document.pageCount()
    _remove_breaks(document, headings)
    every = _add_breaks(document, page_height, is_heading, page_limit=pages)
    if document.pageCount() <= pages:
        return len(every)
    # A heading moved later on cost the page after all: headings alone, then.
    _remove_breaks(document, every)
    return len(_add_breaks(document, page_height, is_heading))


def _add_breaks(document: QTextDocument, page_height: float, is_heading: IsHeading,
                page_limit: int = 0) -> list[int]:
    """One pass down the document; the numbers of the blocks it made start a page.

    Paragraphs are looked at only with a ``page_limit``: a move that makes
    more pages than that is taken back.
    """
    pages = _Pages(document, page_height)
    added: list[int] = []
    run: QTextBlock | None = None  # the first of the headings just passed
    block = document.begin()
    while block.isValid():
        if is_heading(block):
            run = run if run is not None else block
            block = block.next()
            continue
        stranded = run is not None and pages.heading_stranded(run, block, is_heading)
        cut = stranded or (page_limit > 0 and not _in_table(block) and pages.cut_badly(block))
        target = run if run is not None else block
        if cut and not pages.starts_page(target):
            _set_break(target, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            if stranded or document.pageCount() <= page_limit:  # (lays the rest out again)
                added.append(target.blockNumber())
                continue  # look at the same block again in its new place
            _set_break(target, QTextFormat.PageBreakFlag.PageBreak_Auto)
            document.pageCount()
        run = None
        block = block.next()
    return added


def _remove_breaks(document: QTextDocument, numbers: list[int]) -> None:
    for number in numbers:
        _set_break(document.findBlockByNumber(number), QTextFormat.PageBreakFlag.PageBreak_Auto)


class _Pages:
    """Which page each line of a laid-out document is printed on."""

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self._layout = document.documentLayout()
        self._height = page_height
        document.pageCount()  # Qt lays out lazily: until then, later blocks' places are stale

    def lines(self, block: QTextBlock) -> list[tuple[float, int]]:
        """``(top, page)`` of each line of ``block``, in order."""
        text = block.layout()
        if text is None or not block.isVisible():
            return []
        top = self._layout.blockBoundingRect(block).top()
        found = []
        for index in range(text.lineCount()):
            line = text.lineAt(index)
            # Qt never lets a line cross the foot of a page, so its middle says
            # which page it is on, whatever the rounding at the boundary.
            middle = top + line.y() + line.height() / 2
            found.append((top + line.y(), int(middle // self._height)))
        return found

    def starts_page(self, block: QTextBlock) -> bool:
        """True when nothing is printed above ``block`` on its page."""
        own = self.lines(block)
        if not own:
            return True
        before = block.previous()
        while before.isValid():
            lines = self.lines(before)
            if lines:
                return lines[-1][1] < own[0][1]
            before = before.previous()
        return True

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


def _in_table(block: QTextBlock) -> bool:
    # Qt moves table rows whole; a cell's lines are the row's business.
    return QTextCursor(block).currentTable() is not None


def _set_break(block: QTextBlock, policy: QTextFormat.PageBreakFlag) -> None:
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(policy)
    QTextCursor(block).mergeBlockFormat(fmt)
