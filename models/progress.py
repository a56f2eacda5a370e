"""Progress reports for long model operations (download, unpack, copy, check).

Callbacks run on the thread doing the work and may come often (every 64 KiB);
a GUI should hand them to its own thread and redraw at its own pace.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from models.errors import Cancelled

DOWNLOAD = "download"
UNPACK = "unpack"
COPY = "copy"
#: Trying whether the speech engine can load the model (no bytes to count).
CHECK = "check"


@dataclass(frozen=True)
class Progress:
    """How far one stage has got."""

    stage: str  # DOWNLOAD, UNPACK, COPY or CHECK
    done: int  # bytes done so far (a resumed download counts what it already had)
    total: int | None  # bytes in all, when known
    rate: float  # bytes per second in this session, 0.0 until measurable

    @property
    def fraction(self) -> float | None:
        """Share done between 0 and 1, or ``None`` if the total is unknown."""
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


ProgressCallback = Callable[[Progress], None]


Clock = Callable[[], float]


class RateMeter:
    """Bytes per second over a sliding window of recent reports.

    ``clock`` gives the time in seconds (``time.monotonic`` unless a test
    passes its own, so the arithmetic can be checked without waiting).
    """

    def __init__(self, window_seconds: float = 3.0, clock: Clock = time.monotonic) -> None:
        self._window = window_seconds
        self._clock = clock
        self._samples: list[tuple[float, int]] = []

    def add(self, done: int) -> float:
        """Record the running total ``done``; return the current rate."""
        now = self._clock()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self._window:
            self._samples.pop(0)
        first_time, first_done = self._samples[0]
        elapsed = now - first_time
        if elapsed <= 0:
            return 0.0
        return (done - first_done) / elapsed


class Reporter:
    """Sends :class:`Progress` for one stage and checks for cancellation."""

    def __init__(
        self,
        stage: str,
        total: int | None,
        callback: ProgressCallback | None,
        cancel: threading.Event | None,
        start: int = 0,
        clock: Clock = time.monotonic,
    ) -> None:
        self.stage = stage
        self.total = total
        self.done = start
        self._callback = callback
        self._cancel = cancel
        self._meter = RateMeter(clock=clock)
        self._meter.add(start)

    def check_cancel(self, what: str = "The installation") -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled(what)

    def advance(self, count: int) -> None:
        """Add ``count`` bytes and report."""
        self.done += count
        rate = self._meter.add(self.done)
        if self._callback is not None:
            self._callback(Progress(self.stage, self.done, self.total, rate))
