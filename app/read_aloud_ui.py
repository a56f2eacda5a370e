"""The Read aloud menu's actions, the voice menu and the speed control.

Shortcuts (all chosen not to clash with moving the caret in a text view,
where Ctrl+arrows move by word and Space may scroll):

====================  ===================================================
F5                    read from the caret; pause; carry on (one key)
Shift+F5              stop reading
Ctrl+F5               read the whole lesson
Ctrl+Shift+F5         read the section at the caret
F4                    read the selection
Alt+Right / Alt+Left  next / previous sentence
Alt+Up / Alt+Down     faster / slower (0.1× a step, 0.5× to 2×)
====================  ===================================================

Saving as a sound file has no shortcut (it asks for a file name). The
Speaker menu (``speaker_menu``) lists the output devices, "System default"
first; they are listed on a thread of their own, so the menu never holds up
the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSlider, QWidget

from app import thread_relay
from app.read_aloud_text import format_rate
from speech.sound_server import SERVER_DEFAULT_DEVICES
from speech.tts.base import RATE_SCALE_MAX, RATE_SCALE_MIN, classroom_voices

SHORTCUTS = {
    "read": "F5",
    "stop": "Shift+F5",
    "lesson": "Ctrl+F5",
    "section": "Ctrl+Shift+F5",
    "selection": "F4",
    "next": "Alt+Right",
    "previous": "Alt+Left",
    "faster": "Alt+Up",
    "slower": "Alt+Down",
}


def _output_device_names() -> list[str]:
    """The output devices PortAudio lists (imported here: it starts PortAudio)."""
    from speech.audio_devices import output_devices

    return [device.name for device in output_devices()]


class ReadAloudControls(QObject):
    """Actions and controls for one ``ReadAloudController`` (its parent).

    Each action is also an attribute: ``read``, ``stop``, ``lesson``,
    ``section``, ``selection``, ``next``, ``previous``, ``faster``,
    ``slower``, ``save_lesson``, ``save_section``.

    ``speaker_chosen(name)`` says which speaker the teacher picked from the
    Speaker menu ("" for the system default), for the settings.
    """

    speaker_chosen = Signal(str)

    def __init__(self, controller) -> None:
        super().__init__(controller)
        self._controller = c = controller
        self._relay_key = thread_relay.register(self)
        self._speakers: QMenu | None = None
        self._speaker_group: QActionGroup | None = None
        self._outputs: list[str] | None = None  # device names, None until listed
        self.read = self._action("read", self.tr("&Read aloud"), c.toggle,
                                 self.tr("Read from the caret; press again to pause"),
                                 "media-playback-start")
        self.stop = self._action("stop", self.tr("S&top reading"), c.stop,
                                 self.tr("Stop reading aloud"), "media-playback-stop")
        self.lesson = self._action("lesson", self.tr("Read the whole &lesson"), c.read_lesson,
                                   self.tr("Read the lesson from the start"))
        self.section = self._action("section", self.tr("Read this s&ection"), c.read_section,
                                    self.tr("Read the section the caret is in"))
        self.selection = self._action("selection", self.tr("Read the sele&ction"),
                                      c.read_selection, self.tr("Read only the selected text"))
        self.next = self._action("next", self.tr("&Next sentence"), c.next_sentence,
                                 self.tr("Skip to the next sentence"), "media-skip-forward")
        self.previous = self._action("previous", self.tr("Previ&ous sentence"),
                                     c.previous_sentence, self.tr("Go back a sentence"),
                                     "media-skip-backward")
        self.faster = self._action("faster", self.tr("&Faster"), c.faster,
                                   self.tr("Read a little faster"))
        self.slower = self._action("slower", self.tr("Slo&wer"), c.slower,
                                   self.tr("Read a little slower"))
        self.save_lesson = self._action(None, self.tr("S&ave the lesson as a sound file…"),
                                        c.export_lesson_wav,
                                        self.tr("Save the lesson read aloud as a WAV file"))
        self.save_section = self._action(None, self.tr("Save this section as a so&und file…"),
                                         c.export_section_wav,
                                         self.tr("Save the section at the caret as a WAV file"))
        self._menu: QMenu | None = None
        self._group: QActionGroup | None = None
        c.speaking_changed.connect(self._update)
        c.paused_changed.connect(self._update)
        c.rate_changed.connect(self._update)
        self._update()

    def _action(self, key: str | None, text: str, slot, tip: str, icon: str = "") -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(SHORTCUTS[key]))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})")
        else:
            action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon:
            action.setIcon(QIcon.fromTheme(icon))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """Every action in menu order, with separators between the groups."""
        return [self.read, self.stop, self._separator(), self.lesson, self.section,
                self.selection, self._separator(), self.previous, self.next,
                self._separator(), self.slower, self.faster, self._separator(),
                self.save_lesson, self.save_section]

    def toolbar_actions(self) -> list[QAction]:
        """The few a tool bar needs: read/pause, stop, previous and next sentence."""
        return [self.read, self.stop, self.previous, self.next]

    def _separator(self) -> QAction:
        separator = QAction(self)
        separator.setSeparator(True)
        return separator

    def _update(self, *_args) -> None:
        c = self._controller
        if c.is_paused():
            self.read.setText(self.tr("Carry on &reading"))
            self.read.setIcon(QIcon.fromTheme("media-playback-start"))
        elif c.is_speaking():
            self.read.setText(self.tr("Pause &reading"))
            self.read.setIcon(QIcon.fromTheme("media-playback-pause"))
        else:
            self.read.setText(self.tr("&Read aloud"))
            self.read.setIcon(QIcon.fromTheme("media-playback-start"))
        self.stop.setEnabled(c.is_speaking())
        speed = format_rate(c.rate_scale())
        self.faster.setToolTip(self.tr("Read a little faster (now {speed})").format(speed=speed))
        self.slower.setToolTip(self.tr("Read a little slower (now {speed})").format(speed=speed))
        self.faster.setEnabled(c.rate_scale() < RATE_SCALE_MAX - 1e-6)
        self.slower.setEnabled(c.rate_scale() > RATE_SCALE_MIN + 1e-6)

    # ----- voices -------------------------------------------------------------------

    def voice_menu(self, parent: QWidget | None = None) -> QMenu:
        """The voice menu (made once): English voices, British first; the rest in a sub-menu."""
        if self._menu is None:
            self._menu = QMenu(self.tr("&Voice"), parent)
            self._fill_voice_menu()
            self._controller.voices_changed.connect(self._fill_voice_menu)
            self._controller.voice_changed.connect(self._tick_voice)
        return self._menu

    def _fill_voice_menu(self) -> None:
        menu, c = self._menu, self._controller
        menu.clear()
        self._group = QActionGroup(menu)
        self._group.setExclusive(True)
        if not c.voices_known():
            menu.addAction(self.tr("Looking for voices…")).setEnabled(False)
            return
        voices = c.voices()
        if not voices:
            menu.addAction(self.tr("No voices are installed")).setEnabled(False)
            return
        english, others = classroom_voices(voices)
        for voice in english:
            menu.addAction(self._voice_action(voice, menu))
        if others:
            if english:
                menu.addSeparator()
            more = menu.addMenu(self.tr("Other languages"))
            for voice in others:
                more.addAction(self._voice_action(voice, more))
        self._tick_voice()

    def _voice_action(self, voice, parent) -> QAction:
        action = QAction(voice.name, parent)
        action.setCheckable(True)
        action.setData(voice.id)
        self._group.addAction(action)
        choose = self._controller.set_voice
        action.triggered.connect(lambda _checked=False, vid=voice.id: choose(vid))
        return action

    def _tick_voice(self, *_args) -> None:
        if self._group is None:
            return
        for action in self._group.actions():
            action.setChecked(action.data() == self._controller.voice_id())

    # ----- speaker -------------------------------------------------------------------

    def speaker_menu(self, parent: QWidget | None = None,
                     list_outputs: Callable[[], list[str]] | None = None) -> QMenu:
        """The Speaker menu (made once): "System default", then each output device.

        The devices are listed in the background (``list_outputs`` gives their
        names; the default asks PortAudio). A speaker chosen before that is no
        longer there is replaced by the system default, with a note.
        """
        if self._speakers is None:
            self._speakers = QMenu(self.tr("&Speaker"), parent)
            self._speakers.setToolTip(self.tr("Choose the speaker that reads aloud"))
            self._fill_speaker_menu()
            self.find_speakers(list_outputs)
        return self._speakers

    def find_speakers(self, list_outputs: Callable[[], list[str]] | None = None) -> None:
        """List the output devices again, off the GUI thread; the menu follows."""
        key, lister = self._relay_key, list_outputs or _output_device_names

        def find() -> None:
            try:
                names = list(lister())
            except Exception:  # noqa: BLE001 - no sound system at all: no speakers
                names = []
            thread_relay.post(key, ("speakers", names))

        threading.Thread(target=find, name="list-speakers", daemon=True).start()

    def speakers(self) -> list[str] | None:
        """The output devices listed (None until the list has come)."""
        return None if self._outputs is None else list(self._outputs)

    def _on_relayed(self, payload: tuple) -> None:
        _kind, names = payload
        self._outputs = names
        chosen = self._controller.output_device()
        if chosen and chosen not in names:
            # Unplugged since it was chosen: the default plays; the saved choice stays,
            # so the speaker is used again once it is back.
            self._controller.set_output_device(None)
            self._controller.status_changed.emit(self.tr(
                "The speaker chosen before ({speaker}) is not plugged in, so read aloud "
                "uses the system default.").format(speaker=chosen))
        if self._speakers is not None:
            self._fill_speaker_menu()

    def _fill_speaker_menu(self) -> None:
        menu = self._speakers
        menu.clear()
        self._speaker_group = QActionGroup(menu)
        self._speaker_group.setExclusive(True)
        menu.addAction(self._speaker_action(self.tr("System default"), "", menu))
        menu.addSeparator()
        if self._outputs is None:
            menu.addAction(self.tr("Looking for speakers…")).setEnabled(False)
        elif not self._outputs:
            menu.addAction(self.tr("No speakers were found")).setEnabled(False)
        for name in self._outputs or []:
            if name.strip().lower() not in SERVER_DEFAULT_DEVICES:  # "System default" covers these
                menu.addAction(self._speaker_action(name, name, menu))
        self._tick_speaker()

    def _speaker_action(self, text: str, name: str, parent) -> QAction:
        action = QAction(text.replace("&", "&&"), parent)  # a device name is not a mnemonic
        action.setCheckable(True)
        action.setData(name)
        self._speaker_group.addAction(action)
        action.triggered.connect(lambda _checked=False, n=name: self.choose_speaker(n))
        return action

    def choose_speaker(self, name: str) -> None:
        """Read aloud on speaker ``name`` ("" for the system default) from the next sound."""
        self._controller.set_output_device(name or None)
        self._tick_speaker()
        self.speaker_chosen.emit(name)
        self._controller.status_changed.emit(
            self.tr("Read aloud plays on {speaker}.").format(speaker=name) if name else
            self.tr("Read aloud plays on the system default speaker."))

    def _tick_speaker(self) -> None:
        if self._speaker_group is None:
            return
        chosen = self._controller.output_device() or ""
        for action in self._speaker_group.actions():
            action.setChecked(action.data() == chosen)

    # ----- speed ---------------------------------------------------------------------

    def rate_widget(self, parent: QWidget | None = None) -> QWidget:
        """A new speed control tied to the controller (as many as the window wants)."""
        return RateControl(self._controller, parent)


class RateControl(QWidget):
    """"Speed", a slider from half to double speed in steps of 0.1×, and the speed."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        label = QLabel(self.tr("&Speed"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(round(RATE_SCALE_MIN * 100), round(RATE_SCALE_MAX * 100))
        self.slider.setSingleStep(10)
        self.slider.setPageStep(25)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(50)
        self.slider.setMinimumWidth(120)
        self.slider.setAccessibleName(self.tr("Reading speed"))
        self.slider.setAccessibleDescription(self.tr("From half speed to double speed"))
        label.setBuddy(self.slider)
        self.value = QLabel(self)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("0.55×") + 4)
        layout.addWidget(label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.value)
        self._show(controller.rate_scale())
        self.slider.valueChanged.connect(self._moved)
        controller.rate_changed.connect(self._show)

    def _moved(self, value: int) -> None:
        self.value.setText(format_rate(value / 100))
        self._controller.set_rate_scale(value / 100)

    def _show(self, scale: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(scale * 100))
        self.slider.blockSignals(False)
        text = format_rate(scale)
        self.value.setText(text)
        self.slider.setAccessibleDescription(self.tr("Now {speed}; from half speed to double "
                                                     "speed").format(speed=text))
