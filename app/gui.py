"""Starts the Qt application and shows the main window, quickly.

Order matters for how soon a teacher sees the window:

1. the QApplication, the accessible fonts (their notes go to the status bar)
   and the interface-size style;
2. the main window, shown before anything slow: no speech engine, no model,
   no text-to-speech library is imported on the way (a test checks);
3. on the first turn of the event loop after the window is shown (the moment
   ``app/startup.py`` measures), the slow things start in the background:
   the library scan, the speech report (then the first-run welcome), and the
   controllers, which load their engines on their own threads.

When the window has closed, ``app.shutdown.finish`` saves the transcripts,
waits a few seconds for the speech threads and, if one is still decoding,
ends the process without the interpreter teardown that would crash under it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

FONT_NOTE_MS = 20000


def run_gui(argv: list[str] | None = None, on_ready: Callable | None = None) -> int:
    """Open the app window and run until it is closed.

    ``on_ready(window)`` is called on the first event-loop turn after the
    window is shown, before any background work starts (start-up timing).
    """
    from PySide6.QtWidgets import QApplication

    from app.shutdown import finish

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    window = make_window(app, on_ready)
    code = app.exec()
    window.deleteLater()
    # The window has gone; a speech thread may still be inside a decode.
    return finish(code)


def make_window(app, on_ready: Callable | None = None, *, background: bool = True):
    """Set the application up, show the main window, and schedule the rest."""
    from PySide6.QtCore import QTimer

    app.setApplicationName("Lesson Lab")
    app.setApplicationDisplayName("Lesson Lab")
    app.setOrganizationName("Lesson Lab")

    from app.ui_scale import install_scaled_style
    from widgets.fonts import register_accessible_fonts

    fonts = register_accessible_fonts()
    install_scaled_style(app)

    from app.main_window import MainWindow

    window = MainWindow(load_library=False)
    window.show()
    if fonts.notes:
        window.show_status(" ".join(fonts.notes), FONT_NOTE_MS)
    QTimer.singleShot(0, lambda: _window_is_up(window, on_ready, background))
    return window


def _window_is_up(window, on_ready: Callable | None, background: bool) -> None:
    # The first event-loop turn after show(): the window has painted and takes input.
    if on_ready is not None:
        on_ready(window)
    if not background:
        return
    window.refresh_library_later()
    window.start_background_work()
    from app.controllers import attach_controllers

    attach_controllers(window)
