"""Test-session set-up shared by every test.

Every test runs with an isolated settings and data folder, never the user's
real one: the environment is pointed at a fresh temporary folder before any
project module is imported.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_ISOLATED = Path(tempfile.mkdtemp(prefix="lesson-lab-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_ISOLATED / _name.lower())
os.environ["LESSON_LAB_DATA"] = str(_ISOLATED / "data")
os.environ["LESSON_LAB_MODELS"] = str(_ISOLATED / "models")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.spoken",
    "tests.fixtures.pulse",
    "tests.fixtures.modal_watchdog",
    "tests.fixtures.collect_garbage",
    "tests.widgets.save_as_doubles",  # the dialog and question fixtures
]
