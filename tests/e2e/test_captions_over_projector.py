"""Live captions stay in sight over the projector under a real window manager.

A window manager keeps a full-screen window above every other, "always on
top" or not: with Openbox, the captions' own window vanished behind the
projector. The child process (captions_over_projector_child.py) opens the
real app on a private X display with Openbox running, shows captions
(yellow on black), starts the projector (the Standard profile: black on
white) and grabs the whole screen. The captions' band must be on it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import OPENBOX_SCREEN as SCREEN
from tests.e2e.screen_colours import black, share, white, yellow

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_captions_are_on_the_screen_over_a_full_screen_projector(
        display_with_window_manager, tmp_path):
    out = tmp_path / "screen.png"
    env = dict(__import__("os").environ, DISPLAY=display_with_window_manager,
               QT_QPA_PLATFORM="xcb", LESSON_LAB_DATA=str(tmp_path / "data"))
    finished = subprocess.run(
        [sys.executable, str(ROOT / "tests/e2e/captions_over_projector_child.py"),
         str(out), str(tmp_path / "data")],
        cwd=ROOT, env=dict(env, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
        timeout=120)
    assert "grabbed" in finished.stdout, finished.stderr[-2000:]
    screen = QImage(str(out))
    assert (screen.width(), screen.height()) == SCREEN
    # The projector fills the screen: the slide's white page at the top.
    assert share(screen, range(0, 200), white) > 0.8
    # The captions' band across the bottom: black, with the words in yellow.
    bottom = range(SCREEN[1] - 120, SCREEN[1])
    assert share(screen, bottom, black) > 0.5, "the captions are hidden behind the projector"
    assert share(screen, bottom, yellow) > 0.005, "no caption words on the band"
