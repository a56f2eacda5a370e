"""Shared parts of the "SIGKILL mid-dictation" tests (the dictation harness and the main window).

The promise under test (Lesson Lab issue 4): after a crash or power cut the
next start offers the dictated text back, and at most the last two seconds of
recognised text are missing. The tests keep a real app talking through the
PulseAudio virtual microphone, kill it with SIGKILL while a sentence is being
spoken, start it again and compare what it offers with what the first
process had shown, by the wall-clock times in its event log.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

GAP_S = 0.9  # a pause between sentences, so each settles as a phrase
KILL_AFTER_PHRASES = 3
ALLOWED_LOSS_S = 2.0
# The newest text is this much older than the bound at the kill, so that the
# check below must find it in the offer (the log's clock and the test's agree).
KILL_MARGIN_S = 0.2


def read_events(log: Path) -> list[dict]:
    """The JSON-lines log so far (a line still being written is left out)."""
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


class Talker:
    """Keeps the virtual microphone talking: the next sentence as soon as the last is out.

    Each sentence is followed by ``gap_s`` of quiet. ``speaking()`` is True
    only while a sentence itself (not the quiet after it) is being written.
    """

    def __init__(self, mic, sentences: list[Path], gap_s: float = GAP_S) -> None:
        self.mic = mic
        self.sentences = sentences
        self.silence = np.zeros(int(gap_s * mic.rate), dtype=np.int16)
        self.said = 0
        self._sentence_start = 0  # mic.clip_samples_written when the sentence began
        self._sentence_samples = 0

    def keep_talking(self) -> None:
        """Queue the next sentence (and its pause) if the microphone has run dry."""
        if not self.mic.wait_until_played(0):
            return
        self._sentence_start = self.mic.clip_samples_written
        seconds = self.mic.play(self.sentences[self.said % len(self.sentences)])
        self._sentence_samples = int(seconds * self.mic.rate)
        self.mic.play(self.silence, self.mic.rate)
        self.said += 1

    def speaking(self) -> bool:
        """True while the words of a sentence are going into the microphone."""
        written = self.mic.clip_samples_written - self._sentence_start
        return self.said > 0 and written < self._sentence_samples


def time_to_kill(shown: list[tuple[float, str]], talker: Talker, now: float) -> bool:
    """Enough phrases have settled, the newest just over two seconds ago, and words are going in.

    Killing then puts the bound at its edge: the newest settled text must be
    offered back (it was shown more than ``ALLOWED_LOSS_S`` before the kill),
    while the sentence being spoken may be lost.
    """
    return (len(shown) >= KILL_AFTER_PHRASES
            and now - shown[-1][0] >= ALLOWED_LOSS_S + KILL_MARGIN_S
            and talker.speaking())


def check_offered(shown: list[tuple[float, str]], killed_at: float, offered: str | None) -> str:
    """Assert the offered text keeps all that was shown ``ALLOWED_LOSS_S`` before the kill.

    ``shown`` is the first process's settled text over time, as (epoch
    seconds, whole text). Returns a line for the report: how old the offered
    text was at the kill and how many phrases it missed.
    """
    before = [text for t, text in shown if t <= killed_at - ALLOWED_LOSS_S]
    assert before and before[-1], "nothing had settled two seconds before the kill"
    assert offered is not None, "the next start offered nothing back"
    # Everything shown more than two seconds before the kill is offered back...
    assert offered.startswith(before[-1]), (offered, before[-1])
    # ...and what is offered is exactly a text the app showed: never half a save.
    assert offered in [text for _t, text in shown], (offered, shown)
    offered_at = max(t for t, text in shown if text == offered)
    lost_at = [t for t, text in shown if t > offered_at and text != offered]
    # The recognised text missing: from the first text the offer lacks to the kill.
    lost_s = killed_at - min(lost_at) if lost_at else 0.0
    return (f"texts shown before the kill: {len(shown)}; the offered text had settled "
            f"{killed_at - offered_at:.2f} s before the kill; texts lost: {len(lost_at)}; "
            f"text lost: {lost_s:.2f} s")
