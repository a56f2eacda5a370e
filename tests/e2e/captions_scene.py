"""The scene the captions' screen-grab children start from (run on an X display).

The real main window on the water cycle, with live captions shown along the
bottom as Ctrl+Shift+C shows them (without starting the microphone) and one
caption in them. Used by captions_over_projector_child.py and
captions_under_dialogs_child.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from app.main_window import MainWindow
from app.settings import AppSettings
from lessons.library import builtin_folder
from lessons.profile_store import ProfileStore
from tests.app.main_window_helpers import choose

SETTLE_MS = 1500  # for the window manager to map, raise and stack the windows


def captions_scene(data: str):
    """(app, window, captions): the main window shown with its captions, data in ``data``."""
    app = QApplication(sys.argv[:1])
    settings = AppSettings(Path(data) / "settings.ini")
    settings.welcome_shown = True
    window = MainWindow(settings, ProfileStore(Path(data) / "profiles"), [builtin_folder()])
    window.show()
    attach_controllers(window, ("captions",))
    choose(window, "The water cycle")
    captions = window.captions_window
    captions.show()  # as Ctrl+Shift+C does, without starting the microphone
    captions.add_final("Rain falls from the clouds.")
    return app, window, captions
