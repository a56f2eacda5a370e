"""The microphone list is left alone when it is offered again unchanged.

While "no microphone" is on show the controller looks at the microphones
every few seconds; rebuilding an unchanged list each time would close it
under a pupil who has it open to choose another microphone.
"""

from __future__ import annotations

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
