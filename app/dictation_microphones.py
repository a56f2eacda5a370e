"""Which microphone dictation listens to, and noticing when a missing one is back.

The list the panel shows comes from the speech worker (``microphones_found``)
with one entry a label: the sound system's own "default" and "pulse" are
both "The computer's default microphone". A microphone saved from last time
that is not plugged in now is kept as the choice while the default is used.

After "No microphone was found" (or "The microphone stopped working") the
microphones are looked at again every ``MICROPHONE_LOOK_MS`` while the
message is on show and dictation is off; once the microphone in use has been
seen missing and is then ready again, the panel says "Microphone found:
press F9 to dictate." instead of keeping the old problem on show.

A mixin for ``app.dictation_controller.DictationController``: it uses the
controller's ``panel``, ``worker``, ``microphone_changed``, ``status_changed``,
``_shut`` and ``_show_info``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from speech.audio import MICROPHONE_GONE
from speech.audio_devices import NO_MICROPHONE, microphone_ready
from speech.sound_server import SERVER_DEFAULT_DEVICES

#: While "no microphone" is on show, how often the microphones are looked at again.
MICROPHONE_LOOK_MS = 2000
_NO_MICROPHONE_MESSAGES = (NO_MICROPHONE, MICROPHONE_GONE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationController", text)


def microphone_label(name: str, is_default: bool) -> str:
    """A microphone as the list shows it: "Desk microphone (default)", and the sound
    system's own "default" device as "The computer's default microphone"."""
    if name.strip().lower() in SERVER_DEFAULT_DEVICES:
        return _tr("The computer's default microphone")
    return name + (_tr(" (default)") if is_default else "")


class MicrophoneChoice:
    """The chosen microphone, the panel's list of them, and "Microphone found"."""

    def _init_microphones(self, microphone: str | None) -> None:
        self._microphone = microphone or self.worker.device()
        self._devices: list[str] = []
        self._default: str | None = None
        self._microphone_missing = False  # seen missing since "no microphone" was shown
        self._look_for_microphone = QTimer(self, interval=MICROPHONE_LOOK_MS)
        self._look_for_microphone.timeout.connect(self._on_look_for_microphone)
        self.panel.microphone_chosen.connect(self._on_microphone_chosen)
        self.worker.microphones_found.connect(self._on_microphones)

    def set_microphone(self, name: str | None) -> None:
        """Use microphone ``name`` (None: the default), e.g. the choice saved last time."""
        self._microphone = name or None
        self._apply_microphone()

    def microphone(self) -> str | None:
        """The microphone chosen (None: the computer's default)."""
        return self._microphone

    def refresh_microphones(self) -> None:
        """List the microphones again (in the background) and show them in the panel."""
        self.worker.list_microphones()

    def _note_microphone_problem(self, message: str) -> None:
        """After a "no microphone" problem, start looking for the microphone coming back."""
        if message in _NO_MICROPHONE_MESSAGES:
            self._microphone_missing = message == NO_MICROPHONE
            self._look_for_microphone.start()

    def _on_microphones(self, devices: list) -> None:
        if self._shut:
            return
        self._devices = [d.name for d in devices]
        self._default = next((d.name for d in devices if d.is_default_input), None)
        current = self._current_device()
        # One entry a label: "pulse" and "default" are both the computer's default
        # microphone. The one in use is kept, else PortAudio's default, else the first.
        kept: dict[str, str] = {}
        for d in devices:
            label = microphone_label(d.name, d.is_default_input)
            if label not in kept or d.name == current or (
                    d.is_default_input and kept[label] != current):
                kept[label] = d.name
        self.panel.set_microphones([(name, label) for label, name in kept.items()], current)
        self._apply_microphone()
        if self._look_for_microphone.isActive():
            self._note_microphone_back(devices, current)

    def _on_look_for_microphone(self) -> None:
        if (self._shut or self.worker.is_listening()
                or self.panel.message() not in _NO_MICROPHONE_MESSAGES):
            self._look_for_microphone.stop()
        else:
            self.refresh_microphones()

    def _note_microphone_back(self, devices: list, current: str | None) -> None:
        """The "no microphone" message gives way once the microphone, seen missing, is
        back (a named one that stopped but is still listed is never seen missing, so
        its message stays until F9 tries it)."""
        if not microphone_ready(devices, current):
            self._microphone_missing = True
        elif self._microphone_missing and self.panel.message() in _NO_MICROPHONE_MESSAGES:
            self._look_for_microphone.stop()
            message = _tr("Microphone found: press F9 to dictate.")
            self._show_info(message, over_error=True)
            self.status_changed.emit(message)

    def _on_microphone_chosen(self, name: str) -> None:
        self._microphone = name or None
        self._apply_microphone()
        self.microphone_changed.emit(name)

    def _current_device(self) -> str | None:
        if self._microphone in self._devices:
            return self._microphone
        return self._default

    def _apply_microphone(self) -> None:
        # A saved microphone that is not plugged in now: use the default, keep the choice.
        if not self._devices or self._microphone in self._devices:
            self.worker.set_device(self._microphone)
        else:
            self.worker.set_device(None)
