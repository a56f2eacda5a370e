"""The app a screen reader reads sees the same sound devices whichever tests ran first.

The ``pulse`` fixture points this test process at its private PulseAudio server
for the whole session (PULSE_SERVER, ALSA_CONFIG_PATH with four test devices).
A reader bus started after it once passed that on to the app, whose
Read aloud > Speaker menu then listed ``lesson_lab_test_mic`` and the like, and
test_reader.py failed on those names when a PulseAudio test ran before it.

This test makes that order on purpose: the ``pulse`` fixture first, then a bus
of its own, then the main window on it, read as Orca reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from speech.audio_devices import output_devices
from tests.accessibility.reader import ReaderBus, ShownApp, missing_packages
from tests.fixtures.pulse_devices import (
    MIC_DEVICE,
    SPARE_MIC_DEVICE,
    SPARE_SPEAKER_DEVICE,
    SPEAKER_DEVICE,
)

pytestmark = [pytest.mark.slow, pytest.mark.pulse, pytest.mark.timeout(300)]

PULSE_DEVICES = {MIC_DEVICE, SPARE_MIC_DEVICE, SPEAKER_DEVICE, SPARE_SPEAKER_DEVICE}


def test_a_bus_started_after_the_pulse_fixture_shows_the_app_without_its_devices(
        pulse, tmp_path):
    missing = missing_packages()
    if missing:
        pytest.fail("The screen-reader tests need " + "; ".join(missing), pytrace=False)
    # This process hears the fixture's server: its devices are there to leak.
    assert os.environ.get("ALSA_CONFIG_PATH") == str(pulse.alsa_config)
    assert PULSE_DEVICES & {device.name for device in output_devices()}

    bus = ReaderBus(tmp_path / "bus")
    app = None
    try:
        bus.start()
        app = ShownApp(bus, "main", tmp_path / "app")
        environ = Path(f"/proc/{app.pid}/environ").read_bytes().decode().split("\0")
        walk = app.walk(app.states[0])
    finally:
        if app is not None:
            app.close()
        bus.stop()

    # How it leaked: the fixture's variables, passed on to the app.
    routing = [line for line in environ if line.startswith(("PULSE_", "ALSA_"))]
    assert not routing, routing
    # What a reader user heard because of it: the test devices in the Speaker menu.
    names = {node["name"] for node in walk.nodes}
    assert "System default" in names, "the Speaker menu was not read at all"
    assert not PULSE_DEVICES & names, sorted(PULSE_DEVICES & names)
