"""Whisper tiny.en (the bundled model) as a streaming recogniser, on espeak-ng speech."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from speech.audio_files import decode_audio_file
from speech.stt import whisper_model
from speech.stt.base import DamagedModelError, EngineError, Final, ModelLoadError, Partial
from speech.stt.loader import shared_loader
from speech.stt.wer import word_error_rate
from speech.stt.whisper_engine import WhisperRecogniser, WhisperSettings
from tests.fixtures.cli import lesson_lab
from tests.fixtures.spoken import CLASSROOM_SENTENCES

GAP = np.zeros(16_000, np.int16)


@pytest.fixture(scope="module")
def model():
    return shared_loader().load_now("whisper")


def feed(recogniser, samples, chunk=1_600):
    events = []
    for start in range(0, len(samples), chunk):
        events.extend(recogniser.accept(samples[start : start + chunk]))
    return events + recogniser.flush()


def finals(events):
    return [e for e in events if isinstance(e, Final) and e.text]


# Our users are British: the test speaks with espeak-ng's British voice at an
# ordinary classroom pace, which is hard for tiny.en (its robotic vowels).
VOICE, PACE = "en-gb", 150


@pytest.mark.slow
def test_word_error_rate_from_a_file_and_as_a_live_stream(model, speak, tmp_path):
    """Issue acceptance: >= 20 sentences, file and 100 ms stream both <= 15%, within 3 points.

    Measured (docs in the report): file about 6%, stream about 7%; the
    engine before it heard earlier speech as forced text streamed at 16.5%.
    """
    from speech.audio_files import write_wav

    assert len(CLASSROOM_SENTENCES) >= 20
    clips = [decode_audio_file(speak(t, VOICE, PACE)) for t in CLASSROOM_SENTENCES]
    # One recording of the whole lesson: each sentence, then a second of quiet.
    spans, pieces, position = [], [GAP], GAP.size
    for clip in clips:
        spans.append((position / 16_000, (position + clip.size) / 16_000))
        pieces += [clip, GAP]
        position += clip.size + GAP.size
    recording = write_wav(tmp_path / "lesson.wav", np.concatenate(pieces))
    reference = " ".join(CLASSROOM_SENTENCES)

    # From the file, exactly as a user runs it.
    from_file = lesson_lab("transcribe", recording, "--engine", "whisper")
    assert from_file.returncode == 0, from_file.stderr
    file_wer = word_error_rate(reference, from_file.stdout)

    # As a live stream: 100 ms chunks with partial results on.
    events = feed(model.recogniser(), decode_audio_file(recording))
    assert not [e for e in events if isinstance(e, EngineError)]
    heard = finals(events)
    stream_wer = word_error_rate(reference, " ".join(e.text for e in heard))

    print(f"Whisper WER ({VOICE}, {PACE} wpm): file {file_wer:.3f}, stream {stream_wer:.3f}")
    assert file_wer <= 0.15
    assert stream_wer <= 0.15
    assert abs(file_wer - stream_wer) <= 0.03
    # One Final a sentence: the pauses cut phrases, nothing is run together
    # or said twice.
    assert len(heard) == len(CLASSROOM_SENTENCES)

    # Partial text shows up while each sentence is being spoken, and its
    # stable part is always the start of what is shown.
    partials = [e for e in events if isinstance(e, Partial)]
    assert len(partials) >= len(CLASSROOM_SENTENCES)
    assert all(p.text.startswith(p.stable) for p in partials)
    assert any(p.stable for p in partials)
    # Word times are stream times: each phrase's words lie inside its sentence.
    for phrase, (start, end) in zip(heard, spans, strict=True):
        assert phrase.words
        starts = [w.start for w in phrase.words]
        assert starts == sorted(starts)
        assert start - 0.5 <= starts[0] and phrase.words[-1].end <= end + 0.5
        assert all(0.0 <= w.confidence <= 1.0 for w in phrase.words)


def test_quiet_gives_no_words(model):
    rng = np.random.default_rng(7)
    hiss = rng.normal(0, 200, 16_000 * 3).astype(np.int16)
    assert feed(model.recogniser(), np.concatenate([np.zeros(16_000, np.int16), hiss])) == []


@pytest.mark.slow
def test_a_long_phrase_is_cut_so_decoding_stays_bounded(model, speak):
    clip = decode_audio_file(speak(" ".join(CLASSROOM_SENTENCES[:3]), words_per_minute=200))
    settings = WhisperSettings(max_phrase_s=3.0)
    recogniser = WhisperRecogniser(model.model, settings=settings, partials=False)
    heard = finals(feed(recogniser, clip))
    assert len(heard) >= len(clip) / 16_000 // 3
    for phrase in heard:
        if phrase.words:
            assert phrase.words[-1].start - phrase.words[0].start <= 3.0


@pytest.mark.slow
def test_reset_forgets_the_stream_and_starts_the_clock_again(model, speak):
    lead = np.zeros(8_000, np.int16)
    first = np.concatenate([lead, decode_audio_file(speak(CLASSROOM_SENTENCES[0])), GAP])
    second = np.concatenate([lead, decode_audio_file(speak(CLASSROOM_SENTENCES[3])), GAP])
    recogniser = model.recogniser(partials=False)
    assert finals(feed(recogniser, first))
    recogniser.reset()
    after = finals(feed(recogniser, second))
    fresh = finals(feed(model.recogniser(partials=False), second))
    # As if the first sentence had never been heard: the same words, timed
    # from the start of the second stream.
    assert [f.text for f in after] == [f.text for f in fresh]
    assert abs(after[0].words[0].start - fresh[0].words[0].start) < 0.1
    assert after[0].words[0].start < 1.5


def test_vocabulary_is_a_hint_and_never_unknown(model):
    recogniser = model.recogniser(vocabulary=["photosynthesis", "chlorophyll"])
    assert recogniser.set_vocabulary(["herbivores", "carnivores"]) == []


def test_the_bundled_model_file_passes_its_checksum_once_per_process():
    folder = WhisperRecogniser.default_model_path()
    assert folder is not None
    assert whisper_model.verify_model_folder(folder) == folder
    stat = (folder / "model.bin").stat()
    key = (str((folder / "model.bin").resolve()), stat.st_size, stat.st_mtime_ns,
           whisper_model.BUNDLED_MODEL_SHA256)
    assert key in whisper_model._verified


def test_a_model_file_with_the_wrong_checksum_is_refused_not_loaded(tmp_path):
    source = WhisperRecogniser.default_model_path()
    copy = tmp_path / "tiny.en"
    copy.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(source / name, copy / name)
    # Same size as the real weights, one byte different.
    with (source / "model.bin").open("rb") as original, (copy / "model.bin").open("wb") as bad:
        while block := original.read(1 << 20):
            bad.write(block)
    with (copy / "model.bin").open("r+b") as bad:
        bad.seek(1_000_000)
        byte = bad.read(1)
        bad.seek(1_000_000)
        bad.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelLoadError) as caught:
        WhisperRecogniser.load_model(copy)
    assert "checksum" in str(caught.value)
    assert "\n" not in str(caught.value)
    future = shared_loader().load("whisper", copy)
    with pytest.raises(ModelLoadError):
        future.result(timeout=60)
    assert not shared_loader().is_loaded("whisper", copy)


def test_an_incomplete_model_folder_is_refused(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"not a model")
    with pytest.raises(ModelLoadError) as caught:
        WhisperRecogniser.load_model(tmp_path)
    assert "config.json" in str(caught.value)


def test_a_damaged_tokenizer_is_said_plainly_not_in_the_parsers_words(tmp_path):
    # The weights pass their checksum; the tokenizer file beside them is damaged.
    source = WhisperRecogniser.default_model_path()
    copy = tmp_path / "tiny.en"
    shutil.copytree(source, copy)
    (copy / "tokenizer.json").write_bytes(b'{"version": "1.0",\n\x00\x01 broken')
    with pytest.raises(DamagedModelError) as caught:
        WhisperRecogniser.load_model(copy)
    assert str(caught.value) == (f"The Whisper model in {copy} could not be loaded: its files "
                                 "are damaged or incomplete.")
