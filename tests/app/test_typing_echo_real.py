"""Speak as I type with the real parts: the main window's Dictation menu, eSpeak NG
through pyttsx3, the real player and the PulseAudio virtual speaker (its monitor
recorded), and the choice kept for the next start."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QMenu

from app.controllers import attach_controllers
from app.dictation_unsaved import DISCARD
from app.settings import AppSettings
from speech.typing_echo import OFF, WORDS
from tests.fixtures.pulse import SPEAKER_DEVICE

pytestmark = pytest.mark.slow

WAIT = 60_000
LOUD = 300  # int16: well above the null sink's digital silence


def _menu(window) -> QMenu:
    menu = window.findChild(QMenu, "menu-speak-as-i-type")
    assert menu is not None and menu.menuAction() in window.act.menus["dictation"].actions()
    return menu


@pytest.mark.pulse
def test_words_typed_by_a_pupil_are_heard_from_the_speaker(qtbot, opened, virtual_speaker):
    AppSettings(opened.settings_path).output_device = SPEAKER_DEVICE
    window = opened.open()
    attach_controllers(window, ("read aloud", "dictation"))
    qtbot.waitUntil(window.read_aloud.voices_known, timeout=WAIT)
    menu = _menu(window)
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["&Off"]  # off at first
    next(a for a in menu.actions() if a.data() == WORDS).trigger()
    said: list[str] = []
    window.typing_echo.said.connect(said.append)
    statuses: list[str] = []
    window.statusBar().messageChanged.connect(statuses.append)

    panel = window.dictation_panel
    panel.editor.setFocus()
    recording = virtual_speaker.start_recording()
    qtbot.keyClicks(panel.editor, "Rivers ")
    # A tenth of a second of the voice: the word was heard from the speaker.
    qtbot.waitUntil(lambda: np.count_nonzero(
        np.abs(recording.samples) > LOUD) > virtual_speaker.rate // 10, timeout=WAIT)
    virtual_speaker.stop_recording(recording)

    assert said == ["Rivers"]
    assert panel.text() == "Rivers "
    assert not any("Reading" in status for status in statuses)  # said quietly
    assert not window.read_aloud.is_speaking()

    # Kept for the next start.
    window.dictation.ask_save_on_close = lambda: DISCARD  # the pupil's test words
    window.settings.sync()
    assert AppSettings(window.settings.path).text("dictation/speak_as_i_type") == WORDS
    window.close()
    again = opened.open()
    attach_controllers(again, ("read aloud", "dictation"))
    assert again.typing_echo.mode == WORDS
    assert [a.data() for a in _menu(again).actions() if a.isChecked()] == [WORDS]
    next(a for a in _menu(again).actions() if a.data() == OFF).trigger()
    again.dictation_panel.editor.setFocus()
    said.clear()
    again.typing_echo.said.connect(said.append)
    qtbot.keyClicks(again.dictation_panel.editor, "flow ")
    assert said == [] and again.typing_echo.mode == OFF
    again.dictation.ask_save_on_close = lambda: DISCARD
