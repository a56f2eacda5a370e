"""Several threads starting the computer's voices at once (the app's start-up does)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser

RACE = """
import threading
import pyttsx3
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser
for _ in range(10):
    pyttsx3._activeEngines.clear()  # each round starts libespeak-ng afresh
    barrier = threading.Barrier(4)
    def start():
        barrier.wait()
        Pyttsx3Synthesiser().voices()
    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
print("all started")
"""


@pytest.mark.skipif(not Pyttsx3Synthesiser.availability().available,
                    reason="no text-to-speech on this computer")
def test_voices_started_on_four_threads_at_once_neither_hang_nor_crash():
    # Without the lock around starting libespeak-ng this hung (and once
    # crashed the app with "corrupted double-linked list").
    try:
        done = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True,
                              timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("starting the voices on several threads at once hung")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "all started" in done.stdout
