"""Starts the Qt application and shows the main window."""

from __future__ import annotations

import sys


def run_gui() -> int:
    """Open the app window and run until it is closed."""
    from PySide6.QtWidgets import QApplication


    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Lesson Lab")
    app.setApplicationDisplayName("Lesson Lab")

    from app.placeholder_window import PlaceholderWindow
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    window = PlaceholderWindow()
    window.show()
    window.lessons.setFocus()
    if window.lessons.count():
        window.lessons.setCurrentRow(0)
    return app.exec()
