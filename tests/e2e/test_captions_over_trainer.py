"""Live captions stay in sight over trainer mode under a real window manager.

A window manager keeps a full-screen window above every other, "always on
top" or not: with Openbox, the captions' own window vanished behind trainer
mode. The child process (captions_over_trainer_child.py) opens the real app
on a private X display with Openbox running, shows captions (yellow on
black), opens trainer mode with Ctrl+Shift+T and OK, and grabs the whole
screen; then blanks it with B and grabs it again, and shows it again with B.
The captions' band must be on all three; blank, everything else is black.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import OPENBOX_SCREEN as SCREEN
from tests.e2e.screen_colours import black, share, yellow

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_captions_are_on_the_screen_over_trainer_mode_blanked_or_not(
        display_with_window_manager, tmp_path):
    env = dict(os.environ, DISPLAY=display_with_window_manager, QT_QPA_PLATFORM="xcb",
               LESSON_LAB_DATA=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    finished = subprocess.run(
        [sys.executable, str(ROOT / "tests/e2e/captions_over_trainer_child.py"),
         str(tmp_path), str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "grabbed shown-again" in finished.stdout, finished.stderr[-2000:]
    screens = {name: QImage(str(tmp_path / f"{name}.png"))
               for name in ("trainer", "blank", "shown-again")}
    assert all((s.width(), s.height()) == SCREEN for s in screens.values())
    top, bottom = range(0, 200), range(SCREEN[1] - 120, SCREEN[1])
    for name, screen in screens.items():
        # The captions' band across the bottom: black, with the words in yellow.
        assert share(screen, bottom, black) > 0.5, f"{name}: the captions are hidden"
        assert share(screen, bottom, yellow) > 0.005, f"{name}: no caption words on the band"
    # Trainer mode fills the screen: its light page above the band, not black...
    assert share(screen := screens["trainer"], top, black) < 0.1
    # ...until B blanks everything but the captions...
    assert share(screens["blank"], range(0, SCREEN[1] - 250), black) > 0.99
    # ...and B shows it all again.
    assert share(screens["shown-again"], top, black) == pytest.approx(
        share(screen, top, black), abs=0.02)
