"""Qt's off-screen platform is chosen only where there is no display (app/headless.py)."""

from __future__ import annotations

import pytest

from app.headless import offscreen_without_display


@pytest.mark.parametrize(("env", "platform"), [
    ({}, "offscreen"),  # a terminal or a server
    ({"DISPLAY": ":0"}, None),  # X11
    ({"WAYLAND_DISPLAY": "wayland-0"}, None),  # Wayland
    ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),  # chosen by whoever started it
    ({"DISPLAY": ""}, "offscreen"),  # set but empty is no display
])
def test_offscreen_only_without_a_display(env, platform):
    offscreen_without_display(env)
    assert env.get("QT_QPA_PLATFORM") == platform


def test_this_process_is_used_when_no_environment_is_given(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    offscreen_without_display()
    import os

    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
