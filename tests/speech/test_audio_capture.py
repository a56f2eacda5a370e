"""Capture from the virtual microphone: 100 ms chunks of 16 kHz speech, levels, failures."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import soxr

from speech.audio import (
    CHUNK_SAMPLES,
    MICROPHONE_GONE,
    MICROPHONE_REFUSED,
    SAMPLE_RATE,
    AudioChunk,
    AudioError,
    Capture,
    Level,
    Stopped,
    level_dbfs,
)
from speech.audio_devices import NO_MICROPHONE, input_devices, output_devices
from tests.fixtures.pulse import MIC_DEVICE, SPARE_MIC_DEVICE, SPEAKER_DEVICE
from tests.fixtures.spoken import read_wav_int16

SENTENCE = "The water cycle shows how water moves between the sea and the sky."
ROOT = Path(__file__).resolve().parents[2]


def _resampled_16k(path: Path) -> np.ndarray:
    samples, rate = read_wav_int16(path)
    return soxr.resample(samples.astype(np.float32), rate, SAMPLE_RATE)


def _best_lag_correlation(recorded: np.ndarray, original: np.ndarray) -> tuple[int, float]:
    """Lag of ``original`` inside ``recorded`` and the Pearson correlation there."""
    recorded = recorded.astype(np.float64)
    original = original.astype(np.float64)
    size = 1 << (len(recorded) + len(original) - 1).bit_length()
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(original, size))
    lag = int(np.argmax(np.fft.irfft(spectrum, size)[: len(recorded)]))
    segment = recorded[lag : lag + len(original)]
    length = min(len(segment), len(original))
    return lag, float(np.corrcoef(segment[:length], original[:length])[0, 1])


def _voiced_seconds(samples: np.ndarray, threshold: float = 300) -> float:
    loud = np.nonzero(np.abs(samples) > threshold)[0]
    return (loud[-1] - loud[0]) / SAMPLE_RATE if len(loud) else 0.0


def _events_until_stopped(capture: Capture, limit: float = 20.0) -> list:
    """Every event up to ``Stopped``; fails (never hangs) if it does not come."""
    events = []
    while not events or not isinstance(events[-1], Stopped):
        event = capture.next_event(timeout=limit)
        assert event is not None, f"no event for {limit} s"
        events.append(event)
    return events


@pytest.mark.pulse
def test_lists_microphones_and_speakers(pulse):
    inputs, outputs = input_devices(), output_devices()
    assert MIC_DEVICE in [d.name for d in inputs]
    assert SPEAKER_DEVICE in [d.name for d in outputs]
    assert sum(d.is_default_input for d in inputs) == 1
    assert sum(d.is_default_output for d in outputs) == 1
    assert all(d.default_samplerate > 0 and d.index >= 0 for d in inputs + outputs)


@pytest.mark.pulse
@pytest.mark.slow
def test_speech_arrives_as_100ms_chunks_at_16khz_with_levels(virtual_mic, speak):
    wav = speak(SENTENCE)
    capture = Capture(MIC_DEVICE)
    capture.start()
    events = []
    # A real microphone hears the room before anyone speaks: take 0.5 s first.
    while sum(isinstance(e, AudioChunk) for e in events) < 5:
        events.append(capture.next_event(timeout=10))
    duration = virtual_mic.play(wav)
    assert virtual_mic.wait_until_played(timeout=duration + 10)
    heard = sum(isinstance(e, AudioChunk) for e in events)
    # Then 0.7 s after it, so the end of the sentence is through.
    while sum(isinstance(e, AudioChunk) for e in events) < heard + 7:
        events.append(capture.next_event(timeout=10))
    capture.stop()
    events += _events_until_stopped(capture)

    assert capture.input_rate == 44_100  # the device's own rate, converted by us
    assert isinstance(events[-1], Stopped)
    assert not any(isinstance(e, AudioError) for e in events)
    chunks = [e.samples for e in events if isinstance(e, AudioChunk)]
    assert all(c.dtype == np.int16 for c in chunks)
    assert all(len(c) == CHUNK_SAMPLES for c in chunks[:-1]) and len(chunks[-1]) <= CHUNK_SAMPLES
    audio = np.concatenate(chunks)

    original = _resampled_16k(wav)
    lag, correlation = _best_lag_correlation(audio, original)
    assert correlation > 0.9
    assert lag >= 5 * CHUNK_SAMPLES - SAMPLE_RATE // 10  # the speech came after the silence
    assert _voiced_seconds(audio) == pytest.approx(_voiced_seconds(original), abs=0.1)

    levels = [e.dbfs for e in events if isinstance(e, Level)]
    seconds = len(audio) / SAMPLE_RATE
    assert abs(len(levels) - 20 * seconds) <= 2
    # Level n covers samples [800 n, 800 n + 800): silence first, then speech.
    silent = [levels[i] for i in range(len(levels)) if (i + 1) * 800 <= lag]
    spoken = [levels[i] for i in range(len(levels)) if lag <= i * 800 < lag + len(original)]
    assert silent and max(silent) < -80
    assert max(spoken) > -30
    assert np.median(spoken) > max(silent) + 40
    for i in (len(silent), len(silent) + 10, len(silent) + 20):
        assert levels[i] == pytest.approx(level_dbfs(audio[i * 800 : (i + 1) * 800]))


@pytest.mark.pulse
@pytest.mark.slow
def test_unplugging_the_microphone_gives_an_error_after_the_audio_so_far(spare_mic, speak):
    wav = speak(SENTENCE)
    capture = Capture(SPARE_MIC_DEVICE)
    capture.start()
    events = [capture.next_event(timeout=10) for _ in range(4)]
    assert not any(isinstance(e, (AudioError, Stopped)) for e in events)
    mark = spare_mic.clip_samples_written
    spare_mic.play(wav)
    assert spare_mic.wait_for_clip_seconds(1.5, timeout=10, since=mark)
    spare_mic.unload()
    events += _events_until_stopped(capture)

    assert isinstance(events[-1], Stopped)
    errors = [i for i, e in enumerate(events) if isinstance(e, AudioError)]
    assert len(errors) == 1 and events[errors[0]].message == MICROPHONE_GONE
    assert errors[0] == len(events) - 2
    assert not any(isinstance(e, (AudioChunk, Level)) for e in events[errors[0] :])
    # The speech heard before the plug was pulled is all there.
    audio = np.concatenate([e.samples for e in events if isinstance(e, AudioChunk)])
    original = _resampled_16k(wav)
    lag, _ = _best_lag_correlation(audio, original)
    kept = audio[lag:]
    length = min(len(kept), len(original))
    assert length > 1.0 * SAMPLE_RATE
    assert np.corrcoef(kept[:length], original[:length])[0, 1] > 0.9


@pytest.mark.pulse
def test_a_microphone_that_is_not_there_gives_a_clear_error(pulse):
    events = _events_until_stopped(Capture(9999), limit=10)
    assert [type(e) for e in events] == [AudioError, Stopped]
    assert "microphone" in events[0].message and "not found" in events[0].message


@pytest.mark.pulse
def test_a_rate_the_device_refuses_gives_a_clear_error(pulse):
    events = _events_until_stopped(Capture(MIC_DEVICE, samplerate=10_000_000), limit=10)
    assert events == [AudioError(MICROPHONE_REFUSED), Stopped()]


def test_no_sound_server_and_no_sound_card_means_no_microphone():
    # A fresh process that cannot reach any PulseAudio server: on a machine
    # without a sound card (like the test machines) it has no microphone at all.
    env = {k: v for k, v in os.environ.items() if k != "ALSA_CONFIG_PATH"}
    env["PULSE_SERVER"] = "unix:/nonexistent/lesson-lab"
    script = (
        "from speech.audio import Capture\n"
        "from speech.audio_devices import input_devices\n"
        "print(len(input_devices()))\n"
        "for e in Capture().events(timeout=10): print(repr(e))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    count, *events = done.stdout.splitlines()
    if count != "0":
        pytest.skip("this machine has a real sound card")
    assert events == [f"AudioError(message={NO_MICROPHONE!r})", "Stopped()"]


@pytest.mark.pulse
def test_stop_from_another_thread_ends_the_events_cleanly(virtual_mic):
    capture = Capture(MIC_DEVICE)
    capture.start()
    received = []
    worker = threading.Thread(target=lambda: received.extend(capture.events()), daemon=True)
    worker.start()
    for _ in range(400):  # up to 20 s for three chunks
        if sum(isinstance(e, AudioChunk) for e in list(received)) >= 3:
            break
        worker.join(timeout=0.05)
        assert worker.is_alive()
    else:
        pytest.fail("no audio from the virtual microphone")
    capture.stop()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert isinstance(received[-1], Stopped)
    assert not any(isinstance(e, AudioError) for e in received)


@pytest.mark.pulse
def test_stop_before_start_opens_nothing(pulse):
    capture = Capture(MIC_DEVICE)
    capture.stop()
    assert list(capture.events(timeout=5)) == [Stopped()]
    assert capture.device is None
