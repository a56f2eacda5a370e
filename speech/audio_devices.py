"""Microphones and speakers: list them, and find the one to use.

``input_devices`` and ``output_devices`` list what PortAudio sees (through
sounddevice); ``input_devices`` also says which "microphone" only records the
speakers (speech/sound_server.py). ``resolve_device`` turns an index, a name
or None (the default) into one ``AudioDevice``, or raises ``AudioDeviceError``
with a sentence a teacher understands.

sounddevice is imported lazily: importing it starts PortAudio, which lists the
devices once. ``rescan_devices`` lists them afresh (only with no stream open).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from speech.sound_server import follows_the_server, records_the_speakers

NO_MICROPHONE = "No microphone was found. Plug one in and try again."


class AudioDeviceError(Exception):
    """A device problem; ``str(error)`` is one sentence a teacher understands."""


def _sd():
    import sounddevice

    return sounddevice


@dataclass(frozen=True)
class AudioDevice:
    """One input or output device as PortAudio sees it."""

    index: int
    name: str
    host_api: str
    default_samplerate: float
    input_channels: int
    output_channels: int
    is_default_input: bool
    is_default_output: bool
    # Records the sound server's default source, and that is only the speakers'
    # monitor: no microphone is plugged in (set by ``input_devices``).
    records_the_speakers: bool = False

    @property
    def is_input(self) -> bool:
        return self.input_channels > 0

    @property
    def is_output(self) -> bool:
        return self.output_channels > 0


def list_devices() -> list[AudioDevice]:
    """Every audio device, inputs and outputs (empty if PortAudio finds none)."""
    sd = _sd()
    try:
        devices = sd.query_devices()
        host_apis = sd.query_hostapis()
    except sd.PortAudioError:
        return []
    default_in, default_out = _default_indices()
    found = []
    for info in devices:
        found.append(
            AudioDevice(
                index=int(info["index"]),
                name=str(info["name"]),
                host_api=str(host_apis[info["hostapi"]]["name"]),
                default_samplerate=float(info["default_samplerate"]),
                input_channels=int(info["max_input_channels"]),
                output_channels=int(info["max_output_channels"]),
                is_default_input=info["index"] == default_in,
                is_default_output=info["index"] == default_out,
            )
        )
    return found


def input_devices() -> list[AudioDevice]:
    """Devices that can record (microphones), each saying whether it is only the speakers."""
    inputs = [device for device in list_devices() if device.is_input]
    server = [d for d in inputs if follows_the_server(d.name, d.host_api)]
    if server and records_the_speakers(server[0].name, server[0].host_api):  # asked once
        inputs = [replace(d, records_the_speakers=True) if d in server else d for d in inputs]
    return inputs


def microphone_ready(devices: list[AudioDevice], name: str | None) -> bool:
    """True when microphone ``name`` (None: the default) is among ``devices`` (from
    ``input_devices``) and records a microphone, not only the speakers."""
    chosen = [d for d in devices if d.name == name] if name else (
        [d for d in devices if d.is_default_input] or devices[:1])
    return bool(chosen) and not chosen[0].records_the_speakers


def output_devices() -> list[AudioDevice]:
    """Devices that can play (speakers, headphones)."""
    return [device for device in list_devices() if device.is_output]


def rescan_devices() -> None:
    """Ask PortAudio to list devices afresh (after plugging one in).

    Only call this while no stream is open: it restarts PortAudio.
    """
    sd = _sd()
    sd._terminate()
    sd._initialize()


def _default_indices() -> tuple[int, int]:
    sd = _sd()
    default = sd.default.device
    try:
        return int(default[0]), int(default[1])
    except (TypeError, ValueError):
        return -1, -1


def resolve_device(device: int | str | None, kind: str) -> AudioDevice:
    """The device to use for ``kind`` ("input" or "output").

    ``device`` is an index, an exact or partial name, or None for the default.
    Raises ``AudioDeviceError`` with a plain message if there is no such device.
    """
    want_input = kind == "input"
    usable = [d for d in list_devices() if (d.is_input if want_input else d.is_output)]
    thing = "microphone" if want_input else "speaker"
    if not usable:
        raise AudioDeviceError(
            NO_MICROPHONE if want_input else "No speakers were found. Plug some in and try again."
        )
    if device is None or device == "":
        default = [d for d in usable if (d.is_default_input if want_input else d.is_default_output)]
        return default[0] if default else usable[0]
    if isinstance(device, int):
        for candidate in usable:
            if candidate.index == device:
                return candidate
        raise AudioDeviceError(
            f"The chosen {thing} (number {device}) was not found. "
            f"Plug it in, or choose another {thing}."
        )
    exact = [d for d in usable if d.name == device]
    partial = [d for d in usable if str(device).lower() in d.name.lower()]
    if exact or partial:
        return (exact or partial)[0]
    raise AudioDeviceError(
        f"The {thing} “{device}” was not found. Plug it in, or choose another {thing}."
    )
