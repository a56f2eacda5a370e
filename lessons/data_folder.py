"""Where Lesson Lab keeps a user's own files: one folder, ``LESSON_LAB_DATA`` overrides it.

:func:`data_folder_problem` looks, once at start, whether that folder can
take a file at all (it is a file, its disk is full or read-only), so a
teacher hears it in one sentence before their work meets it, not from each
save in turn.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from lessons.save_problem import disk_cause

DATA_ENV = "LESSON_LAB_DATA"
# What a look writes (and takes away at once): about a saved profile's size.
_PROBE = b"Lesson Lab checks that it can save here.\n" * 24


def data_folder() -> Path:
    """The user's Lesson Lab data folder (not created here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("lesson-lab", appauthor=False))


def data_folder_problem(folder: Path | None = None) -> str | None:
    """One plain sentence when nothing can be saved in the data folder; None when all is well.

    Makes the folder if it is missing, then writes a small file there and
    takes it away again: a disk that is full, read-only or refuses is said
    as such. Touches the disk: call it off the GUI thread.
    """
    folder = Path(folder) if folder is not None else data_folder()
    try:
        if folder.exists() and not folder.is_dir():
            cause = f"there is a file called “{folder.name}” where Lesson Lab needs a folder"
        else:
            folder.mkdir(parents=True, exist_ok=True)
            _try_writing(folder)
            return None
    except OSError as error:
        cause = disk_cause(error, folder / "profiles")
    return (f"Lesson Lab cannot save your work in {folder}: {cause}. Until this is put "
            "right, your profiles, practice records, new lessons and the safety copy of "
            "dictation cannot be kept there.")


def _try_writing(folder: Path) -> None:
    handle, probe = tempfile.mkstemp(dir=folder, prefix=".", suffix=".check")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_PROBE)
            stream.flush()
            os.fsync(stream.fileno())
    finally:
        Path(probe).unlink(missing_ok=True)
