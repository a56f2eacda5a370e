"""``lesson-lab scenarios`` and ``lesson-lab reflections``, run as a teacher would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lessons.reflection import ReflectionStore
from lessons.scenarios import builtin_scenarios
from tests.lessons.reflection_helpers import AISHA, BST, FIRST_ANSWER, make_session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(monkeypatch, tmp_path):
    """A fresh data folder, shared with the commands run in a new process."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LESSON_LAB_DATA", str(folder))
    return folder


@pytest.fixture
def saved(data):
    """Two saved practice records: Maya (March) and Aisha (May)."""
    store = ReflectionStore()
    maya = make_session(started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    aisha = make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST),
                         after="Dyslexia", scores_before={"dyslexia": 48},
                         scores_after={"dyslexia": 86},
                         answers={"What did you change first, and why?": "The tint."})
    store.save(maya)
    store.save(aisha)
    return maya, aisha


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )


def _clean_failure(result, message: str, code: int = 1) -> None:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("lesson-lab: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_scenarios_lists_every_scenario(data):
    result = run("scenarios")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    for scenario in builtin_scenarios():
        at = lines.index(scenario.id)
        assert lines[at + 1] == f"  {scenario.title}"
        assert lines[at + 2].endswith(f"({scenario.lesson})")
        assert lines[at + 3] == f"  Presets: {'; '.join(scenario.presets)}"
    assert "  Lesson: The water cycle (ks2-year4-geography-water-cycle.md)" in lines
    assert "  Target scores: Visual impairment 90" in lines


def test_scenario_in_full_and_as_json(data):
    result = run("scenarios", "year8-dld-persuasive-writing")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Theo, Year 8: developmental language disorder\n")
    assert "Support: EHC plan" in out
    assert "Success: Speech, language and communication needs score 75 or more" in out
    assert "  - What did you change first, and why?" in out
    result = run("scenarios", "--json")
    listed = json.loads(result.stdout)
    assert [d["id"] for d in listed] == [s.id for s in builtin_scenarios()]
    assert listed[2]["success"] == {"vi": 90.0}


def test_unknown_scenario(data):
    _clean_failure(run("scenarios", "nobody"),
                   'there is no pupil scenario called "nobody"; run "lesson-lab scenarios"')


def test_checking_a_folder_of_scenario_files(data, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    good = builtin_scenarios()[0].source.read_text(encoding="utf-8")
    (folder / "good.yaml").write_text(good.replace("id: year1-", "id: mine-"))
    (folder / "bad.yaml").write_text(good.replace("lesson: ks1-year1", "lesson: ks9-year1"))
    result = run("scenarios", "--folder", str(folder))
    assert result.returncode == 1
    assert result.stdout.startswith("mine-down-syndrome-plants\n")
    (problem,) = result.stderr.splitlines()
    assert problem.startswith(f"lesson-lab: {folder / 'bad.yaml'}:")
    assert "There is no lesson called 'ks9-year1-science-parts-of-a-plant.md'" in problem
    _clean_failure(run("scenarios", "--folder", str(tmp_path / "none")), "there is no folder")


def test_reflections_list_when_empty(data):
    result = run("reflections")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("No practice records yet")
    assert str(data / "reflections") in result.stdout


def test_reflections_list_newest_first_and_skips_a_damaged_file(saved, data):
    maya, aisha = saved
    (data / "reflections" / "broken.json").write_text("{", encoding="utf-8")
    result = run("reflections", "list")
    assert result.returncode == 0
    out = result.stdout
    assert out.index(aisha.id) < out.index(maya.id)
    assert "Friday 14 March 2025 at 09:30, 25 minutes" in out
    assert "Maya, Year 4: low vision; lesson: The water cycle" in out
    assert "Visual impairment 41 → 93 (+52)" in out
    assert "Reflections: 2 of 4 answered" in out
    assert result.stderr == ('lesson-lab: The practice record "broken.json" could not be read, '
                             "so it was skipped: it is not valid JSON (it may have been cut "
                             "short).\n")
    listed = json.loads(run("reflections", "list", "--json").stdout)
    assert [r["id"] for r in listed["records"]] == [aisha.id, maya.id]


def test_export_one_record_as_markdown_by_a_short_id(saved, tmp_path):
    maya, _ = saved
    out = tmp_path / "maya.md"
    result = run("reflections", "export", "20250314", "--md", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Saved the record of 1 practice session as Markdown: {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Adapting “The water cycle” for Maya (Year 4)")
    assert "| Visual impairment | 41 | 93 | +52 | 90 (reached) |" in text
    assert FIRST_ANSWER in text


def test_export_all_as_pdf_and_markdown_to_the_screen(saved, tmp_path):
    pdf = tmp_path / "log.pdf"
    result = run("reflections", "export", "--all", "--pdf", str(pdf), "--md", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Lesson Lab practice log\n")
    assert "| Dyslexia | 48 | 86 | +38 | 85 (reached) |" in result.stdout
    assert result.stderr == f"Saved the record of 2 practice sessions as a PDF: {pdf}\n"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "The tint." in text and FIRST_ANSWER in " ".join(text.split())


@pytest.mark.parametrize("args, message", [
    (["export", "--md", "out.md"], "say which record to export"),
    (["export", "20250314"], "say where to save the record"),
    (["export", "20250314", "--all", "--md", "out.md"], "give record ids or --all, not both"),
    (["export", "2025", "--md", "out.md"], '"2025" matches 2 practice records'),
    (["export", "nope", "--md", "out.md"],
     'there is no practice record "nope"; run "lesson-lab reflections list"'),
    (["export", "--all", "--md", "missing/out.md"], "the folder missing does not exist"),
    (["export", "--all", "--pdf", "-"], "a PDF cannot be written to the screen"),
])
def test_export_mistakes_get_one_clear_line(saved, tmp_path, args, message):
    result = run("reflections", *args, cwd=tmp_path)
    _clean_failure(result, message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_export_with_no_records_and_a_wrong_option(data, tmp_path):
    _clean_failure(run("reflections", "export", "--all", "--md", str(tmp_path / "x.md")),
                   "there are no practice records to export yet")
    _clean_failure(run("reflections", "export", "--pages", "3"),
                   "The reflections export command does not understand “--pages”", 2)
