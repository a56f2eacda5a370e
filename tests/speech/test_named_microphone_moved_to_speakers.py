"""A named microphone the sound server moves to the speakers is gone, not the speakers.

Real parts: the private PulseAudio server and its virtual microphones. A
capture of the ALSA device bound by name to the session's microphone (the
default source) is moved by PulseAudio to the speakers' monitor when that
microphone is unplugged; a classroom video would then be written into the
pupil's text. The capture must notice, say the microphone stopped working,
and stop; its neighbours on other devices must carry on.
"""

from __future__ import annotations

import os

import pytest

from speech.audio import MICROPHONE_GONE, AudioChunk, AudioError, Capture, Stopped
from tests.fixtures.pulse import MIC_DEVICE, SPARE_MIC_DEVICE, reinitialise_portaudio
from tests.speech.unplugging import plug_back_in, restore_default_source, until_stopped

pytestmark = pytest.mark.pulse

LOOPBACK_DEVICE = "lesson_lab_loopback"


def _recording(capture: Capture, chunks: int = 5) -> None:
    """Read until ``chunks`` chunks have come; the capture must still be going."""
    seen = 0
    while seen < chunks:
        event = capture.next_event(timeout=10)
        assert event is not None and not isinstance(event, (AudioError, Stopped)), event
        seen += isinstance(event, AudioChunk)


def _sources_of_this_process(pulse) -> set[str]:
    """The names of the sources this process's recording streams are on (asked of the
    server directly, not through the code under test)."""
    names = dict(line.split("\t")[:2] for line in
                 pulse.server.pactl("list", "short", "sources").splitlines() if line.strip())
    found, source = set(), None
    for line in pulse.server.pactl("list", "source-outputs").splitlines():
        text = line.strip()
        if text.startswith("Source:"):
            source = text.partition(":")[2].strip()
        elif text == f'application.process.id = "{os.getpid()}"':
            found.add(names.get(source, source))
    return found


@pytest.fixture
def loopback_device(pulse, tmp_path):
    """An ALSA device that records the speakers on purpose (bound to their monitor)."""
    config = tmp_path / "asound.conf"
    config.write_text(
        f"<{pulse.alsa_config}>\n"
        f"pcm.{LOOPBACK_DEVICE} {{\n  type pulse\n  device {pulse.speaker.monitor}\n"
        '  hint { show on description "Lesson Lab test loopback" }\n}\n')
    os.environ["ALSA_CONFIG_PATH"] = str(config)
    reinitialise_portaudio()
    try:
        yield LOOPBACK_DEVICE
    finally:
        os.environ["ALSA_CONFIG_PATH"] = str(pulse.alsa_config)
        reinitialise_portaudio()


def test_a_named_microphone_unplugged_and_moved_to_the_speakers_is_gone(pulse, virtual_mic):
    capture = Capture(MIC_DEVICE)
    capture.start()
    try:
        _recording(capture)
        virtual_mic.unload()  # PulseAudio moves the stream to the speakers' monitor
        assert _sources_of_this_process(pulse) == {pulse.speaker.monitor}
        events = until_stopped(capture, limit=20)
    finally:
        capture.close()
        plug_back_in(pulse, virtual_mic)
    assert [e for e in events if isinstance(e, AudioError)] == [AudioError(MICROPHONE_GONE)]
    assert events[-1] == Stopped()
    gone = events.index(AudioError(MICROPHONE_GONE))
    assert not any(isinstance(e, AudioChunk) for e in events[gone:])


@pytest.mark.slow
def test_only_the_capture_moved_to_the_speakers_stops(pulse, virtual_mic, spare_mic,
                                                       loopback_device):
    moved = Capture(MIC_DEVICE)  # follows the default source when it changes
    other_microphone = Capture(SPARE_MIC_DEVICE)  # stays where it is
    loopback = Capture(loopback_device)  # on the monitor from the start, on purpose
    captures = (moved, other_microphone, loopback)
    try:
        for capture in captures:
            capture.start()
            _recording(capture, 2)
        pulse.server.pactl("set-default-source", pulse.speaker.monitor)
        sources = _sources_of_this_process(pulse)
        assert sources == {pulse.speaker.monitor, spare_mic.source}, sources
        events = until_stopped(moved, limit=20)
        # Twice the time between checks: each neighbour has been checked since.
        _recording(other_microphone, 40)
        _recording(loopback, 40)
    finally:
        for capture in captures:
            capture.close()
        restore_default_source(pulse)
    assert AudioError(MICROPHONE_GONE) in events and events[-1] == Stopped()


def test_a_sound_card_used_directly_is_never_asked_about():
    from speech.sound_server import speakers_watch

    assert speakers_watch("HDA Intel PCH: ALC295 Analog (hw:0,0)", "ALSA") is None
    assert speakers_watch("USB PnP Sound Device: Audio (hw:2,0)", "ALSA") is None
    assert speakers_watch("Microphone (Realtek Audio)", "Windows WASAPI") is None
