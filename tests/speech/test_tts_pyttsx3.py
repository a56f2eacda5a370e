"""The pyttsx3 engine with the real eSpeak NG: voices, rates, WAVs and word times."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from speech.tts.base import RateOutOfRange, SynthesisCancelled, SynthesisError, UnknownVoice
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser
from speech.tts.word_timing import word_spans

pytestmark = pytest.mark.skipif(
    not Pyttsx3Synthesiser.availability().available,
    reason=Pyttsx3Synthesiser.availability().reason or "pyttsx3 unavailable",
)

TRICKY = "Hello,  world!\nThe café's 12 pupils—read  aloud. Mr. Smith, e.g. “quoted” end."


@pytest.fixture(scope="module")
def engine():
    return Pyttsx3Synthesiser()


@pytest.fixture(autouse=True)
def _normal_rate(engine):
    engine.set_rate(engine.normal_rate)
    engine.set_voice(engine.default_voice().id)


def _db(samples: np.ndarray) -> float:
    rms = np.sqrt(np.mean(samples.astype(np.float64) ** 2)) if len(samples) else 0.0
    return 20 * np.log10(max(rms, 1e-3) / 32768)


def test_lists_voices_and_defaults_to_british_english(engine):
    voices = engine.voices()
    assert len(voices) > 10
    assert all(v.id and v.name for v in voices)
    assert engine.voice.language.lower().startswith("en-gb")
    assert engine.voice == engine.default_voice()


def test_words_cover_the_original_text_in_order(engine):
    synthesis = engine.synthesise(TRICKY)
    expected = [TRICKY[start:end] for start, end in word_spans(TRICKY)]
    assert [w.word(TRICKY) for w in synthesis.words] == expected
    assert "café's" in expected and "quoted" in expected
    times = [w.time for w in synthesis.words]
    assert all(a < b for a, b in zip(times, times[1:], strict=False))
    assert 0 <= times[0] and times[-1] < synthesis.duration
    # eSpeak NG's own events time almost every word; at most "e.g" style folds are filled in.
    assert sum(w.estimated for w in synthesis.words) <= 1


def test_word_times_are_real_times_in_the_audio(engine):
    # Full stops make pauses: each word after one starts where the sound comes back.
    text = "Stop. Look carefully. Listen. Now write."
    synthesis = engine.synthesise(text)
    assert not any(w.estimated for w in synthesis.words)
    rate, samples = synthesis.sample_rate, synthesis.samples
    for boundary in synthesis.words:
        if boundary.word(text) not in ("Look", "Listen", "Now"):
            continue
        at = int(boundary.time * rate)
        before = samples[max(0, at - int(0.06 * rate)) : at]
        after = samples[at : at + int(0.15 * rate)]
        assert _db(after) > _db(before) + 20, boundary.word(text)


def test_synthesises_a_real_wav_of_plausible_length(engine, tmp_path):
    text = "Plants need light and water to make their own food."
    path = tmp_path / "plants.wav"
    synthesis = engine.save_wav(text, path)
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert wav.getframerate() == synthesis.sample_rate
        frames = wav.getnframes()
        data = np.frombuffer(wav.readframes(frames), dtype=np.int16)
    assert frames == len(synthesis.samples)
    # Ten words at 175 words a minute: a few seconds, not silence.
    assert 2.0 < synthesis.duration < 6.0
    assert _db(data) > -40
    assert synthesis.words[-1].time < synthesis.duration


def test_double_rate_is_much_shorter_than_half_rate(engine):
    text = "Remember to put a capital letter at the start of every sentence."
    engine.set_rate_scale(2.0)
    fast = engine.synthesise(text)
    engine.set_rate_scale(0.5)
    slow = engine.synthesise(text)
    assert engine.rate == pytest.approx(engine.normal_rate / 2)
    assert fast.duration < 0.5 * slow.duration
    assert fast.words[-1].time < 0.5 * slow.words[-1].time


def test_rate_in_words_per_minute_and_its_limits(engine):
    engine.set_rate(200)
    assert engine.rate_scale == pytest.approx(200 / engine.normal_rate)
    with pytest.raises(RateOutOfRange, match="words a minute"):
        engine.set_rate(engine.max_rate + 20)
    with pytest.raises(RateOutOfRange):
        engine.set_rate_scale(0.2)
    assert engine.rate == 200


def test_the_chosen_voice_is_the_one_heard(engine):
    text = "Tomato and water."
    british = engine.synthesise(text)
    engine.set_voice("gmw/en-us")
    american = engine.synthesise(text)
    assert engine.voice.language == "en-us"
    assert len(british.samples) != len(american.samples) or not np.array_equal(
        british.samples, american.samples
    )


def test_bad_requests_give_plain_errors(engine):
    with pytest.raises(UnknownVoice, match="not installed"):
        engine.set_voice("klingon-warrior")
    with pytest.raises(SynthesisError, match="no text"):
        engine.synthesise("  \n ")


def test_audio_arrives_in_blocks_and_the_first_is_timed(engine):
    blocks = []
    synthesis = engine.synthesise("The heart pumps blood all around the body.", blocks.append)
    assert len(blocks) >= 2
    assert np.array_equal(np.concatenate(blocks), synthesis.samples)
    assert synthesis.first_audio_after is not None and synthesis.first_audio_after >= 0


def test_stop_during_synthesis_cancels_it(engine):
    long_text = "The Victorians built railways all over the country. " * 40

    def stop_at_first_block(block):
        engine.stop()

    with pytest.raises(SynthesisCancelled):
        engine.synthesise(long_text, stop_at_first_block)
    # The engine is still usable afterwards.
    assert engine.synthesise("Still here.").duration > 0.3
