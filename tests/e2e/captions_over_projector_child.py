"""Child process for tests/e2e/test_captions_over_projector.py (run on an X display).

Opens the real main window with live captions shown, starts the projector,
then grabs the whole X screen (the root window: what the room would see)
into the PNG named on the command line and prints "grabbed".
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from tests.e2e.captions_scene import SETTLE_MS, captions_scene


def main(out: str, data: str) -> None:
    app, window, captions = captions_scene(data)

    def grab() -> None:
        app.primaryScreen().grabWindow(0).save(out)
        print("grabbed", flush=True)
        app.quit()

    QTimer.singleShot(SETTLE_MS, window.start_projector)
    QTimer.singleShot(2 * SETTLE_MS, grab)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
