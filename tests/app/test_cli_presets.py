"""``lesson-lab presets``: the built-in presets, then the user's own profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.cli_presets import font_label
from lessons.contrast import contrast_ratio, format_ratio
from lessons.fonts import ATKINSON, LEXEND, OPENDYSLEXIC
from lessons.presets import first_sentence, load_presets
from lessons.profile import Colours, Profile
from lessons.profile_store import ProfileStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(monkeypatch, tmp_path):
    """A fresh data folder for each test; returns the user's profile store."""
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    return ProfileStore()


def test_lists_every_preset_with_font_size_contrast_and_note(data, capsys):
    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    for preset in load_presets():
        ratio = contrast_ratio(preset.colours.text, preset.colours.background)
        block = out[out.index(f"  {preset.name}\n") :]
        details = block.splitlines()[1]
        assert preset.font_family in details
        assert f"{preset.font_size_pt:g} pt" in details
        assert f"text on background {format_ratio(ratio)} AAA" in details
        sentence = " ".join(first_sentence(preset.guidance).split())
        assert sentence in " ".join(block.split())
    positions = [out.index(f"  {p.name}\n") for p in load_presets()]
    assert positions == sorted(positions)
    assert "19.55:1 AAA" in out  # yellow on black
    assert "none yet" in out


def test_own_profiles_come_after_the_presets(data, capsys):
    data.duplicate("Dyslexia", "Amir, Year 4")
    grey = Colours(text="#767676", background="#ffffff")
    data.add(Profile(name="Pale grey test", colours=grey, guidance=""))
    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    mine = out.index("Your profiles")
    assert out.index("  Autism / attention") < mine < out.index("  Amir, Year 4")
    assert "text on background 4.54:1 AA\n" in out[mine:]
    assert str(data.folder) in out


def test_a_failing_profile_says_so(data, capsys):
    data.add(Profile(name="Too pale", colours=Colours(text="#aaaaaa", background="#ffffff")))
    main(["presets"])
    assert "2.32:1 (fails WCAG AA)" in capsys.readouterr().out


def test_a_corrupt_profile_is_reported_and_skipped(data, capsys):
    data.add(Profile(name="Fine"))
    (data.folder / "broken.json").write_text("{oops", encoding="utf-8")
    assert main(["presets"]) == 0
    captured = capsys.readouterr()
    assert "  Fine\n" in captured.out
    assert captured.err.strip() == (
        'lesson-lab: The profile file "broken.json" could not be read, '
        "so it was skipped: it is not valid JSON (line 1)."
    )


def test_show_one_in_full(data, capsys):
    assert main(["presets", "visual STRESS"]) == 0
    out = capsys.readouterr().out
    preset = next(p for p in load_presets() if p.name == "Visual stress")
    assert out.startswith("Visual stress (built-in preset)")
    assert " ".join(preset.guidance.split()) in " ".join(out.split())
    for label in ("Text on background", "Headings on background", "Text on highlighted words"):
        assert label in out
    assert "Text through the coloured overlay" in out
    assert "#8fc7ea at 30%" in out


def test_show_a_saved_profile(data, capsys):
    data.add(replace(Profile(name="Sam"), ruler_lines=3))
    assert main(["presets", "sam"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sam (your profile)")
    assert "Text in the reading ruler" in out


def test_unknown_name_is_one_plain_line(data, capsys):
    assert main(["presets", "Nonsense"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        'lesson-lab: there is no preset or saved profile called "Nonsense"; '
        'run "lesson-lab presets" to see them all'
    )


def test_json(data, capsys):
    data.duplicate("Standard", "Mine")
    assert main(["presets", "--json"]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in parsed["presets"]] == [p.name for p in load_presets()]
    assert [p["name"] for p in parsed["profiles"]] == ["Mine"]
    yellow = parsed["presets"][3]
    assert yellow["contrast"]["text"] == {
        "ratio": 19.56,
        "level": "AAA",
        "label": "Text on background",
    }
    assert Profile.from_dict(yellow["settings"]).name == "High contrast yellow on black"


def test_font_label_names_the_stand_in():
    assert font_label(ATKINSON, {ATKINSON}) == ATKINSON
    assert font_label(OPENDYSLEXIC, {ATKINSON, LEXEND}) == (
        "OpenDyslexic (not installed; Atkinson Hyperlegible is used)"
    )
    assert font_label(OPENDYSLEXIC, set()) == (
        "OpenDyslexic (not installed; the standard font is used)"
    )
    assert font_label("Arial", set()) == "Arial"


def test_the_real_command_runs(data):
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "presets"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built-in presets\n  Standard\n")
    assert result.stderr == ""
