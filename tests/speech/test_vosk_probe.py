"""Trying a Vosk model in a child process: the real Korean model, and damaged copies of it."""

from __future__ import annotations

import pytest

from speech.stt.vosk_probe import DAMAGED, LOADED, NOT_TRIED, load_problem, probe_model
from tests.fixtures.vosk_models import crashing_model, damaged_model, korean_model_folder
from tests.models.fakes import write_fake_model

pytestmark = pytest.mark.slow  # a real model load in a child process


def test_random_bytes_in_the_model_files_are_damage_and_the_real_model_loads(tmp_path):
    result = probe_model(damaged_model(tmp_path / "vosk-model-small-en-gb-0.15"))
    assert result.outcome == DAMAGED and result.why == "the speech engine could not load it"
    assert probe_model(korean_model_folder()).outcome == LOADED
    assert load_problem(korean_model_folder()) is None


def test_a_model_that_crashes_the_engine_is_damage_not_a_crash_here(tmp_path):
    # A few bytes changed in am/final.mdl: the model loads, and then Kaldi
    # aborts the process that decodes with it. Only the child goes down.
    folder = crashing_model(tmp_path / "flipped")
    assert probe_model(folder).outcome == DAMAGED


def test_a_model_too_big_to_try_is_not_called_damaged(tmp_path):
    folder = write_fake_model(tmp_path / "big")  # random bytes: damaged if it were tried
    result = probe_model(folder, limit_bytes=100_000)
    assert result.outcome == NOT_TRIED and not result.damaged
