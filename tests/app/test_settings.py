"""App settings: one INI file, isolated in tests, typed, forgiving of damage."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from app import settings as keys
from app.settings import AppSettings, settings_path


def test_the_file_lives_in_the_lesson_lab_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path))
    assert settings_path() == tmp_path / "settings.ini"
    assert AppSettings().path == tmp_path / "settings.ini"


def test_values_round_trip_through_the_file(tmp_path):
    path = tmp_path / "settings.ini"
    first = AppSettings(path)
    first.engine = "vosk"
    first.model = "/models/vosk-small-en"
    first.voice = "gmw/en-gb-x-rp"
    first.rate = 1.25
    first.input_device = "usb"
    first.output_device = "speakers"
    first.last_lesson = "/lessons/water.md"
    first.profile = "Dyslexia"
    first.ui_scale = 1.75
    first.welcome_shown = True
    first.set(keys.STATE, QByteArray(b"\x00\x01state"))
    first.sync()
    assert path.is_file()
    again = AppSettings(path)
    assert (again.engine, again.model, again.voice, again.rate) == (
        "vosk", "/models/vosk-small-en", "gmw/en-gb-x-rp", 1.25)
    assert (again.input_device, again.output_device) == ("usb", "speakers")
    assert (again.last_lesson, again.profile) == ("/lessons/water.md", "Dyslexia")
    assert again.ui_scale == 1.75 and again.welcome_shown is True
    assert bytes(again.data(keys.STATE)) == b"\x00\x01state"


def test_defaults_when_nothing_is_saved(tmp_path):
    fresh = AppSettings(tmp_path / "none.ini")
    assert fresh.engine == "auto" and fresh.rate == 1.0 and fresh.ui_scale == 1.0
    assert fresh.profile == "" and fresh.last_lesson == "" and fresh.welcome_shown is False
    assert fresh.data(keys.GEOMETRY).isEmpty()


def test_damaged_values_give_the_defaults_or_stay_in_range(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[ui]\nscale=huge\nwelcome_shown=maybe\n[speech]\nrate=7\n"
                    "engine=\n[lesson]\nprofile=1\n[window]\ndock_homes=[1, 2\n", encoding="utf-8")
    damaged = AppSettings(path)
    assert damaged.ui_scale == 1.0
    assert damaged.welcome_shown is False
    assert damaged.rate == 2.0, "kept within 0.5x to 2x"
    assert damaged.engine == "auto"
    assert damaged.number(keys.UI_SCALE, 1.0) == 1.0
    assert damaged.dock_homes == {}
