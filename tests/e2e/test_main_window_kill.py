"""The real main window killed with SIGKILL mid-dictation loses at most the last two seconds.

Lesson Lab issue 4, through the app a teacher starts (``python -m
app.e2e_harness``: ``app.gui.make_window`` on a private X server, the real
Whisper engine, the PulseAudio virtual microphone): F9 starts dictation in the
dictation dock, espeak-ng reads classroom sentences into the microphone with a
pause after each, and once a few phrases have settled (the newest just over
two seconds earlier, so the bound is tested at its edge) the test kills the
app process, by its PID, with SIGKILL while a sentence is being spoken. The app
then starts again on the same data folder, asks "Bring back your dictation?"
as it does at every start, and the test clicks "Bring it back". The text the
dock then holds must contain everything the first window had shown more than
two seconds before the kill, and be exactly a text it showed (never half a save).

tests/e2e/test_dictation_kill.py proves the same for the dictation panel alone.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from tests.e2e.kill_helpers import (
    KILL_AFTER_PHRASES,
    Talker,
    check_offered,
    read_events,
    time_to_kill,
)
from tests.e2e.test_main_window_e2e import Harness, _need_whisper_and_microphone
from tests.fixtures.spoken import CLASSROOM_SENTENCES

pytestmark = [pytest.mark.e2e, pytest.mark.pulse, pytest.mark.slow, pytest.mark.timeout(400)]

LESSON = "The water cycle"


def _settled_texts(events: list[dict]) -> list[tuple[float, str]]:
    """The dock's settled text over time: (epoch seconds, whole text), once per change."""
    shown: list[tuple[float, str]] = []
    for event in events:
        if event["event"] == "panel" and event["text"] and (
                not shown or shown[-1][1] != event["text"]):
            shown.append((event["t"], event["text"]))
    return shown


def test_sigkill_of_the_main_window_mid_dictation_keeps_all_but_the_last_two_seconds(
        pulse, virtual_mic, speak, xvfb_1080p, tmp_path):
    _need_whisper_and_microphone(pulse)
    never = tmp_path / "never"  # keeps the first app waiting until it is killed
    first = Harness(tmp_path, xvfb_1080p, [
        {"wait": "library"},
        {"select_lesson": LESSON},  # a lesson open, as in class (its key words steer Whisper)
        {"activate": True},
        {"wait": "active"},
        {"key": "F9"},
        {"wait": "listening", "timeout": 90},
        {"wait": f"file:{never}", "timeout": 300},
    ])
    try:
        first.wait_for("dictation listening",
                       lambda: any(e["value"] for e in first.events("listening")), 120)
        talker = Talker(virtual_mic, [speak(sentence) for sentence in CLASSROOM_SENTENCES])

        def phrases_while_speaking() -> bool:
            talker.keep_talking()
            return time_to_kill(_settled_texts(read_events(first.log)), talker, time.time())

        first.wait_for(f"{KILL_AFTER_PHRASES} phrases settled", phrases_while_speaking, 240)
        killed_at = time.time()
        os.kill(first.process.pid, signal.SIGKILL)  # this app process only
        first.process.wait(timeout=30)
    finally:
        first.stop()
    assert first.process.returncode == -signal.SIGKILL
    assert first.events("error") == [], first.events("error")
    shown = _settled_texts(first.events())
    # The second start gets fresh logs but the same data folder (transcripts, settings).
    first.log.rename(tmp_path / "first-run.jsonl")
    first.errors.rename(tmp_path / "first-run.err")

    second = Harness(tmp_path, xvfb_1080p, [
        {"wait": "question", "timeout": 90},
        {"answer": "Bring it back"},
        {"wait": "recovery_done", "timeout": 30},
        {"quit": True},
    ])
    try:
        second.wait_for("the recovery offer", lambda: second.events("recovery"), 150)
        recovery = second.events("recovery")[-1]
        assert recovery["restored"], "the next start offered nothing back"
        second.process.wait(timeout=60)
    finally:
        second.stop()
    questions = second.events("question")
    assert [q["title"] for q in questions] == ["Bring back your dictation?"]
    assert second.process.returncode == 0, (second.done_reason(), second.errors.read_text())
    offered = recovery["text"]
    # The question said how much it brought back and showed how that text ends.
    details = questions[0]["details"]
    words = len(offered.split())
    assert details.startswith(f"{words:,} word"), (questions, offered)
    ending = details.split("It ends:\n", 1)[1]
    assert offered.strip().endswith(ending.lstrip("…")), (questions, offered)
    print(check_offered(shown, killed_at, offered))
