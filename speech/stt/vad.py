"""Voice activity: where speech starts and stops in a stream of samples.

An energy detector with an adaptive noise floor, in numpy. It is cheap (a few
microseconds per 30 ms frame), deterministic, and good enough to cut a
dictation stream into phrases: speech starts after a few loud frames and ends
after a stretch of quiet frames (about 0.6 s, the pause between phrases).

The noise floor is the quietest frame of the last few seconds ("minimum
statistics"): speech always has short gaps between words, so the floor stays
at the room's level while someone talks, and a humming projector fan, steady
from the first frame, is never taken for speech.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

FRAME = 480  # 30 ms at 16 kHz
FRAME_SECONDS = FRAME / 16_000
_SILENT_DB = -90.0


def level_db(frame: np.ndarray) -> float:
    """Root-mean-square level of int16 samples in dB relative to full scale."""
    if frame.size == 0:
        return _SILENT_DB
    rms = float(np.sqrt(np.mean(np.square(frame.astype(np.float32) / 32768.0))))
    return max(_SILENT_DB, 20.0 * np.log10(rms)) if rms > 0 else _SILENT_DB


@dataclass
class VadSettings:
    """Tuning for :class:`SpeechDetector`; the defaults suit a classroom microphone."""

    start_above_floor_db: float = 12.0  # this far above the room's noise starts speech
    keep_above_floor_db: float = 7.0  # and this far keeps it going (hysteresis)
    quietest_speech_dbfs: float = -50.0  # never call anything quieter speech
    start_frames: int = 3  # loud frames (90 ms) needed to start: clicks are shorter
    end_silence_s: float = 0.6  # quiet this long ends a phrase
    floor_window_s: float = 3.0  # the noise floor is the quietest frame this far back


class SpeechDetector:
    """Frame-by-frame speech/non-speech with start and end decisions."""

    def __init__(self, settings: VadSettings | None = None) -> None:
        self.settings = settings or VadSettings()
        self.reset()

    def reset(self) -> None:
        """Forget the room and any phrase in progress."""
        window = max(1, round(self.settings.floor_window_s / FRAME_SECONDS))
        self._recent: deque[float] = deque(maxlen=window)
        self.in_speech = False
        self._loud_run = 0
        self._quiet_run = 0

    @property
    def noise_floor(self) -> float:
        """The room's level in dBFS: the quietest recent frame."""
        return min(self._recent) if self._recent else _SILENT_DB

    @property
    def quiet_frames(self) -> int:
        """Quiet frames since the phrase's last loud one (0 outside speech)."""
        return self._quiet_run if self.in_speech else 0

    @property
    def end_frames(self) -> int:
        """Quiet frames that end a phrase."""
        return max(1, round(self.settings.end_silence_s / FRAME_SECONDS))

    def push(self, frame: np.ndarray) -> tuple[str | None, float]:
        """Take one 30 ms frame; return ("start" | "end" | None, its level in dBFS).

        "start" means speech began ``start_frames`` frames ago; "end" means the
        phrase ended ``end_frames`` frames ago.
        """
        level = level_db(frame)
        self._recent.append(level)
        s = self.settings
        if not self.in_speech:
            threshold = max(self.noise_floor + s.start_above_floor_db, s.quietest_speech_dbfs)
            if level >= threshold:
                self._loud_run += 1
                if self._loud_run >= s.start_frames:
                    self.in_speech = True
                    self._quiet_run = 0
                    return "start", level
            else:
                self._loud_run = 0
            return None, level
        threshold = max(self.noise_floor + s.keep_above_floor_db, s.quietest_speech_dbfs - 5.0)
        if level >= threshold:
            self._quiet_run = 0
            return None, level
        self._quiet_run += 1
        if self._quiet_run >= self.end_frames:
            self.in_speech = False
            self._loud_run = 0
            return "end", level
        return None, level
