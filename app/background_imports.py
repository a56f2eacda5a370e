"""The speech controllers' slow libraries, to import off the GUI thread.

numpy, sounddevice and the controllers built on them take about 0.4 s to
import on a two-core machine. Imported on the GUI thread, straight after the
window is shown, that is 0.4 s in which the new window cannot respond. On a
thread (``app/gui.py`` runs :func:`import_speech_modules` as a background
job) Python hands its lock back to the GUI thread every few milliseconds,
so the window keeps answering; the controllers that import them then start
at once.

A module that fails to import is left for its real importer to report (the
controllers' own start-up says which part could not start).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

#: What the controllers import that is slow (app/controllers.py).
SPEECH_MODULES = (
    "numpy",
    "sounddevice",
    "app.read_aloud",
    "app.dictation_controller",
    "app.captions_controller",
)


def import_speech_modules(modules: Sequence[str] = SPEECH_MODULES) -> None:
    """Import ``modules`` (into ``sys.modules``), skipping any that fail."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - its real importer reports it
            continue
