"""At start, the app says once, plainly, which saved profiles it could not read and why.

Found in review: damaged profile files (cut short, binary, UTF-16, a bad
colour) were dropped from the Profile list with nothing said:
``ProfileStore.problems()`` was used nowhere in the window.
"""

from __future__ import annotations

import json

import pytest

import app.background_imports
import app.gui
from app.startup_notices import MAX_LISTED, look, notice_text, tell_at_start
from lessons.profile import Profile
from lessons.profile_store import ProfileStore


def _damage(folder) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    good = json.dumps(Profile(name="Year 5 reading").to_dict())
    (folder / "cut-short.json").write_text(good[:40], encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\x00\x9f\x92\x96 not text")
    (folder / "wide.json").write_text(good.replace("Year 5 reading", "Wide"),
                                      encoding="utf-16")  # Notepad's "Unicode": it loads
    bad_colour = Profile(name="Red").to_dict()
    bad_colour["colours"]["text"] = "red"
    (folder / "red.json").write_text(json.dumps(bad_colour), encoding="utf-8")
    newer = {**Profile(name="From next year").to_dict(), "future_setting": True}
    (folder / "newer.json").write_text(json.dumps(newer), encoding="utf-8")
    (folder / "notepad.json").write_text(json.dumps(Profile(name="Notepad").to_dict()),
                                         encoding="utf-8-sig")


def _wait_for_message(qtbot, window) -> str:
    qtbot.waitUntil(lambda: bool(window.messages), timeout=10000)
    qtbot.wait(50)  # a second message would come on the same turn
    (message,) = window.messages
    return message


def test_the_window_says_which_profiles_were_skipped_and_why(qtbot, opened, tmp_path):
    _damage(tmp_path / "profiles")
    window = opened.open()
    listed = [window.profiles.itemText(i) for i in range(window.profiles.count())]
    assert {"Notepad", "From next year", "Wide"} <= set(listed)
    assert "Red" not in listed and "Year 5 reading" not in listed

    tell_at_start(window)
    message = _wait_for_message(qtbot, window)
    first, newer = message.split("\n\n")
    assert first.splitlines()[0] == ("Some of your saved profiles could not be read, so "
                                     "they are not in the Profile list.")
    assert ('• The profile file "cut-short.json" could not be read, so it was skipped: '
            "it is not valid JSON (line 1).") in first
    assert ('• The profile file "red.json" could not be read, so it was skipped: the text '
            "colour must look like #1a2b3c.") in first
    assert '"binary.json"' in first and "not a text file" in first
    assert "notepad.json" not in message and "wide.json" not in message
    assert first.splitlines()[-1] == (f"The files are left as they were, in "
                                      f"{tmp_path / 'profiles'}.")
    assert newer.splitlines()[1] == (
        '• The profile "From next year" (newer.json) was read without a setting this '
        'version of Lesson Lab does not know ("future setting").')
    assert "Traceback" not in message


def test_nothing_is_said_when_all_is_well(qtbot, opened, tmp_path):
    window = opened.open()
    ProfileStore(tmp_path / "profiles").add(Profile(name="Fine"))
    tell_at_start(window)
    qtbot.waitUntil(lambda: not window.background.running, timeout=10000)
    qtbot.wait(50)
    assert window.messages == []


def test_many_damaged_files_are_counted_not_listed(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    for number in range(MAX_LISTED + 3):
        (folder / f"broken-{number}.json").write_text("{", encoding="utf-8")
    text = notice_text(look(ProfileStore(folder), tmp_path / "data"))
    assert text.count("could not be read, so it was skipped") == MAX_LISTED
    assert "• 3 more profile files could not be read either." in text


def test_a_data_folder_problem_comes_in_the_same_message(tmp_path):
    folder = tmp_path / "profiles"
    _damage(folder)
    (tmp_path / "data").write_text("in the way", encoding="utf-8")
    text = notice_text(look(ProfileStore(folder), tmp_path / "data"))
    assert text.startswith(f"Lesson Lab cannot save your work in {tmp_path / 'data'}")
    assert "Some of your saved profiles could not be read" in text


@pytest.fixture
def quiet_start(monkeypatch):
    """Start-up without the speech parts (not what these tests are about)."""
    monkeypatch.setattr(app.background_imports, "import_speech_modules", lambda: None)
    monkeypatch.setattr(app.gui, "_attach", lambda window, on_controllers: None)


def test_the_start_up_tells_it_once(qtbot, opened, tmp_path, quiet_start):
    _damage(tmp_path / "profiles")
    window = opened.open()
    window.start_background_work = lambda: None  # the speech report: not this test's
    app.gui._window_is_up(window, None, True)
    message = _wait_for_message(qtbot, window)
    assert '"cut-short.json"' in message
    qtbot.waitUntil(lambda: not window.background.running, timeout=10000)
    assert len(window.messages) == 1
