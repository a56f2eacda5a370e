"""eSpeak NG with its voice data missing or damaged (speech/tts/pyttsx3_engine.py).

libespeak-ng ends the whole process (C ``exit()``) when it cannot read its
data: the app froze at start with nothing said, and ``lesson-lab voices``
stopped with eSpeak's own line. It is now tried in a child process first, and
read aloud goes on in silence, saying why. The data is "missing" here by
pointing ``ESPEAK_DATA_PATH`` at an empty folder, as a damaged install looks.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from speech.tts.choose import create_synthesiser
from speech.tts.pyttsx3_engine import ESPEAK_DATA_MISSING, Pyttsx3Synthesiser, espeak_starts

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="eSpeak NG")


@pytest.fixture
def no_voice_data(tmp_path, monkeypatch):
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(tmp_path))
    espeak_starts.cache_clear()
    yield
    espeak_starts.cache_clear()  # the next test tries again with the real data


def test_missing_voice_data_is_found_before_espeak_is_started_here(no_voice_data):
    assert not espeak_starts()
    availability = Pyttsx3Synthesiser.availability()
    assert not availability.available
    assert availability.reason == ESPEAK_DATA_MISSING
    synthesiser, note = create_synthesiser()
    try:
        assert synthesiser.name == "none" and note == ESPEAK_DATA_MISSING
    finally:
        synthesiser.close()


def test_with_its_data_espeak_is_tried_and_used():
    espeak_starts.cache_clear()
    assert espeak_starts()
    assert Pyttsx3Synthesiser.availability().available


def test_the_command_line_says_what_to_do_in_one_sentence(tmp_path):
    env = dict(os.environ, ESPEAK_DATA_PATH=str(tmp_path))
    for args in (["voices"], ["say", "Good morning.", "--out", str(tmp_path / "a.wav")]):
        result = subprocess.run([sys.executable, "-m", "app.cli", *args], env=env,
                                capture_output=True, text=True, timeout=120,
                                cwd=os.path.dirname(os.path.dirname(os.path.dirname(
                                    os.path.abspath(__file__)))))
        assert result.returncode == 1
        assert result.stderr.strip() == f"lesson-lab: {ESPEAK_DATA_MISSING}"


def test_a_child_that_fails_in_python_does_not_blame_the_voices(monkeypatch):
    # Only eSpeak's own exit says the voices are missing; a fault in the child's
    # Python (here: no such module) leaves the engine to start here as before.
    from speech.tts import pyttsx3_engine

    monkeypatch.setattr(pyttsx3_engine, "_ESPEAK_TRY", "import no_such_module_here")
    espeak_starts.cache_clear()
    try:
        assert espeak_starts()
    finally:
        espeak_starts.cache_clear()


def test_threads_that_ask_at_once_share_one_try(monkeypatch):
    # The speech report and read aloud both ask at start, on threads of their own.
    import threading

    from speech.tts import pyttsx3_engine

    tries = []
    real_run = pyttsx3_engine.subprocess.run

    def counted(*args, **kwargs):
        tries.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(pyttsx3_engine.subprocess, "run", counted)
    espeak_starts.cache_clear()
    try:
        answers = []
        threads = [threading.Thread(target=lambda: answers.append(espeak_starts()))
                   for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert answers == [True, True, True] and len(tries) == 1
    finally:
        espeak_starts.cache_clear()
