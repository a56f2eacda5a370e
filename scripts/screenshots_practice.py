"""Screenshots of the practice tools for docs/ (run by scripts/screenshots_practice).

    python scripts/screenshots_practice.py OUT_DIR

Needs a real X display (Xvfb, 1600x1000); the wrapper script starts one. Each
shot is the whole screen as the X server drew it. The reflection log and
profiles go to an isolated data folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import widgets  # noqa: E402, F401 - the PySide6 guard, before any window
from app.practice.harness import settle  # noqa: E402

SCENARIO = "year4-low-vision-water-cycle"


def grab_screen(out: Path) -> None:
    """Save the whole screen as the X server shows it."""
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")


def main(out_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    app.setApplicationName("Lesson Lab")
    from app.practice.entry import open_practice
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    window = open_practice(None, SCENARIO)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    window.activateWindow()
    settle(800)

    # A scenario in practice mode: the pupil, the task, the lesson as it opened.
    window.about_button.setChecked(True)
    settle(500)
    grab_screen(out_dir / "practice-scenario.png")
    window.about_button.setChecked(False)

    # The checker's findings on the unadapted lesson, grouped by rule.
    window.resizeDocks([window.checker_dock], [760], Qt.Orientation.Horizontal)
    settle(300)
    # Scroll to where the profile findings end and the findings in the text begin.
    first_line = window.checker.line_buttons()[0]
    bar = window.checker.scroll.verticalScrollBar()
    bar.setValue(first_line.mapTo(window.checker.findings_widget, first_line.rect().topLeft()).y()
                 - 420)
    settle(300)
    grab_screen(out_dir / "practice-checker.png")
    window.resizeDocks([window.checker_dock], [520], Qt.Orientation.Horizontal)
    bar.setValue(0)

    # A simulation on the unadapted and the adapted lesson.
    window.apply_suggested_preset(0)
    window.tabs.setCurrentIndex(1)
    panel = window.simulation_panel
    panel.slider("blur").setValue(60)
    panel.switch("blur").setChecked(True)
    panel.flip_adapted()  # the unadapted lesson
    settle(800)
    grab_screen(out_dir / "practice-simulation-before.png")
    panel.flip_adapted()
    settle(800)
    grab_screen(out_dir / "practice-simulation-after.png")
    panel.turn_all_off()

    # Trainer mode: the lesson before and after, on the projector.
    trainer = window.open_trainer()
    trainer.go_to(2)
    settle(800)
    grab_screen(out_dir / "trainer-mode.png")
    trainer.go_to(3)
    settle(500)
    grab_screen(out_dir / "trainer-mode-scores.png")
    trainer.close()
    window.ask_save_before_closing = lambda: "discard"  # a screenshot run keeps no record
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
