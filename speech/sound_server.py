"""Is "the computer's default microphone" really the speakers?

On Linux the default microphone is whatever the sound server (PulseAudio,
or PipeWire speaking its language) records from by default. A computer with
no microphone still has a default source: the "monitor" of its speakers,
which records what the computer itself plays. Dictation opened there hears
the app reading the lesson aloud and writes it into the pupil's text, and a
microphone pulled out mid-dictation sends the stream there without a word.

So the app asks the server (``pactl``) for its default source, and a
device that records through the server's default is not used as a
microphone when that source is a monitor. Without ``pactl`` (Windows, macOS,
a Linux without a sound server) nothing is known and nothing is refused.
"""

from __future__ import annotations

import os
import shutil
import subprocess

# PortAudio's ALSA devices that record whatever the sound server's default source is.
SERVER_DEFAULT_DEVICES = ("default", "pulse", "pipewire", "sysdefault")
_ASK_TIMEOUT_S = 2.0


def default_source() -> str | None:
    """The sound server's default source name, or None when it cannot be asked."""
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    try:
        info = subprocess.run([pactl, "info"], capture_output=True, text=True,
                              timeout=_ASK_TIMEOUT_S, check=False,
                              env={**os.environ, "LC_ALL": "C"})  # English labels
    except (OSError, subprocess.SubprocessError):
        return None
    for line in info.stdout.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "Default Source" and value.strip():
            return value.strip()
    return None


def follows_the_server(device_name: str, host_api: str) -> bool:
    """True when the device records whatever the sound server's default source is."""
    return "alsa" in host_api.lower() and device_name.lower() in SERVER_DEFAULT_DEVICES


def records_the_speakers(device_name: str, host_api: str) -> bool:
    """True when the device records the server's default source and that source is
    the speakers' monitor (there is no microphone)."""
    if not follows_the_server(device_name, host_api):
        return False
    source = default_source()
    return source is not None and source.endswith(".monitor")
