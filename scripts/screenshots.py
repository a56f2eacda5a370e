"""Screenshots of the lesson views for docs/ (run by scripts/screenshots).

    python scripts/screenshots.py OUT_DIR

Needs a real X display (Xvfb, 1600x1000); the wrapper script starts one. Each
shot is the whole screen (QScreen.grabWindow of the root window), so what is
saved is what the X server drew. Profiles and lessons come from an isolated
data folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import widgets  # noqa: E402, F401 - the PySide6 guard, before any window

LESSON_TITLE = "The water cycle"
SHOTS = [  # file name, preset, what to show
    ("lesson-standard.png", "Standard", "window"),
    ("lesson-low-vision-large-print.png", "Low vision — large print", "window"),
    ("lesson-yellow-on-black.png", "High contrast yellow on black", "window"),
    ("lesson-dyslexia.png", "Dyslexia", "window"),
    ("lesson-visual-stress.png", "Visual stress", "window"),
    ("lesson-reading-ruler.png", "Autism / attention", "ruler"),
    ("lesson-side-by-side.png", "Low vision — large print", "side-by-side"),
    ("lesson-projector.png", "Very low vision / projector", "projector"),
    ("profile-editor.png", "Visual stress", "editor"),
]


def settle(ms: int = 400) -> None:
    """Let the X server map, lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab_screen(out: Path) -> None:
    """Save the whole screen as the X server shows it."""
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")


def main(out_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    app.setApplicationName("Lesson Lab")
    from app.dictation_unsaved import close_without_asking
    from app.main_window import MainWindow
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.dictation_dock.hide()  # these shots are of the lesson views
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    window.show()
    if not window.library.select_title(LESSON_TITLE):
        raise SystemExit(f"no lesson called {LESSON_TITLE!r}")
    settle(800)

    for name, preset, kind in SHOTS:
        if not window.choose_profile(preset):
            raise SystemExit(f"no preset called {preset!r}")
        window.show_side_by_side(kind == "side-by-side")
        window.view.setFocus()
        if kind == "ruler":
            cursor = window.view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            for _ in range(6):
                cursor.movePosition(QTextCursor.MoveOperation.Down)
            window.view.setTextCursor(cursor)
        if kind == "side-by-side":
            bar = window.side_by_side.original.verticalScrollBar()
            bar.setValue(bar.maximum() // 3)
        if kind == "projector":
            projector = window.start_projector()
            projector.next_section()
            settle(800)
            grab_screen(out_dir / name)
            projector.close()
            settle()
            continue
        if kind == "editor":
            editor = window.edit_profile()
            editor.resize(1400, 900)
            editor.move(100, 50)
            settle(800)
            grab_screen(out_dir / name)
            editor.confirm = lambda question: True
            editor.close()
            continue
        settle()
        grab_screen(out_dir / name)
    close_without_asking(window)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
