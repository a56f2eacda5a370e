"""How loud the room is when nobody speaks: the level meter's background-noise estimate.

A classroom is never silent: a projector fan, a heater or pupils at the next
table reach a laptop's microphone at −45 to −30 dBFS, which by level alone
looks like speech. Speech stands out from that background by 10 dB or more,
so the meter compares the level with the room's own floor, not only with
fixed marks.

The floor follows the level down at once (every pause between words shows
the room again) and creeps up slowly, so a pupil speaking for a few seconds
does not become the "background", while a room that really grows louder (a
class coming in) is learnt within half a minute. No Qt here.
"""

from __future__ import annotations

#: How fast the floor may rise towards a louder level (dB a second).
RISE_DB_PER_S = 1.0
#: Speech this much above the floor is the pupil's voice, not the room (dB).
SPEECH_ABOVE_FLOOR_DB = 10.0


#: The room is known only after this long: a pupil who presses the key while
#: already speaking must not have their voice taken for the room (seconds).
LEARN_S = 1.0


class NoiseFloor:
    """The quietest recent level, rising slowly: ``update(dbfs, now)``, then ``floor()``."""

    def __init__(self) -> None:
        self.reset()

    def update(self, dbfs: float, now: float) -> None:
        """Take a level heard at ``now`` (seconds)."""
        if self._floor is None:
            self._floor, self._since = dbfs, now
        elif dbfs <= self._floor:
            self._floor = dbfs
        else:
            self._floor = min(dbfs, self._floor + RISE_DB_PER_S * max(0.0, now - self._at))
        self._at = now

    def floor(self) -> float | None:
        """The room's noise, or None until it has been heard for ``LEARN_S``."""
        if self._floor is None or self._at - self._since < LEARN_S:
            return None
        return self._floor

    def reset(self) -> None:
        """Forget the room (a new microphone, or listening again later)."""
        self._floor: float | None = None
        self._since = self._at = 0.0


def only_background(level: float | None, floor: float | None) -> bool:
    """True when ``level`` is no more than the room's own noise, not a voice above it."""
    if level is None or floor is None:
        return False
    return level - floor < SPEECH_ABOVE_FLOOR_DB
