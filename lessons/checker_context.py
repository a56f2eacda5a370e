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

from lessons.markdown_body import BULLET, HEADING, NUMBERED, QUOTE, TASK_LABEL, starts_block
from lessons.model import (
    Block,
    Image,
    Inline,
    Lesson,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Task,
    spans_text,
)
from lessons.profile import Profile
from lessons.readability import Readability, words

UNIT_KINDS = ("paragraph", "item", "task", "quote", "heading", "cell")
_MARKUP = re.compile(r"</?u>|[*_`\\]")


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
            source_lines = _lines_from_body(lesson)
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


def _lines_from_body(lesson: Lesson) -> list[str] | None:
    """File lines recovered from ``lesson.body`` (the Markdown after the front matter).

    The body keeps its lines as written but not where it started in the
    file, so try each line the first block could be on and keep the first
    placement where every heading lands on a ``#`` line and every block on
    a written one. Returned lines are padded so file line n is index n - 1.
    """
    if not lesson.body or not lesson.sections:
        return None
    body = lesson.body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = [s.line for s in lesson.sections if s.heading]
    blocks = [b.line for s in lesson.sections for b in s.blocks]
    anchors = headings + blocks
    first = min(anchors)
    for index, text in enumerate(body[:500]):
        if not text.strip():
            continue
        offset = first - index  # file line of body[0]
        if offset < 1:
            break

        def at(line: int, offset: int = offset) -> str | None:
            i = line - offset
            return body[i] if 0 <= i < len(body) else None

        if all((t := at(n)) is not None and HEADING.match(t) for n in headings) and all(
            (t := at(n)) is not None and t.strip() for n in blocks
        ):
            return [""] * (offset - 1) + body
    return None
