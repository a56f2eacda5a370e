"""Saved profiles from Windows Notepad and from a newer Lesson Lab still load.

Found in review: a profile saved by Notepad (UTF-8 with a byte-order mark, or
its "Unicode", UTF-16) was refused as "not valid JSON (line 1)" or "not a text
file", and a profile with one setting this version does not know (written by a
newer Lesson Lab) was refused entirely.
"""

from __future__ import annotations

import json

import pytest

from lessons.profile import Profile
from lessons.profile_store import ProfileStore


@pytest.fixture
def store(tmp_path):
    made = ProfileStore(tmp_path / "profiles")
    made.folder.mkdir(parents=True)
    return made


def _write(store, name: str, data: dict, encoding: str = "utf-8") -> None:
    (store.folder / name).write_text(json.dumps(data, indent=2), encoding=encoding)


def test_a_profile_saved_by_notepad_with_a_byte_order_mark_loads(store):
    data = Profile(name="From Notepad", font_size_pt=16.0).to_dict()
    _write(store, "notepad.json", data, encoding="utf-8-sig")
    assert (store.folder / "notepad.json").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert store.get("From Notepad").font_size_pt == 16.0
    assert store.problems() == []


def test_a_profile_saved_as_unicode_by_notepad_loads_as_lessons_do(store):
    _write(store, "wide.json", Profile(name="Wide", font_size_pt=18.0).to_dict(),
           encoding="utf-16")  # with its byte-order mark, as Notepad's "Unicode"
    assert store.get("Wide").font_size_pt == 18.0
    assert store.problems() == []


def test_binary_is_still_refused_plainly(store):
    (store.folder / "junk.json").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    assert store.names() == []
    (problem,) = store.problems()
    assert problem.skipped and problem.reason == "it is not a text file"


def test_a_setting_from_a_newer_version_is_left_out_with_a_warning(store):
    data = {**Profile(name="Year 5 reading", line_height=1.8).to_dict(), "future_setting": 3}
    _write(store, "year-5.json", data)

    assert store.get("Year 5 reading").line_height == 1.8
    (problem,) = store.problems()
    assert not problem.skipped and problem.name == "Year 5 reading"
    assert problem.message == (
        'The profile "Year 5 reading" (year-5.json) was read without a setting this '
        'version of Lesson Lab does not know ("future setting").')


def test_colours_from_a_newer_version_are_left_out_too(store):
    data = Profile(name="Tinted").to_dict()
    data["colours"]["glow"] = "#abcdef"
    data["sparkle"] = True
    _write(store, "tinted.json", data)
    assert store.get("Tinted").colours == Profile().colours
    (problem,) = store.problems()
    assert problem.reason == ('settings this version of Lesson Lab does not know '
                              '("glow colour", "sparkle")')


def test_saving_and_renaming_keep_the_newer_settings_in_the_file(store):
    data = Profile(name="Kept").to_dict()
    data["colours"]["glow"] = "#abcdef"
    data["future_setting"] = {"level": 2}
    _write(store, "kept.json", data)

    store.save(Profile(name="Kept", font_size_pt=18.0))
    store.rename("Kept", "Kept still")
    (path,) = store.folder.glob("*.json")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["future_setting"] == {"level": 2}
    assert saved["colours"]["glow"] == "#abcdef"
    assert saved["font_size_pt"] == 18.0 and saved["name"] == "Kept still"
    assert store.get("Kept still").font_size_pt == 18.0


def test_a_bad_value_of_a_known_setting_is_still_refused(store):
    data = {**Profile(name="Bad").to_dict(), "future_setting": 1, "line_height": -5}
    _write(store, "bad.json", data)
    assert store.names() == []
    (problem,) = store.problems()
    assert problem.skipped and "line height" in problem.reason
