"""``lesson-lab say`` and ``lesson-lab voices``, run as a teacher would run them."""

from __future__ import annotations

import time
import wave

import numpy as np
import pytest

from tests.fixtures.cli import lesson_lab
from tests.fixtures.pulse import SPEAKER_DEVICE


def test_say_writes_a_wav(tmp_path):
    out = tmp_path / "greeting.wav"
    result = lesson_lab("say", "Good morning, everyone.", "--out", str(out), "--rate", "150")
    assert result.returncode == 0, result.stderr
    assert f"to {out}" in result.stdout
    with wave.open(str(out), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    assert 1.0 < seconds < 4.0
    assert np.abs(samples).max() > 3000


def test_say_can_show_each_word_with_its_time(tmp_path):
    text = "Write three facts."
    result = lesson_lab("say", text, "--out", str(tmp_path / "facts.wav"), "--words")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[:3]
    assert [line.split()[-1] for line in lines] == ["Write", "three", "facts"]
    times = [float(line.split()[0]) for line in lines]
    assert times == sorted(times)


def test_voices_lists_the_british_default():
    result = lesson_lab("voices", "--language", "en-gb")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    defaults = [line for line in lines if line.startswith("*")]
    assert len(defaults) == 1 and "gmw/en-gb-x-rp" in defaults[0]
    assert any("English (Scotland)" in line for line in lines)
    assert not any("en-us" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["say", "Hello", "--voice", "no-such-voice"], "not installed"),
        (["say", "Hello", "--voice", ""], "No voice was given after --voice"),
        (["say", "Hello", "--voice", "  "], "No voice was given after --voice"),
        (["say", "Hello", "--rate", "1000"], "between 88 and 350 words a minute"),
        (["say", "Hello", "--rate", "20"], "between 88 and 350 words a minute"),
        (["say", "Hello", "--out", "/proc/lesson-lab-test.wav"], "Could not save"),
        (["say", "Hello", "--out", "/no/such/folder/x.wav"], "does not exist"),
        (["say", "Hello", "--out", "speech.mp3"], "must end in .wav"),
        (["say", "   "], "no text"),
        (["voices", "--language", "tlh"], "No voices"),
    ],
)
def test_bad_input_gives_one_clear_line(args, message):
    result = lesson_lab(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lesson-lab: ")
    assert message in lines[0]


@pytest.mark.pulse
@pytest.mark.slow
def test_say_speaks_through_the_speakers(virtual_speaker):
    recording = virtual_speaker.start_recording()
    result = lesson_lab("say", "The moon goes around the earth.", "--device", SPEAKER_DEVICE)
    time.sleep(0.2)
    heard = virtual_speaker.stop_recording(recording)
    assert result.returncode == 0, result.stderr
    loud = np.nonzero(np.abs(heard) > 300)[0]
    assert len(loud) and (loud[-1] - loud[0]) / virtual_speaker.rate > 1.0


@pytest.mark.pulse
def test_say_to_missing_speakers_is_a_clear_error(pulse):
    result = lesson_lab("say", "Hello", "--device", "no-such-speakers")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lesson-lab: ")
    assert "no-such-speakers" in lines[0] and "was not found" in lines[0]
