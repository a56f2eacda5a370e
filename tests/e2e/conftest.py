"""A private X server for end-to-end tests: Xvfb on a free display, 1920 x 1080.

``xvfb_1080p`` starts ``Xvfb :N -screen 0 1920x1080x24 -nolisten tcp`` on the
first display number with neither a socket in /tmp/.X11-unix nor a lock file,
waits until it accepts connections on its socket, yields ``:N``, and stops
it by its PID. Only a missing Xvfb skips the tests that use it.

``display_with_window_manager`` is a 1280 x 800 one with Openbox managing it:
a window manager is what stacks a full-screen window above "always on top"
ones, so tests of what stays in sight over a presentation need a real one.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

SCREEN = (1920, 1080)
FIRST_DISPLAY = 170
START_TIMEOUT_S = 15


def _display_taken(number: int) -> bool:
    return (Path(f"/tmp/.X11-unix/X{number}").exists()
            or Path(f"/tmp/.X{number}-lock").exists())


def _accepts_connections(number: int) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(f"/tmp/.X11-unix/X{number}")
        except OSError:
            return False
    return True


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def start_xvfb(width: int = SCREEN[0], height: int = SCREEN[1]) -> tuple[subprocess.Popen, str]:
    """Start Xvfb on a free display; returns (process, ":N") once it takes connections."""
    number = FIRST_DISPLAY
    for _attempt in range(10):
        while _display_taken(number):
            number += 1
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while server.poll() is None and time.monotonic() < deadline:
            if _accepts_connections(number):
                return server, f":{number}"
            time.sleep(0.05)
        # Another server took this number first (or this one hung): try the next.
        _stop(server)
        number += 1
    raise RuntimeError("Xvfb did not start on any of ten free displays")


@pytest.fixture(scope="module")
def xvfb_1080p():
    """A private 1920 x 1080 X server for a test module; yields its DISPLAY (":N")."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    server, display = start_xvfb()
    try:
        yield display
    finally:
        _stop(server)


OPENBOX_SCREEN = (1280, 800)


@pytest.fixture
def display_with_window_manager():
    """A private X display with Openbox managing it; both stopped by their PIDs."""
    yield from openbox_display(*OPENBOX_SCREEN)


def openbox_display(width: int, height: int):
    """Yield a private ``width`` x ``height`` X display with Openbox managing it;
    both are stopped by their PIDs afterwards (for a fixture to ``yield from``)."""
    if shutil.which("openbox") is None:
        pytest.fail("This test needs the openbox window manager (Debian package openbox). "
                    "scripts/setup test installs it.", pytrace=False)
    server, display = start_xvfb(width, height)
    manager = subprocess.Popen(["openbox", "--sm-disable"], env={"DISPLAY": display,
                               "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield display
    finally:
        _stop(manager)
        _stop(server)
