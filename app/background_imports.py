"""Importing the speech controllers' libraries off the GUI thread, then carrying on.

numpy, sounddevice and the controllers built on them take about 0.4 s to
import on a two-core machine. Imported on the GUI thread, straight after the
window is shown, that is 0.4 s in which the new window cannot respond. On a
thread, Python hands its lock back to the GUI thread every few milliseconds,
so the window keeps answering while they load; ``then`` runs on the GUI
thread once they are in (``sys.modules``), and the controllers that import
them start at once.

A module that fails to import is left for its real importer to report (the
controllers' own start-up says which part could not start).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

#: What the controllers import that is slow (app/controllers.py).
SPEECH_MODULES = (
    "numpy",
    "sounddevice",
    "app.read_aloud",
    "app.dictation_controller",
    "app.captions_controller",
)
_POLL_MS = 20


def import_then(then: Callable[[], None], parent: QObject,
                modules: Sequence[str] = SPEECH_MODULES) -> threading.Thread:
    """Import ``modules`` on a thread; call ``then()`` on the GUI thread when done.

    ``parent`` owns the timer that waits: if it is deleted first, ``then``
    is never called.
    """
    done = threading.Event()

    def work() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001, S112 - its real importer reports it
                continue
        done.set()

    thread = threading.Thread(target=work, name="import-speech", daemon=True)
    timer = QTimer(parent)
    timer.setInterval(_POLL_MS)

    def check() -> None:
        if done.is_set():
            timer.stop()
            timer.deleteLater()
            then()

    timer.timeout.connect(check)
    thread.start()
    timer.start()
    return thread
