"""The practice window fits a school laptop's 1366 x 768 screen at every interface size.

A real X server (Xvfb, 1366 x 768) with Openbox framing the windows. The app
is started as ``lesson-lab`` starts it, the practice window opened on a
scenario, and the interface made one size larger at a time (Ctrl+Alt+=) up
to 250%, each of the three steps shown at each size. At 250% the window's
least size was 1403 x 810 and its frame ran past the right of the screen: the
"Reflect and save" step's three buttons side by side (1114 px) set the width
of every step, the suggested presets' buttons were one row ("Speech, language
and communication needs" alone is 691 px), the chooser's heading one line, and
nothing in the scenario's page scrolled. Now they wrap or stack, the page
scrolls up and down where the screen is short, no button is cut, and nothing
in the window's centre scrolls sideways (the simulation settings, 567 px wide
at 250%, were cut at the right of a 490-px column). The checker beside it
gives way, scrolling sideways by design (widgets/screen_fit.GivesWay).
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

SIZES = [1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5]


@pytest.fixture
def laptop_display():
    """A private 1366 x 768 X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1366, 768)


def outside(screen: list[int], frame: list[int]) -> bool:
    """True when ``frame`` (x, y, width, height) is not wholly inside ``screen``."""
    x, y, width, height = screen
    left, top, w, h = frame
    return not (left >= x and top >= y and left + w <= x + width and top + h <= y + height)


def test_practice_window_fits_a_laptop_screen_up_to_250_percent(laptop_display, tmp_path):
    env = dict(os.environ, DISPLAY=laptop_display, QT_QPA_PLATFORM="xcb",
               PYTHONPATH=str(ROOT), LESSON_LAB_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_SCALE_FACTOR", None)
    report = child_report([sys.executable, str(ROOT / "tests/e2e/practice_laptop_fit_child.py")],
                          env, timeout=240)
    screen = report["screen"]
    assert screen == [0, 0, 1366, 768]
    assert [step["scale"] for step in report["steps"]] == SIZES
    problems = []
    for step in report["steps"]:
        assert step["framed"], "the window manager did not frame the practice window"
        size = f"at {step['scale']:.0%}"
        least_w, least_h = step["least"]
        border_w, border_h = step["border"]
        if least_w + border_w > screen[2] or least_h + border_h > screen[3]:
            problems.append(f"{size} the practice window cannot be smaller than "
                            f"{least_w} x {least_h}")
        for index, frame in step["frames"].items():
            if outside(screen, frame):
                problems.append(f"{size} on step {int(index) + 1} the frame {frame} is not "
                                f"inside the screen {screen}")
        for index, cut in step["cut"].items():
            if cut:
                problems.append(f"{size} on step {int(index) + 1} buttons are narrower than "
                                f"their words: {cut}")
        for index, areas in step["sideways"].items():
            if areas:
                problems.append(f"{size} on step {int(index) + 1} these scroll sideways, "
                                f"cut at the right: {areas}")
    # Every pupil's page at 250%: "Zofia, Year 5: English as an additional language" on
    # one line made the window 1364 px wide at least, more than the screen with its frame.
    border_w, border_h = report["steps"][-1]["border"]  # the window manager's frame
    for scenario, (least_w, least_h) in report["least_by_scenario"].items():
        if least_w + border_w > screen[2] or least_h + border_h > screen[3]:
            problems.append(f"at 250% with {scenario} the practice window cannot be smaller "
                            f"than {least_w} x {least_h}")
    assert not problems, "\n".join(problems)
