"""Built-in adaptation presets, loaded from the JSON files in ``lessons/presets/``.

Each file is one profile in the same format users' own profiles are saved in
(``Profile.to_dict()``), including its ``guidance`` note: a few plain
sentences for teachers on the guidance behind it. Files are read in file-name
order, which is why their names start with a number; that order is the order
people see. Presets are data, not code: add or change one by editing a file.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from lessons.profile import Profile

PRESETS_DIR = Path(__file__).with_name("presets")


class PresetError(ValueError):
    """A built-in preset file is broken (a fault in Lesson Lab, not the user's)."""


def load_presets(folder: Path | None = None) -> list[Profile]:
    """Every preset in ``folder`` (default: the built-in folder), in file-name order.

    Each comes back with ``builtin=True``. Raises ``PresetError`` naming the
    file when one cannot be read or two share a name.
    """
    if folder is None:
        return list(_builtin_presets())
    return _read_folder(folder)


@lru_cache(maxsize=1)
def _builtin_presets() -> tuple[Profile, ...]:
    return tuple(_read_folder(PRESETS_DIR))


def _read_folder(folder: Path) -> list[Profile]:
    presets: list[Profile] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("it does not hold a profile")
            profile = Profile.from_dict(data, builtin=True)
        except (OSError, ValueError, TypeError) as error:
            raise PresetError(f"the built-in preset {path.name} is broken: {error}") from error
        if not profile.guidance.strip():
            raise PresetError(f"the built-in preset {path.name} has no guidance note")
        key = name_key(profile.name)
        if key in seen:
            raise PresetError(f"the built-in presets {seen[key].name} and {path.name} share a name")
        seen[key] = path
        presets.append(profile)
    return presets


def preset_names() -> list[str]:
    """The built-in presets' names, in the order people see them."""
    return [p.name for p in load_presets()]


def find_preset(name: str) -> Profile | None:
    """The built-in preset called ``name``, or ``None``.

    Matching ignores case, punctuation and spacing, so "low vision large
    print" finds "Low vision — large print".
    """
    key = name_key(name)
    return next((p for p in load_presets() if name_key(p.name) == key), None)


def get_preset(name: str) -> Profile:
    """The built-in preset called ``name``; ``KeyError`` with a plain message if none."""
    preset = find_preset(name)
    if preset is None:
        raise KeyError(f'there is no built-in preset called "{name}"')
    return preset


def default_preset() -> Profile:
    """The preset a lesson opens in when nothing else is chosen ("Standard")."""
    return load_presets()[0]


def name_key(name: str) -> str:
    """How profile names are compared: lower case, letters and digits only.

    "Low vision — large print" and "low vision large print" have the same key,
    so a user cannot make a profile whose name only differs by punctuation.
    """
    return " ".join(re.findall(r"[^\W_]+", name.casefold()))


def first_sentence(text: str) -> str:
    """The first sentence of a guidance note, for one-line summaries."""
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])", text)
    return text[: match.start()] if match else text
