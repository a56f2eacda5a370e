"""What every checker rule reads: the lesson, the profile, and where text came from.

A block in the lesson model knows the line it starts on; a paragraph can run
over several lines, and a finding about its third sentence should point at
the line that sentence is on. :class:`CheckContext` keeps the lesson's
Markdown lines (given, or found again in ``Lesson.body``) so rules can:

- walk the lesson's text as :class:`TextUnit` values (paragraphs, list items,
  tasks, quotations, headings, table cells), each with its plain text, spans
  and the file lines it spans;
- turn a word position inside a unit into a file line;
- find the exact Markdown on a line, for text fixes.

When the lines cannot be found (a lesson built in code), everything still
works, pointing at the block's first line and offering no text fixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lessons.markdown_body import (
    BULLET,
    HEADING,
    IMAGE_LINE,
    NUMBERED,
    QUOTE,
    TABLE_ROW,
    TASK_LABEL,
    starts_block,
)
from lessons.model import (
    Block,
    Image,
    Inline,
    Lesson,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Table,
    Task,
    spans_text,
)
from lessons.profile import Profile
from lessons.readability import Readability, words

UNIT_KINDS = ("paragraph", "item", "task", "quote", "heading", "cell")
_MARKUP = re.compile(r"</?u>|[*_`\\]")
_MAX_SOURCE_BYTES = 2 * 1024 * 1024  # as the loader: a lesson is a few kilobytes


@dataclass(frozen=True)
class TextUnit:
    """A piece of running text: a paragraph, a list item, a heading, …

    ``lines`` are the file lines it was written on (the first is ``line``);
    ``block`` is the block it belongs to (None for headings).
    """

    kind: str
    text: str
    spans: Inline
    line: int
    lines: tuple[int, ...]
    block: Block | None = None
    section_index: int = 0


@dataclass
class CheckContext:
    """The lesson, the profile and the Markdown lines behind the lesson."""

    lesson: Lesson
    profile: Profile
    file: str = "<lesson>"
    # File line n is source_lines[n - 1]; None when the lines are unknown.
    source_lines: list[str] | None = None
    _units: list[TextUnit] | None = field(default=None, repr=False)
    # Worked out once by the language rules and reused for the report.
    readability: Readability | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls, lesson: Lesson, profile: Profile, source_text: str | None = None
    ) -> CheckContext:
        """A context for ``lesson``; ``source_text`` is the whole lesson file, if known."""
        file = str(lesson.source) if lesson.source is not None else "<lesson>"
        if source_text is not None:
            lines = source_text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            source_lines: list[str] | None = lines.split("\n")
        else:
            source_lines = _lines_from_file(lesson) or _lines_from_body(lesson)
        return cls(lesson, profile, file, source_lines)

    # -- raw lines ---------------------------------------------------------
    def raw_line(self, number: int) -> str | None:
        """The Markdown of file line ``number``, or None when unknown."""
        if self.source_lines is None or not 1 <= number <= len(self.source_lines):
            return None
        return self.source_lines[number - 1]

    def block_lines(self, first: int) -> tuple[int, ...]:
        """The file lines of the block starting on ``first``: up to a blank line."""
        if self.raw_line(first) is None:
            return (first,)
        numbers = [first]
        n = first + 1
        while (text := self.raw_line(n)) is not None and text.strip():
            if HEADING.match(text):
                break
            numbers.append(n)
            n += 1
        return tuple(numbers)

    def find_line(self, lines: tuple[int, ...], needle: str) -> int | None:
        """The first of ``lines`` whose Markdown contains ``needle``."""
        for number in lines:
            text = self.raw_line(number)
            if text is not None and needle in text:
                return number
        return None

    # -- text units --------------------------------------------------------
    def units(self) -> list[TextUnit]:
        """Every piece of running text in the lesson, in order."""
        if self._units is None:
            self._units = list(self._walk())
        return self._units

    def _walk(self) -> Iterator[TextUnit]:
        for index, section in enumerate(self.lesson.sections):
            if section.heading:
                yield TextUnit(
                    "heading", section.heading, (), section.line, (section.line,), None, index
                )
            for block in section.blocks:
                yield from self._block_units(block, index)

    def _block_units(self, block: Block, index: int) -> Iterator[TextUnit]:
        if isinstance(block, Image):
            return
        lines = self.block_lines(block.line)
        if isinstance(block, Paragraph):
            yield TextUnit(
                "paragraph", spans_text(block.spans), block.spans, block.line, lines, block, index
            )
        elif isinstance(block, Task):
            yield TextUnit(
                "task", spans_text(block.spans), block.spans, block.line, lines, block, index
            )
        elif isinstance(block, Quote):
            yield TextUnit(
                "quote", spans_text(block.spans), block.spans, block.line, lines, block, index
            )
        elif isinstance(block, ListBlock):
            for item, item_lines in zip(block.items, self._item_lines(block, lines), strict=True):
                yield TextUnit(
                    "item", spans_text(item), item, item_lines[0], item_lines, block, index
                )
        elif isinstance(block, Table):
            rows = ((block.header,) if block.header else ()) + block.rows
            row_lines = [
                n
                for n in lines
                if self.raw_line(n) is None
                or not re.match(r"^ {0,3}\|?[ \t]*:?-+", self.raw_line(n) or "")
            ]
            for position, row in enumerate(rows):
                line = row_lines[position] if position < len(row_lines) else block.line
                for cell in row:
                    yield TextUnit("cell", spans_text(cell), cell, line, (line,), block, index)

    def _item_lines(self, block: ListBlock, lines: tuple[int, ...]) -> list[tuple[int, ...]]:
        """The file lines of each list item (blank lines between items allowed)."""
        items: list[list[int]] = []
        n, after_blank = block.line, False
        while (text := self.raw_line(n)) is not None:
            if _starts_item(text):
                if len(items) == len(block.items):
                    break
                items.append([n])
            elif not text.strip():
                if len(items) == len(block.items):
                    break
                after_blank = True
                n += 1
                continue
            elif items and not after_blank and not starts_block(text):
                items[-1].append(n)  # the item goes on over another line
            else:
                break
            after_blank = False
            n += 1
        while len(items) < len(block.items):
            items.append([block.line])
        return [tuple(i) for i in items]

    def place_of(self, line: int) -> str:
        """Where file line ``line`` is, in a teacher's words: "Key words, paragraph 2".

        The section's heading (or "Start of the lesson" before the first
        heading), then the paragraph, list point, table row, picture, task or
        quotation, counted as a teacher would count them on the page. A line
        outside every section is "Line 28 of the lesson".
        """
        fallback = f"Line {line} of the lesson"
        found = None
        for index, section in enumerate(self.lesson.sections):
            starts = [section.line] if section.heading else []
            starts += [block.line for block in section.blocks]
            if starts and min(starts) <= line:
                found = index
        if found is None:
            return fallback
        section = self.lesson.sections[found]
        name = section.heading or "Start of the lesson"
        if section.heading and line == section.line:
            return f"Heading “{section.heading}”"
        blocks = [b for b in section.blocks if b.line <= line]
        if not blocks:
            return name
        block = blocks[-1]
        same = [b for b in section.blocks if type(b) is type(block)]
        number = same.index(block) + 1
        several = len(same) > 1
        if isinstance(block, Paragraph):
            return f"{name}, paragraph {number}"
        if isinstance(block, ListBlock):
            which = f"list {number}" if several else "the list"
            items = [u for u in self.units() if u.block is block]
            point = next((i for i, u in enumerate(items, 1) if line in u.lines), None)
            return f"{name}, point {point} of {which}" if point else f"{name}, {which}"
        if isinstance(block, Table):
            which = f"table {number}" if several else "the table"
            rows = sorted({u.line for u in self.units() if u.block is block})
            if line not in rows:
                return f"{name}, {which}"
            row = rows.index(line) + (0 if block.header else 1)
            if row == 0:
                return f"{name}, heading row of {which}"
            return f"{name}, row {row} of {which}"
        what = {Image: "picture", Task: "task", Quote: "quotation"}.get(type(block), "text")
        return f"{name}, {what} {number}" if several else f"{name}, the {what}"

    def line_of_word(self, unit: TextUnit, word_index: int) -> int:
        """The file line on which word number ``word_index`` of ``unit`` is written."""
        if len(unit.lines) == 1 or self.raw_line(unit.line) is None:
            return unit.line
        seen = 0
        for position, number in enumerate(unit.lines):
            count = len(words(_plain_markdown(self.raw_line(number) or "", first=position == 0)))
            if word_index < seen + count:
                return number
            seen += count
        return unit.lines[-1]


def _starts_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text))


def _plain_markdown(text: str, first: bool) -> str:
    """A line of Markdown without its block marker, task label or emphasis marks."""
    stripped = text.strip()
    quote = QUOTE.match(stripped)
    if quote:
        stripped = quote.group(1)
    if first:
        label = TASK_LABEL.match(stripped)
        if label:
            stripped = stripped[label.end() :]
        item = BULLET.match(stripped) or NUMBERED.match(stripped)
        if item:
            stripped = item.group(3) or ""
    return _MARKUP.sub("", stripped)


def _lines_from_file(lesson: Lesson) -> list[str] | None:
    """The lesson file's lines, when the file still holds the body the lesson came from."""
    if lesson.source is None or not lesson.body or not lesson.sections:
        return None
    try:
        if lesson.source.stat().st_size > _MAX_SOURCE_BYTES:
            return None
        data = lesson.source.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = len(text) - len(lesson.body)
    if not text.endswith(lesson.body) or (start > 0 and text[start - 1] != "\n"):
        return None  # the file has changed since the lesson was loaded
    return text.split("\n")


def _lines_from_body(lesson: Lesson) -> list[str] | None:
    """File lines recovered from ``lesson.body`` (the Markdown after the front matter).

    The body keeps its lines as written but not where it started in the
    file, so try each place the body could start and keep the one where
    every heading and block lands on a line that could have made it (a
    heading on a ``#`` line with its first word, a table on a ``|`` line, a
    paragraph on a line starting with its first word, …). Unless exactly one
    place fits, the lines stay unknown: findings then point at block lines
    and offer no text fixes, rather than risk editing the wrong line.
    Returned lines are padded so file line n is index n - 1.
    """
    if not lesson.body or not lesson.sections:
        return None
    body = lesson.body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    anchors: list[tuple[int, Section | Block]] = []
    for section in lesson.sections:
        if section.heading:
            anchors.append((section.line, section))
        anchors += [(block.line, block) for block in section.blocks]
    first = min(line for line, _ in anchors)
    fits = []
    for index, text in enumerate(body[:500]):
        offset = first - index  # file line of body[0]
        if offset < 1:
            break
        if text.strip() and all(
            0 <= line - offset < len(body) and _could_start(body[line - offset], item)
            for line, item in anchors
        ):
            fits.append(offset)
    if len(fits) != 1:
        return None
    return [""] * (fits[0] - 1) + body


def _could_start(raw: str, item: Section | Block) -> bool:
    """True when the Markdown line ``raw`` could be where ``item`` starts."""
    if isinstance(item, Section):
        first = words(item.heading)[:1]
        return bool(HEADING.match(raw)) and all(w in raw for w in first)
    if isinstance(item, Image):
        return bool(IMAGE_LINE.match(raw))
    if isinstance(item, Table):
        return bool(TABLE_ROW.match(raw))
    if isinstance(item, (Task, Quote)):
        return bool(QUOTE.match(raw))
    if isinstance(item, ListBlock):
        return _starts_item(raw)
    if isinstance(item, Paragraph):
        written = words(_plain_markdown(raw, first=False))[:1]
        first = words(spans_text(item.spans))[:1]
        return bool(raw.strip()) and (not written or not first or written == first)
    return False
