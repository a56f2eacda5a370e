"""Qt's off-screen platform where there is no display: a terminal, a server, CI."""

from __future__ import annotations

import os
from collections.abc import MutableMapping


def offscreen_without_display(env: MutableMapping[str, str] | None = None) -> None:
    """Choose Qt's off-screen platform in ``env`` (this process's environment if None)
    when neither X11 nor Wayland is there. A platform already chosen is kept."""
    env = os.environ if env is None else env
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
