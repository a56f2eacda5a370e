"""Read any audio file as 16 kHz mono 16-bit samples, the form every recogniser takes.

WAV, FLAC, MP3, OGG (and anything else FFmpeg knows) at any sample rate and
channel count. PyAV decodes; soxr resamples (high quality, and fast enough to
resample an hour of audio in a few seconds).
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

TARGET_RATE = 16_000


class AudioFileError(ValueError):
    """An audio file cannot be used; the message is one plain sentence."""


def decode_audio_file(path: str | Path, rate: int = TARGET_RATE) -> np.ndarray:
    """Decode ``path`` to mono int16 samples at ``rate`` Hz.

    Raises AudioFileError with a plain message when the file is missing, is not
    audio, or holds no sound at all.
    """
    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"There is no file called {path}.")
    if path.is_dir():
        raise AudioFileError(f"{path} is a folder, not an audio file.")
    if path.stat().st_size == 0:
        raise AudioFileError(f"{path.name} is empty: it holds no sound.")
    mono, source_rate = _decode_mono_float(path)
    if mono.size == 0:
        raise AudioFileError(f"{path.name} holds no sound.")
    if source_rate != rate:
        import soxr

        mono = soxr.resample(mono, source_rate, rate, quality="HQ")
    return float_to_int16(mono)


def _decode_mono_float(path: Path) -> tuple[np.ndarray, int]:
    """All of the file's first audio stream, mixed down to mono float32."""
    import av

    not_audio = AudioFileError(f"{path.name} is not an audio file Lesson Lab can read.")
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError) as error:
        raise not_audio from error
    with container:
        if not container.streams.audio:
            raise not_audio
        stream = container.streams.audio[0]
        source_rate = stream.codec_context.sample_rate or stream.rate
        if not source_rate:
            raise not_audio
        # Mix down to mono at the file's own rate; soxr does the rate change.
        mixer = av.AudioResampler(format="flt", layout="mono", rate=source_rate)
        pieces: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                for mixed in mixer.resample(frame):
                    pieces.append(mixed.to_ndarray().reshape(-1))
            for mixed in mixer.resample(None):
                pieces.append(mixed.to_ndarray().reshape(-1))
        except av.error.FFmpegError as error:
            if not pieces:
                raise not_audio from error
            # A damaged tail: keep the sound that did decode.
    if not pieces:
        return np.zeros(0, dtype=np.float32), int(source_rate)
    return np.concatenate(pieces).astype(np.float32, copy=False), int(source_rate)


def float_to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in -1..1 to int16, clipping anything louder."""
    scaled = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767.0
    return np.round(scaled).astype(np.int16)


def int16_to_float(samples: np.ndarray) -> np.ndarray:
    """int16 samples to float32 in -1..1 (the form Whisper takes)."""
    return np.asarray(samples, dtype=np.float32) / 32768.0


def write_wav(path: str | Path, samples: np.ndarray, rate: int = TARGET_RATE) -> Path:
    """Write mono int16 ``samples`` to a WAV file at ``path``."""
    path = Path(path)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.asarray(samples, dtype=np.int16).tobytes())
    return path


def duration_seconds(samples: np.ndarray, rate: int = TARGET_RATE) -> float:
    """How long ``samples`` last at ``rate`` Hz."""
    return len(samples) / float(rate)
