"""The live captions' band does not cover the app's own dialogs (widgets/captions_placement.py).

Under a real window manager (Openbox), an always-on-top window covers every
ordinary one, the app's dialogs included: the usability review found the
Keyboard shortcuts window cut off by the captions along the bottom. The child
(captions_under_dialogs_child.py) shows the captions, opens the shortcuts,
grabs the screen, closes them and grabs it again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import OPENBOX_SCREEN as SCREEN
from tests.e2e.screen_colours import black

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _black_share(image: QImage, x: int, y: int, width: int, height: int) -> float:
    hits = total = 0
    for row in range(max(0, y), min(image.height(), y + height), 4):
        for column in range(max(0, x), min(image.width(), x + width), 4):
            colour = image.pixelColor(column, row)
            hits += black(colour.red(), colour.green(), colour.blue())
            total += 1
    return hits / max(1, total)


def test_the_shortcuts_window_is_above_the_captions_and_they_come_back_after(
        display_with_window_manager, tmp_path):
    out = tmp_path / "screen"
    env = dict(os.environ, DISPLAY=display_with_window_manager, QT_QPA_PLATFORM="xcb",
               LESSON_LAB_DATA=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    finished = subprocess.run(
        [sys.executable, str(ROOT / "tests/e2e/captions_under_dialogs_child.py"),
         str(out), str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    assert lines, finished.stderr[-2000:]
    where = json.loads(lines[-1])
    dx, dy, dw, dh = where["dialog"]
    cx, cy, cw, ch = where["captions"]
    # Where the dialog and the band overlap (the dialog reaches down into it).
    left, right = max(dx, cx), min(dx + dw, cx + cw)
    top, bottom = max(dy, cy), min(dy + dh, cy + ch)
    assert right - left > 100 and bottom - top > 20, f"no overlap to look at: {where}"
    with_dialog = QImage(f"{out}-dialog.png")
    after = QImage(f"{out}-after.png")
    assert (with_dialog.width(), with_dialog.height()) == SCREEN
    overlap = (left, top, right - left, bottom - top)
    assert _black_share(with_dialog, *overlap) < 0.2, "the captions cover the shortcuts window"
    assert not where["on_top_with_dialog"]
    # The dialog gone, the band is back on top across the bottom of the screen.
    assert where["on_top_after"]
    assert _black_share(after, *overlap) > 0.5, "the captions did not come back on top"
