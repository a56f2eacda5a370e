"""The Vosk trial's passes file when it is damaged: never a crash, and written afresh.

Real files in the test's own models folder (``LESSON_LAB_MODELS``); no model
is needed, since the file is read and written by fingerprint alone.
"""

from __future__ import annotations

import json

import pytest

from speech.stt.vosk_trial import PASSES_FILE, _read_passes, remember_pass


@pytest.mark.parametrize("damage", [
    b"[" * 100_000,                       # nested far deeper than Python's reader goes
    b'{"passed": ["' + b"a" * 200_000 + b'"]}',  # far bigger than Lesson Lab writes
    bytes(range(256)) * 4,                # not text at all
    b'{"passed": 5}',                     # the wrong shape
])
def test_a_damaged_passes_file_counts_as_no_passes_and_is_written_afresh(
        tmp_path, monkeypatch, damage):
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setenv("LESSON_LAB_MODELS", str(models))
    (models / PASSES_FILE).write_bytes(damage)
    assert _read_passes() == []
    remember_pass("fingerprint-of-a-model-that-passed")
    assert _read_passes() == ["fingerprint-of-a-model-that-passed"]
    assert json.loads((models / PASSES_FILE).read_text(encoding="utf-8")) == {
        "passed": ["fingerprint-of-a-model-that-passed"]}
