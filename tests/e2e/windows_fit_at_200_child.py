"""Child process for tests/e2e/test_windows_fit_at_200.py (run on an X display).

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background), shows a problem in the dictation panel once it is
up, opens the lesson editor, the practice window,
Speech models, the profile editor, Keyboard shortcuts and About from the
main window, waits for the window manager to frame them, and prints one
JSON line: the screen's available area and each window's frame, in Qt's
(scaled) pixels. With a PNG path as the second
argument it first grabs the screen with only the main window shown.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SETTLE_MS = 1500  # for the window manager to map and frame each window


def _rect(rect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def main(shot: str | None) -> None:
    app = QApplication(sys.argv[:1])
    from app.gui import make_window

    def ready(window) -> None:
        from app.practice.entry import open_practice
        from lessons.library import builtin_folder
        from lessons.scenarios import builtin_scenarios
        from tests.app.main_window_helpers import choose

        report = {"scale": window.devicePixelRatio(),
                  "screen": _rect(window.screen().availableGeometry())}
        window.refresh_library()  # as the background start-up does
        choose(window, "The water cycle")
        # The dictation panel as a pupil meets it: its spoken commands listed.
        from speech.audio_devices import NO_MICROPHONE
        from speech.dictation import COMMAND_PHRASES

        window.dictation_panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])

        def grab_then_open() -> None:
            if shot:
                app.primaryScreen().grabWindow(0).save(shot)
            # Then a problem on show, once the window is up, as the app's first
            # messages come: Qt grew the window for it, past the bottom of the screen.
            window.dictation_panel.show_message(NO_MICROPHONE, "error")
            window.lesson_path = builtin_folder() / "ks2-year4-geography-water-cycle.md"
            report["windows"] = {"main window": window,
                                 "lesson editor": window.open_lesson_editor(),
                                 "practice": open_practice(window, builtin_scenarios()[0].id),
                                 "speech models": window.open_model_manager(),
                                 "profile editor": window.edit_profile(),
                                 "keyboard shortcuts": window.show_shortcuts(),
                                 "about": window.show_about()}
            QTimer.singleShot(SETTLE_MS, finish)

        def finish() -> None:
            windows = report.pop("windows")
            report["frames"] = {name: _rect(w.frameGeometry()) for name, w in windows.items()}
            report["framed"] = {name: w.frameGeometry() != w.geometry()
                                for name, w in windows.items()}
            print(json.dumps(report), flush=True)
            for w in windows.values():
                if w is not window:
                    w.setProperty("leave", True)
            app.exit(0)

        QTimer.singleShot(SETTLE_MS, grab_then_open)

    make_window(app, ready, background=False)
    app.exec()
    import os

    os._exit(0)  # nobody to answer "Save this practice session?" on the way out


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
