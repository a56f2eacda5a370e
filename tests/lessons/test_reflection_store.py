"""The reflection log: records made, saved, read back after a restart, and damaged files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from lessons.presets import get_preset
from lessons.reflection import (
    PracticeSession,
    ReflectionStore,
    begin_practice,
    normalise_scores,
    reflections_dir,
)
from lessons.scenarios import get_scenario
from tests.lessons.reflection_helpers import AISHA, BST, FIRST_ANSWER, MAYA, make_session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(monkeypatch, tmp_path):
    """A fresh data folder for each test; returns the reflection store in it."""
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    return ReflectionStore()


def test_the_store_lives_in_the_data_folder(store, tmp_path):
    assert store.folder == reflections_dir() == tmp_path / "data" / "reflections"
    assert store.sessions() == [] and store.problems() == []
    assert not store.folder.exists(), "reading must not create the folder"


def test_a_session_records_what_was_done():
    session = make_session()
    maya = get_scenario(MAYA)
    assert session.id == "20250314-093000-year4-low-vision-water-cycle"
    assert session.scenario_id == MAYA
    assert session.pupil.name == "Maya" and session.pupil.task == maya.task
    assert session.pupil.title == maya.title
    assert session.lesson_path == str(maya.lesson_path)
    assert session.lesson_title == "The water cycle"
    assert (session.profile_before, session.profile_after) == ("Standard",
                                                               "Low vision — large print")
    assert "Font size: 12 pt → 18 pt" in session.setting_changes
    assert session.text_changes.changed == 1 and session.text_changes.added == 2
    assert session.scores_before == {"vi": 41.0, "dyslexia": 55.0, "slcn": 62.0}
    assert session.duration_seconds == 25 * 60
    vi = session.score_changes()[0]
    assert (vi.need, vi.before, vi.after, vi.difference, vi.target, vi.met) == (
        "vi", 41.0, 93.0, 52.0, 90.0, True)
    assert session.targets_met
    assert [r.question for r in session.reflections] == list(maya.reflection_prompts)
    assert session.reflections[0].answer == FIRST_ANSWER
    assert session.reflections[2].answer == ""


def test_missing_targets_are_not_met():
    session = make_session(scores_after={"vi": 89.9})
    assert not session.targets_met
    assert [c.need for c in session.score_changes()] == ["vi", "dyslexia", "slcn"]
    assert session.score_changes()[1].after is None
    assert session.score_changes()[1].difference is None


def test_save_restart_list(store):
    first = make_session()
    saved = store.save(first)
    assert saved == store.folder / f"{first.id}.json"
    assert [p.name for p in store.folder.iterdir()] == [saved.name], "no temporary files left"
    again = ReflectionStore()  # as after a restart
    assert again.sessions() == [first]
    assert again.get(first.id).reflections == first.reflections
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "lesson-lab-practice-session" and data["version"] == 1
    assert data["scores"] == {"before": {"vi": 41.0, "dyslexia": 55.0, "slcn": 62.0},
                              "after": {"vi": 93.0, "dyslexia": 60.0, "slcn": 62.0}}
    assert data["started"] == "2025-03-14T09:30:00+00:00"


def test_a_new_process_reads_the_saved_records(store):
    store.save(make_session())
    store.save(make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST),
                            before="Standard", after="Dyslexia",
                            scores_before={"dyslexia": 48}, scores_after={"dyslexia": 86}))
    program = (
        "from lessons.reflection import ReflectionStore\n"
        "from lessons.reflection_export import record_markdown\n"
        "sessions = ReflectionStore().sessions()\n"
        "print('\\n'.join(s.id for s in sessions))\n"
        "print(record_markdown(sessions))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["20250502-150500-year10-dyslexia-visual-stress-inspector-calls",
                         "20250314-093000-year4-low-vision-water-cycle"]
    out = result.stdout
    assert "| Visual impairment | 41 | 93 | +52 | 90 (reached) |" in out
    assert "| Dyslexia | 48 | 86 | +38 | 85 (reached) |" in out
    assert FIRST_ANSWER in out


def test_newest_first_across_time_zones_and_same_second(store):
    utc = datetime(2025, 6, 1, 10, 0, tzinfo=timezone.utc)
    # 10:30 in British Summer Time is 09:30 UTC: older than 10:00 UTC.
    earlier = make_session(started=datetime(2025, 6, 1, 10, 30, tzinfo=BST))
    later = make_session(started=utc)
    other = make_session(AISHA, started=utc, after="Dyslexia")
    for session in (earlier, later, other):
        store.save(session)
    # Two records from the same second come in a fixed order (by id, descending).
    same_second = sorted([other.id, later.id], reverse=True)
    assert [s.id for s in store.sessions()] == [*same_second, earlier.id]
    assert [s.id for s in ReflectionStore().sessions()] == [*same_second, earlier.id]


def test_saving_the_same_session_again_updates_it(store):
    session = make_session()
    store.save(session)
    edited = make_session(answers={"What did you change first, and why?": "Edited."})
    assert edited.id == session.id
    store.save(edited)
    (only,) = store.sessions()
    assert only.reflections[0].answer == "Edited."


def test_find_get_by_prefix_and_delete(store):
    a = make_session(started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    b = make_session(started=datetime(2025, 3, 14, 11, 0, tzinfo=timezone.utc))
    store.save(a)
    store.save(b)
    assert store.find("20250314-11") == b
    assert store.find(a.id.upper()) == a
    assert store.find("20250314") is None
    with pytest.raises(KeyError, match='"20250314" matches 2 practice records'):
        store.get("20250314")
    with pytest.raises(KeyError, match='there is no practice record "nope"'):
        store.get("nope")
    store.delete("20250314-09")
    assert store.sessions() == [b]


def test_a_failed_write_leaves_the_old_record_and_no_temporary_file(store, monkeypatch):
    session = make_session()
    store.save(session)
    before = (store.folder / f"{session.id}.json").read_bytes()

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        store.save(make_session(answers={"Q?": "new"}))
    monkeypatch.undo()
    assert [p.name for p in store.folder.iterdir()] == [f"{session.id}.json"]
    assert (store.folder / f"{session.id}.json").read_bytes() == before


GOOD_RECORD = make_session().to_dict()

DAMAGED = [
    ("cut-short", lambda: json.dumps(GOOD_RECORD)[:200], "not valid JSON"),
    ("not-json", lambda: "hello", "not valid JSON"),
    ("other-json", lambda: json.dumps({"name": "Dyslexia"}), "not a Lesson Lab practice record"),
    ("newer", lambda: json.dumps({**GOOD_RECORD, "version": 99}), "newer version"),
    ("no-scores", lambda: json.dumps({k: v for k, v in GOOD_RECORD.items() if k != "scores"}),
     "missing or damaged"),
    ("bad-score", lambda: json.dumps({**GOOD_RECORD, "scores": {"before": {"vi": "high"},
                                                                "after": {}}}),
     "score for vi should be a number"),
    ("bad-date", lambda: json.dumps({**GOOD_RECORD, "started": "last Tuesday"}),
     "its date is not a date"),
    ("bad-id", lambda: json.dumps({**GOOD_RECORD, "id": "../../etc"}), "id is not one"),
    ("bad-duration", lambda: json.dumps({**GOOD_RECORD, "duration_seconds": -5}),
     "duration is not"),
]


@pytest.mark.parametrize("name, content, reason", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_file_is_skipped_with_a_plain_message(store, name, content, reason):
    good = make_session(started=datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc))
    store.save(good)
    bad = store.folder / f"{name}.json"
    bad.write_text(content(), encoding="utf-8")
    assert store.sessions() == [good]
    (skipped,) = store.problems()
    assert skipped.path == bad
    assert skipped.message.startswith(f'The practice record "{name}.json" could not be read, '
                                      "so it was skipped: ")
    assert reason in skipped.message
    assert bad.exists(), "a damaged file is left alone"


DAMAGED_INSIDE = "part of the record is missing or damaged"
# Records whose parts have the wrong shape: Python's own words ("string indices must be
# integers, not 'str'", "'list' object has no attribute 'get'", "year 0 is out of range")
# are no use to a teacher, so each gets one plain reason.
WRONG_SHAPES = [
    ("scenario-as-text", {**GOOD_RECORD, "scenario": "Maya"}, DAMAGED_INSIDE),
    ("changes-as-a-list", {**GOOD_RECORD, "changes": []}, DAMAGED_INSIDE),
    ("reflection-as-a-list", {**GOOD_RECORD, "reflections": [["Q?", "A"]]}, DAMAGED_INSIDE),
    ("scores-as-a-list", {**GOOD_RECORD, "scores": {"before": [], "after": {}}},
     DAMAGED_INSIDE),
    ("year-one", {**GOOD_RECORD, "started": "0001-01-01T00:00:00"}, "its date is not a date"),
]


@pytest.mark.parametrize("name, record, reason", WRONG_SHAPES, ids=[w[0] for w in WRONG_SHAPES])
def test_a_record_with_parts_of_the_wrong_shape_gets_one_plain_reason(store, name, record,
                                                                      reason):
    good = make_session(started=datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc))
    store.save(good)
    (store.folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    assert store.sessions() == [good]
    (skipped,) = store.problems()
    assert skipped.reason == reason
    assert skipped.message == (f'The practice record "{name}.json" could not be read, so it '
                               f"was skipped: {reason}.")


def test_a_folder_named_like_a_record_gets_a_plain_reason(store):
    store.save(make_session())
    (store.folder / "20250106-080000-maya.json").mkdir()
    (skipped,) = store.problems()
    assert skipped.reason == "it is a folder, not a file"


def test_binary_renamed_and_temporary_files(store):
    session = make_session()
    store.save(session)
    (store.folder / "binary.json").write_bytes(b"\xff\xfe\x00\x01")
    renamed = store.folder / "copy.json"
    renamed.write_text(json.dumps(session.to_dict()), encoding="utf-8")
    (store.folder / ".abc.json.tmp").write_text("half a file")
    (store.folder / ".hidden.json").write_text("{")
    assert store.sessions() == [session]
    reasons = {p.path.name: p.reason for p in store.problems()}
    assert reasons == {"binary.json": "it is not UTF-8 text",
                       "copy.json": f'it holds the record "{session.id}" under another '
                                    "file name"}


def test_scores_from_a_checker_report_or_numbers():
    class Need:  # the checker may key its scores by an enum
        value = "VI"

    report = SimpleNamespace(scores={Need(): SimpleNamespace(score=72.5),
                                     "slcn": SimpleNamespace(value=64)})
    assert normalise_scores(report) == {"vi": 72.5, "slcn": 64.0}
    assert normalise_scores(SimpleNamespace(scores=lambda: {"dyslexia": 80})) == {
        "dyslexia": 80.0}
    assert normalise_scores({"VI": 1}) == {"vi": 1.0}
    for bad in ({"vi": float("nan")}, {"vi": True}, {"vi": "80"}, 80, None):
        with pytest.raises(ValueError, match="should be a number"):
            normalise_scores(bad)


def test_begin_practice_defaults_to_now_in_local_time():
    scenario = get_scenario(MAYA)
    start = begin_practice(scenario, scenario.lesson_path, "The water cycle", "Text.",
                           get_preset("Standard"), {"vi": 50})
    assert start.started.tzinfo is not None and start.started.microsecond == 0
    assert abs(start.started - datetime.now().astimezone()) < timedelta(hours=1)
    session = start.finish("Text.", get_preset("Standard"), {"vi": 50},
                           [("Why?", " Because. ")])
    assert session.duration_seconds >= 0
    assert session.setting_changes == () and session.text_changes.total == 0
    assert session.reflections[0].answer == "Because."
    assert PracticeSession.from_dict(session.to_dict()) == session


def test_a_naive_start_time_is_taken_as_local_time():
    session = make_session(started=datetime(2025, 3, 14, 9, 30))
    assert session.started.tzinfo is not None
    assert session.started.replace(tzinfo=None) == datetime(2025, 3, 14, 9, 30)


def test_a_session_from_real_checker_reports(store):
    """The practice screen hands over the checker's reports as they are."""
    from lessons.checker import check
    from lessons.loader import load_lesson

    scenario = get_scenario(MAYA)
    lesson = load_lesson(scenario.lesson_path).lesson
    standard, large = get_preset("Standard"), get_preset(scenario.presets[0])
    before, after = check(lesson, standard), check(lesson, large)
    start = begin_practice(scenario, scenario.lesson_path, lesson.title, lesson.body,
                           standard, before)
    session = start.finish(lesson.body, large, after, {})
    assert session.scores_before == {k: float(v) for k, v in before.scores.items()}
    assert session.scores_after == {k: float(v) for k, v in after.scores.items()}
    vi = session.score_changes()[0]
    assert vi.need == "vi" and vi.after > vi.before and vi.met
    store.save(session)
    assert ReflectionStore().sessions() == [session]
