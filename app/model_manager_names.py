"""Speech models named as the model manager's table names them, in its messages too.

The table shows "English (UK), small" for a catalogue model; a message that
then said "'vosk-model-small-en-gb-0.15' has been removed." would name a
model the teacher cannot see. These helpers give the table's name for a
model's file name, and put it into messages from ``models/`` (which name
models by file, as the command line needs).
"""

from __future__ import annotations

from collections.abc import Iterable

import models


def friendly_name(catalogue: Iterable[models.CatalogueEntry], name: str) -> str:
    """The name the table shows for the model ``name``: its catalogue name, else ``name``."""
    entry = next((e for e in catalogue if e.name == name), None)
    return entry.display_name if entry is not None and entry.display_name else name


def with_friendly_name(message: str, name: str, friendly: str) -> str:
    """``message`` with the quoted file name ``'name'`` replaced by ``'friendly'``."""
    if not name or friendly == name:
        return message
    return message.replace(f"'{name}'", f"'{friendly}'")
