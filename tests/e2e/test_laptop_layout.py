"""On a school laptop's 1366 x 768 screen the library, the lesson and dictation
sit side by side, with the lesson its share.

The dictation panel was as wide as its longest line: the microphone list as
wide as the sound card's name, the speech model beside it, the "Microphone
is off" beside the buttons. With a real laptop's sound card it needed 735 px,
so the library and dictation became tabs and a pupil saw one or the other.
Real X server (Xvfb) with Openbox, the app as ``lesson-lab`` starts it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.ui_scale import LESSON_SHARE
from tests.e2e.conftest import openbox_display
from tests.fixtures.child_report import child_report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def laptop_display():
    """A private 1366 x 768 X display with Openbox; both stopped by their PIDs."""
    yield from openbox_display(1366, 768)


def test_library_lesson_and_dictation_side_by_side_on_a_laptop(laptop_display, tmp_path):
    env = dict(os.environ, DISPLAY=laptop_display, QT_QPA_PLATFORM="xcb",
               PYTHONPATH=str(ROOT), LESSON_LAB_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_SCALE_FACTOR", None)
    report = child_report([sys.executable, str(ROOT / "tests/e2e/laptop_layout_child.py")],
                          env, timeout=180)
    assert not report["tabbed"], f"the library and dictation became tabs: {report}"
    assert set(report["docks"]) == {"dock-library", "dock-dictation"}, report
    assert report["lesson"] >= LESSON_SHARE * report["window"], report
