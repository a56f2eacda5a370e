"""View › Interface size reaches every word on screen, in every window already open.

Headings with a size of their own (the practice window's, the checker's scores
and group headings, the lesson editor's text) and the dictation panel's
message kept their old size when a trainer made the interface 200% with the
windows open: Qt hands a new application font only to widgets that have
not set their own, or that have no style sheet. A real app in a child
process (the application font changes for the whole process).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.fixtures.child_report import child_report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

EXPECTED = {"Practice — Lesson Lab", "Speech models", "Edit profile", "Keyboard shortcuts",
            "About Lesson Lab"}


def test_every_text_in_every_open_window_grows_with_the_interface(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               LESSON_LAB_DATA=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_SCALE_FACTOR", None)
    report = child_report([sys.executable, str(ROOT / "tests/app/interface_size_child.py")],
                          env, timeout=180)
    assert EXPECTED <= set(report["windows"]), report["windows"]
    assert any(title.startswith("Edit: ") for title in report["windows"]), report["windows"]
    assert report["looked_at"] > 200, report
    assert report["not_grown"] == [], "\n".join(report["not_grown"])
