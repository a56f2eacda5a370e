"""Starts the Qt application and shows the main window."""

from __future__ import annotations

import sys


def run_gui() -> int:
    """Open the app window and run until it is closed."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Lesson Lab")
    label = QLabel(app.tr("Lesson Lab is being built. The main window comes soon."))
    label.setWindowTitle("Lesson Lab")
    label.setMargin(40)
    label.show()
    return app.exec()
