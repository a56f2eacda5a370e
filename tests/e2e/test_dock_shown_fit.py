"""A dock shown from a menu takes its room from the main window as it is.

A real X server (Xvfb, 1920 x 1080) with Openbox framing the window; the app
started as ``lesson-lab`` starts it (tests/e2e/dock_shown_fit_child.py). Tools ›
See it as a pupil might (Ctrl+Shift+V) put the vision simulations below the
dictation panel, and Qt made the window as tall as both docks' least heights
(a review saw 1400 x 914 become 1400 x 1015, at y=114 on a 1920 x 1080 screen):
the status bar and the bottom of the docks went off the screen, and the window
stayed that size when the simulations were closed. At 200% it grew wider.
Now the window keeps its size, within the screen, and the panels scroll.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import openbox_display
from tests.fixtures.child_report import child_report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# Each group starts with the window as the teacher left it; every step after it
# shows or hides a dock. The window must keep the first step's size throughout.
GROUPS = {
    "100%": ["100% before", "100% dictation hidden", "100% simulations shown alone",
             "100% dictation shown above the simulations", "100% simulations hidden",
             "100% simulations shown", "100% simulations hidden again"],
    "125%": ["125% before", "125% simulations shown", "125% simulations hidden"],
    "200%": ["200% before", "200% simulations shown", "200% simulations hidden"],
}


@pytest.fixture
def display_1080p_with_openbox():
    """A private 1920 x 1080 X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1920, 1080)


def run_child(display: str, data: Path) -> dict:
    """Run dock_shown_fit_child.py with its data in ``data``; its JSON report."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
               LESSON_LAB_DATA=str(data), XDG_CONFIG_HOME=str(data / "config"))
    env.pop("QT_SCALE_FACTOR", None)
    args = [sys.executable, str(ROOT / "tests/e2e/dock_shown_fit_child.py")]
    return child_report(args, env, timeout=120)


def inside(screen: list[int], frame: list[int]) -> bool:
    x, y, width, height = screen
    left, top, w, h = frame
    return left >= x and top >= y and left + w <= x + width and top + h <= y + height


def test_showing_and_hiding_docks_keeps_the_main_window_its_size_within_the_screen(
        display_1080p_with_openbox, tmp_path):
    report = run_child(display_1080p_with_openbox, tmp_path / "data")
    assert report["screen"] == [0, 0, 1920, 1080]
    steps = {step["name"]: step for step in report["steps"]}
    assert list(steps) == [name for names in GROUPS.values() for name in names]
    assert all(step["framed"] for step in report["steps"]), "the window manager framed no window"
    # The docks the steps meant to show are the ones shown.
    assert "dock-dictation" not in steps["100% simulations shown alone"]["docks"]
    together = steps["100% dictation shown above the simulations"]["docks"]
    # One above the other on the right (2 is Qt.RightDockWidgetArea).
    assert together["dock-dictation"][0] == together["dock-simulations"][0] == 2
    assert together["dock-dictation"][1] < together["dock-simulations"][1]
    assert "dock-simulations" in steps["100% simulations shown"]["docks"]
    assert "dock-simulations" in steps["125% simulations shown"]["docks"]
    assert "dock-simulations" in steps["200% simulations shown"]["docks"]
    assert [steps[names[0]]["scale"] for names in GROUPS.values()] == [1.0, 1.25, 2.0]

    problems = []
    for names in GROUPS.values():
        before = steps[names[0]]["frame"]
        for name in names:
            frame = steps[name]["frame"]
            if frame[2:] != before[2:]:
                problems.append(f"{name}: the window became {frame[2]} x {frame[3]} "
                                f"(it was {before[2]} x {before[3]})")
            # Before a dock is shown too: from 175% a later layout made the window 4 to
            # 7 pixels taller than View › Larger interface had just fitted it to.
            if not inside(report["screen"], frame):
                problems.append(f"{name}: the window's frame {frame[0]},{frame[1]} "
                                f"{frame[2]} x {frame[3]} is not inside the screen "
                                f"{report['screen']}")
    assert not problems, "\n".join(problems)
