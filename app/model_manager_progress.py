"""How often the model manager passes a worker's progress on to the dialog.

Downloads report every 64 KiB; :class:`ProgressThrottle` passes on about ten
reports a second, so a fast download does not flood the GUI's event loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import models


class ProgressThrottle:
    """Lets through about one progress report per ``interval`` seconds.

    The first report, a change of stage and the last report of a stage
    (done equals total) always pass, so the bar starts, switches and ends
    exactly.
    """

    def __init__(self, interval: float = 0.1, clock: Callable[[], float] = time.monotonic):
        self._interval = interval
        self._clock = clock
        self._last_time: float | None = None
        self._last_stage: str | None = None

    def should_send(self, progress: models.Progress) -> bool:
        """True when ``progress`` should go to the GUI."""
        now = self._clock()
        finished = progress.total is not None and progress.done >= progress.total
        if (
            self._last_time is None
            or progress.stage != self._last_stage
            or finished
            or now - self._last_time >= self._interval
        ):
            self._last_time = now
            self._last_stage = progress.stage
            return True
        return False
