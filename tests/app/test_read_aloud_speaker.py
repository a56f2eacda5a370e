"""Read aloud > Speaker: choose the output device, remembered, used from the next sound.

The menu is tested with the controller's test doubles (a spy synthesiser and
a player that records its device) and in the main window with the real
controllers and the real device list of the private PulseAudio server; the
last test reads aloud with eSpeak NG through the real player and records the
monitors of two virtual speakers: the sound reaches the chosen one only.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from app.controllers import attach_controllers
from app.read_aloud import ReadAloudController
from app.settings import AppSettings
from lessons.model import Lesson, Paragraph, Section, Span
from tests.app.read_aloud_doubles import FakePlayer, rivers_lesson
from tests.app.test_read_aloud import Harness
from tests.fixtures.pulse import SPARE_SINK, SPARE_SPEAKER_DEVICE, SPEAKER_DEVICE
from tests.fixtures.pulse_devices import VirtualSpeaker
from tests.widgets.samples import make_view

WAIT = 10_000
DEVICES = ["Projector (HDMI)", "Laptop speakers & headphones"]


def _entries(menu) -> list[tuple[str, bool, bool]]:
    """(text without mnemonic escapes, checked, enabled) for each item, no separators."""
    return [(a.text().replace("&&", "&"), a.isChecked(), a.isEnabled())
            for a in menu.actions() if not a.isSeparator()]


def _action(menu, text: str):
    return next(a for a in menu.actions() if a.text().replace("&&", "&") == text)


@pytest.fixture
def harness(qtbot):
    view = make_view(qtbot, rivers_lesson(), size=(700, 500))
    made = []

    def make(**options):
        made.append(Harness(qtbot, view, **options))
        return made[-1]

    yield make
    for h in made:
        h.close()


def test_the_speaker_menu_lists_the_devices_after_system_default(qtbot, harness):
    h = harness()
    controls = h.controller.controls()
    # "pulse" and "default" are the system default again: listed once, as "System default".
    menu = controls.speaker_menu(list_outputs=lambda: ["pulse", *DEVICES, "default"])
    qtbot.waitUntil(lambda: controls.speakers() is not None, timeout=WAIT)
    assert menu.title() == "&Speaker"
    assert _entries(menu) == [("System default", True, True),
                              ("Projector (HDMI)", False, True),
                              ("Laptop speakers & headphones", False, True)]

    chosen = []
    controls.speaker_chosen.connect(chosen.append)
    _action(menu, "Laptop speakers & headphones").trigger()
    assert chosen == ["Laptop speakers & headphones"]
    assert h.controller.output_device() == "Laptop speakers & headphones"
    assert [c for _t, c, _e in _entries(menu)] == [False, False, True]
    assert h.statuses[-1] == "Read aloud plays on Laptop speakers & headphones."

    # The next reading plays there, with no restart; and back to the default.
    assert h.controller.read_lesson()
    h.wait_finished()
    assert {p.device for p in FakePlayer.instances} == {"Laptop speakers & headphones"}
    _action(menu, "System default").trigger()
    assert chosen[-1] == "" and h.controller.output_device() is None
    FakePlayer.instances.clear()
    assert h.controller.read_lesson()
    h.wait_finished()
    assert FakePlayer.instances and {p.device for p in FakePlayer.instances} == {None}


def test_no_speakers_says_so_and_leaves_the_default(qtbot, harness):
    h = harness()
    controls = h.controller.controls()
    menu = controls.speaker_menu(list_outputs=lambda: [])
    qtbot.waitUntil(lambda: controls.speakers() == [], timeout=WAIT)
    assert _entries(menu) == [("System default", True, True),
                              ("No speakers were found", False, False)]


def test_a_speaker_that_has_gone_falls_back_to_the_default_with_a_note(qtbot, harness):
    h = harness(device="USB speaker")
    controls = h.controller.controls()
    menu = controls.speaker_menu(list_outputs=lambda: list(DEVICES))
    qtbot.waitUntil(lambda: controls.speakers() is not None, timeout=WAIT)
    assert h.controller.output_device() is None
    assert h.statuses[-1] == ("The speaker chosen before (USB speaker) is not plugged in, "
                              "so read aloud uses the system default.")
    assert _entries(menu)[0] == ("System default", True, True)


# ----- in the main window, with the real controllers and devices ----------------------------


def _speaker_submenu(window):
    return next(a.menu() for a in window.act.menus["read"].actions()
                if a.menu() is not None and a.text() == "&Speaker")


@pytest.mark.pulse
def test_the_window_offers_the_speakers_and_remembers_the_choice(qtbot, opened, pulse):
    window = opened.open()
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    menu = _speaker_submenu(window)
    controls = window.read_aloud.controls()
    qtbot.waitUntil(lambda: controls.speakers() is not None, timeout=WAIT)
    names = [text for text, _checked, _enabled in _entries(menu)]
    assert names[0] == "System default"
    assert SPEAKER_DEVICE in names and SPARE_SPEAKER_DEVICE in names
    # Reached from the keyboard: Alt+R, then S, which nothing else in that menu uses.
    read_menu_texts = [a.text() for a in window.act.menus["read"].actions()
                       if a.isVisible() and not a.isSeparator()]
    assert [t for t in read_menu_texts if "&S" in t or "&s" in t] == ["&Speaker"]
    # The same menu from the Read aloud tool bar.
    assert menu.menuAction() in window.act.toolbars["read"].actions()

    _action(menu, SPARE_SPEAKER_DEVICE).trigger()
    assert window.read_aloud.output_device() == SPARE_SPEAKER_DEVICE
    window.settings.sync()
    assert AppSettings(window.settings.path).output_device == SPARE_SPEAKER_DEVICE
    _action(menu, "System default").trigger()
    window.settings.sync()
    assert AppSettings(window.settings.path).output_device == ""


@pytest.mark.pulse
def test_a_saved_speaker_that_is_unplugged_gives_a_note_in_the_status_bar(qtbot, opened, pulse):
    AppSettings(opened.settings_path).output_device = "Bluetooth speaker"
    window = opened.open()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    attach_controllers(window, ("read aloud",))
    assert window.settings.output_device == "Bluetooth speaker"
    qtbot.waitUntil(lambda: window.read_aloud.controls().speakers() is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: any("not plugged in" in m for m in messages), timeout=WAIT)
    assert window.read_aloud.output_device() is None
    assert _entries(_speaker_submenu(window))[0] == ("System default", True, True)
    # The choice is kept: the speaker is used again once it is plugged back in.
    assert window.settings.output_device == "Bluetooth speaker"


# ----- real sound on two virtual speakers --------------------------------------------------

SENTENCE = "Rivers start high up in hills and mountains."
LOUD = 300


@pytest.fixture
def spare_monitor(pulse, spare_speaker):
    speaker = VirtualSpeaker(pulse.server, SPARE_SINK, SPARE_SPEAKER_DEVICE)
    yield speaker
    speaker.close()


def _read_once(qtbot, controller, main, spare) -> tuple[np.ndarray, np.ndarray]:
    """Read the lesson, recording both speakers; (main heard, spare heard)."""
    on_main, on_spare = main.start_recording(), spare.start_recording()
    assert controller.read_lesson()
    qtbot.waitUntil(lambda: not controller.is_speaking(), timeout=60_000)
    qtbot.wait(400)  # the last of the sound leaves the sinks
    return main.stop_recording(on_main), spare.stop_recording(on_spare)


def _loud_seconds(samples: np.ndarray, rate: int) -> float:
    return np.count_nonzero(np.abs(samples) > LOUD) / rate


@pytest.mark.pulse
@pytest.mark.slow
def test_read_aloud_is_heard_on_the_chosen_speaker_only(qtbot, virtual_speaker, spare_monitor):
    view = make_view(qtbot, Lesson(title="", sections=(
        Section("", 2, (Paragraph((Span(SENTENCE),), 1),), 1),)), size=(700, 300))
    controller = ReadAloudController(view)  # the system default: the session's speaker
    errors: list[str] = []
    controller.error.connect(errors.append)
    try:
        controls = controller.controls()
        menu = controls.speaker_menu()
        qtbot.waitUntil(lambda: controls.speakers() is not None, timeout=WAIT)
        qtbot.waitUntil(controller.voices_known, timeout=60_000)

        _action(menu, SPARE_SPEAKER_DEVICE).trigger()
        main, spare = _read_once(qtbot, controller, virtual_speaker, spare_monitor)
        assert errors == []
        assert np.abs(spare).max() > 3000 and _loud_seconds(spare, spare_monitor.rate) > 0.5
        assert not np.abs(main).max() > LOUD, "nothing on the other speaker"

        _action(menu, "System default").trigger()  # the next reading, no restart
        main, spare = _read_once(qtbot, controller, virtual_speaker, spare_monitor)
        assert errors == []
        assert np.abs(main).max() > 3000 and _loud_seconds(main, virtual_speaker.rate) > 0.5
        assert not np.abs(spare).max() > LOUD
    finally:
        assert controller.shutdown(wait=10)
    QCoreApplication.processEvents()
