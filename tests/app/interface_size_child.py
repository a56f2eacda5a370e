"""Child process for tests/app/test_interface_size_everywhere.py.

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background), opens a lesson and the windows a teacher or trainer
may have open at once (the lesson editor with its checker, practice, speech
models, the profile editor, the keyboard shortcuts, About) and a message in
the dictation panel; then makes the interface 200% from View › Interface
size, as a trainer at a projector might with them all open. Prints one JSON
line: the windows, how many text-showing widgets were looked at, and each
one whose text did not grow at least 1.5 times.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

WINDOWS = ("check_lesson", "models", "edit_profile", "shortcuts", "about")
ALWAYS_TEXT = (QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView, QTabBar,
               QGroupBox)


def settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shows_text(widget: QWidget) -> bool:
    """True for a visible widget that shows words (not a picture or a colour alone)."""
    if not widget.isVisible():
        return False
    if isinstance(widget, (QLabel, QAbstractButton)):
        return bool(widget.text().strip())
    return isinstance(widget, ALWAYS_TEXT)


def text_widgets(app: QApplication) -> list[QWidget]:
    found = []
    for top in app.topLevelWidgets():
        if top.isVisible() and not isinstance(top, QMenu):
            found += [w for w in (top, *top.findChildren(QWidget)) if shows_text(w)]
    return found


def describe(widget: QWidget) -> str:
    words = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return (f"{widget.window().windowTitle()}: {type(widget).__name__} "
            f"{words or widget.accessibleName()!r}")


def main() -> None:
    app = QApplication(sys.argv[:1])
    from app.gui import make_window
    from app.practice.entry import open_practice
    from app.settings import AppSettings

    AppSettings().welcome_shown = True
    window = make_window(app, background=False)  # no speech engines: not needed here
    window.refresh_library()
    if not window.library.select_title("The water cycle"):
        raise SystemExit("The built-in lesson 'The water cycle' was not found.")
    for name in WINDOWS:
        QTimer.singleShot(0, getattr(window.act, name).trigger)
        settle(400)
    open_practice(window)
    settle(400)
    window.dictation_panel.show_message("Catching up: the computer is busy.", "info")
    settle(200)
    before = [(w, w.font().pointSizeF()) for w in text_widgets(app)]
    window.set_ui_scale(2.0)
    settle(400)
    not_grown = [f"{describe(w)}: {size} pt, now {w.font().pointSizeF()} pt"
                 for w, size in before if w.font().pointSizeF() < 1.5 * size]
    print(json.dumps({
        "windows": sorted(t.windowTitle() for t in app.topLevelWidgets() if t.isVisible()),
        "looked_at": len(before),
        "not_grown": not_grown,
    }), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
