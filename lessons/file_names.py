"""File names Lesson Lab suggests or picks itself.

``safe_file_name_part`` makes a lesson title usable in a file name on any
system; ``export_file_name`` suggests "<lesson title> - <profile>.pdf" and the
like; ``free_path`` finds a name no file has yet ("Volcanoes.md", then
"Volcanoes (2).md", "(3)"…) for an imported lesson or a pupil's dated
dictation file, so nothing already there is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# Characters Windows, macOS or Linux will not take in a file name, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[*?"<>|\x00-\x1f\x7f]')
_LONGEST_PART = 100  # characters of the title (or profile) kept in a suggested name


def safe_file_name_part(text: str) -> str:
    """``text`` made safe for a file name on any system, still reading as words.

    "An Inspector Calls: Arthur Birling" becomes "An Inspector Calls - Arthur
    Birling", "Year 4/5" becomes "Year 4-5", other characters file systems
    refuse go; so do leading and trailing dots and spaces (Windows drops them,
    and a leading dot hides a file).
    """
    text = re.sub(r"\s*:\s*", " - ", text)
    text = re.sub(r"[\\/]", "-", text)
    text = _NOT_IN_FILE_NAMES.sub(" ", text)
    text = " ".join(text.split())[:_LONGEST_PART]
    return text.strip(" .")


def export_file_name(title: str, profile_name: str, ending: str) -> str:
    """The name to suggest: "<Lesson title> - <profile>.<ending>", safe on any system."""
    title = safe_file_name_part(title) or "Lesson"
    profile = safe_file_name_part(profile_name)
    return f"{title} - {profile}.{ending}" if profile else f"{title}.{ending}"


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
