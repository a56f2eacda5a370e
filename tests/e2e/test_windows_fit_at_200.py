"""At 200% on a 1920 x 1080 screen every big window fits (audit finding 1).

A real X server (Xvfb, 1920 x 1080) with Openbox framing the windows, the
app started as ``lesson-lab`` starts it with QT_SCALE_FACTOR=2: Qt then sees
a 960 x 540 screen. The main window opened at 1400 x 900 (2800 x 1800 real
pixels), the lesson editor and practice window at 1500 x 950 and Speech
models at 1180 x 720, with their buttons, docks and title bars off the
screen. Each window's frame must now be inside the screen's available area.
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


@pytest.fixture
def display_1080p_with_openbox():
    """A private 1920 x 1080 X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1920, 1080)


def run_child(display: str, tmp_path: Path, shot: Path | None = None) -> dict:
    """Run windows_fit_at_200_child.py at QT_SCALE_FACTOR=2; its JSON report."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR="2",
               PYTHONPATH=str(ROOT), LESSON_LAB_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    args = [sys.executable, str(ROOT / "tests/e2e/windows_fit_at_200_child.py")]
    return child_report(args + ([str(shot)] if shot else []), env, timeout=180)


def test_every_big_window_fits_a_1080p_screen_at_200_percent(display_1080p_with_openbox,
                                                             tmp_path):
    report = run_child(display_1080p_with_openbox, tmp_path)
    assert report["scale"] == 2
    x, y, width, height = report["screen"]
    assert (width, height) == (960, 540)  # 1920 x 1080 at 200%
    for name, (left, top, w, h) in report["frames"].items():
        assert report["framed"][name], f"the window manager did not frame the {name}"
        assert left >= x and top >= y and left + w <= x + width and top + h <= y + height, (
            f"the {name}'s frame {left},{top} {w}x{h} is not inside the screen "
            f"{x},{y} {width}x{height}")
