"""Read aloud saved as a WAV over an earlier one on a full disk: said plainly, and the
earlier sound file left whole.

The disk is a real tiny tmpfs filled to the last byte (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere). The new sound is several times longer
than the old one, so it cannot fit in the space the old file held.
"""

from __future__ import annotations

import os
import stat
import wave

import numpy as np
import pytest

from speech.tts.base import Synthesis, SynthesisError
from tests.fixtures.small_disk import SmallDisk

RATE = 16_000


def tone(seconds: float) -> np.ndarray:
    times = np.arange(int(RATE * seconds)) / RATE
    return (np.sin(2 * np.pi * 440 * times) * 8000).astype(np.int16)


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk", size="300k") as mounted:
        yield mounted


def test_a_full_disk_keeps_the_old_sound_file_whole_and_is_said_plainly(disk):
    target = disk.path / "Rivers.wav"
    Synthesis("Rivers.", tone(0.5), RATE).write_wav(target)
    before = target.read_bytes()
    disk.fill()

    with pytest.raises(SynthesisError) as refused:
        Synthesis("Rivers and floods.", tone(4.0), RATE).write_wav(target)

    assert str(refused.value) == (
        f"Could not save the sound file {target}: the disk is full. Delete some files or "
        "choose another place, then try again. Nothing was lost.")
    assert target.read_bytes() == before
    assert sorted(p.name for p in disk.path.iterdir()) == [".filler", "Rivers.wav"]


def test_a_sound_file_is_whole_and_gets_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        path = Synthesis("Rivers.", tone(0.25), RATE).write_wav(tmp_path / "Rivers.wav")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        assert wav.getnframes() == RATE // 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Rivers.wav"]
