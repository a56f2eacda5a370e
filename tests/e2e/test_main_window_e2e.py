"""The main window end to end: a real window under Xvfb, real engines, real sound devices.

The app runs in its own process (``python -m app.e2e_harness``), started as
``lesson-lab`` starts it, on a private 1920 x 1080 X server, with the
PulseAudio virtual microphone and speaker as its chosen devices. The harness
presses the keys a teacher would (F9, F4, F11, Ctrl+Shift+C) and logs what the
window shows; this test speaks into the virtual microphone with espeak-ng in
real time and records the virtual speaker's monitor.

One run covers, in order:

1. dictation: the words appear in the dictation panel as a partial first,
   then settle as text that says what was spoken;
2. read aloud: a selected paragraph is read, the highlight visits every word
   in order (and the view paints the word that was announced), while the
   speaker receives a plausible length of sound;
3. live captions over the lesson in projector mode: the teacher speaks and
   the captions show it.

A second run closes the window while Whisper is still at work on a pupil's
speech, as a teacher closing the app at the bell would: the process must
end cleanly.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from app.read_aloud_text import words_of
from tests.fixtures.pulse import MIC_DEVICE, SPEAKER_DEVICE
from tests.fixtures.spoken import CLASSROOM_SENTENCES

# The first test also runs the scenario (a module fixture): give it room.
pytestmark = [pytest.mark.e2e, pytest.mark.pulse, pytest.mark.slow, pytest.mark.timeout(600)]

ROOT = Path(__file__).resolve().parents[2]
LESSON = "The water cycle"
DICTATED = CLASSROOM_SENTENCES[0]  # "The water cycle shows how water moves between..."
CAPTIONED = CLASSROOM_SENTENCES[6]  # "The river flows down the mountain towards the sea."
PARAGRAPH = "Look at the diagram. Follow the arrows round with your finger, starting at the sea."
# The waits below are hang guards, not timings: a speech engine on a busy
# two-core machine can take tens of seconds over a phrase.
LOUD = 300  # int16: well above the null sink's digital silence
TAIL_S = 1.5  # quiet after speaking, so the last phrase settles


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _overlap(heard: str, said: str) -> float:
    """The share of the words said that were heard (each counted once)."""
    said_words, heard_words = _words(said), _words(heard)
    return sum(1 for w in said_words if w in heard_words) / len(said_words)


class Harness:
    """The app process and its event log."""

    def __init__(self, tmp_path: Path, display: str, steps: list[dict]) -> None:
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.log = tmp_path / "events.jsonl"
        script = tmp_path / "script.json"
        script.write_text(json.dumps({
            "log": str(self.log),
            "timeout": 400,  # a hang guard for the whole run; each step has its own
            "settings": {"engine": "whisper", "input_device": MIC_DEVICE,
                         "output_device": SPEAKER_DEVICE, "welcome_shown": True},
            "steps": steps,
        }), encoding="utf-8")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   LESSON_LAB_DATA=str(tmp_path / "data"))
        self.errors = tmp_path / "harness.err"
        with self.errors.open("w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app.e2e_harness", str(script)],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)

    def events(self, name: str | None = None) -> list[dict]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").split("\n")
        events = [json.loads(line) for line in lines if line.endswith("}")]
        return [e for e in events if name is None or e["event"] == name]

    def wait_for(self, what: str, predicate, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.process.poll() is not None:
                pytest.fail(f"the app ended (code {self.process.returncode}) before {what}: "
                            f"{self.done_reason()}\n{self.errors.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}")
            time.sleep(0.05)

    def done_reason(self) -> str:
        done = self.events("done")
        return done[-1]["reason"] if done else "no 'done' in the log"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def _need_whisper_and_microphone(pulse) -> None:
    """Skip without the bundled Whisper; plug the virtual microphone back in if need be,
    with nothing left queued in it."""
    whisper = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not whisper.availability().available:
        pytest.skip(whisper.availability().reason)
    if not pulse.mic.loaded:  # a test before this one unplugged it
        pulse.mic.load()
        pulse.server.pactl("set-default-source", pulse.mic.source)
    # A SIGKILL test before this one leaves the rest of a sentence queued: the
    # panel must show only what this run says.
    pulse.mic.discard_queued()


def _speak_into(mic, wav: Path, fed: Path) -> None:
    """Say ``wav`` into the microphone in real time, then a quiet tail; then touch ``fed``."""
    mic.play(wav)
    mic.play(np.zeros(int(TAIL_S * mic.rate), dtype=np.int16), mic.rate)
    assert mic.wait_until_played(60), "the virtual microphone did not play the sentence"
    fed.touch()


@dataclass
class Run:
    """What one run of the scenario left behind."""

    harness: Harness
    heard: np.ndarray
    speaker_rate: int

    def events(self, name: str) -> list[dict]:
        return self.harness.events(name)

    def panel(self) -> list[dict]:
        return [e for e in self.events("panel") if e["text"] or e["partial"]]


@pytest.fixture(scope="module")
def run(pulse, speak, xvfb_1080p, tmp_path_factory) -> Run:
    """Run the whole scenario once; the tests below each check one part of it."""
    _need_whisper_and_microphone(pulse)
    tmp_path = tmp_path_factory.mktemp("main-window-e2e")
    dictated_wav, captioned_wav = speak(DICTATED), speak(CAPTIONED)
    fed_dictation, fed_captions = tmp_path / "fed-dictation", tmp_path / "fed-captions"
    steps = [
        {"wait": "library"},
        {"select_lesson": LESSON},
        {"activate": True},
        {"wait": "active"},
        {"key": "F9"},  # start dictation
        {"wait": "listening", "timeout": 90},
        {"wait": f"file:{fed_dictation}", "timeout": 60},
        {"wait": "settled", "timeout": 120},
        {"key": "F9"},  # stop dictation
        {"wait": "not_listening", "timeout": 120},
        {"wait": "voices", "timeout": 60},
        {"select_text": PARAGRAPH},
        {"key": "F4"},  # read the selection
        {"wait": "reading"},
        {"wait": "not_reading", "timeout": 90},
        {"key": "F11"},  # projector
        {"wait": "projector"},
        {"activate": True},
        {"wait": "active"},
        {"key": "Ctrl+Shift+C"},  # live captions
        {"wait": "captions_listening", "timeout": 60},
        {"wait": f"file:{fed_captions}", "timeout": 60},
        {"wait": "caption_settled", "timeout": 120},
        {"key": "Ctrl+Shift+C"},  # captions off; the last words are recognised
        {"wait": "captions_idle", "timeout": 120},
        {"quit": True},
    ]
    recording = pulse.speaker.start_recording()
    app = Harness(tmp_path, xvfb_1080p, steps)
    try:
        app.wait_for("dictation listening",
                     lambda: any(e["value"] for e in app.events("listening")), 120)
        _speak_into(pulse.mic, dictated_wav, fed_dictation)
        app.wait_for("captions listening",
                     lambda: any(e["value"] for e in app.events("captions_listening")), 180)
        _speak_into(pulse.mic, captioned_wav, fed_captions)
        app.process.wait(timeout=240)
    finally:
        app.stop()
        heard = pulse.speaker.stop_recording(recording)
    assert app.process.returncode == 0, (app.done_reason(), app.errors.read_text()[-3000:])
    return Run(app, heard, pulse.speaker.rate)


def test_the_app_ran_every_step_without_a_problem(run):
    assert run.harness.done_reason() == ""
    assert run.events("error") == []
    assert [e["title"] for e in run.events("lesson")][-1] == LESSON


def test_dictated_words_appear_as_a_partial_first_then_settle(run):
    panel = run.panel()
    assert panel, "nothing appeared in the dictation panel"
    assert panel[0]["partial"] and not panel[0]["text"], "the first words shown are a partial"
    assert any(e["text"] for e in panel), "no text settled"
    final = panel[-1]
    assert final["partial"] == "", "a guess was left in the panel after dictation stopped"
    assert _overlap(final["text"], DICTATED) >= 0.75, (final["text"], DICTATED)
    assert final["text"][0].isupper(), "dictation starts with a capital"
    statuses = [e["text"] for e in run.events("status")]
    assert "Dictation is listening." in statuses
    assert "Dictation stopped." in statuses


def test_the_settled_text_holds_nothing_that_was_not_said(run):
    # Whisper given the lesson's key words as hot words has been seen to loop on
    # the quiet after a sentence ("... the sky water vapour water vapour ...").
    text = run.panel()[-1]["text"]
    said = set(_words(DICTATED))
    extra = [word for word in _words(text) if word not in said]
    assert len(extra) <= 2, f"words that were never said: {extra} in {text!r}"


def test_read_aloud_highlights_every_word_in_order_as_it_is_heard(run):
    highlights = run.events("highlight")
    assert [h["word"] for h in highlights] == words_of(PARAGRAPH)
    # The view paints the word announced (the highlighter's extra selection).
    assert [h["shown"] for h in highlights] == [h["word"] for h in highlights]
    starts = [h["start"] for h in highlights]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    loud = np.nonzero(np.abs(run.heard) > LOUD)[0]
    assert len(loud), "the virtual speaker heard nothing"
    sound_s = (loud[-1] - loud[0]) / run.speaker_rate
    words = len(words_of(PARAGRAPH))
    # eSpeak NG at its normal rate: about 0.2 to 0.5 s a word, pauses included.
    assert 0.15 * words < sound_s < 0.8 * words, sound_s
    highlight_s = highlights[-1]["t"] - highlights[0]["t"]
    print(f"speaker: {sound_s:.2f} s of sound; first to last highlight: {highlight_s:.2f} s; "
          f"{words} words")


def test_live_captions_over_the_projector_show_what_the_teacher_said(run):
    steps = [e["step"] for e in run.events("step")]
    assert steps.index({"key": "F11"}) < steps.index({"key": "Ctrl+Shift+C"})
    finals = [e for e in run.events("captions") if e["kind"] == "final"]
    assert finals, "no caption settled"
    shown = " ".join(finals[-1]["lines"])
    assert _overlap(shown, CAPTIONED) >= 0.6, finals[-1]["lines"]
    print(f"dictated: {run.panel()[-1]['text']!r}; captions: {finals[-1]['lines']!r}")


def test_closing_the_window_while_whisper_works_ends_the_process_cleanly(
        pulse, speak, xvfb_1080p, tmp_path):
    # Without app/shutdown.py about half of these runs died with SIGSEGV at exit: the
    # speech-engine thread was still inside a CTranslate2 decode while the interpreter
    # unloaded the libraries under it.
    _need_whisper_and_microphone(pulse)
    fed = tmp_path / "fed"
    steps = [
        {"wait": "library"},
        {"select_lesson": LESSON},
        {"activate": True},
        {"wait": "active"},
        {"key": "F9"},
        {"wait": "listening", "timeout": 90},
        {"wait": f"file:{fed}", "timeout": 120},
        {"quit": True},  # close the window now, as at the bell
    ]
    app = Harness(tmp_path / "close", xvfb_1080p, steps)
    try:
        app.wait_for("dictation listening",
                     lambda: any(e["value"] for e in app.events("listening")), 120)
        # One long phrase, then just enough quiet for its final decode to begin
        # (the heaviest one: beam search with word times over the whole phrase).
        pulse.mic.play(speak(DICTATED))
        pulse.mic.play(speak(CAPTIONED))
        pulse.mic.play(np.zeros(int(0.4 * pulse.mic.rate), dtype=np.int16), pulse.mic.rate)
        assert pulse.mic.wait_until_played(60)
        fed.touch()
        app.process.wait(timeout=240)
    finally:
        app.stop()
    assert app.done_reason() == "", app.done_reason()
    errors = app.errors.read_text().strip()
    assert app.process.returncode == 0, (
        f"the window closed normally, then the process died with code "
        f"{app.process.returncode}" + (f":\n{errors[-2000:]}" if errors else ""))
