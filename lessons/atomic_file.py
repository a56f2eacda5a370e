"""Write a file (text or bytes) whole or not at all.

The file is written to a temporary file in the same folder, flushed to the
disk, and then put in place of the target in one step: a crash, a full disk or a
power cut leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def usual_permissions(path: str | Path) -> None:
    """Give a file written through a temporary one the permissions a new file gets.

    ``tempfile.mkstemp`` makes files only their owner can read (0600): right
    for a temporary file, wrong for a lesson or a pupil's saved work, which
    others on a shared school computer may need to open. The process's umask
    decides, as it does for any new file.
    """
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path`` atomically; return the path."""
    return write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (such as a Word document); return the path."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        usual_permissions(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
