"""Speaking to the virtual speaker: real audio out, words against the audio clock."""

from __future__ import annotations

import queue
import threading
import time

import numpy as np
import pytest
import soxr

from speech.playback import (
    SPEAKERS_GONE,
    PlaybackError,
    PlaybackFinished,
    PlaybackPaused,
    PlaybackResumed,
    PlaybackStarted,
    Player,
    WordStarted,
)
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser
from speech.tts.word_timing import word_spans
from tests.fixtures.pulse import SPEAKER_DEVICE

pytestmark = [pytest.mark.pulse, pytest.mark.slow]

TEXT = "Please open your books,  at page twelve.\nThen write  three facts!"
LOUD = 300  # int16: well above the null sink's digital silence


@pytest.fixture(scope="module")
def engine():
    return Pyttsx3Synthesiser()


def _loud_span(samples: np.ndarray, rate: int) -> float:
    loud = np.nonzero(np.abs(samples) > LOUD)[0]
    return (loud[-1] - loud[0]) / rate if len(loud) else 0.0


def _run_in_thread(events_iterable):
    """Iterate playback events on a worker thread, as the app does."""
    out: queue.Queue = queue.Queue()

    def work():
        for event in events_iterable:
            out.put(event)
        out.put(None)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread, out


def _collect(out: queue.Queue, timeout: float = 30.0) -> list:
    events = []
    while True:
        event = out.get(timeout=timeout)
        if event is None:
            return events
        events.append(event)


def test_speech_reaches_the_speaker_with_every_word_in_order(engine, virtual_speaker):
    synthesis = engine.synthesise(TEXT)
    recording = virtual_speaker.start_recording()
    player = Player(SPEAKER_DEVICE)
    events = list(player.play(synthesis.samples, synthesis.sample_rate, synthesis.words))
    time.sleep(0.2)
    heard = virtual_speaker.stop_recording(recording)

    assert events[0] == PlaybackStarted(synthesis.duration, SPEAKER_DEVICE)
    assert events[-1] == PlaybackFinished(completed=True, position=synthesis.duration)
    words = [e.word for e in events if isinstance(e, WordStarted)]
    assert [w.word(TEXT) for w in words] == [TEXT[a:b] for a, b in word_spans(TEXT)]
    # Each word is reported once the audio clock has reached it, never before.
    positions = [e.position for e in events if isinstance(e, WordStarted)]
    assert all(e.position >= e.word.time for e in events if isinstance(e, WordStarted))
    assert positions == sorted(positions)

    # The speaker really played it: as long as the synthesis, and the same sound.
    rate = virtual_speaker.rate
    assert _loud_span(heard, rate) == pytest.approx(
        _loud_span(synthesis.samples, synthesis.sample_rate), abs=0.15
    )
    heard16 = soxr.resample(heard.astype(np.float32), rate, 16_000)
    said16 = soxr.resample(synthesis.samples.astype(np.float32), synthesis.sample_rate, 16_000)
    assert _best_correlation(heard16, said16) > 0.8


def test_the_engine_speaks_text_with_word_events(engine, virtual_speaker):
    recording = virtual_speaker.start_recording()
    events = list(engine.speak(TEXT, device=SPEAKER_DEVICE))
    time.sleep(0.2)
    heard = virtual_speaker.stop_recording(recording)
    started, finished = events[0], events[-1]
    assert isinstance(started, PlaybackStarted)
    assert finished == PlaybackFinished(completed=True, position=started.duration)
    words = [e.word.word(TEXT) for e in events if isinstance(e, WordStarted)]
    assert words == [TEXT[a:b] for a, b in word_spans(TEXT)]
    assert 0.7 * started.duration < _loud_span(heard, virtual_speaker.rate) <= started.duration


def _best_correlation(recorded: np.ndarray, original: np.ndarray) -> float:
    """Median Pearson correlation of 0.5 s pieces of ``original`` with ``recorded``.

    Each piece finds its own best lag, so a short gap in the recording (an
    underrun on a busy machine) shifts the pieces after it without spoiling
    the comparison of the sound itself.
    """
    piece = 8_000  # 0.5 s at 16 kHz
    scores = []
    for start in range(0, len(original) - piece + 1, piece):
        part = original[start : start + piece]
        if np.abs(part).max() < 1e-3:
            continue  # a pause between words says nothing about the sound
        scores.append(_correlation_at_best_lag(recorded, part))
    return float(np.median(scores))


def _correlation_at_best_lag(recorded: np.ndarray, original: np.ndarray) -> float:
    n = len(recorded) + len(original)
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(original, size))
    lag = int(np.argmax(np.fft.irfft(spectrum, size)[: len(recorded)]))
    segment = recorded[lag : lag + len(original)]
    length = min(len(segment), len(original))
    return float(np.corrcoef(segment[:length], original[:length])[0, 1])


def _wait_until_still(sound, settle_s: float = 0.2, limit_s: float = 10.0) -> None:
    """Wait until the audio clock (``sound.position``) has stopped moving for ``settle_s``."""
    deadline = time.monotonic() + limit_s
    last = sound.position
    while time.monotonic() < deadline:
        time.sleep(settle_s)
        if sound.position == last:
            return
        last = sound.position
    raise AssertionError("the audio clock kept moving while paused")


def test_pause_freezes_the_audio_clock_and_resume_carries_on(engine, virtual_speaker):
    synthesis = engine.synthesise(TEXT)
    player = Player(SPEAKER_DEVICE)
    recording = virtual_speaker.start_recording()
    thread, out = _run_in_thread(
        player.play(synthesis.samples, synthesis.sample_rate, synthesis.words)
    )
    events = []
    while sum(isinstance(e, WordStarted) for e in events) < 3:
        events.append(out.get(timeout=10))
    player.pause()
    events.append(out.get(timeout=10))
    assert isinstance(events[-1], PlaybackPaused)
    _wait_until_still(player)  # the audio already buffered drains first
    frozen = player.position
    time.sleep(0.6)
    assert player.position == frozen
    assert out.empty()  # no words while paused
    player.resume()
    events += _collect(out)
    thread.join(timeout=10)
    heard = virtual_speaker.stop_recording(recording)

    assert any(isinstance(e, PlaybackResumed) for e in events)
    assert events[-1].__class__ is PlaybackFinished and events[-1].completed
    words = [e.word.word(TEXT) for e in events if isinstance(e, WordStarted)]
    assert words == [TEXT[a:b] for a, b in word_spans(TEXT)]
    # The pause shows as extra silence in what the speaker played.
    spoken = _loud_span(synthesis.samples, synthesis.sample_rate)
    assert _loud_span(heard, virtual_speaker.rate) > spoken + 0.6


def test_stop_ends_playback_early_without_hanging(engine, virtual_speaker):
    text = "The Romans built long straight roads across Britain. " * 3
    thread, out = _run_in_thread(engine.speak(text, device=SPEAKER_DEVICE))
    events = []
    while not any(isinstance(e, WordStarted) for e in events):
        events.append(out.get(timeout=10))
    engine.stop()
    events += _collect(out, timeout=10)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert isinstance(events[-1], PlaybackFinished) and not events[-1].completed
    spoken = sum(isinstance(e, WordStarted) for e in events)
    assert 0 < spoken < len(word_spans(text))


def test_stop_while_paused_ends_playback(engine):
    synthesis = engine.synthesise(TEXT)
    player = Player(SPEAKER_DEVICE)
    thread, out = _run_in_thread(player.play(synthesis.samples, synthesis.sample_rate))
    assert isinstance(out.get(timeout=10), PlaybackStarted)
    player.pause()
    assert isinstance(out.get(timeout=10), PlaybackPaused)
    player.stop()
    events = _collect(out, timeout=10)
    thread.join(timeout=10)
    assert isinstance(events[-1], PlaybackFinished) and not events[-1].completed


def test_a_missing_speaker_gives_a_clear_error(engine, pulse):
    synthesis = engine.synthesise("Hello.")
    events = list(Player(9999).play(synthesis.samples, synthesis.sample_rate))
    assert len(events) == 1 and isinstance(events[0], PlaybackError)
    assert "speaker" in events[0].message and "not found" in events[0].message


def test_unplugging_the_speakers_mid_speech_gives_a_clear_error(engine, spare_speaker):
    device, unplug = spare_speaker
    synthesis = engine.synthesise("The river flows down the mountain towards the sea. " * 2)
    player = Player(device)
    thread, out = _run_in_thread(
        player.play(synthesis.samples, synthesis.sample_rate, synthesis.words)
    )
    events = []
    while sum(isinstance(e, WordStarted) for e in events) < 2:
        events.append(out.get(timeout=10))
    unplug()
    events += _collect(out, timeout=20)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert events[-1] == PlaybackError(SPEAKERS_GONE)
    assert sum(isinstance(e, WordStarted) for e in events) < len(synthesis.words)


# --- pause and resume through the engine (Synthesiser.pause/resume during speak) ------


def _until(out: queue.Queue, kind: type, events: list) -> None:
    """Move events from ``out`` into ``events`` until one of ``kind`` arrives."""
    while not isinstance(events[-1] if events else None, kind):
        events.append(out.get(timeout=10))


def test_the_engine_pauses_and_resumes_while_speaking(engine, virtual_speaker):
    recording = virtual_speaker.start_recording()
    thread, out = _run_in_thread(engine.speak(TEXT, device=SPEAKER_DEVICE))
    events = []
    while sum(isinstance(e, WordStarted) for e in events) < 3:
        events.append(out.get(timeout=10))
    engine.pause()
    assert engine.paused
    _until(out, PlaybackPaused, events)
    _wait_until_still(engine)  # the audio already buffered drains first
    while not out.empty():  # words in that buffered audio may still be reported
        events.append(out.get_nowait())
    frozen = engine.position
    words_so_far = sum(isinstance(e, WordStarted) for e in events)
    time.sleep(0.8)
    assert engine.position == frozen  # the audio clock has stopped with the sound
    assert out.empty()  # and no word is reported while paused
    assert words_so_far < len(word_spans(TEXT))
    engine.resume()
    assert not engine.paused
    events += _collect(out)
    thread.join(timeout=10)
    heard = virtual_speaker.stop_recording(recording)

    resumed = next(e for e in events if isinstance(e, PlaybackResumed))
    assert resumed.position >= frozen
    assert isinstance(events[-1], PlaybackFinished) and events[-1].completed
    words = [e.word.word(TEXT) for e in events if isinstance(e, WordStarted)]
    assert words == [TEXT[a:b] for a, b in word_spans(TEXT)]
    # The pause shows as extra silence in what the speaker played.
    synthesis = engine.synthesise(TEXT)
    spoken = _loud_span(synthesis.samples, synthesis.sample_rate)
    assert _loud_span(heard, virtual_speaker.rate) > spoken + 0.8


def test_a_pause_while_the_text_is_synthesised_starts_the_sound_paused(
    virtual_speaker, monkeypatch
):
    engine = Pyttsx3Synthesiser()
    synthesising, pause_sent = threading.Event(), threading.Event()
    real_synthesise = engine.synthesise

    def synthesise_held(text, on_audio=None):
        # Hold the synthesis at its first block until the test has paused, so
        # the pause surely comes before the player exists.
        def first_block(_block):
            if not synthesising.is_set():
                synthesising.set()
                pause_sent.wait(10)

        return real_synthesise(text, first_block)

    monkeypatch.setattr(engine, "synthesise", synthesise_held)
    thread, out = _run_in_thread(engine.speak(TEXT, device=SPEAKER_DEVICE))
    assert synthesising.wait(10)
    engine.pause()  # no player yet: this pause used to be lost
    pause_sent.set()

    assert isinstance(out.get(timeout=10), PlaybackStarted)
    assert out.get(timeout=10) == PlaybackPaused(0.0)
    silence = virtual_speaker.start_recording()
    time.sleep(0.8)
    quiet = virtual_speaker.stop_recording(silence)
    assert engine.position == 0.0  # the audio clock has not started
    assert len(quiet) and np.abs(quiet).max() < LOUD  # and nothing was heard
    early = []
    while not out.empty():
        early.append(out.get_nowait())
    # Only a word that starts at 0.0 s (the first) has been "reached" so far.
    assert all(isinstance(e, WordStarted) and e.word.time == 0.0 for e in early)

    recording = virtual_speaker.start_recording()
    engine.resume()
    events = early + _collect(out)
    thread.join(timeout=10)
    heard = virtual_speaker.stop_recording(recording)
    resumed = events[len(early)]
    assert isinstance(resumed, PlaybackResumed) and resumed.position < 0.5
    assert isinstance(events[-1], PlaybackFinished) and events[-1].completed
    words = [e.word.word(TEXT) for e in events if isinstance(e, WordStarted)]
    assert words == [TEXT[a:b] for a, b in word_spans(TEXT)]
    assert _loud_span(heard, virtual_speaker.rate) > 0.7 * events[-1].position
    assert not engine.paused  # the pause ended with that reading


def test_a_pause_does_not_outlive_its_reading(engine, virtual_speaker):
    thread, out = _run_in_thread(engine.speak("Stand up.", device=SPEAKER_DEVICE))
    assert isinstance(out.get(timeout=10), PlaybackStarted)
    engine.pause()
    engine.stop()  # stopped while paused
    _collect(out, timeout=10)
    thread.join(timeout=10)
    assert not engine.paused
    events = list(engine.speak("Sit down.", device=SPEAKER_DEVICE))
    assert not any(isinstance(e, PlaybackPaused) for e in events)
    assert isinstance(events[-1], PlaybackFinished) and events[-1].completed
    # A pause with nothing being read means nothing, and does not hold the next reading.
    engine.pause()
    assert not engine.paused
    events = list(engine.speak("Sit down.", device=SPEAKER_DEVICE))
    assert not any(isinstance(e, PlaybackPaused) for e in events)
    assert isinstance(events[-1], PlaybackFinished) and events[-1].completed
