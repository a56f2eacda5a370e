"""Importing other files as lessons: the parts every importer shares.

An importer turns a document into a :class:`Lesson`, then
:func:`finish_import` writes it as a lesson file and loads that file back,
so the result carries real line numbers and the loader's own checks (an
image with no alt text is reported exactly as in a hand-written lesson).

:func:`import_lesson_file` picks the importer by file extension.
"""

from __future__ import annotations

import re
from pathlib import Path

from lessons.loader import MAX_LESSON_BYTES, load_lesson
from lessons.model import LoadResult, Problem
from lessons.writer import lesson_to_markdown, write_lesson

# A picture in the lesson's Markdown: it is not text a pupil can read.
_PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


class LessonImportError(Exception):
    """A document that cannot be imported; the message is one plain sentence."""


IMPORTABLE = {".docx": "Word document", ".txt": "plain text file"}


def check_import_paths(source: str | Path, out: str | Path, *, overwrite: bool) -> None:
    """Raise LessonImportError unless ``source`` can be read and ``out`` written."""
    source, out = Path(source), Path(out)
    if not source.exists():
        raise LessonImportError(f"The file '{source}' cannot be found.")
    if source.is_dir():
        raise LessonImportError(f"'{source}' is a folder; give the document to import.")
    if out.suffix.lower() != ".md":
        raise LessonImportError(f"The lesson file name should end in '.md', not '{out.name}'.")
    if out.is_dir():
        raise LessonImportError(f"'{out}' is a folder; give the lesson file name to write.")
    if out.exists() and not overwrite:
        raise LessonImportError(
            f"The file '{out}' already exists; choose another name or allow replacing it."
        )


def import_lesson_file(source: str | Path, out: str | Path, *, overwrite: bool = False):
    """Import a .docx or .txt document as the lesson file ``out``.

    Returns the :class:`LoadResult` of the written file. Raises
    LessonImportError (one plain sentence) when the document cannot be imported.
    """
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix == ".docx":
        from lessons.import_docx import import_docx

        return import_docx(source, out, overwrite=overwrite)
    if suffix == ".txt":
        from lessons.import_text import import_text

        return import_text(source, out, overwrite=overwrite)
    if suffix == ".doc":
        raise LessonImportError(
            "This is an older Word document (.doc); open it in Word and save it as .docx first."
        )
    kinds = " and ".join(f"{kind}s ({ext})" for ext, kind in IMPORTABLE.items())
    shown = f"'{suffix}' files" if suffix else "files with no extension"
    raise LessonImportError(f"Lesson Lab can import {kinds}, not {shown}.")


def finish_import(lesson, out: Path, *, overwrite: bool, notes: list[Problem]) -> LoadResult:
    """Write an imported lesson to ``out`` and load it back.

    ``notes`` are problems found in the source document; they come first.
    A document with no words, or too long to open as one lesson, is refused
    before anything is written.
    """
    markdown = lesson_to_markdown(lesson)
    size = len(markdown.encode("utf-8"))
    if size > MAX_LESSON_BYTES:
        raise LessonImportError(
            f"This document is too long for one lesson ({size / (1024 * 1024):.1f} MB of "
            f"text; Lesson Lab opens lessons up to {MAX_LESSON_BYTES // (1024 * 1024)} MB): "
            "split it into smaller documents.")
    body = markdown.split("\n---\n", 1)[-1]  # after the details at the top
    if not any(ch.isalnum() for ch in _PICTURE.sub("", body)):
        raise LessonImportError("This document has no text to make a lesson from.")
    try:
        write_lesson(lesson, out, overwrite=overwrite)
    except FileExistsError as error:
        raise LessonImportError(
            f"The file '{out}' already exists; choose another name or allow replacing it."
        ) from error
    except OSError as error:
        raise LessonImportError(
            f"The lesson file '{out}' cannot be written ({error.strerror or error})."
        ) from error
    loaded = load_lesson(out)
    return LoadResult(loaded.lesson, tuple(notes) + loaded.problems)


def title_from_file_name(path: Path) -> str:
    """A readable title from a file name: ``water_cycle-notes`` → ``Water cycle notes``."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else "Untitled lesson"
