"""Killing the app with SIGKILL mid-dictation loses at most the last two seconds of text.

A real app process (app/dictation_harness.py: the dictation panel and its
controller in a real window under Xvfb) dictates from the PulseAudio virtual
microphone with the real Whisper engine while espeak-ng reads a passage into
it, sentence after sentence, for as long as it takes (a busy machine makes
the engine lag). Once a few phrases have settled, the test kills the process
with SIGKILL while a sentence is being spoken. The next start offers the text
back; everything the first process had shown more than two seconds before
the kill must be in it, and the offered text must be one the app really
showed (never half a save).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.kill_helpers import (
    KILL_AFTER_PHRASES,
    Talker,
    check_offered,
    read_events,
    time_to_kill,
)
from tests.fixtures.pulse import MIC_DEVICE
from tests.fixtures.spoken import CLASSROOM_SENTENCES

pytestmark = [pytest.mark.e2e, pytest.mark.pulse, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PASSAGE = CLASSROOM_SENTENCES


@pytest.fixture
def xvfb_display(tmp_path):
    """A private Xvfb server; yields its DISPLAY (stopped by its PID afterwards)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as stream:
            number = stream.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _wait_for(predicate, timeout: float, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if process.poll() is not None:
            pytest.fail(f"the harness ended (code {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def _harness(env: dict, *args: str, stderr) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.dictation_harness", "--engine", "whisper", *args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)


def test_sigkill_mid_dictation_keeps_all_but_the_last_two_seconds(
        virtual_mic, speak, tmp_path, xvfb_display):
    whisper = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not whisper.availability().available:
        pytest.skip(whisper.availability().reason)
    env = dict(os.environ, LESSON_LAB_DATA=str(tmp_path / "data"), DISPLAY=xvfb_display,
               QT_QPA_PLATFORM="xcb")
    log = tmp_path / "first-run.jsonl"
    errors = (tmp_path / "first-run.err").open("w")
    first = _harness(env, "--microphone", MIC_DEVICE, "--start", "--log", str(log),
                     stderr=errors)
    try:
        _wait_for(lambda: any(e["event"] == "engine" for e in read_events(log))
                  and any(e["event"] == "listening" and e["value"] for e in read_events(log)),
                  90, first, "dictation started")
        talker = Talker(virtual_mic, [speak(sentence) for sentence in PASSAGE])

        def phrases_while_speaking() -> bool:
            talker.keep_talking()
            settled = [(e["t"], e["text"]) for e in read_events(log)
                       if e["event"] == "text" and e["text"]]
            return time_to_kill(settled, talker, time.time())

        _wait_for(phrases_while_speaking, 240, first, f"{KILL_AFTER_PHRASES} phrases settled")
        killed_at = time.time()
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=30)
        errors.close()
    assert first.returncode == -signal.SIGKILL
    shown = [(e["t"], e["text"]) for e in read_events(log) if e["event"] == "text"]

    offered_file = tmp_path / "offered.json"
    second_errors = (tmp_path / "second-run.err").open("w")
    second = _harness(env, "--recover-to", str(offered_file), "--quit-after-recovery",
                      "--log", str(tmp_path / "second-run.jsonl"), stderr=second_errors)
    try:
        assert second.wait(timeout=90) == 0, (tmp_path / "second-run.err").read_text()
    finally:
        if second.poll() is None:
            second.kill()
            second.wait(timeout=30)
        second_errors.close()
    offered = json.loads(offered_file.read_text(encoding="utf-8"))["text"]

    print(check_offered(shown, killed_at, offered))
