"""The catalogue data file and the models folder location."""

from __future__ import annotations

from pathlib import Path

import platformdirs

import models
from models.paths import is_valid_name


def test_english_models_come_first_then_other_languages():
    languages = [entry.language for entry in models.load_catalogue()]
    first_other = next(i for i, code in enumerate(languages) if not code.startswith("en"))
    assert all(not code.startswith("en") for code in languages[first_other:])
    names = {entry.name for entry in models.load_catalogue()}
    for expected in (
        "vosk-model-small-en-us-0.15",
        "vosk-model-en-us-0.22-lgraph",
        "vosk-model-en-us-0.22",
        "vosk-model-small-en-gb-0.15",
        "vosk-model-en-in-0.5",
        "vosk-model-small-pl-0.22",
        "vosk-model-small-hi-0.22",
    ):
        assert expected in names


def test_every_entry_is_complete_and_downloads_from_base_slash_name_zip(monkeypatch):
    monkeypatch.delenv("LESSON_LAB_MODEL_BASE_URL", raising=False)
    for entry in models.downloadable():
        assert entry.engine == "vosk" and is_valid_name(entry.name)
        assert entry.url == f"https://alphacephei.com/vosk/models/{entry.name}.zip"
        assert entry.language and entry.language_name and entry.accuracy
        assert entry.size_mb > 0 and entry.licence_text
        if entry.size_bytes:
            assert round(entry.size_bytes / 1_000_000) == entry.size_mb


def test_the_base_address_can_be_overridden(monkeypatch):
    entry = models.find_entry("vosk-model-small-en-us-0.15")
    assert entry.url_for("http://127.0.0.1:8000/m/") == (
        "http://127.0.0.1:8000/m/vosk-model-small-en-us-0.15.zip"
    )
    monkeypatch.setenv("LESSON_LAB_MODEL_BASE_URL", "http://127.0.0.1:9/mirror")
    assert entry.url == "http://127.0.0.1:9/mirror/vosk-model-small-en-us-0.15.zip"
    assert models.model_list_url() == "http://127.0.0.1:9/mirror/model-list.json"


def test_the_bundled_whisper_model_is_described_but_not_downloadable():
    whisper = models.find_entry("whisper-tiny.en")
    assert whisper.engine == "whisper" and whisper.bundled and whisper.url == ""
    assert whisper not in models.downloadable()
    assert (models.bundled_model_path(whisper) / "model.bin").is_file()


def test_languages_without_a_model_are_not_also_offered():
    offered = {entry.language.split("-")[0] for entry in models.load_catalogue()}
    missing = {item.language for item in models.languages_without_model()}
    assert "ur" in missing and not offered & missing


def test_models_folder_follows_the_environment_then_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_MODELS", str(tmp_path / "elsewhere"))
    assert models.models_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("LESSON_LAB_MODELS")
    assert models.models_dir() == (
        Path(platformdirs.user_data_dir("lesson-lab", appauthor=False)) / "models"
    )
