"""Speech models named as a teacher sees them: "English (UK), small", "English, built in".

The names of Tools › Speech models (the catalogue's), so a message about a
model names the one the teacher can find in that list. No Qt: the command
line uses the same names.
"""

from __future__ import annotations

from pathlib import Path

from models.catalogue import find_entry, load_catalogue
from speech.stt.base import Recogniser


def engine_display_name(engine: type[Recogniser], path: Path | None) -> str:
    """The model's name as a teacher or pupil sees it: "English, built in",
    "English (UK), small" (the names of Tools › Speech models), or for a folder
    the catalogue does not know, the engine and the folder's name."""
    head = engine.description.split(":", 1)[0].strip() or engine.name
    default = engine.default_model_path()
    if path is None and default is None:
        return head
    folder = Path(path if path is not None else default)
    if is_bundled_whisper(engine, folder):
        entry = next((e for e in load_catalogue() if e.bundled and e.engine == "whisper"), None)
    else:
        entry = find_entry(folder.name)
    if entry is not None:
        return entry.display_name
    return f"{head} ({folder.name})"


def is_bundled_whisper(engine: type[Recogniser], path: Path | None) -> bool:
    """Whether ``path`` (None: the engine's own) is the Whisper model that comes with the app."""
    if engine.name != "whisper":
        return False
    default = engine.default_model_path()
    if path is None:
        return default is not None
    return default is not None and Path(default).resolve() == Path(path).resolve()
