"""How long Lesson Lab takes to open: process start to a window that takes input.

:func:`measure_startup` starts a fresh Python process that opens the app
(``app.gui.make_window``) and reports on the first turn of the event loop
after the window is shown: painted and ready for the keyboard. The parent
times from just before it starts the process to reading that report, so the
figure includes starting Python and importing Qt, as a teacher waits for it.

The child also says which speech-engine libraries were imported by then
(there should be none: they load after the window is up) and, on Linux, its
own age from the kernel's process start time.

Used by ``lesson-lab bench ui`` (``startup_s``) and by the start-up test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.headless import offscreen_without_display

ENGINE_MODULES = ("faster_whisper", "ctranslate2", "vosk", "pyttsx3", "sounddevice", "soxr")
HEAVY_MODULES = ("numpy", "yaml", "docx")
MARK = "LESSON-LAB-READY "
ROOT = Path(__file__).resolve().parents[1]


class StartupError(RuntimeError):
    """The app did not open in the measuring process; the message says why."""


def process_age() -> float | None:
    """Seconds since this process started, from the kernel (Linux); None elsewhere."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError):
        return None
    # Field 22 (starttime) counts clock ticks since boot; the name in field 2
    # may hold spaces, so count from the closing bracket.
    fields = stat[stat.rindex(")") + 2:].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return uptime - int(fields[19]) / ticks


def measure_startup(timeout: float = 120.0, data_dir: str | Path | None = None,
                    background: bool = False) -> dict:
    """Open the app in a new process and time it; returns a JSON-ready dict.

    ``data_dir`` is the ``LESSON_LAB_DATA`` folder for the child (a fresh
    temporary one by default: a first run, with no user settings).
    ``background`` lets the library scan and the speech report start too
    (they run after the moment measured either way). Raises StartupError.
    """
    env = dict(os.environ)
    offscreen_without_display(env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="lesson-lab-startup-") as temporary:
        env["LESSON_LAB_DATA"] = str(data_dir or temporary)
        command = [sys.executable, "-c",
                   "import sys; from app.startup import _child; sys.exit(_child())",
                   "background" if background else "quiet"]
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=env, cwd=str(ROOT))
        report = None
        try:
            for line in child.stdout:
                if line.startswith(MARK):
                    elapsed = time.perf_counter() - started
                    report = json.loads(line[len(MARK):])
                    break
            _out, errors = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            child.kill()
            child.communicate()
            raise StartupError(f"The app did not open within {timeout:.0f} seconds.") from error
    if report is None:
        last = (errors or "").strip().splitlines()[-1:] or ["no message"]
        raise StartupError(f"The app stopped before its window was ready: {last[0]}")
    return {"startup_s": round(elapsed, 3), "platform": env.get("QT_QPA_PLATFORM", "default"),
            **report}


def _child() -> int:
    """In the measuring process: open the app, report when it is interactive, quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    background = sys.argv[-1] == "background"

    def ready(window) -> None:
        report = {
            "process_age_s": _rounded(process_age()),
            "window_visible": window.isVisible(),
            "engine_modules": [m for m in ENGINE_MODULES if m in sys.modules],
            "heavy_modules": [m for m in HEAVY_MODULES if m in sys.modules],
        }
        print(MARK + json.dumps(report), flush=True)
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)

    from app.gui import make_window

    window = make_window(app, ready, background=background)
    code = app.exec()
    del window
    return code


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
