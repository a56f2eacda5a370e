"""Why a file could not be saved, in words a teacher understands.

"[Errno 13] Permission denied: '/home/…/Handout.docx'" tells a teacher
nothing they can act on. The commonest cause is the file being open in Word
(Windows refuses to replace a file another program has open), then a folder
they may not write to, a full disk, or a USB stick taken out. Each becomes
one plain sentence that says what to do, shared by every save in the app
and on the command line. No Qt here, so the command line can use it too.
"""

from __future__ import annotations

import errno
from pathlib import Path

_OPEN_ELSEWHERE = ("permission was refused. If it is open in Word or another program, "
                   "close it there and try again, or save it in another folder.")
_NO_FOLDER = "the folder cannot be found (was a USB stick taken out?)."

# The causes a teacher can act on, by the error's number.
_REASONS = {
    errno.EACCES: _OPEN_ELSEWHERE,
    errno.EPERM: _OPEN_ELSEWHERE,
    errno.EBUSY: "it is being used by another program. Close it there and try again.",
    errno.ENOSPC: "the disk is full. Delete some files or choose another place, "
                  "then try again.",
    errno.EDQUOT: "you have used all the space you are allowed on this disk. Delete some "
                  "files or choose another place, then try again.",
    errno.ENOENT: _NO_FOLDER,
    errno.ENOTDIR: _NO_FOLDER,
    errno.EROFS: "the disk cannot be written to (a locked USB stick or a CD?). Choose "
                 "another place.",
    errno.EIO: "the disk stopped answering (was a USB stick taken out?).",
    errno.ENODEV: "the disk cannot be found (was a USB stick taken out?).",
    errno.ENXIO: "the disk cannot be found (was a USB stick taken out?).",
    errno.EISDIR: "there is a folder with that name. Choose another name.",
    errno.ENAMETOOLONG: "the name is too long. Choose a shorter name.",
}


def save_problem(error: OSError, what: str = "The file", path: str | Path | None = None) -> str:
    """One plain sentence (or two) saying why ``what`` could not be saved, and what to do.

    "The file could not be saved: the disk is full. Delete some files or
    choose another place, then try again." An error without a number (a
    writer that only knows it failed) is explained from ``path`` when its
    folder has gone or a folder has its name, and otherwise by the commonest
    cause.
    """
    reason = _REASONS.get(error.errno) if error.errno is not None else None
    if reason is None and error.errno is None:
        if path is not None and not Path(path).parent.is_dir():
            reason = _NO_FOLDER
        elif path is not None and Path(path).is_dir():
            reason = _REASONS[errno.EISDIR]
        else:
            reason = ("Lesson Lab could not write it. If it is open in another program, "
                      "close it there and try again, or save it in another folder.")
    elif reason is None:
        # Something rarer: the system's own words, without the number and the path.
        words = (error.strerror or "").strip().rstrip(".")
        reason = f"{words[:1].lower()}{words[1:]}." if words else "the system refused."
    return f"{what} could not be saved: {reason}"
