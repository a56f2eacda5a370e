"""Which Vosk models are installed on this computer, and which are English.

Models live in the models folder (``models.paths.models_dir()``: the
``LESSON_LAB_MODELS`` folder, else the user's data folder), one folder each.
A folder counts only when it looks complete (see ``vosk_files``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from speech.stt import vosk_files

# Official Vosk model names carry the language: vosk-model-small-en-us-0.15,
# vosk-model-en-us-0.22-lgraph, vosk-model-en-in-0.5.
_ENGLISH_NAME = re.compile(r"(^|[-_.])en([-_.]|$)", re.IGNORECASE)


def models_folder() -> Path:
    """The folder installed models live in (it may not exist yet)."""
    try:
        from models.paths import models_dir
    except ImportError:  # models/ not there: same rule, kept minimal
        override = os.environ.get("LESSON_LAB_MODELS")
        if override:
            return Path(override).expanduser()
        import platformdirs

        return Path(platformdirs.user_data_dir("lesson-lab", appauthor=False)) / "models"
    return models_dir()


def is_english(folder: Path) -> bool:
    """Whether an installed model folder holds an English model.

    The catalogue says so for the models it lists; otherwise the folder name
    does, as every official Vosk model name includes its language code.
    """
    try:
        from models.catalogue import find_entry
    except ImportError:
        find_entry = None
    if find_entry is not None:
        try:
            entry = find_entry(folder.name)
        except Exception:  # noqa: BLE001 - an odd name is just "not in the catalogue"
            entry = None
        if entry is not None:
            return entry.language.lower().startswith("en")
    return bool(_ENGLISH_NAME.search(folder.name))


def installed_vosk_models(english_only: bool = False) -> list[Path]:
    """Complete Vosk model folders in the models folder, sorted by name."""
    root = models_folder()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        if vosk_files.describe_problem(folder) is not None:
            continue
        if english_only and not is_english(folder):
            continue
        found.append(folder)
    return found
