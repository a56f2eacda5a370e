"""A settings file that cannot be written is said once at start, in one plain sentence.

Found in review: with ``~/.config/lesson-lab/settings.ini`` a folder (or the
folder read-only) the Welcome came at every start and the profile, voice,
speaker, interface size and captions position were forgotten, with nothing
said. Full and read-only disks are a real tiny tmpfs (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere).
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings

from app.settings import AppSettings, settings_path, settings_problem
from app.startup_notices import tell_at_start
from tests.fixtures.small_disk import SmallDisk

AFTER = (", so the profile, voice, speaker, interface size and captions you choose will not "
         "be remembered next time.")


def test_a_healthy_settings_folder_is_made_and_left_as_it_was(tmp_path):
    path = tmp_path / "lesson-lab" / "settings.ini"
    assert settings_problem(path) is None
    assert path.parent.is_dir() and list(path.parent.iterdir()) == []
    settings = AppSettings(path)
    settings.profile = "Dyslexia"
    settings.sync()
    before = path.read_bytes()
    assert settings_problem(path) is None
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.ini"]


def test_a_folder_where_the_settings_file_should_be(tmp_path):
    path = tmp_path / "lesson-lab" / "settings.ini"
    path.mkdir(parents=True)
    # What the teacher met: QSettings forgets every choice and says nothing.
    settings = AppSettings(path)
    settings.profile = "Dyslexia"
    settings.sync()
    assert settings._qsettings.status() == QSettings.Status.AccessError
    assert not path.joinpath("settings.ini").exists() and list(path.iterdir()) == []

    assert settings_problem(path) == (
        f"Lesson Lab cannot save your settings in {path}: there is a folder called "
        f"“settings.ini” where that file should be{AFTER}")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_the_usual_place_is_looked_at(monkeypatch, tmp_path):
    monkeypatch.delenv("LESSON_LAB_DATA")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "config" / "lesson-lab" / "settings.ini").mkdir(parents=True)
    assert settings_path() == tmp_path / "config" / "lesson-lab" / "settings.ini"
    assert settings_problem().startswith(
        f"Lesson Lab cannot save your settings in {settings_path()}: there is a folder")


def test_a_file_where_the_folder_should_be(tmp_path):
    (tmp_path / "lesson-lab").write_text("in the way", encoding="utf-8")
    path = tmp_path / "lesson-lab" / "settings.ini"
    assert settings_problem(path) == (
        f"Lesson Lab cannot save your settings in {path}: there is a file called "
        f"“lesson-lab” where Lesson Lab needs a folder{AFTER}")
    assert (tmp_path / "lesson-lab").read_text(encoding="utf-8") == "in the way"


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


def test_a_read_only_folder(disk):
    path = disk.path / "lesson-lab" / "settings.ini"
    AppSettings(path).profile = "Dyslexia"  # saved when the object goes
    assert path.is_file()
    disk.read_only()
    assert settings_problem(path) == (
        f"Lesson Lab cannot save your settings in {path}: the disk cannot be written to "
        f"(a locked USB stick or a CD?){AFTER}")


def test_a_full_disk(disk):
    path = disk.path / "lesson-lab" / "settings.ini"
    path.parent.mkdir()
    disk.fill()
    assert settings_problem(path) == (
        f"Lesson Lab cannot save your settings in {path}: the disk is full{AFTER}")


def test_the_window_says_it_once_at_start(qtbot, opened):
    opened.settings_path.mkdir()
    window = opened.open()
    tell_at_start(window)
    qtbot.waitUntil(lambda: bool(window.messages), timeout=10000)
    qtbot.waitUntil(lambda: not window.background.running, timeout=10000)
    (message,) = window.messages
    assert message == (f"Lesson Lab cannot save your settings in {opened.settings_path}: there "
                       f"is a folder called “settings.ini” where that file should be{AFTER}")
