"""The Markdown body of a lesson: blocks, sections and their line numbers.

A small line-by-line parser for the subset in lessons/FORMAT.md, written by
hand so that every block knows the exact line it starts on:

- ``##`` sections and ``###`` sub-sections (``#`` is reported: the title lives
  in the front matter; ``####`` and deeper become sub-sections, reported);
- paragraphs (lines joined with a space until a blank line or another block);
- bulleted (``-``, ``*``, ``+``) and numbered (``1.`` or ``1)``) lists; a blank
  line between items of the same kind keeps one list; indented items are
  flattened into the outer list (reported);
- pipe tables: consecutive lines starting with ``|``; when the second line is
  ``|---|---|`` the first row is the header, otherwise there is no header;
- images alone on a line, ``![alt](src)``;
- block quotations; one starting ``Task:`` or ``Question:`` is a task;
- HTML comments ``<!-- … -->`` are skipped, and so are ``---`` rules.

Inline styling is lessons/inline.py. This module never touches the disk:
the loader checks image files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lessons.inline import parse_inline
from lessons.model import (
    Block,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Problem,
    Quote,
    Section,
    Table,
    Task,
    spans_text,
)

# Patterns stay linear on long lines: no two quantifiers compete for the same characters.
HEADING = re.compile(r"^ {0,3}(#+)(?:[ \t]+(.*))?$")
BULLET = re.compile(r"^([ \t]*)([-+*])(?:[ \t]+(.*))?$")
NUMBERED = re.compile(r"^([ \t]*)(\d{1,9})[.)](?:[ \t]+(.*))?$")
QUOTE = re.compile(r"^ {0,3}>[ ]?(.*)$")
TABLE_ROW = re.compile(r"^ {0,3}\|")
SEPARATOR_CELL = re.compile(r":?-+:?")
IMAGE_LINE = re.compile(
    r'^ {0,3}!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\([ \t]*(?P<src><[^>\n]*>|[^\s)]+)'
    r'(?:[ \t]+"[^"\n]*")?[ \t]*\)[ \t]*$'
)
IMAGE_INLINE = re.compile(r"(?<!\\)!\[[^\[\]\n]*\]\(([^)\s]*)")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
COMMENT_START = re.compile(r"^ {0,3}<!--")
TASK_LABEL = re.compile(
    r"^(?P<bold>\*\*|__)?(?P<kind>task|question)[ \t]*:(?P=bold)?[ \t]*", re.IGNORECASE
)


@dataclass(frozen=True)
class BodyResult:
    """The sections of a body and the problems found while reading it."""

    sections: tuple[Section, ...]
    problems: tuple[Problem, ...]


def starts_block(line: str) -> bool:
    """True when a line would begin something other than paragraph text.

    The writer escapes paragraphs whose first line would match, so they
    read back as paragraphs.
    """
    return bool(
        HEADING.match(line)
        or BULLET.match(line)
        or NUMBERED.match(line)
        or QUOTE.match(line)
        or TABLE_ROW.match(line)
        or IMAGE_LINE.match(line)
        or THEMATIC_BREAK.match(line)
        or COMMENT_START.match(line)
    )


def parse_body(text: str, *, first_line: int = 1, file: str = "") -> BodyResult:
    """Parse a lesson body. ``first_line`` is the file line of the body's first line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parser = _BodyParser(lines, first_line, file)
    parser.run()
    return BodyResult(tuple(parser.sections), tuple(parser.problems))


class _BodyParser:
    def __init__(self, lines: list[str], first_line: int, file: str) -> None:
        self.lines = lines
        self.first_line = first_line
        self.file = file
        self.i = 0
        self.sections: list[Section] = []
        self.problems: list[Problem] = []
        # The section being filled: heading, level, line, blocks.
        self.heading: tuple[str, int, int] | None = None
        self.blocks: list[Block] = []

    # -- helpers -----------------------------------------------------------
    def line_no(self, index: int) -> int:
        return self.first_line + index

    def warn(self, index: int, message: str) -> None:
        self.problems.append(Problem(self.file, self.line_no(index), message, "warning"))

    def blank(self, index: int) -> bool:
        return not self.lines[index].strip()

    def close_section(self) -> None:
        if self.heading is not None:
            heading, level, line = self.heading
            self.sections.append(Section(heading, level, tuple(self.blocks), line))
        elif self.blocks:
            # Text before the first heading: the introduction.
            self.sections.append(Section("", 2, tuple(self.blocks), self.blocks[0].line))
        self.blocks = []

    # -- the main loop -----------------------------------------------------
    def run(self) -> None:
        n = len(self.lines)
        while self.i < n:
            line = self.lines[self.i]
            if not line.strip():
                self.i += 1
            elif COMMENT_START.match(line):
                self.skip_comment()
            elif THEMATIC_BREAK.match(line):
                self.i += 1
            elif HEADING.match(line):
                self.read_heading()
            elif IMAGE_LINE.match(line):
                self.read_image()
            elif QUOTE.match(line):
                self.read_quote()
            elif TABLE_ROW.match(line):
                self.read_table()
            elif BULLET.match(line) or NUMBERED.match(line):
                self.read_list()
            else:
                self.read_paragraph()
        self.close_section()

    def skip_comment(self) -> None:
        """Skip an HTML comment; one that never closes is reported and kept as text."""
        for end in range(self.i, len(self.lines)):
            start = self.lines[end].find("<!--") + 4 if end == self.i else 0
            if "-->" in self.lines[end][start:]:
                self.i = end + 1
                return
        self.warn(self.i, "This comment starts with '<!--' but never ends with '-->'.")
        self.read_paragraph()

    def read_heading(self) -> None:
        match = HEADING.match(self.lines[self.i])
        assert match is not None
        hashes, content = match.group(1), match.group(2) or ""
        content = _without_closing_hashes(content.strip())
        level = len(hashes)
        if level == 1:
            self.warn(
                self.i,
                "A '#' heading is for the lesson title, which belongs in the front "
                "matter; use '##' for a section.",
            )
            level = 2
        elif level > 3:
            self.warn(
                self.i,
                f"Headings go down to '###'; this '{hashes}' heading is shown as a sub-section.",
            )
            level = 3
        heading = spans_text(parse_inline(content))
        if not heading:
            self.warn(self.i, "This heading has no words.")
        self.close_section()
        self.heading = (heading, level, self.line_no(self.i))
        self.i += 1

    def read_image(self) -> None:
        match = IMAGE_LINE.match(self.lines[self.i])
        assert match is not None
        src = match.group("src")
        if src.startswith("<") and src.endswith(">"):
            src = src[1:-1].strip()
        alt = spans_text(parse_inline(match.group("alt")))
        self.blocks.append(Image(src=src, alt=alt, line=self.line_no(self.i)))
        self.i += 1

    def read_quote(self) -> None:
        start = self.i
        parts: list[str] = []
        while self.i < len(self.lines) and not self.blank(self.i):
            line = self.lines[self.i]
            match = QUOTE.match(line)
            if match:
                parts.append(match.group(1).strip())
            elif starts_block(line):
                break
            else:  # a lazy continuation line, as Markdown allows
                parts.append(line.strip())
            self.i += 1
        content = " ".join(part for part in parts if part)
        label = TASK_LABEL.match(content)
        if label:
            spans = parse_inline(content[label.end() :])
            if not spans:
                self.warn(start, f"This {label.group('kind').lower()} has no words.")
            kind = label.group("kind").lower()
            self.blocks.append(Task(kind, spans, self.line_no(start)))
        else:
            self.blocks.append(Quote(parse_inline(content), self.line_no(start)))

    def read_table(self) -> None:
        start = self.i
        rows: list[tuple[int, str]] = []
        while self.i < len(self.lines) and TABLE_ROW.match(self.lines[self.i]):
            rows.append((self.i, self.lines[self.i]))
            self.i += 1
        header: tuple[Inline, ...] = ()
        body: list[tuple[Inline, ...]] = []
        width = None
        for position, (index, line) in enumerate(rows):
            if is_table_separator(line):
                if position == 1 and not header:
                    header = body.pop()
                else:
                    self.warn(
                        index,
                        "A line of dashes in a table belongs straight after the header row.",
                    )
                continue
            cells = tuple(parse_inline(cell) for cell in split_cells(line))
            if width is None:
                width = len(cells)
            elif len(cells) != width:
                self.warn(
                    index,
                    f"This table row has {len(cells)} cells but the first row has {width}.",
                )
            body.append(cells)
        self.blocks.append(Table(header, tuple(body), self.line_no(start)))

    def read_list(self) -> None:
        start = self.i
        first = _list_item(self.lines[self.i])
        assert first is not None
        ordered, base_indent = first[0], first[1]
        items: list[list[str]] = []
        warned_nested = False
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip():
                after = self.next_filled(self.i)
                following = _list_item(self.lines[after]) if after is not None else None
                if after is None or following is None or following[0] != ordered:
                    break
                self.i = after
                continue
            item = _list_item(line)
            if item is not None:
                if item[0] != ordered and item[1] <= base_indent:
                    break  # a list of the other kind starts here
                if item[1] > base_indent and not warned_nested:
                    self.warn(
                        self.i,
                        "A list inside a list is shown as part of the outer list.",
                    )
                    warned_nested = True
                items.append([item[2]])
            elif starts_block(line):
                break
            else:  # the item goes on over another line
                items[-1].append(line.strip())
            self.i += 1
        self.blocks.append(
            ListBlock(
                tuple(parse_inline(" ".join(parts)) for parts in items),
                ordered,
                self.line_no(start),
            )
        )

    def next_filled(self, index: int) -> int | None:
        for later in range(index, len(self.lines)):
            if not self.blank(later):
                return later
        return None

    def read_paragraph(self) -> None:
        start = self.i
        parts = [self.lines[self.i].strip()]
        self.i += 1
        while (
            self.i < len(self.lines)
            and not self.blank(self.i)
            and not starts_block(self.lines[self.i])
        ):
            parts.append(self.lines[self.i].strip())
            self.i += 1
        raw = " ".join(parts)
        for index, part in enumerate(parts):
            for match in IMAGE_INLINE.finditer(part):
                self.warn(
                    start + index,
                    f"The image '{match.group(1)}' is in the middle of a paragraph; "
                    "put it on a line of its own so it can be shown.",
                )
        self.blocks.append(Paragraph(parse_inline(raw), self.line_no(start)))


def _list_item(line: str) -> tuple[bool, int, str] | None:
    """(ordered, indent, text) when a line starts a list item."""
    if THEMATIC_BREAK.match(line):
        return None
    match = BULLET.match(line)
    ordered = False
    if match is None:
        match = NUMBERED.match(line)
        ordered = True
    if match is None:
        return None
    indent = len(match.group(1).expandtabs(4))
    return ordered, indent, (match.group(3) or "").strip()


def _without_closing_hashes(content: str) -> str:
    """``Title ##`` → ``Title``; ``C#`` and ``Item \\#`` keep their hash."""
    kept = content.rstrip("#")
    if kept == content or (kept and kept[-1] not in " \t"):
        return content
    return kept.rstrip()


def is_table_separator(line: str) -> bool:
    """True for the ``|---|:---:|`` line under a table's header row."""
    cells = split_cells(line)
    return bool(cells) and all(SEPARATOR_CELL.fullmatch(cell) for cell in cells)


def split_cells(line: str) -> list[str]:
    """The cells of a table row, split at ``|`` that is not escaped as ``\\|``."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])  # the inline parser unescapes it
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    tail = "".join(current)
    if tail.strip() or not cells:
        cells.append(tail)  # the row did not end with '|'
    return [cell.strip() for cell in cells]
