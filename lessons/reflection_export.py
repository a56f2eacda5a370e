"""Practice records as plain text (.txt) and as Markdown (.md).

Both are laid out from the blocks in ``lessons.reflection_record``, as the
Word document and the PDF are. Plain text is for a teacher: it opens in any
text editor and pastes cleanly into a school's CPD system or an email, with
no markup at all; headings are underlined and the scores are sentences,
since a table's columns do not survive a paste. Markdown is for the command
line (``lesson-lab reflections export --md``), where a trainer may turn it
into something else; text the teacher typed is escaped there, so an answer
can never turn into a heading or a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lessons.atomic_file import write_text_atomically
from lessons.british_dates import long_date, short_date
from lessons.reflection import PracticeSession
from lessons.reflection_record import (
    LOG_TITLE,
    NOT_ANSWERED,
    OFFLINE_LINE,
    Answer,
    Block,
    Bullets,
    ClosingLine,
    Facts,
    Heading,
    Paragraph,
    ScoreTable,
    difference_text,
    duration_words,
    log_blocks,
    record_blocks,
    score_text,
    session_blocks,
    session_title,
)

# Kept importable from here: the command line and older callers use them.
__all__ = [
    "LOG_TITLE", "OFFLINE_LINE", "difference_text", "duration_words", "escape",
    "log_markdown", "long_date", "record_markdown", "record_text", "score_text",
    "session_markdown", "session_title", "short_date", "write_markdown", "write_text",
]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """``text`` as literal Markdown: no emphasis, links, HTML, headings or lists."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _escaped_lines(text: str) -> str:
    """Escaped text whose line breaks stay line breaks (a backslash ends each line)."""
    return "\\\n".join(escape(line) for line in text.split("\n"))


def _heading(text: str) -> str:
    """A heading's text: only inline marks need escaping ("1. Why?" is no list there)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))  # one line, whatever it held
    return text[:-1] + "\\#" if text.endswith("#") else text  # a closing '#' would go


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_SPECIAL.sub(r"\\\1", cell) for cell in cells) + " |"


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {_heading(block.text)}"]
    if isinstance(block, Paragraph):
        return [_escaped_lines(block.text)]
    if isinstance(block, Facts):
        return ["\n".join(f"- **{escape(label)}:** {escape(value)}"
                          for label, value in block.items)]
    if isinstance(block, Bullets):
        return ["\n".join(f"- {escape(item)}" for item in block.items)]
    if isinstance(block, ScoreTable):
        # Inside a cell nothing starts a line, so only the inline marks need escaping.
        lines = [_row(block.header), "|" + "---|" * len(block.header)]
        return ["\n".join(lines + [_row(row) for row in block.rows])]
    if isinstance(block, Answer):
        return [_escaped_lines(p) for p in block.paragraphs] or [NOT_ANSWERED]
    if isinstance(block, ClosingLine):
        return ["---", escape(block.text)]
    raise TypeError(f"unknown block {block!r}")


def markdown(blocks: Sequence[Block]) -> str:
    """Blocks as Markdown, one blank line between blocks."""
    return "\n\n".join(chunk for block in blocks for chunk in _markdown_block(block)) + "\n"


def session_markdown(session: PracticeSession, *, level: int = 1, footer: bool = True) -> str:
    """One practice session as Markdown; ``level`` is its title's heading level."""
    blocks = session_blocks(session, level=level)
    return markdown(blocks + [ClosingLine()] if footer else blocks)


def log_markdown(sessions: Sequence[PracticeSession], title: str = LOG_TITLE) -> str:
    """Several sessions as one Markdown log, oldest first, with a short summary."""
    return markdown(log_blocks(sessions, title))


def record_markdown(sessions: Sequence[PracticeSession]) -> str:
    """One session as its own record, or several as a log."""
    return markdown(record_blocks(sessions))


def write_markdown(sessions: Sequence[PracticeSession], path: str | Path) -> Path:
    """Write ``record_markdown(sessions)`` to ``path`` (atomically). Returns the path."""
    return write_text_atomically(path, record_markdown(sessions))


_UNDERLINE = {1: "=", 2: "-"}


def _text_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        mark = _UNDERLINE.get(block.level)
        return [f"{block.text}\n{mark * len(block.text)}" if mark else block.text]
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Facts):
        return ["\n".join(f"{label}: {value}" for label, value in block.items)]
    if isinstance(block, Bullets):
        return ["\n".join(f"- {item}" for item in block.items)]
    if isinstance(block, ScoreTable):
        return ["\n".join(f"- {sentence}" for sentence in block.sentences)]
    if isinstance(block, Answer):
        return list(block.paragraphs) or [NOT_ANSWERED]
    if isinstance(block, ClosingLine):
        return [block.text]
    raise TypeError(f"unknown block {block!r}")


def plain_text(blocks: Sequence[Block]) -> str:
    """Blocks as plain text: no markup, one blank line between blocks."""
    return "\n\n".join(chunk for block in blocks for chunk in _text_block(block)) + "\n"


def record_text(sessions: Sequence[PracticeSession]) -> str:
    """One session (or several, as a log) as plain text."""
    return plain_text(record_blocks(sessions))


def write_text(sessions: Sequence[PracticeSession], path: str | Path) -> Path:
    """Write ``record_text(sessions)`` to ``path`` (UTF-8, atomically). Returns the path."""
    return write_text_atomically(path, record_text(sessions))
