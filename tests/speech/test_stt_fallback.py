"""The automatic choice passes over a damaged Vosk model; a chosen one is not replaced.

Real parts: the damaged model is the real Korean Vosk model with random bytes
in am/final.mdl and graph/HCLr.fst (the reviewer's recipe), the fallback is
the real bundled Whisper model, and the command line runs as a real process.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from speech.stt.base import DamagedModelError
from speech.stt.fallback import automatic_vosk_model, load_speech_model
from speech.stt.loader import ModelLoader
from speech.stt.vosk_engine import VoskRecogniser
from speech.stt.whisper_engine import WhisperRecogniser
from tests.fixtures.cli import lesson_lab
from tests.fixtures.vosk_models import (
    DAMAGED_NAME,
    copy_model,
    damaged_model,
    korean_model_folder,
)
from tests.models.fakes import write_fake_model

pytestmark = pytest.mark.slow  # real model loads


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    return damaged_model(tmp_path_factory.mktemp("stick") / DAMAGED_NAME)


@pytest.fixture
def models_root(tmp_path, monkeypatch):
    root = tmp_path / "models"
    root.mkdir()
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    return root


@pytest.fixture
def installed_damaged(models_root, damaged):
    """The damaged model installed as the English (UK) model: what "auto" picks first."""
    (models_root / DAMAGED_NAME).symlink_to(damaged, target_is_directory=True)
    return models_root / DAMAGED_NAME


def test_auto_passes_over_the_damaged_model_and_does_not_load_it_again(installed_damaged):
    assert VoskRecogniser.default_model_path() == installed_damaged  # "auto" picks it first
    loader = ModelLoader()

    outcome = load_speech_model("auto", loader=loader)

    assert outcome.automatic and outcome.loaded.engine is WhisperRecogniser
    [passed] = outcome.passed_over
    assert passed.path == installed_damaged and passed.damaged
    assert isinstance(passed.error, DamagedModelError)
    loads = loader.loads_started  # the damaged Vosk model, then Whisper
    assert loads == 2
    # The next F9 (or the captions) passes over it without trying it again.
    again = load_speech_model("auto", loader=loader)
    assert again.loaded is outcome.loaded and again.passed_over[0].path == installed_damaged
    assert loader.loads_started == loads
    assert automatic_vosk_model(loader) is None  # the model manager's "chosen automatically"


def test_a_model_put_right_is_tried_again(models_root, tmp_path):
    broken = write_fake_model(models_root / "vosk-model-small-en-us-0.15")  # random bytes
    loader = ModelLoader()
    assert load_speech_model("auto", loader=loader).passed_over
    assert loader.failure(VoskRecogniser, broken) is not None
    (broken / "am" / "final.mdl").write_bytes(b"a new copy")  # the teacher copies it again
    assert loader.failure(VoskRecogniser, broken) is None
    tried = loader.loads_started
    load_speech_model("auto", loader=loader)
    assert loader.loads_started == tried + 1


def test_a_model_the_teacher_chose_is_not_replaced(installed_damaged):
    loader = ModelLoader()
    with pytest.raises(DamagedModelError):
        load_speech_model("vosk", installed_damaged, loader=loader)
    # Chosen by name too: nothing else is loaded behind the teacher's back.
    with pytest.raises(DamagedModelError):
        load_speech_model("vosk", loader=loader)
    assert not loader.is_loaded("whisper")


def test_a_damaged_decoding_graph_alone_is_found_when_the_model_loads(tmp_path):
    # A random graph/HCLr.fst still loads as a model; it failed only when the
    # first recogniser was made, after any chance to choose another model.
    folder = copy_model(tmp_path / DAMAGED_NAME, skip=("graph/HCLr.fst",))
    (folder / "graph" / "HCLr.fst").write_bytes(bytes(range(256)) * 4000)
    with pytest.raises(DamagedModelError):
        VoskRecogniser.load_model(folder)
    # The sound model still loads and listens.
    model = ModelLoader().load_now("vosk", korean_model_folder())
    assert model.recogniser().accept(np.zeros(1600, dtype=np.int16)) == []


def test_transcribe_falls_back_says_so_on_stderr_and_exits_0(installed_damaged, speak):
    wav = speak("The heart pumps blood all around the body.")
    result = lesson_lab("transcribe", wav)
    assert result.returncode == 0, result.stderr
    assert {"heart", "blood"} <= set(re.findall(r"[a-z]+", result.stdout.lower())), result.stdout
    assert result.stderr.strip().splitlines() == [
        "The English (UK), small speech model could not be loaded (its files are damaged), "
        "so the built-in English model is used instead. Remove or replace it "
        f"(lesson-lab models remove {DAMAGED_NAME})."]


def test_transcribe_with_the_model_chosen_keeps_the_error_and_says_how_to_go_on(
        installed_damaged, speak):
    result = lesson_lab("transcribe", speak("Good morning."), "--engine", "vosk")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("lesson-lab: ") and "damaged" in line
    assert line.endswith("Leave out --engine and --model to let Lesson Lab choose a model "
                         "that works.")
