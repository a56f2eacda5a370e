"""Is the microphone really the speakers?

On Linux the default microphone is whatever the sound server (PulseAudio,
or PipeWire speaking its language) records from by default. A computer with
no microphone still has a default source: the "monitor" of its speakers,
which records what the computer itself plays. Dictation opened there hears
the app reading the lesson aloud (or a video playing in class) and writes it
into the pupil's text, and a microphone pulled out mid-dictation can send the
stream there without a word.

So the app asks the server (``pactl``): for a device that records through
the server's default, whether that default source is a monitor; for any other
device the server serves (a named ALSA ``pulse`` device, say), which source
this capture's own recording stream is on now (``SpeakersWatch``). Without
``pactl`` (Windows, macOS, a Linux without a sound server) nothing is known
and nothing is refused; a raw ``hw:`` sound card is never asked about.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
import weakref
from collections.abc import Iterator

# PortAudio's ALSA devices that record whatever the sound server's default source is.
SERVER_DEFAULT_DEVICES = ("default", "pulse", "pipewire", "sysdefault")
_ASK_TIMEOUT_S = 2.0
# How long a capture waits for another one to finish opening before it gives up
# watching its own stream (it still records; it is only not watched).
_OPENING_WAIT_S = 10.0


def _ask(*args: str) -> str | None:
    """What ``pactl ARGS`` prints, or None when there is no server to ask."""
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    try:
        done = subprocess.run([pactl, *args], capture_output=True, text=True,
                              timeout=_ASK_TIMEOUT_S, check=False,
                              env={**os.environ, "LC_ALL": "C"})  # English labels
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def default_source() -> str | None:
    """The sound server's default source name, or None when it cannot be asked."""
    for line in (_ask("info") or "").splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "Default Source" and value.strip():
            return value.strip()
    return None


def follows_the_server(device_name: str, host_api: str) -> bool:
    """True when the device records whatever the sound server's default source is."""
    return "alsa" in host_api.lower() and device_name.lower() in SERVER_DEFAULT_DEVICES


def may_use_the_server(device_name: str, host_api: str) -> bool:
    """True when the device may record through a sound server: any ALSA or PulseAudio
    device except a raw sound card (``hw:``), which the server never moves."""
    api = host_api.lower()
    return ("alsa" in api or "pulse" in api) and "hw:" not in device_name.lower()


def records_the_speakers(device_name: str, host_api: str) -> bool:
    """True when the device records the server's default source and that source is
    the speakers' monitor (there is no microphone)."""
    if not follows_the_server(device_name, host_api):
        return False
    source = default_source()
    return source is not None and _is_monitor(source)


def _is_monitor(source_name: str) -> bool:
    return source_name.endswith(".monitor")


def our_recordings() -> dict[int, int] | None:
    """This process's recording streams on the server: {stream index: source index}.

    None when the server cannot be asked. Streams are told apart from other
    programs' by ``application.process.id``, which the client library sets.
    """
    listing = _ask("list", "source-outputs")
    if listing is None:
        return None
    ours: dict[int, int] = {}
    pid = f'"{os.getpid()}"'
    stream = source = None
    for line in listing.splitlines() + ["Source Output #end"]:
        text = line.strip()
        if text.startswith("Source Output #"):
            stream, source = text.removeprefix("Source Output #"), None
        elif text.startswith("Source:") and stream is not None:
            source = text.partition(":")[2].strip()
        elif text.startswith("application.process.id =") and text.endswith(pid):
            if stream is not None and stream.isdigit() and source and source.isdigit():
                ours[int(stream)] = int(source)
    return ours


def source_names() -> dict[int, str] | None:
    """The server's sources: {index: name}; None when the server cannot be asked."""
    listing = _ask("list", "short", "sources")
    if listing is None:
        return None
    names = {}
    for line in listing.splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and fields[0].isdigit():
            names[int(fields[0])] = fields[1]
    return names


# One capture at a time opens and claims its stream, so two opening together
# cannot take each other's; every watch's claimed streams, to tell them apart.
_OPENING = threading.Lock()
_WATCHES: weakref.WeakSet[SpeakersWatch] = weakref.WeakSet()


class SpeakersWatch:
    """Notices when the server has moved a capture from its microphone to the speakers.

    Make one with ``speakers_watch``; open the stream inside ``opening()`` (it
    learns which recording stream is this capture's); then ask
    ``moved_to_the_speakers()`` now and then (each asks ``pactl`` once or
    twice); ``close()`` when the stream closes.
    """

    def __init__(self, device_name: str, host_api: str) -> None:
        self._follows_server = follows_the_server(device_name, host_api)
        self._streams: frozenset[int] = frozenset()
        self._watching = False  # a stream was found, and it began on a microphone

    @contextlib.contextmanager
    def opening(self) -> Iterator[None]:
        """Open the capture's stream inside this; it is then found on the server."""
        if not _OPENING.acquire(timeout=_OPENING_WAIT_S):
            yield  # another capture is stuck opening: record, unwatched
            return
        try:
            before = our_recordings()
            yield
            self._claim(before)
        finally:
            _OPENING.release()

    def moved_to_the_speakers(self) -> bool:
        """True when this capture now records the speakers' monitor, not a microphone."""
        if self._follows_server:  # the server's default source says it all
            source = default_source()
            return source is not None and _is_monitor(source)
        if not self._watching:
            return False
        ours = our_recordings()
        if ours is None:
            return False
        mine = self._streams & ours.keys()
        if not mine and _OPENING.acquire(blocking=False):
            try:  # the stream was made afresh (the sound library restarted it)
                self._streams = frozenset(ours.keys() - _claimed_by_others(self))
                mine = self._streams
            finally:
                _OPENING.release()
        if not mine:
            return False
        names = source_names() or {}
        return any(_is_monitor(names.get(ours[stream], "")) for stream in mine)

    def close(self) -> None:
        """The capture's stream is closed: it is no longer this watch's."""
        self._streams = frozenset()
        self._watching = False
        _WATCHES.discard(self)

    def _claim(self, before: dict[int, int] | None) -> None:
        """The streams that appeared while this capture opened are its own."""
        ours = our_recordings()
        if before is None or not ours:
            return  # not through the server (or it cannot be asked): nothing to watch
        self._streams = frozenset(ours.keys() - before.keys())
        if not self._streams:
            return
        _WATCHES.add(self)
        names = source_names() or {}
        # A device made to record the speakers on purpose records them from the
        # start: only a move from a microphone to a monitor is a problem.
        self._watching = not any(_is_monitor(names.get(ours[s], "")) for s in self._streams)


def _claimed_by_others(watch: SpeakersWatch) -> set[int]:
    return {stream for other in list(_WATCHES) if other is not watch
            for stream in other._streams}


def speakers_watch(device_name: str, host_api: str) -> SpeakersWatch | None:
    """A watch for a capture on this device, or None when the device does not record
    through a sound server (a raw ``hw:`` card, Windows, macOS, no ``pactl``)."""
    if not may_use_the_server(device_name, host_api) or shutil.which("pactl") is None:
        return None
    return SpeakersWatch(device_name, host_api)
