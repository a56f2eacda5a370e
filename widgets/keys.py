"""Keys that mean the same in more than one window, named once.

A teacher who learns Ctrl+E in the main window expects it to do the same in
practice mode; a tooltip that names a key must name the key the action has.
Each key here is given to every action that does that thing, and written
into any words that name it. (Keys used in one place only stay there.)
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence

EXPORT_PDF = "Ctrl+E"  # the lesson as a PDF; in practice, the record as a PDF
EXPORT_WORD = "Ctrl+Shift+W"  # the same as a Word document
TRAINER_MODE = "Ctrl+Shift+T"  # trainer mode for the projector
LIVE_CAPTIONS = "Ctrl+Shift+C"  # live captions on and off, in every window

# Redo is Ctrl+Y on Windows, where most pupils and teachers learnt it; on Linux
# the system's redo is only Ctrl+Shift+Z, so Ctrl+Y is added to it everywhere.
_CTRL_Y = QKeySequence("Ctrl+Y")


def redo_keys() -> list[QKeySequence]:
    """The system's redo keys, and Ctrl+Y."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    return keys + ([_CTRL_Y] if _CTRL_Y not in keys else [])


def is_redo(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of :func:`redo_keys`."""
    return (event.matches(QKeySequence.StandardKey.Redo)
            or QKeySequence(event.keyCombination()) == _CTRL_Y)
