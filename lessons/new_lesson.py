"""Saving an edited lesson as a new lesson file, never over another file.

The lesson editor's "Save as new lesson" comes here: the file is named after
the lesson (``file_slug``), numbered when that name is taken
(``new_lesson_path``), and opened with "x" so a file that appeared since the
check is never replaced. Pictures the lesson uses are copied beside it when
the folder has none of that name, so the new lesson shows them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lessons.model import Image, Lesson


def file_slug(name: str) -> str:
    """A file name stem: "The water cycle (adapted)" -> "the-water-cycle-adapted"."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:60].strip("-")
    return slug or "lesson"


def new_lesson_path(folder: Path, name: str) -> Path:
    """A path in ``folder`` for a lesson called ``name`` that no file has yet."""
    stem = file_slug(name)
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    return path


def save_new_lesson(text: str, name: str, folder: Path, lesson: Lesson,
                    pictures_from: Path | None) -> Path:
    """Write lesson file ``text`` as a new file in ``folder`` named after ``name``.

    ``lesson`` is the same text parsed; the pictures it uses are copied from
    beside ``pictures_from`` (the file it was opened from). Raises OSError
    when the file cannot be written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = new_lesson_path(folder, name)
    # "x": fail rather than replace a file that appeared since the check.
    with open(path, "x", encoding="utf-8", newline="") as stream:
        stream.write(text)
    if pictures_from is not None:
        copy_pictures(lesson, pictures_from.parent.resolve(), folder)
    return path


def copy_pictures(lesson: Lesson, base: Path, folder: Path) -> None:
    """Copy the pictures ``lesson`` uses from ``base`` into ``folder``, keeping any there."""
    for section in lesson.sections:
        for block in section.blocks:
            if not isinstance(block, Image) or block.path is None:
                continue
            relative = Path(block.src)
            if relative.is_absolute() or ".." in relative.parts:
                continue
            target = folder / relative
            if target.exists() or not (base / relative).is_file():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(base / relative, target)
