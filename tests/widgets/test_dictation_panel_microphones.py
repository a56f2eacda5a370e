"""The microphone list is left alone when it is offered again unchanged.

While "no microphone" is on show the controller looks at the microphones
every few seconds; rebuilding an unchanged list each time would close it
under a pupil who has it open to choose another microphone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from widgets.dictation_panel import DictationPanel

MICROPHONES = [("pulse", "The computer's default microphone"), ("usb", "USB microphone")]


def test_the_same_list_again_is_left_alone(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_microphones(MICROPHONES, "usb")
    removed = []
    panel.microphones.model().rowsRemoved.connect(lambda *args: removed.append(args))
    panel.set_microphones(list(MICROPHONES), "usb")
    assert removed == []
    assert panel.current_microphone() == "usb"


def test_a_changed_list_or_choice_is_shown(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_microphones(MICROPHONES, "usb")
    panel.set_microphones(MICROPHONES, "pulse")
    assert panel.current_microphone() == "pulse"
    panel.set_microphones(MICROPHONES[:1], "pulse")
    assert panel.microphones.count() == 1
    panel.set_microphones([])
    assert not panel.microphones.isEnabled() and panel.current_microphone() is None


def test_a_sound_cards_long_name_does_not_widen_the_panel(qtbot):
    # The list asked to be as wide as its longest name, and so did the panel: beside
    # the lesson and the library on a laptop, the lesson lost the room.
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_engine_name("English, built in")
    panel.show()
    panel.set_microphones([("a", "Desk mic")], "a")
    QApplication.processEvents()
    narrow = panel.minimumSizeHint().width(), panel.sizeHint().width()
    long_name = "HDA Intel PCH: ALC3246 Analog (hw:0,0) with a very long description"
    panel.set_microphones([("a", "Desk mic"), ("b", long_name)], "b")
    QApplication.processEvents()
    assert (panel.minimumSizeHint().width(), panel.sizeHint().width()) == narrow
    assert panel.microphones.toolTip() == long_name  # the whole name, shortened on show
