"""Harnesses, benchmarks and screenshot scripts prepare Qt as the app does (app.gui).

Each case runs in a fresh process: a QApplication, its style and the automatic
collector belong to the whole process.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tests.fixtures.child_report import child_report

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json, sys
from app.gui import prepare_application
from app.safe_gc import CollectBetweenEvents
from app.ui_scale import ScaledStyle
from widgets.fonts import current_font_setup, find_font_files

app = prepare_application(["lesson-lab-test"], **json.loads(sys.argv[1]))
print(json.dumps({
    "name": app.applicationName(),
    "collectors": len(app.findChildren(CollectBetweenEvents)),
    "gc_enabled": gc.isenabled(),
    "scaled_style": isinstance(app.style(), ScaledStyle),
    "fonts_registered": current_font_setup().files_registered,
    "font_files": sum(len(files) for files in find_font_files().found.values()),
    "same_app_again": prepare_application(**json.loads(sys.argv[1])) is app,
    "collectors_after_again": len(app.findChildren(CollectBetweenEvents)),
}))
"""


def _prepared(tmp_path: Path, **options) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               LESSON_LAB_DATA=str(tmp_path / "data"))
    return child_report([sys.executable, "-c", CHILD, json.dumps(options)], env, timeout=120)


def test_prepared_as_the_app_the_collector_fonts_and_the_interface_size_style(tmp_path):
    report = _prepared(tmp_path)
    assert report["name"] == "Lesson Lab"
    assert report["collectors"] == 1 and not report["gc_enabled"]
    assert report["scaled_style"] is True
    assert report["fonts_registered"] == report["font_files"]  # every accessible font found
    assert report["same_app_again"] is True
    assert report["collectors_after_again"] == 1  # preparing twice installs nothing twice


def test_a_harness_keeps_its_own_name_and_qts_own_style(tmp_path):
    report = _prepared(tmp_path, name=None, scaled_style=False)
    assert report["name"] == "lesson-lab-test"  # as Qt named it from argv
    assert report["collectors"] == 1 and not report["gc_enabled"]
    assert report["scaled_style"] is False
