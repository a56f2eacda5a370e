"""Why a file could not be saved, in words a teacher understands.

"[Errno 13] Permission denied: '/home/…/Handout.docx'" tells a teacher
nothing they can act on. The commonest cause is the file being open in Word
(Windows refuses to replace a file another program has open), then a folder
they may not write to, a full disk, or a USB stick taken out. Each becomes
one plain sentence that says what to do, shared by every save in the app
and on the command line. No Qt here, so the command line can use it too.

:func:`save_problem` gives the whole sentence, advice included;
:func:`disk_cause` only the cause ("the disk is full"), for saves whose
place the teacher cannot choose (the dictation's safety copy, the data
folder), where "choose another place" would be no help.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

_OPEN_ELSEWHERE = ("permission was refused", ". If it is open in Word or another program, "
                   "close it there and try again, or save it in another folder.")
_NO_FOLDER = ("the folder cannot be found (was a USB stick taken out?)", ".")
_FULL = ("the disk is full", ". Delete some files or choose another place, then try again.")
_READ_ONLY = ("the disk cannot be written to (a locked USB stick or a CD?)",
              ". Choose another place.")
_QUOTA = ("you have used all the space you are allowed on this disk",
          ". Delete some files or choose another place, then try again.")
_FIXED_PLACE_FULL = ". Delete some files, then try again."
_UNKNOWN = ("Lesson Lab could not write it", ". If it is open in another program, close it "
            "there and try again, or save it in another folder.")

# The causes a teacher can act on, by the error's number: (cause, what to do).
_REASONS = {
    errno.EACCES: _OPEN_ELSEWHERE,
    errno.EPERM: _OPEN_ELSEWHERE,
    errno.EBUSY: ("it is being used by another program", ". Close it there and try again."),
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _QUOTA,
    errno.ENOENT: _NO_FOLDER,
    errno.ENOTDIR: _NO_FOLDER,
    errno.EROFS: _READ_ONLY,
    errno.EIO: ("the disk stopped answering (was a USB stick taken out?)", "."),
    errno.ENODEV: ("the disk cannot be found (was a USB stick taken out?)", "."),
    errno.ENXIO: ("the disk cannot be found (was a USB stick taken out?)", "."),
    errno.EISDIR: ("there is a folder with that name", ". Choose another name."),
    errno.ENAMETOOLONG: ("the name is too long", ". Choose a shorter name."),
}

# A writer that does not say why it failed (QPdfWriter) on a disk with less free
# space than this was most likely stopped by the full disk: its cut-off file has
# been taken away again, so the disk is not quite full any more.
NEARLY_FULL_BYTES = 4 * 1024 * 1024


def save_problem(error: OSError, what: str = "The file", path: str | Path | None = None,
                 action: str = "saved", *, place_fixed: bool = False) -> str:
    """One plain sentence (or two) saying why ``what`` could not be saved, and what to do.

    "The file could not be saved: the disk is full. Delete some files or
    choose another place, then try again." An error without a number (a
    writer that only knows it failed) is explained from ``path``: its folder
    has gone, a folder has its name, its disk is read-only or (nearly) full,
    and otherwise by the commonest cause. ``action`` is the word after
    "could not be" ("deleted"). With ``place_fixed`` (a profile, kept where
    Lesson Lab keeps them) no advice sends the teacher to another place.
    """
    cause, advice = _reason(error, path)
    if place_fixed and "another" in advice:
        advice = _FIXED_PLACE_FULL if cause in (_FULL[0], _QUOTA[0]) else "."
    return f"{what} could not be {action}: {cause}{advice}"


def disk_cause(error: OSError, path: str | Path | None = None) -> str:
    """Only the cause, as words that fit after a colon: "the disk is full"."""
    return _reason(error, path)[0]


def _reason(error: OSError, path: str | Path | None) -> tuple[str, str]:
    where = path if path is not None else error.filename
    where = Path(os.fsdecode(where)) if isinstance(where, (str, bytes, os.PathLike)) else None
    if error.errno in (errno.ENOTDIR, errno.ENOENT) and where is not None:
        blocker = _file_in_the_way(where)
        if blocker is not None:
            return (f"there is a file called “{blocker.name}” where Lesson Lab needs a folder",
                    ". Move or rename that file, then try again.")
    if error.errno is not None:
        reason = _REASONS.get(error.errno)
        if reason is not None:
            return reason
        # Something rarer: the system's own words, without the number and the path.
        words = (error.strerror or "").strip().rstrip(".")
        return (f"{words[:1].lower()}{words[1:]}" if words else "the system refused", ".")
    if where is None:
        return _UNKNOWN
    if not where.parent.is_dir():
        blocker = _file_in_the_way(where)
        if blocker is not None:
            return (f"there is a file called “{blocker.name}” where Lesson Lab needs a folder",
                    ". Move or rename that file, then try again.")
        return _NO_FOLDER
    if where.is_dir():
        return _REASONS[errno.EISDIR]
    return _disk_state(where.parent) or _UNKNOWN


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest folder on the way to ``path`` that is a file instead, if any."""
    for parent in path.parents:
        try:
            if parent.exists():
                return None if parent.is_dir() else parent
        except OSError:
            return None
    return None


def _disk_state(folder: Path) -> tuple[str, str] | None:
    """The cause when the disk holding ``folder`` is read-only or (nearly) full."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return _READ_ONLY
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    try:
        if shutil.disk_usage(folder).free < NEARLY_FULL_BYTES:
            return _FULL
    except OSError:
        pass
    return None
