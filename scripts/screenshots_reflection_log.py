"""A screenshot of Practice › My reflection log for docs/ (docs/reflection-log.png).

    python scripts/screenshots_reflection_log.py OUT_DIR

Needs a real X display (Xvfb, 1600x1000), as scripts/screenshots_practice
does; the shot is the whole screen as the X server drew it. Three practice
records are made the way practice mode makes them (real scenarios, lessons
and presets) in an isolated data folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")

from PySide6.QtWidgets import QApplication  # noqa: E402

import widgets  # noqa: E402, F401 - the PySide6 guard, before any window
from app.practice.harness import settle  # noqa: E402

GMT = timezone(timedelta(0))
RECORDS = (  # scenario, when, preset chosen, the first two answers
    ("year4-low-vision-water-cycle", datetime(2026, 10, 6, 16, 10, tzinfo=GMT),
     "Low vision — large print",
     ("I made the print bigger first: Maya tires quickly with small text.",
      "She follows the diagram's arrows with a finger. Next time I will ask her QTVI "
      "for a tactile copy.")),
    ("year10-dyslexia-visual-stress-inspector-calls", datetime(2026, 11, 3, 15, 45, tzinfo=GMT),
     "Dyslexia",
     ("A cream page and more space between lines, because Aisha loses her place.",
      "Shorter sentences in the task; the quotations stay as they are.")),
    ("year1-down-syndrome-plants", datetime(2026, 11, 28, 20, 57, tzinfo=GMT),
     "Speech, language and communication needs",
     ("Fewer words on each slide, and a picture beside each key word.",
      "Lily points to the parts of the plant before she names them.")),
)


def make_records() -> None:
    """Save RECORDS in the reflection log, as practice mode would."""
    from lessons.loader import load_lesson
    from lessons.presets import get_preset
    from lessons.reflection import ReflectionStore, begin_practice
    from lessons.scenarios import get_scenario

    store = ReflectionStore()
    for scenario_id, started, preset, answers in RECORDS:
        scenario = get_scenario(scenario_id)
        lesson = load_lesson(scenario.lesson_path).lesson
        start = begin_practice(scenario, scenario.lesson_path, lesson.title, lesson.body,
                               get_preset("Standard"), {"vi": 41, "dyslexia": 52, "slcn": 58},
                               started=started)
        replies = dict.fromkeys(scenario.reflection_prompts, "")
        for prompt, answer in zip(scenario.reflection_prompts, answers, strict=False):
            replies[prompt] = answer
        store.save(start.finish(lesson.body, get_preset(preset),
                                {"vi": 88, "dyslexia": 81, "slcn": 79}, replies,
                                duration_seconds=1500))


def main(out_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    app.setApplicationName("Lesson Lab")
    from app.practice.entry import open_reflection_log
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    make_records()
    out_dir.mkdir(parents=True, exist_ok=True)
    window = open_reflection_log(None)
    window.setGeometry(QApplication.primaryScreen().availableGeometry().adjusted(40, 30, -40, -30))
    window.activateWindow()
    window.list.setFocus()
    window.list.setCurrentRow(1)  # a record from the middle, chosen from the keyboard
    settle(800)
    out = out_dir / "reflection-log.png"
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
