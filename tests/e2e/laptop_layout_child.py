"""Child process for tests/e2e/test_laptop_layout.py (run on an X display).

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background), gives the dictation panel a sound card's long name
and a speech model, as a school laptop's would be, waits for the window
manager, and prints one JSON line: the window's width, the lesson's width,
whether the docks had to become tabs, and each visible dock's width.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SETTLE_MS = 1500
SOUND_CARD = "HDA Intel PCH: ALC3246 Analog (hw:0,0)"


def main() -> None:
    app = QApplication(sys.argv[:1])
    from app.gui import make_window

    def ready(window) -> None:
        from speech.dictation import COMMAND_PHRASES

        panel = window.dictation_panel
        panel.set_microphones([("hw:0,0", SOUND_CARD), ("default", "Default microphone")],
                              "hw:0,0")
        panel.set_engine_name("English (UK), small")
        panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])

        def report() -> None:
            docks = [window.library_dock, window.dictation_dock]
            print(json.dumps({
                "window": window.width(),
                "lesson": window.centralWidget().width(),
                "tabbed": bool(window.tabifiedDockWidgets(window.library_dock)),
                "docks": {d.objectName(): d.width() for d in docks if d.isVisible()},
            }), flush=True)
            app.exit(0)

        QTimer.singleShot(SETTLE_MS, report)

    make_window(app, ready, background=False)
    app.exec()


if __name__ == "__main__":
    main()
