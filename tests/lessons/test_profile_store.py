"""The user's profile store: duplicate, edit, rename, save, delete, survive restarts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from lessons.presets import get_preset
from lessons.profile import Profile
from lessons.profile_store import (
    MAX_NAME_LENGTH,
    ProfileNameError,
    ProfileStore,
    profiles_dir,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path):
    return ProfileStore(tmp_path / "profiles")


def test_profiles_live_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "elsewhere"))
    assert profiles_dir() == tmp_path / "elsewhere" / "profiles"
    assert ProfileStore().folder == tmp_path / "elsewhere" / "profiles"
    monkeypatch.delenv("LESSON_LAB_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert profiles_dir() == tmp_path / "xdg" / "lesson-lab" / "profiles"
    assert profiles_dir().parts[-2:] == ("lesson-lab", "profiles")


def test_an_empty_or_missing_folder_has_no_profiles(store):
    assert not store.folder.exists()
    assert store.profiles() == [] and store.problems() == []


def test_duplicate_edit_save_and_read_back(store):
    copy = store.duplicate("Dyslexia")
    assert copy.name == "Dyslexia (copy)" and not copy.builtin
    assert copy.font_family == get_preset("Dyslexia").font_family

    edited = replace(copy, font_size_pt=16.0, colours=replace(copy.colours, background="#eef6ff"))
    store.save(edited)

    fresh = ProfileStore(store.folder)
    loaded = fresh.get("dyslexia (COPY)")
    assert loaded == edited
    files = list(store.folder.glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text(encoding="utf-8")) == edited.to_dict()


def test_saved_profiles_survive_a_restart(store):
    store.add(replace(get_preset("Low vision — large print").renamed("Sam"), font_size_pt=22.0))
    script = (
        "import json, sys; from lessons.profile_store import ProfileStore; "
        "p = ProfileStore(sys.argv[1]).get('Sam'); print(json.dumps(p.to_dict()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(store.folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    data = json.loads(result.stdout)
    assert data["name"] == "Sam" and data["font_size_pt"] == 22.0


def test_copies_get_numbered_names(store):
    assert store.duplicate("Dyslexia").name == "Dyslexia (copy)"
    assert store.duplicate("Dyslexia").name == "Dyslexia (copy 2)"
    # A copy of a copy does not become "(copy) (copy)".
    assert store.duplicate("Dyslexia (copy)").name == "Dyslexia (copy 3)"
    assert store.names() == ["Dyslexia (copy)", "Dyslexia (copy 2)", "Dyslexia (copy 3)"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("!!!", "at least one letter or digit"),
        ("x" * (MAX_NAME_LENGTH + 1), "at most"),
        ("Tab\there", None),  # whitespace is tidied, not refused
        ("Bell\x07", "control characters"),
        ("dyslexia", "built-in preset"),
        ("Low vision - large print", "built-in preset"),
    ],
)
def test_name_rules(store, name, message):
    if message is None:
        assert store.check_name(name) == "Tab here"
        return
    with pytest.raises(ProfileNameError, match=message):
        store.add(Profile(name=name or "placeholder").renamed(name))


def test_names_are_unique_ignoring_case_and_punctuation(store):
    store.add(Profile(name="Year 3 — Amir"))
    with pytest.raises(ProfileNameError, match='already have a profile called "Year 3 — Amir"'):
        store.add(Profile(name="year 3 amir"))
    with pytest.raises(ProfileNameError, match="already have"):
        store.duplicate("Standard", "YEAR 3: AMIR")


def test_save_replaces_but_never_touches_a_preset(store):
    store.save(Profile(name="Mine", font_size_pt=14.0))
    store.save(Profile(name="mine", font_size_pt=20.0))
    assert [(p.name, p.font_size_pt) for p in store.profiles()] == [("Mine", 20.0)]
    with pytest.raises(ProfileNameError, match="built-in preset"):
        store.save(replace(get_preset("Dyslexia"), font_size_pt=20.0))


def test_rename(store):
    store.add(Profile(name="Old name"))
    store.add(Profile(name="Other"))
    renamed = store.rename("old name", "New name")
    assert renamed.name == "New name"
    assert store.names() == ["New name", "Other"]
    assert [p.name for p in store.folder.glob("*.json")].count("new-name.json") == 1
    assert not (store.folder / "old-name.json").exists()
    # Changing only the case of its own name is allowed.
    assert store.rename("New name", "NEW NAME").name == "NEW NAME"
    with pytest.raises(ProfileNameError, match="already have"):
        store.rename("NEW NAME", "other")
    with pytest.raises(ProfileNameError, match="built-in preset"):
        store.rename("Other", "Visual stress")
    with pytest.raises(KeyError):
        store.rename("Missing", "Anything")


def test_delete(store):
    store.add(Profile(name="Gone soon"))
    store.delete("gone soon")
    assert store.profiles() == [] and list(store.folder.glob("*.json")) == []
    with pytest.raises(KeyError, match="no saved profile"):
        store.delete("gone soon")
    with pytest.raises(ProfileNameError, match="cannot be deleted"):
        store.delete("Standard")


def test_unusual_names_make_safe_file_names(store):
    store.add(Profile(name="Élodie's profile / Year 5"))
    # A different name (E, not É) with the same file name stem gets a numbered file.
    store.add(Profile(name="Elodie s profile: Year 5"))
    names = sorted(p.name for p in store.folder.glob("*.json"))
    assert names == ["elodie-s-profile-year-5-2.json", "elodie-s-profile-year-5.json"]
    assert store.get("élodie's profile / year 5").name == "Élodie's profile / Year 5"
    assert len(store.profiles()) == 2


CORRUPT = {
    "broken.json": ("{not json", "not valid JSON (line 1)"),
    "list.json": ("[1, 2]", "does not hold a profile"),
    "not-a-profile.json": (json.dumps({"sparkle": True}), "does not hold a profile"),
    "wrong-type.json": (json.dumps({"name": "W", "font_size_pt": "big"}), '"font size pt"'),
    "too-small.json": (json.dumps({"name": "T", "font_size_pt": 2}), "between 6 and 200"),
    "bad-colour.json": (json.dumps({"name": "C", "colours": {"text": "red"}}), "#1a2b3c"),
    "clash.json": (json.dumps({"name": "Dyslexia"}), 'built-in preset "Dyslexia"'),
}


def test_corrupt_files_are_skipped_with_a_plain_message(store):
    store.add(Profile(name="Good one"))
    for file_name, (text, _) in CORRUPT.items():
        (store.folder / file_name).write_text(text, encoding="utf-8")
    (store.folder / "binary.json").write_bytes(b"\x89PNG\x00\xffgarbage")  # no UTF-16 mark

    assert store.names() == ["Good one"]
    problems = {p.path.name: p for p in store.problems()}
    assert set(problems) == set(CORRUPT) | {"binary.json"}
    for file_name, (_, reason) in CORRUPT.items():
        message = problems[file_name].message
        assert message.startswith(f'The profile file "{file_name}" could not be read')
        assert reason in message
        assert "Traceback" not in message
    assert "not a text file" in problems["binary.json"].reason
    # Skipped files are left alone for the user to rescue.
    assert (store.folder / "broken.json").read_text(encoding="utf-8") == "{not json"


def test_two_files_with_one_name_keep_the_first(store):
    store.folder.mkdir(parents=True)
    for stem in ("a", "b"):
        data = Profile(name="Twin", font_size_pt=13.0 if stem == "a" else 15.0).to_dict()
        (store.folder / f"{stem}.json").write_text(json.dumps(data), encoding="utf-8")
    assert [p.font_size_pt for p in store.profiles()] == [13.0]
    (problem,) = store.problems()
    assert problem.path.name == "b.json" and '"a.json" already holds' in problem.reason


def test_a_failed_write_leaves_the_old_profile_and_no_litter(store, monkeypatch):
    store.add(Profile(name="Safe", font_size_pt=14.0))

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        store.save(Profile(name="Safe", font_size_pt=30.0))
    monkeypatch.undo()
    assert store.get("Safe").font_size_pt == 14.0
    assert sorted(p.name for p in store.folder.iterdir()) == ["safe.json"]


def test_leftover_temporary_files_are_ignored(store):
    store.add(Profile(name="Real"))
    (store.folder / ".abc.json.tmp").write_text("{half", encoding="utf-8")
    (store.folder / ".hidden.json").write_text("{half", encoding="utf-8")
    assert store.names() == ["Real"] and store.problems() == []
