"""How much fits on a slide: sharing a section's blocks among slides, and the sizes.

Slides never shrink text to fit (PowerPoint's "shrink text on overflow" would
undo the profile's size); a section too long for one slide goes on to more
slides titled "Heading (continued)". To know where to break, each paragraph
is wrapped as PowerPoint will wrap it (lessons/lesson_pptx_lines.py, with
the caller's measure of the profile's real font, or an estimate). Lines wrap
to a little less than the box (:data:`WIDTH_SLACK`), because the computer
that shows the slides may draw the font a little wider.

Sizes (the rule, in points):

- body text: 1.5 times the profile's size, at least 24 pt (text read from
  across a classroom). Above 44 pt it is only as large as the profile's own
  size (a profile that is already sized for a room, as Very low vision's
  40 pt is, is not made larger again: at 60 pt three lines fit on a slide),
  and never above 72 pt. So Standard's 12 pt, Dyslexia's 14 pt and the high
  contrast 16 pt are 24 pt on slides, Low vision's 18 pt is 27 pt, Very low
  vision's 40 pt is 44 pt;
- slide titles 1.35 times the body (the lesson view's second-level heading)
  but at most 8 pt larger than it, the lesson's title on the first slide 1.6
  times (its first-level one) but at most 16 pt larger; titles keep the
  profile's line spacing up to 1.15 lines, as a title is a line or two;
- the space after a paragraph is the profile's paragraph spacing times the
  body size; 40% of that between list items and table rows, as in the view.

The slide is 16:9, 960 by 540 points (13.33 by 7.5 inches). A block that
cannot fit even on an empty slide is split: a paragraph or list item between
lines, a table between rows (its header row again at the top of the next
slide); a table with a row taller than a slide (very large text in narrow
columns) becomes a list, a row an item, each cell after its column's name.
A picture is made smaller to fit one slide, or by up to 30% to stay
on the slide of the text before it; text never is.
No Qt, and no python-pptx, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lessons.lesson_pptx_lines import (
    NATURAL_LINE,
    Measure,
    Run,
    cut_at_sentence,
    line_starts,
    split_runs,
)
from lessons.profile import Profile

SLIDE_PT = (960.0, 540.0)  # 16:9
MIN_BODY_PT, ROOM_BODY_PT, MAX_BODY_PT, SLIDE_SCALE = 24.0, 44.0, 72.0, 1.5
TITLE_SCALE, LESSON_TITLE_SCALE = 1.35, 1.6
TITLE_MORE_PT, LESSON_TITLE_MORE_PT = 8.0, 16.0
TITLE_LINE_HEIGHT = 1.15
SIDE_PT, TOP_PT, BOTTOM_PT = 36.0, 22.0, 26.0  # the slide's margins
NUMBER_PT, NUMBER_WIDTH_PT = 16.0, 60.0  # the slide number, in the foot margin at the right
CONTENT_WIDTH = SLIDE_PT[0] - 2 * SIDE_PT
INSET_X, INSET_Y = 7.2, 3.6  # PowerPoint's own text box insets, written out
CELL_X_EM, CELL_Y_EM = 0.3, 0.15  # a table cell's margins, in em of the body size
WIDTH_SLACK = 0.94
# Tops of shapes at least this far apart, so nothing reads as side by side: our
# importer (lessons/import_pptx.py) takes tops within half an inch as one row.
ROW_PT = 40.0
HANG_EM, INDENT_EM, LIST_GAP = 1.6, 1.5, 0.4
KEEP_WITH_TEXT = 0.7  # a picture may shrink this far to stay on the slide with the text before it


def body_size_pt(profile: Profile) -> float:
    """The body text size on slides (the rule in the module docstring), to half a point."""
    scaled = round(profile.font_size_pt * SLIDE_SCALE * 2) / 2
    largest = min(MAX_BODY_PT, max(ROOM_BODY_PT, profile.font_size_pt))
    return max(MIN_BODY_PT, min(scaled, largest))


@dataclass(frozen=True)
class Sizes:
    """The sizes and gaps of one profile's slides, in points."""

    body: float
    line_height: float  # the profile's, times a single line
    gap: float  # space after a paragraph
    bold: bool  # every run bold (a weight of 600 or more)
    line_ratio: float = NATURAL_LINE

    @classmethod
    def of(cls, profile: Profile, line_ratio: float = NATURAL_LINE) -> Sizes:
        body = body_size_pt(profile)
        return cls(body, profile.line_height, profile.paragraph_spacing_em * body,
                   profile.font_weight >= 600, max(NATURAL_LINE, line_ratio))

    @property
    def title(self) -> float:
        return round(min(self.body * TITLE_SCALE, self.body + TITLE_MORE_PT) * 2) / 2

    @property
    def lesson_title(self) -> float:
        largest = self.body + LESSON_TITLE_MORE_PT
        return round(min(self.body * LESSON_TITLE_SCALE, largest) * 2) / 2

    @property
    def slide_number(self) -> float:
        """The slide number's size: small enough for the foot margin, never the body's."""
        return NUMBER_PT

    @property
    def title_line_height(self) -> float:
        return min(self.line_height, TITLE_LINE_HEIGHT)

    def pitch(self, size: float, heading: bool = False) -> float:
        """The height of one line of text of ``size`` points (of a title: ``heading``)."""
        spacing = self.title_line_height if heading else self.line_height
        return size * self.line_ratio * spacing


@dataclass(frozen=True)
class Para:
    """One paragraph on a slide: text, a list item, a task or a quotation."""

    runs: tuple[Run, ...]
    kind: str = "text"  # "text", "bullet", "number", "task" or "quote"
    number: int = 1  # a numbered item's number (PowerPoint's startAt)
    after: float = 0.0  # the space after it, in points
    size: float = 0.0  # 0: the body size
    heading: bool = False  # a slide's title, with its own line spacing

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def indent(self, size: float) -> float:
        """How far the text sits in from the box's left: a list's hang or a quote's indent."""
        if self.kind in ("bullet", "number"):
            return HANG_EM * size
        return INDENT_EM * size if self.kind in ("task", "quote") else 0.0


Cell = tuple[Run, ...]


@dataclass(frozen=True)
class TableUnit:
    """A table: a header row (or none) and rows of cells."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class PictureUnit:
    """A picture ready to place: its shown size (before fitting) and what to draw."""

    alt: str
    width: float
    height: float
    blob: bytes
    path: Path
    svg: bytes | None = None


Unit = Para | TableUnit | PictureUnit


@dataclass
class Placed:
    """Something on a slide: its box (top and height in points) and what it holds."""

    kind: str  # "text", "table" or "picture"
    top: float
    height: float
    left: float = SIDE_PT
    width: float = CONTENT_WIDTH
    paras: list[Para] = field(default_factory=list)
    table: TableUnit | None = None
    columns: tuple[float, ...] = ()
    row_heights: tuple[float, ...] = ()
    picture: PictureUnit | None = None


@dataclass
class SlidePlan:
    """One slide: its title, the title box's height, and what is on it."""

    title: str
    title_height: float
    placed: list[Placed] = field(default_factory=list)

    @property
    def content_top(self) -> float:
        return TOP_PT + self.title_height + ROW_PT / 2


def rows_as_list(table: TableUnit, gap: float) -> list[Para]:
    """A table as a bulleted list, one item a row: "Stage: Evaporation; What happens: …"."""
    names = ["".join(run.text for run in cell).strip() for cell in table.header]
    items: list[Para] = []
    for number, row in enumerate(table.rows, 1):
        runs: list[Run] = []
        for index, cell in enumerate(row):
            text = "".join(run.text for run in cell).strip()
            if not text:
                continue
            if runs:
                runs.append(Run(" " if runs[-1].text.rstrip()[-1:] in ".!?;:" else "; "))
            if index < len(names) and names[index]:
                runs.append(Run(f"{names[index]}: ", bold=True))
            runs.extend(cell)
        last = number == len(table.rows)
        items.append(Para(tuple(runs), "bullet", after=gap if last else gap * LIST_GAP))
    return items


class Layout:
    """Wraps and places one lesson's units on slides, with one profile's sizes."""

    def __init__(self, sizes: Sizes, measure: Measure) -> None:
        self.sizes, self.measure = sizes, measure
        self.bottom = SLIDE_PT[1] - BOTTOM_PT
        self.tables_as_lists = 0  # tables shown as lists, their rows being taller than a slide

    # ----- measuring ---------------------------------------------------------------------

    def lines(self, para: Para, width: float = CONTENT_WIDTH) -> list[int]:
        size = para.size or self.sizes.body
        room = (width - 2 * INSET_X - para.indent(size)) * WIDTH_SLACK
        return line_starts(para.runs, room, size, self.measure, self.sizes.bold)

    def para_height(self, para: Para, width: float = CONTENT_WIDTH) -> float:
        """The lines of ``para`` (not the space after it), in points."""
        size = para.size or self.sizes.body
        return len(self.lines(para, width)) * self.sizes.pitch(size, para.heading)

    def frame_height(self, paras: Sequence[Para], width: float = CONTENT_WIDTH) -> float:
        """A text box holding ``paras``: insets, lines, and the spaces between them."""
        inner = sum(self.para_height(p, width) for p in paras)
        return 2 * INSET_Y + inner + sum(p.after for p in paras[:-1])

    def title_height(self, text: str, size: float) -> float:
        return self.frame_height([Para((Run(text, bold=True),), size=size, heading=True)])

    def cell_lines(self, cell: Cell, width: float, bold: bool) -> int:
        room = (width - 2 * CELL_X_EM * self.sizes.body) * WIDTH_SLACK
        return len(line_starts(cell, room, self.sizes.body, self.measure, bold or self.sizes.bold))

    def row_height(self, row: tuple[Cell, ...], columns: Sequence[float], bold: bool) -> float:
        lines = max((self.cell_lines(c, w, bold) for c, w in zip(row, columns, strict=False)),
                    default=1)
        return max(1, lines) * self.sizes.pitch(self.sizes.body) + \
            2 * CELL_Y_EM * self.sizes.body

    def columns(self, table: TableUnit) -> tuple[float, ...]:
        """Column widths: room for each column's longest word, the rest shared by its text."""
        rows = ((table.header,) if table.header else ()) + table.rows
        count = max((len(r) for r in rows), default=1)
        body, margin = self.sizes.body, 2 * CELL_X_EM * self.sizes.body
        least, wants = [margin] * count, [margin] * count
        for row in rows:
            for index, cell in enumerate(row):
                text = "".join(r.text for r in cell)
                longest = max((self.measure.width(w, body, True) for w in text.split()),
                              default=0.0)
                least[index] = max(least[index], longest / WIDTH_SLACK + margin)
                whole = sum(self.measure.width(r.text, body, r.bold or r.key_word or row is
                                               table.header) for r in cell)
                wants[index] = max(wants[index], least[index], whole / WIDTH_SLACK + margin)
        spare = CONTENT_WIDTH - sum(least)
        if spare <= 0:
            return tuple(CONTENT_WIDTH / count for _ in range(count))
        extra = [w - m for w, m in zip(wants, least, strict=True)]
        total = sum(extra) or 1.0
        if sum(extra) <= spare:  # everything fits on one line: share what is left evenly
            return tuple(m + e + (spare - sum(extra)) / count
                         for m, e in zip(least, extra, strict=True))
        return tuple(m + spare * e / total for m, e in zip(least, extra, strict=True))

    # ----- slides ----------------------------------------------------------------------

    def slides(self, title: str, units: Sequence[Unit]) -> list[SlidePlan]:
        """``units`` placed on as many slides as they need, the first titled ``title``."""
        self._plans: list[SlidePlan] = []
        self._title = title
        self._new_slide()
        for unit in units:
            if isinstance(unit, Para):
                self._para(unit)
            elif isinstance(unit, TableUnit):
                self._table(unit)
            else:
                self._picture(unit)
        return self._plans

    def _new_slide(self) -> None:
        title = self._title if not self._plans else f"{self._title} (continued)"
        self._plans.append(SlidePlan(title, self.title_height(title, self.sizes.title)))

    @property
    def _plan(self) -> SlidePlan:
        return self._plans[-1]

    def _next_top(self) -> float:
        """Where the next shape may start on the current slide."""
        placed = self._plan.placed
        if not placed:
            return self._plan.content_top
        last = placed[-1]
        gap = last.paras[-1].after if last.kind == "text" else self.sizes.gap
        return max(last.top + last.height + gap, last.top + ROW_PT)

    def _para(self, para: Para) -> None:
        while True:
            placed = self._plan.placed
            frame = placed[-1] if placed and placed[-1].kind == "text" else None
            if frame is not None:
                grown = self.frame_height([*frame.paras, para])
                if frame.top + grown <= self.bottom:
                    frame.paras.append(para)
                    frame.height = grown
                    return
                used = frame.top + frame.height + frame.paras[-1].after
            else:
                top = self._next_top()
                height = self.frame_height([para])
                if top + height <= self.bottom:
                    placed.append(Placed("text", top, height, paras=[para]))
                    return
                used = top + 2 * INSET_Y
            fresh = self._fresh_room()
            if placed and self.para_height(para) <= fresh:
                self._new_slide()  # it fits whole on the next slide
                continue
            pitch = self.sizes.pitch(para.size or self.sizes.body)
            fit = int((self.bottom - used) / pitch + 1e-9)
            if fit < 1 or (placed and fit < 2):
                if placed:
                    self._new_slide()
                    continue
                fit = 1  # not one line fits under the title: it goes there all the same
            starts = self.lines(para)
            first, rest = split_runs(para.runs, cut_at_sentence(para.text, starts, fit))
            if not first or not rest:  # one line that cannot be cut: it goes where it is
                first, rest = para.runs, ()
            head = replace(para, runs=first, after=self.sizes.gap * LIST_GAP)
            if frame is not None:
                frame.paras.append(head)
                frame.height = self.frame_height(frame.paras)
            else:
                placed.append(Placed("text", self._next_top(), self.frame_height([head]),
                                     paras=[head]))
            if not rest:
                return
            self._new_slide()
            # The rest of a list item or task goes on indented, with no bullet, number or label.
            para = replace(para, runs=rest, kind="text" if para.kind == "text" else "quote")

    def _fresh_room(self) -> float:
        """The height an empty continued slide has for its content."""
        title = f"{self._title} (continued)"
        plan = SlidePlan(title, self.title_height(title, self.sizes.title))
        return self.bottom - plan.content_top - 2 * INSET_Y

    def _table(self, table: TableUnit) -> None:
        columns = self.columns(table)
        header = self.row_height(table.header, columns, True) if table.header else 0.0
        heights = [self.row_height(row, columns, False) for row in table.rows]
        if header + max(heights, default=0.0) > self._fresh_room() + 2 * INSET_Y:
            # A row taller than a slide (large text in narrow columns) cannot be split:
            # the table goes row by row as a list, each cell after its column's name.
            self.tables_as_lists += 1
            for para in rows_as_list(table, self.sizes.gap):
                self._para(para)
            return
        rows = list(range(len(table.rows)))
        while rows:
            top = self._next_top()
            room = self.bottom - top - header
            taken: list[int] = []
            used = 0.0
            for index in rows:
                if used + heights[index] > room and (taken or self._plan.placed):
                    break
                taken.append(index)
                used += heights[index]
            if not taken:
                self._new_slide()
                continue
            part = TableUnit(table.header, tuple(table.rows[i] for i in taken))
            row_heights = ((header,) if table.header else ()) + tuple(heights[i] for i in taken)
            self._plan.placed.append(Placed("table", top, sum(row_heights), table=part,
                                            columns=columns, row_heights=row_heights))
            rows = rows[len(taken):]
            if rows:
                self._new_slide()

    def _picture(self, picture: PictureUnit) -> None:
        room = self._fresh_room() + 2 * INSET_Y
        scale = min(1.0, CONTENT_WIDTH / picture.width, room / picture.height)
        width, height = picture.width * scale, picture.height * scale
        top = self._next_top()
        if top + height > self.bottom and self._plan.placed:
            # A little smaller keeps it beside the text that leads to it ("Look at the
            # diagram"); much smaller, and it goes to the next slide at its size.
            room = self.bottom - top
            if room >= height * KEEP_WITH_TEXT:
                height, width = room, width * room / height
                left = SIDE_PT + (CONTENT_WIDTH - width) / 2
                self._plan.placed.append(Placed("picture", top, height, left, width,
                                                picture=picture))
                return
            self._new_slide()
            top = self._next_top()
            height = min(height, self.bottom - top)
            width = picture.width * height / picture.height
        left = SIDE_PT + (CONTENT_WIDTH - width) / 2
        self._plan.placed.append(Placed("picture", top, height, left, width, picture=picture))
