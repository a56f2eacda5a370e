"""Child for test_window_frame_fit.py: a main window given a geometry, shown and
fitted to its screen as the app's main window is (``fit_height_where_it_is``).

    python tests/e2e/frame_fit_child.py DOWN

The window fills the screen's available area, moved ``DOWN`` pixels down (so
it reaches past the bottom by that much). Prints one JSON line: the available
area, the window's geometry and its frame, two seconds after it was shown.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from widgets.screen_fit import fit_height_where_it_is


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def main() -> None:
    down = int(sys.argv[1])
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    area = app.primaryScreen().availableGeometry()
    window.setGeometry(area.adjusted(0, down, 0, down))
    window.show()
    QTimer.singleShot(0, window, lambda: fit_height_where_it_is(window))
    loop = QEventLoop()
    QTimer.singleShot(2000, loop.quit)
    loop.exec()
    print(json.dumps({"area": _rect(area), "geometry": _rect(window.geometry()),
                      "frame": _rect(window.frameGeometry())}), flush=True)


if __name__ == "__main__":
    main()
