"""The model loader: off the caller's thread, one load per model and process."""

from __future__ import annotations

import threading

import pytest

from speech.stt.base import ModelLoadError
from speech.stt.loader import LoadedModel, ModelLoader, shared_loader
from speech.stt.whisper_engine import WhisperRecogniser


def test_two_requests_at_once_share_one_load_and_one_model():
    loader = ModelLoader()
    barrier = threading.Barrier(2)
    futures, ready = [], []

    def ask():
        barrier.wait()
        futures.append(loader.load("whisper", on_ready=ready.append))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first, second = (f.result(timeout=120) for f in futures)
    assert futures[0] is futures[1]
    assert first is second
    assert loader.loads_started == 1
    assert isinstance(first, LoadedModel) and first.engine is WhisperRecogniser
    # A later request reuses the loaded model at once.
    assert loader.load_now("whisper") is first
    assert loader.loads_started == 1
    assert loader.is_loaded("whisper")
    # Each stream gets its own recogniser over the one model.
    one, two = first.recogniser(), first.recogniser(dictation=True)
    assert one is not two and one.model is two.model
    assert len(ready) == 2 and ready[0] is first


def test_load_does_not_block_the_caller():
    loader = ModelLoader()
    caller = threading.current_thread()
    seen = []
    future = loader.load("whisper", on_progress=lambda line: seen.append(
        (line, threading.current_thread())))
    future.result(timeout=120)
    assert seen and all(thread is not caller for _line, thread in seen)


def test_a_failed_load_is_reported_and_can_be_tried_again(tmp_path):
    loader = ModelLoader()
    errors = []
    future = loader.load("vosk", tmp_path, on_error=errors.append)
    with pytest.raises(ModelLoadError):
        future.result(timeout=30)
    assert errors and isinstance(errors[0], ModelLoadError)
    loader.load("vosk", tmp_path).exception(timeout=30)
    assert loader.loads_started == 2


def test_the_shared_loader_is_one_per_process():
    assert shared_loader() is shared_loader()
