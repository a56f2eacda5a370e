"""Audio files of every common kind decode to 16 kHz mono int16 of the right length."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from speech.audio_files import AudioFileError, decode_audio_file, write_wav

SENTENCE = "Please open your books at page twelve."


def _seconds(path) -> float:
    out = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout)


@pytest.fixture(scope="module")
def spoken(speak):
    return speak(SENTENCE)


@pytest.mark.parametrize("extension,sox_args", [
    ("wav", ["-r", "44100", "-c", "2"]),
    ("flac", []),
    ("ogg", ["-r", "48000"]),
])
def test_sox_made_files_decode_to_the_right_duration(spoken, tmp_path, extension, sox_args):
    target = tmp_path / f"speech.{extension}"
    subprocess.run(["sox", "-V1", str(spoken), *sox_args, str(target)], check=True)
    samples = decode_audio_file(target)
    assert samples.dtype == np.int16 and samples.ndim == 1
    assert abs(len(samples) / 16_000 - _seconds(spoken)) < 0.03
    assert np.abs(samples).max() > 3000  # real sound, not silence


def test_stereo_is_mixed_down_not_interleaved(spoken, tmp_path):
    target = tmp_path / "stereo.wav"
    subprocess.run(["sox", "-V1", str(spoken), "-c", "2", str(target)], check=True)
    mono = decode_audio_file(spoken)
    stereo = decode_audio_file(target)
    assert len(stereo) == len(mono)
    assert np.corrcoef(mono.astype(float), stereo.astype(float))[0, 1] > 0.99


def test_mp3_made_with_pyav_decodes_to_the_right_duration(spoken, tmp_path):
    import av

    samples = decode_audio_file(spoken)
    target = tmp_path / "speech.mp3"
    with av.open(str(target), "w") as container:
        stream = container.add_stream("libmp3lame", rate=16_000, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = 16_000
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    decoded = decode_audio_file(target)
    # MP3 adds up to one frame of padding (1152 samples at most).
    assert abs(len(decoded) - len(samples)) <= 2 * 1152


def test_rate_changes_keep_duration(tmp_path):
    tone = (np.sin(np.arange(22_050) * 2 * np.pi * 440 / 22_050) * 10_000).astype(np.int16)
    path = write_wav(tmp_path / "tone.wav", tone, rate=22_050)
    assert len(decode_audio_file(path)) == 16_000


@pytest.mark.parametrize("make,expected", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_text("This is a lesson plan, not a recording."), "not an audio file"),
    (lambda p: None, "There is no file"),
    (lambda p: write_wav(p, np.zeros(0, np.int16)), "holds no sound"),
])
def test_bad_files_give_one_plain_sentence(tmp_path, make, expected):
    path = tmp_path / "recording.wav"
    make(path)
    with pytest.raises(AudioFileError) as caught:
        decode_audio_file(path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
