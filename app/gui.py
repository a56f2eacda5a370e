"""Starts the Qt application and shows the main window, quickly.

Order matters for how soon a teacher sees the window:

1. the QApplication, the accessible fonts (their notes go to the status bar)
   and the interface-size style (``prepare_application``, which harnesses,
   benchmarks and screenshot scripts use to start as the app does);
2. the main window, shown before anything slow: no speech engine, no model,
   no text-to-speech library is imported on the way (a test checks);
3. on the first turn of the event loop after the window is shown (the moment
   ``app/startup.py`` measures), the slow things start in the background:
   the library scan, the speech report (then the first-run welcome), the
   start-up notices (app/startup_notices.py), and the controllers, which
   load their engines on their own threads. Their libraries are imported on
   a thread first (app/background_imports.py), so the new window keeps
   answering; a second after the controllers start, the dictation engine is
   loaded, ready for the first F9.

When the window has closed, ``app.shutdown.finish`` saves the transcripts,
waits a few seconds for the speech threads and, if one is still decoding,
ends the process without the interpreter teardown that would crash under it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from widgets.fonts import FontSetup

FONT_NOTE_MS = 20000
# The dictation engine loads this long after the window is up (the library
# scan goes first), so F9 starts listening at once. Loading holds the window
# up for a moment (the tokenizer's load keeps Python's lock for about 80 ms),
# better now, while the teacher looks at the window, than when a pupil speaks.
ENGINE_PRELOAD_MS = 1000


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


def prepare_application(argv: list[str] | None = None, *, name: str | None = "Lesson Lab",
                        scaled_style: bool = True) -> QApplication:
    """The running QApplication, or a new one from ``argv`` (``sys.argv`` if None), set up
    as the app sets itself up before its first window (``make_window`` does the same).

    The set-up: the application's ``name`` (None leaves it as it is); Python's
    cycle collector run between Qt events, never inside Qt's own code
    (app/safe_gc.py); the accessible fonts registered (their notes:
    ``widgets.fonts.current_font_setup()``); and, unless ``scaled_style`` is
    False, the interface-size style (app/ui_scale.py), which draws the thick
    focus ring. The saved interface size is not applied here: the main window
    applies it when it opens.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    _set_up(app, name=name, scaled_style=scaled_style)
    return app


def _set_up(app, *, name: str | None, scaled_style: bool) -> FontSetup:
    from app.safe_gc import collect_between_events
    from app.ui_scale import install_scaled_style
    from widgets.fonts import register_accessible_fonts

    if name is not None:
        app.setApplicationName(name)
    collect_between_events(app)  # never inside Qt's own code (app/safe_gc.py)
    fonts = register_accessible_fonts()
    if scaled_style:
        install_scaled_style(app)
    return fonts


def make_window(app, on_ready: Callable | None = None, *, background: bool = True,
                on_controllers: Callable | None = None):
    """Set the application up, show the main window, and schedule the rest.

    ``on_controllers(window)`` is called once the speech controllers are attached.
    """
    from PySide6.QtCore import QTimer

    app.setApplicationDisplayName("Lesson Lab")
    app.setOrganizationName("Lesson Lab")
    fonts = _set_up(app, name="Lesson Lab", scaled_style=True)

    from app.main_window import MainWindow

    window = MainWindow(load_library=False)
    window.show()
    if fonts.notes:
        window.show_status(" ".join(fonts.notes), FONT_NOTE_MS)
    QTimer.singleShot(0, lambda: _window_is_up(window, on_ready, background, on_controllers))
    return window


def _window_is_up(window, on_ready: Callable | None, background: bool,
                  on_controllers: Callable | None = None) -> None:
    # The first event-loop turn after show(): the window has painted and takes input.
    if on_ready is not None:
        on_ready(window)
    if not background:
        return
    window.refresh_library_later()
    window.start_background_work()
    # A data folder that cannot take a file (a file in its place, a full or read-only
    # disk) and saved profiles that could not be read are said once now, in one
    # message, not by each save or a missing profile in turn (app/startup_notices.py).
    # The looks touch the disk: they run in the background.
    from app.startup_notices import tell_at_start

    tell_at_start(window)
    from app.background_imports import import_speech_modules

    window.background.run(import_speech_modules, lambda _none: _attach(window, on_controllers),
                          name="import-speech")


def _attach(window, on_controllers: Callable | None) -> None:
    from PySide6.QtCore import QTimer

    from app.controllers import attach_controllers

    attach_controllers(window)
    if on_controllers is not None:
        on_controllers(window)
    QTimer.singleShot(ENGINE_PRELOAD_MS, window, lambda: _preload_dictation(window))


def _preload_dictation(window) -> None:
    if window.dictation is not None:
        window.dictation.preload()
