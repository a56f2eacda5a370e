"""The lesson library: the built-in lessons and the user's own.

Built-in lessons live in ``lessons/library/`` beside this module; the user's
in ``<data folder>/lessons``, where the data folder is ``LESSON_LAB_DATA`` or
the platform's user data folder for ``lesson-lab``. Every ``.md`` file under a
folder (sub-folders too, hidden ones and ``README.md`` excepted) is loaded;
a file that fails to load is still listed, with its problems, and the rest
load as normal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lessons.data_folder import data_folder
from lessons.front_matter import KEY_STAGES
from lessons.loader import load_lesson
from lessons.model import Lesson, Problem

BUILT_IN = "built-in"
USER = "user"
OTHER = "folder"


@dataclass(frozen=True)
class LibraryEntry:
    """One lesson file in the library, loaded or not."""

    path: Path
    origin: str  # BUILT_IN, USER or OTHER (a folder given by name)
    lesson: Lesson | None
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        """The lesson's title, or the file name when it did not load."""
        return self.lesson.title if self.lesson else self.path.stem

    @property
    def subject(self) -> str:
        return self.lesson.subject if self.lesson else ""

    @property
    def key_stage(self) -> str:
        return self.lesson.key_stage if self.lesson else ""

    @property
    def year_group(self) -> str:
        return self.lesson.year_group if self.lesson else ""

    @property
    def ok(self) -> bool:
        """True when the lesson loaded with no errors (warnings allowed)."""
        return self.lesson is not None and not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True)
class LibraryScan:
    """Every entry found, and problems with the folders themselves."""

    entries: tuple[LibraryEntry, ...]
    folder_problems: tuple[Problem, ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        """All problems: the folders' and every file's."""
        found = list(self.folder_problems)
        for entry in self.entries:
            found.extend(entry.problems)
        return tuple(found)


def builtin_folder() -> Path:
    """The folder of lessons that ship with Lesson Lab."""
    return Path(__file__).resolve().parent / "library"


def user_folder() -> Path:
    """The folder for the user's own lessons (not created here)."""
    return data_folder() / "lessons"


def lesson_files(folder: Path) -> list[Path]:
    """The lesson files under ``folder``, sorted; [] when it does not exist.

    Raises OSError when the folder exists but cannot be read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=_raise):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.lower().endswith(".md") and not name.startswith(".") and (
                name.lower() != "readme.md"
            ):
                found.append(Path(root) / name)
    return sorted(found)


def _raise(error: OSError) -> None:
    raise error


def scan_library(
    folders: Iterable[Path] | None = None, *, include_builtin: bool = True,
    include_user: bool = True,
) -> LibraryScan:
    """Load every lesson in the library.

    With no ``folders``, scans the built-in folder and the user's folder
    (each as ``include_builtin``/``include_user`` allow). With ``folders``,
    scans exactly those, marked as ``OTHER`` unless one is the built-in or
    user folder. Never raises: a folder that cannot be read is reported.
    """
    if folders is None:
        chosen = ([builtin_folder()] if include_builtin else []) + (
            [user_folder()] if include_user else []
        )
    else:
        chosen = [Path(folder) for folder in folders]
    entries: list[LibraryEntry] = []
    folder_problems: list[Problem] = []
    seen: set[Path] = set()
    for folder in chosen:
        origin = _origin(folder)
        try:
            files = lesson_files(folder)
        except OSError as error:
            folder_problems.append(
                Problem(str(folder), 0, f"This folder cannot be read ({error.strerror or error}).")
            )
            continue
        for path in files:
            key = _real_path(path)
            if key in seen:
                continue
            seen.add(key)
            result = load_lesson(path)
            entries.append(LibraryEntry(path, origin, result.lesson, result.problems))
    entries.sort(key=_sort_key)
    return LibraryScan(tuple(entries), tuple(folder_problems))


def _real_path(path: Path) -> Path:
    """``path`` with its links followed, so a lesson reached twice is listed once.

    A link that leads back to itself (``loop.md -> loop.md``) has no real path:
    ``resolve`` raises RuntimeError (Python 3.11) or OSError (3.13). Such a file
    is kept under its own name, and the loader says it cannot be opened.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _origin(folder: Path) -> str:
    try:
        resolved = folder.resolve()
        if resolved == builtin_folder():
            return BUILT_IN
        if resolved == user_folder().resolve():
            return USER
    except (OSError, RuntimeError):  # RuntimeError: a folder link that leads to itself
        pass
    return OTHER


def _sort_key(entry: LibraryEntry) -> tuple:
    # Built-in first, then by key stage (in school order), then by title.
    origin_rank = {BUILT_IN: 0, USER: 1}.get(entry.origin, 2)
    stage = entry.key_stage
    stage_rank = KEY_STAGES.index(stage) if stage in KEY_STAGES else len(KEY_STAGES)
    return (origin_rank, stage_rank, entry.subject.casefold(), _in_number_order(entry.title),
            entry.path)


def _in_number_order(title: str) -> tuple:
    """A title's sort key with its numbers as numbers: "Volcanoes (7A)" before
    "Volcanoes (10E)", "Lesson 2" before "Lesson 10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", title.casefold()) if part)
