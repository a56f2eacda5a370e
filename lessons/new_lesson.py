"""Saving an edited lesson as a new lesson file, whole or not at all, never over another file.

The lesson editor's "Save as new lesson" comes here: the file is named after
the lesson (``file_slug``), numbered when that name is taken
(``new_lesson_path``). Pictures the lesson uses are copied beside it when
the folder has none of that name, so the new lesson shows them.

Either the whole lesson is there afterwards or nothing is: the pictures are
copied first, then the lesson is written to a temporary file in the same
folder, flushed to the disk, and linked to its name, which fails rather
than replace a file that appeared since the name was chosen (then the next
number is tried). A full disk, a picture that cannot be copied or a USB
stick taken out leaves no cut-off lesson file and none of the pictures this
save had copied. Where the disk has no links (a FAT-formatted USB stick),
the file is created with "x" once the temporary file is gone, and removed
again if writing it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from lessons.atomic_file import usual_permissions
from lessons.model import Image, Lesson

_NAME_TRIES = 100  # names taken one after another while saving: give up after this many


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
    when the lesson cannot be saved, leaving nothing of it behind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []  # pictures and folders this save made, in the order made
    try:
        if pictures_from is not None:
            copy_pictures(lesson, pictures_from.parent.resolve(), folder, made)
        return _write_new(folder, name, text.encode("utf-8"))
    except BaseException:
        _take_away(made)
        raise


def copy_pictures(lesson: Lesson, base: Path, folder: Path,
                  made: list[Path] | None = None) -> None:
    """Copy the pictures ``lesson`` uses from ``base`` into ``folder``, keeping any there.

    Each picture is copied whole or not at all; the files and folders made
    are added to ``made`` (so a save that fails later can take them away).
    """
    made = [] if made is None else made
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
            _copy_picture(base / relative, target, made)


def _copy_picture(source: Path, target: Path, made: list[Path]) -> None:
    """Copy picture ``source`` to ``target`` (a name no file has) whole, or not at all."""
    def copy(stream) -> None:
        with open(source, "rb") as picture:
            shutil.copyfileobj(picture, stream)

    _make_folder(target.parent, made)
    if _place(target.parent, copy, lambda: target) is not None:
        made.append(target)


def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as a new lesson file named after ``name``; the path it got."""
    path = _place(folder, lambda stream: stream.write(data),
                  lambda: new_lesson_path(folder, name), tries=_NAME_TRIES)
    if path is None:  # pragma: no cover - a hundred names taken while we looked
        raise FileExistsError(f"Every name for '{name}' was taken while saving.")
    return path


def _place(folder: Path, write, choose, tries: int = 1) -> Path | None:
    """Write a file whole with ``write(stream)`` and give it the name ``choose()`` gives.

    The name is never one a file already has: it is tried ``tries`` times
    (``choose`` is asked again each time), and None comes back when every
    name was taken. Raises OSError when the file cannot be written.
    """
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        usual_permissions(temporary)
        for _ in range(tries):
            path = choose()
            try:
                os.link(temporary, path)  # fails if the name is taken: never replaces
            except FileExistsError:
                continue
            except OSError:  # no links on this disk (FAT): create it with "x" instead
                Path(temporary).unlink(missing_ok=True)
                return _create(path, write, folder, choose, tries)
            return path
        return None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _create(path: Path, write, folder: Path, choose, tries: int) -> Path | None:
    """Create ``path`` with "x" (never over a file) and write it; removed if that fails."""
    for _ in range(tries):
        try:
            stream = open(path, "xb")  # noqa: SIM115 - closed below, removed on failure
        except FileExistsError:
            path = choose()
            continue
        try:
            with stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    return None


def _make_folder(folder: Path, made: list[Path]) -> None:
    """Make ``folder`` and any missing folders above it, adding those made to ``made``."""
    missing = []
    step = folder
    while not step.exists():
        missing.append(step)
        step = step.parent
    folder.mkdir(parents=True, exist_ok=True)
    made.extend(reversed(missing))


def _take_away(made: list[Path]) -> None:
    """Remove what a failed save made (files, then the folders made for them)."""
    for path in reversed(made):
        try:
            path.rmdir() if path.is_dir() else path.unlink(missing_ok=True)
        except OSError:
            pass  # a folder something else has put a file in since: left as it is
