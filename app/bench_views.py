"""``lesson-lab bench views``: how fast the lesson view re-styles a long lesson.

The target: a 10,000-word lesson re-styles in under 100 ms when the profile
changes. The lesson is made from the built-in library's real lessons, joined
until it has 10,000 words, shown in a real LessonView window (off-screen when
there is no display). Each built-in preset is applied in turn, several
rounds, and timed three ways:

- ``restyle_ms_10k_words``: from ``set_profile()`` until the visible part of
  the view has been painted again (what the reader waits for), at the top
  of the lesson, and ``…_scrolled_to_middle`` half way down (the view then
  lays out everything above the reading place to keep it in view);
- ``apply_ms``: re-applying the formats alone;
- ``full_layout_ms``: re-applying and laying out the whole lesson, every
  line of it, as printing needs and as the view does in the background.

``rebuild_ms`` builds a fresh document for comparison: the cost the design
avoids by building the structure once. Focus mode is switched off in the
presets here, so every run re-styles all 10,000 words.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from dataclasses import replace

from app.cli_groups import group_actions
from app.headless import offscreen_without_display

TARGET_WORDS = 10_000
TARGET_MS = 100.0


def register(subparsers) -> None:
    """Add ``views`` to the ``bench`` group of the ``lesson-lab`` parser."""
    actions = group_actions(subparsers, "bench", "measure speed (JSON)", "bench_command")
    parser = actions.add_parser(
        "views",
        help="time re-styling a 10,000-word lesson (JSON)",
        description="Time how long the lesson view takes to re-style a 10,000-word lesson "
        "when the profile changes, and print the figures as JSON.",
    )
    parser.add_argument("--rounds", type=int, default=5, metavar="N",
                        help="times each preset is applied (default 5)")
    parser.add_argument("--words", type=int, default=TARGET_WORDS, metavar="N",
                        help="words in the test lesson (default 10000)")
    parser.set_defaults(handler=_run)


def _run(args) -> int:
    from app.cli_errors import CliError

    if args.rounds < 1 or args.words < 100:
        raise CliError("--rounds must be at least 1 and --words at least 100.")
    print(json.dumps(run_view_bench(args.rounds, args.words), indent=2))
    return 0


def long_lesson(words: int = TARGET_WORDS):
    """The built-in lessons' sections joined into one lesson of at least ``words`` words."""
    from lessons.library import builtin_folder, lesson_files
    from lessons.loader import load_lesson
    from lessons.model import Lesson

    lessons = [r.lesson for r in map(load_lesson, lesson_files(builtin_folder())) if r.lesson]
    sections, vocabulary, seen = [], [], set()
    lesson = Lesson(title="Ten thousand words")
    while lessons and lesson.word_count() < words:
        for source in lessons:
            sections.extend(source.sections)
            for entry in source.vocabulary:
                if entry.word.lower() not in seen:
                    seen.add(entry.word.lower())
                    vocabulary.append(entry)
            lesson = Lesson(title="Ten thousand words", subject="Library", key_stage="KS2",
                            vocabulary=tuple(vocabulary), sections=tuple(sections))
            if lesson.word_count() >= words:
                break
    return lesson


def run_view_bench(rounds: int = 5, words: int = TARGET_WORDS) -> dict:
    """Time re-styling a long lesson in a LessonView; returns the figures."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qVersion

    if QCoreApplication.instance() is None:
        offscreen_without_display()
    from app.gui import prepare_application

    # The collector and the fonts as in the app; the name and Qt's style left as they are.
    app = prepare_application(sys.argv[:1], name=None, scaled_style=False)

    from lessons.presets import load_presets
    from widgets.lesson_document import LessonDocument
    from widgets.lesson_view import LessonView

    lesson = long_lesson(words)
    presets = [replace(p, focus_mode=False) for p in load_presets()]
    view = LessonView()
    view.resize(1280, 800)
    view.set_profile(presets[0])
    started = time.perf_counter()
    view.set_lesson(lesson)
    first_show_ms = _ms(started)
    view.show()
    app.processEvents()

    restyle, per_preset = _time_restyles(app, view, presets, rounds)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    app.processEvents()
    restyle_mid, _ = _time_restyles(app, view, presets, rounds)

    # The document builder on its own, as printing uses it: formats only, then
    # formats and a complete layout of every line.
    document = LessonDocument(lesson)
    apply, full = [], []
    for _ in range(rounds):
        for profile in presets:
            document.document.setDocumentLayout(None)
            started = time.perf_counter()
            document.apply(profile, dpi=96.0)
            apply.append(_ms(started))
        for profile in presets:
            started = time.perf_counter()
            document.apply(profile, dpi=96.0)
            document.document.setTextWidth(1200)
            document.document.size()
            full.append(_ms(started))
    rebuild = []
    for profile in presets[: max(2, min(len(presets), rounds))]:
        started = time.perf_counter()
        fresh = LessonDocument(lesson)
        fresh.apply(profile, dpi=96.0)
        fresh.document.setTextWidth(1200)
        fresh.document.size()
        rebuild.append(_ms(started))
        fresh.document.deleteLater()
    view.close()
    document.document.deleteLater()

    median = statistics.median(restyle)
    return {
        "benchmark": "views",
        "words": lesson.word_count(),
        "presets": len(presets),
        "rounds": rounds,
        "restyle_ms_10k_words": round(median, 1),
        "restyle_ms_max": round(max(restyle), 1),
        "restyle_ms_10k_words_scrolled_to_middle": round(statistics.median(restyle_mid), 1),
        "restyle_ms_by_preset": {k: round(statistics.median(v), 1) for k, v in per_preset.items()},
        "apply_ms": round(statistics.median(apply), 1),
        "full_layout_ms": round(statistics.median(full), 1),
        "rebuild_ms": round(statistics.median(rebuild), 1),
        "first_show_ms": round(first_show_ms, 1),
        "target_ms": TARGET_MS,
        "meets_target": median < TARGET_MS,
        "qt": qVersion(),
        "pyside": pyside_version,
        "python": platform.python_version(),
        "platform": os.environ.get("QT_QPA_PLATFORM") or app.platformName(),
        "cpus": os.cpu_count(),
    }


def _time_restyles(app, view, presets, rounds: int) -> tuple[list[float], dict]:
    """Apply each preset in turn; time each until the view is painted again."""
    times, per_preset = [], {p.name: [] for p in presets}
    for _ in range(rounds):
        for profile in presets[1:] + presets[:1]:
            started = time.perf_counter()
            view.set_profile(profile)
            view.viewport().repaint()
            elapsed = _ms(started)
            times.append(elapsed)
            per_preset[profile.name].append(elapsed)
            # Let the view finish laying out the rest, as it does when idle.
            view.document().documentLayout().documentSize()
            app.processEvents()
    return times, per_preset


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
