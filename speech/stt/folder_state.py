"""The state of a model folder's files, cheaply: has anything in it changed?

Reading 265 MB of model to hash it would take seconds; the relative path,
size and modification time of every file take milliseconds and change
whenever a file is copied over, replaced or rewritten. The loader uses the
state to forget a failure once the files change, and the Vosk trial
(``speech.stt.vosk_trial``) to remember which folder contents passed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def files_state(path: Path | None, *, ignore: frozenset[str] = frozenset()) -> tuple:
    """Relative path, size and modification time (ns) of every file under ``path``.

    A copied-over or replaced model gives a different state. Files named in
    ``ignore`` (by name, at any depth) are left out. A missing folder gives
    ``("missing",)``; a single file gives its own entry.
    """
    if path is None:
        return ()
    if not path.is_dir():
        try:
            stat = path.stat()
        except OSError:
            return ("missing",)
        return ((path.name, stat.st_size, stat.st_mtime_ns),)
    state = []
    for current, _dirs, names in os.walk(path):
        for name in names:
            if name in ignore:
                continue
            full = os.path.join(current, name)
            try:
                stat = os.stat(full)  # follows links: a linked file is its target
            except OSError:
                continue
            state.append((Path(os.path.relpath(full, path)).as_posix(), stat.st_size,
                          stat.st_mtime_ns))
    return tuple(sorted(state))


def fingerprint(state: tuple, *extra: str) -> str:
    """A short hex digest of ``state`` (and any ``extra`` strings) to store on disk."""
    text = json.dumps([list(extra), [list(entry) if isinstance(entry, tuple) else entry
                                     for entry in state]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
