"""Child process for tests/e2e/test_captions_under_dialogs.py (run on an X display).

Opens the real main window with live captions shown along the bottom, opens
Help > Keyboard shortcuts, grabs the whole X screen into ``<out>-dialog.png``,
closes the dialog, grabs again into ``<out>-after.png``, and prints one JSON
line with where the dialog and the captions were (frame geometry, in pixels).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer

from tests.e2e.captions_scene import SETTLE_MS, captions_scene


def _rect(widget) -> list[int]:
    frame = widget.frameGeometry()
    return [frame.x(), frame.y(), frame.width(), frame.height()]


def main(out: str, data: str) -> None:
    app, window, captions = captions_scene(data)
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
