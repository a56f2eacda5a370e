"""Fixtures for the screen-reader tests: the buses a reader uses, and the app on them.

``reader_bus`` (one per test session) starts Xvfb, a D-Bus session bus, the
AT-SPI bus launcher and the AT-SPI registry, and stops exactly those
processes by their PIDs. A machine without the Debian packages these need
fails the tests with a message naming them: a screen-reader check that
quietly skips would let CI pass without ever reading the app.

``shown_app(scene)`` (see tests/accessibility/show_for_reader.py) runs one
scene of the app on that bus; a test module makes one with a module-scoped
fixture, so each module starts the app once.
"""

from __future__ import annotations

import pytest

from tests.accessibility.reader import ReaderBus, ShownApp, missing_packages


@pytest.fixture(scope="session")
def reader_bus(tmp_path_factory) -> ReaderBus:
    """A private X display, D-Bus session and AT-SPI bus, as Orca would find them."""
    missing = missing_packages()
    if missing:
        pytest.fail("The screen-reader tests need " + "; ".join(missing)
                    + ". Install them (scripts/setup test does) and run again.", pytrace=False)
    bus = ReaderBus(tmp_path_factory.mktemp("reader-bus"))
    try:
        bus.start()
        yield bus
    finally:
        bus.stop()


def start_scene(bus: ReaderBus, scene: str, tmp_path_factory):
    """Run ``scene`` on ``bus`` for a module; a generator for a fixture to yield from."""
    app = ShownApp(bus, scene, tmp_path_factory.mktemp(f"reader-{scene}"))
    try:
        yield app
    finally:
        app.close()
