"""With no microphone the sound server records the speakers: that is no microphone.

Real parts: the private PulseAudio server. With the virtual microphone
unplugged its only source is the virtual speaker's monitor, which becomes
the default, as on a desktop computer with no microphone.
"""

from __future__ import annotations

import pytest

from speech.audio import MICROPHONE_GONE, AudioChunk, AudioError, Capture, Stopped
from speech.audio_devices import NO_MICROPHONE, input_devices
from speech.sound_server import default_source, follows_the_server, records_the_speakers
from tests.fixtures.pulse import MIC_DEVICE, MIC_SOURCE
from tests.speech.unplugging import plug_back_in, until_stopped

pytestmark = pytest.mark.pulse


def _server_default_device() -> str:
    """A device that records the server's default source, as "the computer's default" does."""
    names = [d.name for d in input_devices() if follows_the_server(d.name, d.host_api)]
    assert names, [d.name for d in input_devices()]
    return names[0]


@pytest.fixture
def unplugged(pulse, virtual_mic):
    virtual_mic.unload()
    yield
    plug_back_in(pulse, virtual_mic)


def test_the_server_says_which_source_it_records_by_default(pulse, virtual_mic):
    assert default_source() == MIC_SOURCE
    assert not records_the_speakers(_server_default_device(), "ALSA")
    assert not records_the_speakers(MIC_DEVICE, "ALSA")  # a named microphone: never refused


def test_with_no_microphone_the_default_is_no_microphone_not_the_speakers(pulse, unplugged):
    assert default_source().endswith(".monitor")
    events = until_stopped(Capture(_server_default_device()))
    assert events == [AudioError(NO_MICROPHONE), Stopped()]


def test_a_microphone_pulled_mid_capture_is_gone_not_moved_to_the_speakers(pulse, virtual_mic):
    capture = Capture(_server_default_device())
    capture.start()
    first = [capture.next_event(timeout=10) for _ in range(5)]
    assert not any(isinstance(e, (AudioError, Stopped)) for e in first)
    virtual_mic.unload()  # PulseAudio moves the stream to the speakers' monitor
    try:
        events = until_stopped(capture, limit=20)
    finally:
        plug_back_in(pulse, virtual_mic)
    assert AudioError(MICROPHONE_GONE) in events and events[-1] == Stopped()
    gone = events.index(AudioError(MICROPHONE_GONE))
    assert not any(isinstance(e, AudioChunk) for e in events[gone:])
