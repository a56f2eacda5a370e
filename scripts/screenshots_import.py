"""A screenshot of a teacher's PowerPoint slides imported as a lesson (docs/imported-slides.png).

    DISPLAY=:N python scripts/screenshots_import.py [OUT_DIR]

Needs a real X display (Xvfb, 1600x1000), as scripts/screenshots_practice
does; the shot is the whole screen as the X server drew it. The slides are
the Year 1 deck the tests import (tests/lessons/pptx_samples.py), built with
python-pptx and imported by File › Import in an isolated data folder, never
the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(tempfile.mkdtemp(prefix="lesson-lab-shots-"))
os.environ["LESSON_LAB_DATA"] = str(DATA)

from PySide6.QtWidgets import QApplication  # noqa: E402

import widgets  # noqa: E402, F401 - the PySide6 guard, before any window
from app.practice.harness import settle  # noqa: E402

PROFILE = "Dyslexia"


def drawn_pictures(folder: Path) -> tuple[Path, Path, Path]:
    """The slides' photo (a carrot), school logo and border, drawn here as PNG files."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

    def picture(name: str, width: int, height: int, draw) -> Path:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter)
        painter.end()
        path = folder / f"{name}.png"
        image.save(str(path))
        return path

    def carrot(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2e7d32"))
        for x in (130, 150, 170):
            painter.drawEllipse(QPointF(x, 50), 12, 40)
        painter.setBrush(QColor("#ef6c00"))
        painter.drawPolygon(QPolygonF([QPointF(105, 85), QPointF(195, 85), QPointF(150, 290)]))

    def logo(painter: QPainter) -> None:
        painter.setBrush(QColor("#1a237e"))
        painter.drawEllipse(4, 4, 112, 112)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(44)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(painter.window(), Qt.AlignmentFlag.AlignCenter, "OP")

    def border(painter: QPainter) -> None:
        painter.fillRect(painter.window(), QColor("#81c784"))

    return (picture("carrot", 300, 300, carrot), picture("logo", 120, 120, logo),
            picture("border", 600, 20, border))


def main(out_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    from app.dictation_unsaved import close_without_asking
    from app.gui import make_window
    from app.settings import AppSettings
    from tests.lessons.pptx_samples import plants_lesson

    AppSettings().welcome_shown = True
    slides = plants_lesson(DATA / "Parts of a plant.pptx", DATA, drawn_pictures(DATA))
    window = make_window(app)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    settle(1500)
    window.import_lesson_path(slides)
    imported = DATA / "lessons" / "Parts of a plant.md"
    for _ in range(400):
        if window.lesson_path == imported:
            break
        settle(50)
    else:
        raise SystemExit("the slides were not imported")
    if not window.choose_profile(PROFILE):
        raise SystemExit(f"no profile called {PROFILE!r}")
    settle(1500)  # the box that says what was left out, over the lesson
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / "imported-slides.png"
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    close_without_asking(window)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
