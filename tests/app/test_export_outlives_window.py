"""An export on a QThread (app/background.py, ``qt_thread``) outlives the window that
started it: the reflection log saving a whole term as PDF, opened from the practice
window, which the teacher closes meanwhile (it is deleted on close, and its child
windows with it). The QThread went with the window and Qt aborted the whole app
("QThread: Destroyed while thread is still running"); now the file is finished, also
when the app quits meanwhile (app/shutdown.py waits for it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_closing_the_window_that_opened_the_log_neither_aborts_nor_cuts_the_file(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LESSON_LAB_DATA=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "tests.app.export_outlives_window_child", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "Destroyed while thread" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "written"
