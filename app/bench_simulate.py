"""``lesson-lab bench simulate``: how long one simulated frame of a lesson takes.

A built-in lesson is shown in the real lesson view, offscreen, at 1920 x 1080
(or the size asked for), with a ``SimulationOverlay`` over it. For each
simulation alone, and then for all of them at once, the view is scrolled a
little before every frame, as a teacher scrolling would, and the overlay
makes the frame exactly as it does on screen: render the view, view it as a
numpy array, apply the filters. The median of the frames is reported, with
the render alone and the filters alone for comparison.

Frames must keep up with scrolling: the target is under ``TARGET_MS``.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from pathlib import Path

TARGET_MS = 40.0
DEFAULT_LESSON = "ks2-year4-geography-water-cycle.md"
WARM_UP_FRAMES = 2  # masks and tables are cached on the first frames


def _application():
    """The running QApplication, or a new offscreen one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["lesson-lab-bench"])


def _lesson_view(width: int, height: int):
    from lessons.library import builtin_folder
    from lessons.loader import load_lesson
    from widgets.lesson_view import LessonView

    path = Path(builtin_folder()) / DEFAULT_LESSON
    result = load_lesson(path)
    view = LessonView()
    view.set_lesson(result.lesson)
    view.resize(width, height)
    view.show()
    return view, path.name


def _scroller(view, step: int):
    """Move the view down by ``step`` pixels, back to the top after the end."""
    bar = view.verticalScrollBar()

    def scroll() -> None:
        value = bar.value() + step
        bar.setValue(value if value <= bar.maximum() else 0)

    return scroll


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples), 2)


def measure(width: int = 1920, height: int = 1080, frames: int = 15,
            strength: float = 0.5) -> dict:
    """Time every simulation on a rendered lesson; returns the report as a dict."""
    app = _application()
    import numpy as np
    from PySide6 import __version__ as pyside_version

    from widgets.simulation.filters import ORDER, SimulationSettings, apply_simulations
    from widgets.simulation.overlay import SimulationOverlay, render_widget

    view, lesson_name = _lesson_view(width, height)
    app.processEvents()
    overlay = SimulationOverlay(view)
    scroll = _scroller(view, max(8, height // 12))

    def frame_times(settings) -> list[float]:
        overlay.set_settings(settings)
        times = []
        for index in range(WARM_UP_FRAMES + frames):
            scroll()
            started = time.perf_counter()
            overlay.render_frame()
            if index >= WARM_UP_FRAMES:
                times.append((time.perf_counter() - started) * 1000.0)
        return times

    def filter_times(settings) -> list[float]:
        pixels = render_widget(view)
        times = []
        for index in range(WARM_UP_FRAMES + frames):
            started = time.perf_counter()
            apply_simulations(pixels, settings)
            if index >= WARM_UP_FRAMES:
                times.append((time.perf_counter() - started) * 1000.0)
        return times

    overlay.set_settings(SimulationSettings())
    render = []
    for index in range(WARM_UP_FRAMES + frames):
        scroll()
        started = time.perf_counter()
        render_widget(view)
        if index >= WARM_UP_FRAMES:
            render.append((time.perf_counter() - started) * 1000.0)

    frame_ms, filter_ms = {}, {}
    for name in ORDER:
        settings = SimulationSettings({name: strength})
        frame_ms[name] = _median_ms(frame_times(settings))
        filter_ms[name] = _median_ms(filter_times(settings))
    everything = SimulationSettings({name: strength for name in ORDER})
    all_frame = _median_ms(frame_times(everything))
    all_filter = _median_ms(filter_times(everything))
    overlay.detach()
    view.close()
    view.deleteLater()
    app.processEvents()

    label = f"{height}p"
    return {
        "benchmark": "simulate",
        "size": [width, height],
        "lesson": lesson_name,
        "frames": frames,
        "strength": strength,
        f"frame_ms_{label}": frame_ms,
        f"filter_ms_{label}": filter_ms,
        f"render_ms_{label}": _median_ms(render),
        "all_on": {"frame_ms": all_frame, "filter_ms": all_filter},
        "target_ms": TARGET_MS,
        "over_target": [name for name, ms in frame_ms.items() if ms >= TARGET_MS],
        "notes": "median of the frames after warming up; a frame is render + filters, "
                 "as the overlay makes it while the view scrolls",
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pyside6": pyside_version,
            "qt_platform": app.platformName(),
        },
    }
