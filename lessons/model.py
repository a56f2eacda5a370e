"""The lesson model: what a loaded lesson is, whatever file it came from.

A lesson file is Markdown with a YAML front matter (see lessons/FORMAT.md).
The loader (lessons/loader.py) and the importers turn files into these
immutable values; widgets render them; the checker reads them.
Every block remembers the line it came from, so problems and findings can
point at ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A run of text with one style. Underline comes from ``<u>…</u>``."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    spans: Inline
    line: int


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a run of spans."""

    items: tuple[Inline, ...]
    ordered: bool
    line: int


@dataclass(frozen=True)
class Table:
    """A table; ``header`` is empty when the table has no header row."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    line: int


@dataclass(frozen=True)
class Image:
    """An image. ``alt`` is empty when the author gave none (a reported problem)."""

    src: str
    alt: str
    line: int
    path: Path | None = None  # resolved file, None when it does not exist


@dataclass(frozen=True)
class Task:
    """A question or task for pupils (``> Task: …`` or ``> Question: …``)."""

    kind: str  # "task" or "question"
    spans: Inline
    line: int


@dataclass(frozen=True)
class Quote:
    """Any other block quotation."""

    spans: Inline
    line: int


Block = Paragraph | ListBlock | Table | Image | Task | Quote


@dataclass(frozen=True)
class Section:
    """A ``##`` section (level 2) or a ``###`` sub-section (level 3).

    Text before the first heading goes in a section with an empty heading.
    """

    heading: str
    level: int
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class VocabularyEntry:
    """A key word and its child-friendly definition."""

    word: str
    definition: str


@dataclass(frozen=True)
class Lesson:
    title: str
    subject: str = ""
    key_stage: str = ""  # "KS1" … "KS4" (or "EYFS", "KS5")
    year_group: str = ""  # "Year 4"
    duration_minutes: int | None = None
    objectives: tuple[str, ...] = ()
    vocabulary: tuple[VocabularyEntry, ...] = ()
    notes_for_adults: str = ""
    # The pupils' needs the lesson is adapted for: tags of lessons.scenarios.NEEDS ("vi").
    needs: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    source: Path | None = None
    # The Markdown body as written (after the front matter), for the editor.
    body: str = ""

    def word_count(self) -> int:
        """Words in the lesson body (headings and all blocks)."""
        return len(plain_text(self).split())


@dataclass(frozen=True)
class Problem:
    """Something wrong in a lesson file: where, and one plain sentence."""

    file: str
    line: int
    message: str
    # "error": part of the file could not be used (the whole lesson, or one
    # field of it); "warning": everything loaded but something needs fixing.
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    """A lesson (or None when it could not be loaded) and its problems."""

    lesson: Lesson | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.lesson is not None and not any(p.severity == "error" for p in self.problems)


def spans_text(spans: Inline) -> str:
    """The plain text of a run of spans."""
    return "".join(span.text for span in spans)


def block_text(block: Block) -> str:
    """The plain text of one block, cells and items separated by newlines."""
    if isinstance(block, (Paragraph, Task, Quote)):
        return spans_text(block.spans)
    if isinstance(block, ListBlock):
        return "\n".join(spans_text(item) for item in block.items)
    if isinstance(block, Table):
        rows = ((block.header,) if block.header else ()) + block.rows
        return "\n".join(" ".join(spans_text(cell) for cell in row) for row in rows)
    if isinstance(block, Image):
        return block.alt
    raise TypeError(f"unknown block {block!r}")


def plain_text(lesson: Lesson) -> str:
    """The whole lesson body as plain text, section by section."""
    parts: list[str] = []
    for section in lesson.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(block_text(block) for block in section.blocks)
    return "\n\n".join(p for p in parts if p)
