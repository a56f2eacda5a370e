"""View › Interface size keeps every open window within a 1920 x 1080 screen.

A real X server (Xvfb, 1920 x 1080) with Openbox framing the windows. The
app is started as ``lesson-lab`` starts it, with the lesson editor, the
practice window, Speech models and the live captions open, and the interface
is made one size larger at a time (Ctrl+Alt+=) up to 250%, then back to 100%.
From 125% the main window grew (to 1400 x 1045 at 250%) with its top where it
was, so its status bar (where messages are announced) went under the bottom of
the screen; it stayed that size back at 100%. Moved to the top of the screen,
its least height was more than the screen's from 150%.
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

WINDOWS = ("main window", "lesson editor", "practice", "speech models", "captions")
SIZES = [1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.25, 2.0, 1.75, 1.5, 1.25, 1.0]


@pytest.fixture
def display_1080p_with_openbox():
    """A private 1920 x 1080 X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1920, 1080)


def run_child(display: str, data: Path, *args: str) -> dict:
    """Run interface_size_fit_child.py with its data in ``data``; its JSON report."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
               LESSON_LAB_DATA=str(data), XDG_CONFIG_HOME=str(data / "config"))
    env.pop("QT_SCALE_FACTOR", None)
    args = [sys.executable, str(ROOT / "tests/e2e/interface_size_fit_child.py"), *args]
    return child_report(args, env, timeout=240)


def outside(report: dict, step: dict) -> list[str]:
    """The windows whose frame is not wholly inside the screen's available area."""
    x, y, width, height = report["screen"]
    found = []
    for name, window in step["windows"].items():
        left, top, w, h = window["frame"]
        if not (left >= x and top >= y and left + w <= x + width and top + h <= y + height):
            found.append(f"at {step['scale']:.0%} the {name}'s frame {left},{top} {w}x{h} "
                         f"is not inside the screen {x},{y} {width}x{height}")
    return found


def test_every_open_window_stays_on_screen_from_100_to_250_percent_and_back(
        display_1080p_with_openbox, tmp_path):
    data = tmp_path / "data"
    report = run_child(display_1080p_with_openbox, data)
    assert report["screen"] == [0, 0, 1920, 1080]
    assert [step["scale"] for step in report["steps"]] == SIZES
    problems = []
    for step in report["steps"]:
        assert sorted(step["windows"]) == sorted(WINDOWS)
        for name, window in step["windows"].items():
            assert window["framed"] or name == "captions", (
                f"the window manager did not frame the {name}")
        problems += outside(report, step)
    assert not problems, "\n".join(problems)
    # Back at 100% every window is the size it was at 100% before, not the size
    # the larger sizes made it.
    first, last = report["steps"][0]["windows"], report["steps"][-1]["windows"]
    for name in WINDOWS:
        assert last[name]["frame"][2:] == first[name]["frame"][2:], (
            f"the {name} was {first[name]['frame'][2:]} at 100% and is "
            f"{last[name]['frame'][2:]} after 250% and back")

    # The next start, with the geometry the first one saved, opens within the screen.
    again = run_child(display_1080p_with_openbox, data, "--again")
    assert again["scale"] == 1.0
    assert not outside(again, again["steps"][0]), outside(again, again["steps"][0])


def test_a_window_at_the_top_of_the_screen_fits_it_at_250_percent_and_the_next_start(
        display_1080p_with_openbox, tmp_path):
    # Moved up, the window has more room below its top, and the dictation panel asks
    # for all of it: it allowed for the tool bars as they were before the new size,
    # and the window's least height came to 39 pixels more than the screen has.
    data = tmp_path / "data"
    stayed = run_child(display_1080p_with_openbox, data, "--stay", "--top", "24")
    assert [step["scale"] for step in stayed["steps"]] == SIZES[:7]
    problems = [problem for step in stayed["steps"] for problem in outside(stayed, step)]
    assert not problems, "\n".join(problems)
    again = run_child(display_1080p_with_openbox, data, "--again")
    assert again["scale"] == 2.5
    assert not outside(again, again["steps"][0]), outside(again, again["steps"][0])
