"""Save a dictated text as a plain text file or a Word document.

The dictation panel asks where (``save_requested(path, format)``); the
controller calls ``export_transcript``. Files are written to a temporary file
beside the target and then renamed over it, so a failed save never leaves a
half-written file where the pupil's work was.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

from lessons.atomic_file import usual_permissions
from lessons.save_problem import save_problem
from lessons.word_document import british_document

FORMATS = ("txt", "docx")


class ExportError(Exception):
    """A save that could not be done; the message is one plain sentence."""


def format_for(path: str | Path, requested: str | None = None) -> str:
    """The format to write: ``requested`` if given, otherwise from the file name's ending."""
    chosen = (requested or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ExportError("Lesson Lab can save dictation as a .txt or a .docx file only.")
    return chosen


def export_transcript(text: str, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``text`` to ``path`` as ``fmt`` ("txt" or "docx"); returns the path written.

    Raises ``ExportError`` with a plain sentence when the file cannot be written.
    """
    path = Path(path)
    fmt = format_for(path, fmt)
    if not path.parent.is_dir():
        raise ExportError(f'The folder "{path.parent}" does not exist, so the file was not saved.')
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
    except OSError as error:
        raise ExportError(_cannot_write(path, error)) from error
    try:
        os.close(fd)
        if fmt == "txt":
            _write_text(text, Path(temporary))
        else:
            _write_docx(text, Path(temporary))
        usual_permissions(temporary)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(_cannot_write(path, error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _write_text(text: str, path: Path) -> None:
    body = text if text.endswith("\n") or not text else text + "\n"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(body)
        stream.flush()
        os.fsync(stream.fileno())


def _write_docx(text: str, path: Path) -> None:
    # Imported here: python-docx is only needed when someone saves a Word file.
    from docx.shared import Pt

    # British English (Word would underline "colour"), A4, no library named as author.
    document = british_document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)  # friendly to read back, and what pupils see on screen
    normal.paragraph_format.space_after = Pt(12)  # a paragraph ends with a gap, as on screen
    # "New paragraph" leaves a blank line: a new Word paragraph, not an empty one.
    # "New line" is a line break inside the paragraph.
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")) if text.strip() else []:
        lines = paragraph.split("\n")
        run = document.add_paragraph().add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
    # Made in memory, then written: a full disk then fails one plain write, and
    # python-docx's zip file is never left open on a half-written file.
    made = io.BytesIO()
    document.save(made)
    path.write_bytes(made.getvalue())


def _cannot_write(path: Path, error: OSError) -> str:
    # Why, and what to do, as every save says it; then that nothing is lost.
    return f'{save_problem(error, f"The file “{path.name}”", path)} Your words are still here.'
