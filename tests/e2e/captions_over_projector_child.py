"""Child process for tests/e2e/test_captions_over_projector.py (run on an X display).

Opens the real main window with live captions shown, starts the projector,
then grabs the whole X screen (the root window: what the room would see)
into the PNG named on the command line and prints "grabbed".
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from app.main_window import MainWindow
from app.settings import AppSettings
from lessons.library import builtin_folder
from lessons.profile_store import ProfileStore
from tests.app.main_window_helpers import choose

SETTLE_MS = 1500  # for the window manager to map, raise and stack the windows


def main(out: str, data: str) -> None:
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

    def grab() -> None:
        app.primaryScreen().grabWindow(0).save(out)
        print("grabbed", flush=True)
        app.quit()

    QTimer.singleShot(SETTLE_MS, window.start_projector)
    QTimer.singleShot(2 * SETTLE_MS, grab)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
