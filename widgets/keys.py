"""Keys that mean the same in more than one window, named once.

A teacher who learns Ctrl+E in the main window expects it to do the same in
practice mode; a tooltip that names a key must name the key the action has.
Each key here is given to every action that does that thing, and written
into any words that name it. (Keys used in one place only stay there.)
"""

from __future__ import annotations

EXPORT_PDF = "Ctrl+E"  # the lesson as a PDF; in practice, the record as a PDF
EXPORT_WORD = "Ctrl+Shift+W"  # the same as a Word document
TRAINER_MODE = "Ctrl+Shift+T"  # trainer mode for the projector
LIVE_CAPTIONS = "Ctrl+Shift+C"  # live captions on and off, in every window
