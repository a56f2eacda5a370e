"""Shared by the tests that unplug a microphone on the private PulseAudio server."""

from __future__ import annotations

import pytest

from speech.audio import Capture, Stopped
from tests.fixtures.pulse import MIC_SOURCE


def until_stopped(capture: Capture, limit: float = 20.0, most: int = 600) -> list:
    """Events up to ``Stopped``; fails if it does not come within ``most`` events (20 s)."""
    events = []
    while not events or not isinstance(events[-1], Stopped):
        event = capture.next_event(timeout=limit)
        assert event is not None, f"no event for {limit} s"
        events.append(event)
        if len(events) > most:
            capture.close()
            pytest.fail("the capture went on recording (the speakers, not a microphone)")
    return events


def plug_back_in(pulse, virtual_mic) -> None:
    """The microphone back as the default source, and the speaker's recorder back on the
    speaker: while the monitor was the default source, making the microphone the
    default again moves every stream on the monitor to it, the session's ``parec``
    too, and later tests would record the microphone's silence as the speaker."""
    virtual_mic.load()
    restore_default_source(pulse)


def restore_default_source(pulse) -> None:
    """The session's microphone the default source again, and its speaker's recorder
    (which that move takes along) back on the speaker's monitor."""
    pulse.server.pactl("set-default-source", MIC_SOURCE)
    clients = [line.split("\t") for line in
               pulse.server.pactl("list", "short", "clients").splitlines() if line.strip()]
    recorders = {fields[0] for fields in clients if fields[-1].strip() in ("parec", "pacat")}
    for line in pulse.server.pactl("list", "short", "source-outputs").splitlines():
        fields = line.split("\t")
        if len(fields) > 2 and fields[2] in recorders:
            pulse.server.pactl("move-source-output", fields[0], pulse.speaker.monitor)
