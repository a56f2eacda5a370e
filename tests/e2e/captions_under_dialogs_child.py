"""Child process for tests/e2e/test_captions_under_dialogs.py (run on an X display).

Opens the real main window with live captions shown along the bottom, opens
Help > Keyboard shortcuts, grabs the whole X screen into ``<out>-dialog.png``,
closes the dialog, grabs again into ``<out>-after.png``, and prints one JSON
line with where the dialog and the captions were (frame geometry, in pixels).
"""

from __future__ import annotations

import json
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


def _rect(widget) -> list[int]:
    frame = widget.frameGeometry()
    return [frame.x(), frame.y(), frame.width(), frame.height()]


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
    report: dict = {}

    def open_dialog() -> None:
        report["dialog"] = None
        dialog = window.show_shortcuts()
        report["dialog_widget"] = dialog

    def grab_with_dialog() -> None:
        dialog = report.pop("dialog_widget")
        report["dialog"] = _rect(dialog)
        report["captions"] = _rect(captions)
        report["on_top_with_dialog"] = captions.on_top()
        app.primaryScreen().grabWindow(0).save(f"{out}-dialog.png")
        dialog.close()

    def grab_after() -> None:
        report["on_top_after"] = captions.on_top()
        app.primaryScreen().grabWindow(0).save(f"{out}-after.png")
        print(json.dumps(report), flush=True)
        app.quit()

    QTimer.singleShot(SETTLE_MS, open_dialog)
    QTimer.singleShot(2 * SETTLE_MS, grab_with_dialog)
    QTimer.singleShot(3 * SETTLE_MS, grab_after)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
