"""A window just shown is fitted to its screen with its real frame, not a guessed one
(``fit_height_where_it_is`` in widgets/screen_fit.py, used by the main window).

With no window manager (an X server alone, a kiosk) a window has no frame. The
fit used to allow for a title bar all the same, so a main window filling the
screen lost 30 px at the bottom: a black band under the status bar. With a
window manager the frame is real and still counts. Real X server (Xvfb),
with and without Openbox.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import openbox_display, start_xvfb
from tests.fixtures.child_report import child_report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e]


def _fitted(display: str, down: int) -> dict:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    env.pop("QT_SCALE_FACTOR", None)
    return child_report([sys.executable, str(ROOT / "tests/e2e/frame_fit_child.py"), str(down)],
                        env, timeout=60)


@pytest.fixture
def bare_display():
    """A private X display with no window manager; stopped by its PID."""
    server, display = start_xvfb(1280, 800)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_without_a_window_manager_a_window_filling_the_screen_keeps_its_height(bare_display):
    report = _fitted(bare_display, 0)
    assert report["frame"] == report["geometry"]  # there is no frame
    assert report["geometry"] == report["area"], report


def test_without_a_window_manager_a_window_past_the_bottom_is_made_to_fit(bare_display):
    report = _fitted(bare_display, 100)
    x, y, width, height = report["area"]
    assert report["geometry"] == [x, y + 100, width, height - 100], report


@pytest.fixture
def managed_display():
    """A private X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1280, 800)


def test_with_a_window_manager_the_frame_counts(managed_display):
    report = _fitted(managed_display, 100)
    area_bottom = report["area"][1] + report["area"][3]
    frame_bottom = report["frame"][1] + report["frame"][3]
    assert report["frame"][3] > report["geometry"][3], "Openbox gave the window no frame"
    assert frame_bottom <= area_bottom, report
