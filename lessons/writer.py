"""Write a lesson out as a lesson file (front matter and Markdown body).

The output reads back to the same lesson: ``parse_lesson_text(lesson_to_markdown(l))``
gives ``l`` again, apart from ``source``, ``body`` and line numbers. Text that
would otherwise mean something in Markdown is escaped with a backslash.
"""

from __future__ import annotations

import re
from pathlib import Path

from lessons.atomic_file import write_text_atomically
from lessons.front_matter import FIELDS, fields_yaml
from lessons.inline import escape_text, spans_to_markdown
from lessons.markdown_body import TASK_LABEL, starts_block
from lessons.model import Block, Image, Inline, Lesson, ListBlock, Paragraph, Quote, Table, Task

_NUMBER_START = re.compile(r"^(\d+)([.)])")


def lesson_to_markdown(lesson: Lesson) -> str:
    """The whole lesson file: front matter between ``---`` lines, then the body."""
    return f"---\n{front_matter_yaml(lesson)}---\n\n{body_markdown(lesson)}"


def write_lesson(lesson: Lesson, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``lesson`` to ``path`` as UTF-8. Refuses to replace a file unless ``overwrite``.

    Raises FileExistsError when the file exists and ``overwrite`` is False.
    The file is written whole or not at all.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomically(path, lesson_to_markdown(lesson))


def front_matter_yaml(lesson: Lesson) -> str:
    """The front matter's YAML text (without the ``---`` lines). Empty fields are left out."""
    return fields_yaml({name: getattr(lesson, name) for name in FIELDS})


def body_markdown(lesson: Lesson) -> str:
    """The Markdown body: sections, each block separated by a blank line."""
    chunks: list[str] = []
    for index, section in enumerate(lesson.sections):
        if section.heading or index > 0:
            hashes = "#" * (3 if section.level >= 3 else 2)
            chunks.append(f"{hashes} {_heading_text(section.heading)}".rstrip())
        previous: Block | None = None
        for block in section.blocks:
            if _would_join(previous, block):
                # Two lists of the same kind in a row would read back as one.
                chunks.append("<!-- -->")
            text = block_markdown(block)
            if text:
                chunks.append(text)
                previous = block
    return "\n\n".join(chunks) + "\n"


def _would_join(previous: Block | None, block: Block) -> bool:
    return (
        isinstance(previous, ListBlock)
        and isinstance(block, ListBlock)
        and previous.ordered == block.ordered
    )


def block_markdown(block: Block) -> str:
    """The Markdown of one block."""
    if isinstance(block, Paragraph):
        return _line_start_safe(spans_to_markdown(block.spans))
    if isinstance(block, ListBlock):
        return "\n".join(
            (f"{number}. " if block.ordered else "- ") + spans_to_markdown(item)
            for number, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Table):
        return _table_markdown(block)
    if isinstance(block, Image):
        return _image_markdown(block)
    if isinstance(block, Task):
        label = "Question" if block.kind == "question" else "Task"
        return f"> {label}: {spans_to_markdown(block.spans)}".rstrip()
    if isinstance(block, Quote):
        text = spans_to_markdown(block.spans)
        if TASK_LABEL.match(text):
            text = re.sub(r":", r"\\:", text, count=1)  # a quotation, not a task
        return f"> {text}".rstrip()
    raise TypeError(f"unknown block {block!r}")


def _heading_text(heading: str) -> str:
    text = escape_text(heading)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # a closing '#' would be dropped
    return text


def _line_start_safe(line: str) -> str:
    """Escape the start of a paragraph that would otherwise read as another block."""
    if not starts_block(line):
        return line
    number = _NUMBER_START.match(line)
    if number:
        return f"{number.group(1)}\\{number.group(2)}{line[number.end():]}"
    stripped = line.lstrip()
    return "\\" + stripped


def _cell(spans: Inline) -> str:
    text = spans_to_markdown(spans, extra_escape="|")
    if re.fullmatch(r":?-+:?", text):
        text = "\\" + text  # would read as the header's line of dashes
    return text


def _table_markdown(table: Table) -> str:
    lines: list[str] = []
    if table.header:
        lines.append("| " + " | ".join(_cell(cell) for cell in table.header) + " |")
        lines.append("|" + "---|" * len(table.header))
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return "\n".join(lines)


def _image_markdown(image: Image) -> str:
    alt = escape_text(image.alt, extra="[]")
    src = image.src
    if re.search(r"[\s()<>]", src):
        src = f"<{src}>"
    return f"![{alt}]({src})"

