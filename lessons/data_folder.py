"""Where Lesson Lab keeps a user's own files: one folder, ``LESSON_LAB_DATA`` overrides it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_ENV = "LESSON_LAB_DATA"


def data_folder() -> Path:
    """The user's Lesson Lab data folder (not created here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("lesson-lab", appauthor=False))
