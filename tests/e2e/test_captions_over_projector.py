"""Live captions stay in sight over the projector under a real window manager.

A window manager keeps a full-screen window above every other, "always on
top" or not: with Openbox, the captions' own window vanished behind the
projector. The child process (captions_over_projector_child.py) opens the
real app on a private X display with Openbox running, shows captions
(yellow on black), starts the projector (the Standard profile: black on
white) and grabs the whole screen. The captions' band must be on it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import _stop, start_xvfb

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1280, 800)
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def display_with_window_manager():
    """A private X display with Openbox managing it; both stopped by their PIDs."""
    if shutil.which("openbox") is None:
        pytest.fail("This test needs the openbox window manager (Debian package openbox). "
                    "scripts/setup test installs it.", pytrace=False)
    server, display = start_xvfb(*SCREEN)
    manager = subprocess.Popen(["openbox", "--sm-disable"], env={"DISPLAY": display,
                               "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield display
    finally:
        _stop(manager)
        _stop(server)


def _share(image: QImage, rows: range, wanted) -> float:
    """The share of pixels in ``rows`` (sampled every 4 px) whose colour passes ``wanted``."""
    hits = total = 0
    for y in rows[::4]:
        for x in range(0, image.width(), 4):
            colour = image.pixelColor(x, y)
            hits += wanted(colour.red(), colour.green(), colour.blue())
            total += 1
    return hits / total


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
    white = lambda r, g, b: r > 240 and g > 240 and b > 240  # noqa: E731
    black = lambda r, g, b: r < 16 and g < 16 and b < 16  # noqa: E731
    yellow = lambda r, g, b: r > 200 and g > 200 and b < 80  # noqa: E731
    # The projector fills the screen: the slide's white page at the top.
    assert _share(screen, range(0, 200), white) > 0.8
    # The captions' band across the bottom: black, with the words in yellow.
    bottom = range(SCREEN[1] - 120, SCREEN[1])
    assert _share(screen, bottom, black) > 0.5, "the captions are hidden behind the projector"
    assert _share(screen, bottom, yellow) > 0.005, "no caption words on the band"
