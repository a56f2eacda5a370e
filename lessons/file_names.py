"""A file name no file has yet: "Volcanoes.md", then "Volcanoes (2).md", "(3)"…

Used where Lesson Lab suggests or picks a name itself (an imported lesson, a
pupil's dated dictation file), so nothing already there is replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def free_path(folder: Path, stem: str, ending: str, also: Iterable[str] = ()) -> Path:
    """``folder/<stem>.<ending>``, or ``<stem> (2).<ending>`` and so on: the first
    name that no file in ``folder`` has, with ``ending`` or any ending in ``also``."""
    endings = {ending, *also}
    number = 1
    while True:
        name = stem if number == 1 else f"{stem} ({number})"
        if not any((folder / f"{name}.{taken}").exists() for taken in endings):
            return folder / f"{name}.{ending}"
        number += 1
