"""``lesson-lab lessons review``: findings, scores and fixes for one lesson, as text or JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from lessons.checker import check
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.presets import get_preset
from lessons.profile_store import ProfileStore

ROOT = Path(__file__).resolve().parents[2]
WATER_CYCLE = builtin_folder() / "ks2-year4-geography-water-cycle.md"

LESSON = """---
title: Rules for the lab
key_stage: KS3
year_group: Year 7
---

## Safety

We *never* run in the lab.
DO NOT TOUCH the hot plate.

| Item | Use |
| Goggles | Protect your eyes |
"""


@pytest.fixture
def lesson_file(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    path = tmp_path / "lab.md"
    path.write_text(LESSON, encoding="utf-8")
    return path


def _review(capsys, *args):
    code = main(["lessons", "review", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_scores_and_each_finding_with_rule_location_message_and_fix(lesson_file, capsys):
    code, out, _ = _review(capsys, str(lesson_file))
    assert code == 0
    report = check(load_lesson(lesson_file).lesson, get_preset("Standard"))
    for need in ("Visual impairment (VI)", "Dyslexia", "(SLCN)"):
        assert need in out
    assert f"{report.scores['vi']}\n" in out
    lines = LESSON.split("\n")
    italic_line = lines.index("We *never* run in the lab.") + 1
    assert f"{lesson_file}:{italic_line}  No italics" in out
    assert "[RNIB-italics]" in out and "[WCAG-1.3.1]" in out and "[RNIB-capitals]" in out
    assert "profile  BDA style guide: line spacing 1.5 [BDA-line-spacing]" in out
    assert "Fix: Set line spacing to 150% of the text size (profile: line_height = 1.5)" in out
    assert "Fix: Show “never” in bold instead" in out
    assert "Why: " in out
    assert f"{len(report.findings)} findings:" in out


def test_json_report_matches_the_checker(lesson_file, capsys):
    code, out, _ = _review(capsys, str(lesson_file), "--json")
    assert code == 0
    data = json.loads(out)
    report = check(load_lesson(lesson_file).lesson, get_preset("Standard"))
    assert data["scores"] == report.scores
    assert data["profile"] == "Standard" and data["title"] == "Rules for the lab"
    assert [f["rule"] for f in data["findings"]] == [f.rule.id for f in report.findings]
    text_fix = next(f["fix"] for f in data["findings"] if f["rule"] == "RNIB-italics")
    assert text_fix == {
        "kind": "text",
        "label": "Show “never” in bold instead",
        "line": LESSON.split("\n").index("We *never* run in the lab.") + 1,
        "replace": ["*never*", "**never**"],
    }
    assert data["readability"]["sentences"] >= 2
    assert data["problems"] == []  # the file loads cleanly; its findings are advice


def test_a_preset_raises_the_score_it_is_for(lesson_file, capsys):
    _, standard, _ = _review(capsys, str(WATER_CYCLE), "--json")
    _, dyslexia, _ = _review(capsys, str(WATER_CYCLE), "--json", "--preset", "dyslexia")
    assert json.loads(dyslexia)["profile"] == "Dyslexia"
    assert json.loads(dyslexia)["scores"]["dyslexia"] > json.loads(standard)["scores"]["dyslexia"]


def test_a_saved_profile_can_be_named(lesson_file, capsys):
    store = ProfileStore()
    store.add(get_preset("Dyslexia").renamed("Sam's reading"))
    code, out, _ = _review(capsys, str(lesson_file), "--preset", "Sam's reading")
    assert code == 0 and "Profile: Sam's reading" in out


def test_unknown_preset_is_one_plain_line(lesson_file, capsys):
    code, out, err = _review(capsys, str(lesson_file), "--preset", "Purple")
    assert code != 0 and out == ""
    assert err.strip() == (
        'lesson-lab: there is no preset or saved profile called "Purple"; '
        "'lesson-lab presets' lists them."
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "This file cannot be found."),
        ("just some words\n", "has no details at the top"),
        ("---\nsubject: Maths\n---\n\nText.\n", "title"),
    ],
)
def test_a_lesson_that_cannot_be_loaded_exits_non_zero_with_the_loaders_problems(
    tmp_path, capsys, content, problem
):
    path = tmp_path / "broken.md"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = _review(capsys, str(path))
    assert code != 0 and out == ""
    assert f"lesson-lab: {path}:" in err and problem in err
    assert err.strip().endswith("could not be loaded as a lesson, so it was not reviewed.")
    assert "Traceback" not in err


def test_findings_are_not_errors_even_when_there_are_many(tmp_path, capsys):
    path = tmp_path / "shouty.md"
    path.write_text(
        "---\ntitle: Loud\n---\n\n" + "STOP RIGHT THERE. *Now* <u>please</u>.\n\n" * 30,
        encoding="utf-8",
    )
    code, out, _ = _review(capsys, str(path))
    assert code == 0 and "[RNIB-capitals]" in out


def test_help_lists_review_under_lessons(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["lessons", "--help"])
    assert stop.value.code == 0
    assert "review" in capsys.readouterr().out


def test_the_installed_command_runs_as_a_user_would(lesson_file):
    env = dict(os.environ, LESSON_LAB_DATA=str(lesson_file.parent / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "lessons", "review", str(lesson_file), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["file"] == str(lesson_file)
