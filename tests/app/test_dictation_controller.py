"""The dictation controller with a scripted engine: the real panel, driven through its signals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from speech.dictation import COMMAND_PHRASES
from speech.stt.base import Final, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.speech_doubles import fake_device


def test_the_spoken_commands_are_listed_in_the_panel(rig):  # noqa: F811
    r = rig()
    table = r.panel.commands.table
    listed = [(table.topLevelItem(i).text(0).strip("“”"), table.topLevelItem(i).text(1))
              for i in range(table.topLevelItemCount())]
    assert listed == [(c.phrase, c.description) for c in COMMAND_PHRASES]


def test_words_being_heard_show_as_partial_then_settle_with_commands_applied(rig):  # noqa: F811
    r = rig([Partial("the water"), Partial("the water cycle"),
             Final("the water cycle full stop")])
    r.start()
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "The water")
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "The water cycle")
    assert r.panel.text() == ""  # nothing settled yet
    r.hear(1)
    r.wait_for_text("The water cycle.")
    assert r.panel.partial() == ""
    assert r.controller.text() == "The water cycle."


def test_a_partial_after_settled_text_is_previewed_as_it_will_read(rig):  # noqa: F811
    r = rig([Final("the water cycle full stop"), Partial("it rains")])
    r.start()
    r.hear(2)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "It rains")
    assert r.panel.text() == "The water cycle."


def test_punctuation_layout_and_scratch_that(rig):  # noqa: F811
    r = rig([Final("the water cycle full stop"),
             Final("it rains comma then new paragraph it stops"),
             Final("scratch that")])
    r.start()
    r.hear(2)
    r.wait_for_text("The water cycle. It rains, then\n\nIt stops")
    r.hear(1)
    r.wait_for_text("The water cycle.")
    assert "removed" in r.panel.message()


def test_a_note_about_the_last_phrase_goes_when_the_next_phrase_comes(rig):  # noqa: F811
    r = rig([Final("the water cycle full stop"), Final("scratch that"),
             Final("the sun shines full stop")])
    r.start()
    r.hear(2)
    r.wait_for_text("")
    r.qtbot.waitUntil(lambda: "removed" in r.panel.message())
    r.hear(1)
    r.wait_for_text("The sun shines.")
    assert "removed" not in r.panel.message()
    assert r.panel.message().startswith("Listening")


def test_whisper_punctuation_gives_way_to_the_pupils_commands(rig):  # noqa: F811
    r = rig([Final("The river flows, full stop."), Final("Then it meets the sea common")],
            key="whisper")
    r.start()
    r.hear(2)
    r.wait_for_text("The river flows. Then it meets the sea,")
    options = r.controller.options()
    assert options.engine_punctuates and options.common_means_comma


def test_a_vosk_style_engine_keeps_a_final_common(rig):  # noqa: F811
    r = rig([Final("it is very common")], key="vosk")
    r.start()
    r.hear(1)
    r.wait_for_text("It is very common")
    assert not r.controller.options().engine_punctuates


def test_typed_edits_become_the_base_that_scratch_that_keeps(rig):  # noqa: F811
    r = rig([Final("plants need light full stop"), Final("scratch that"),
             Final("they also need water full stop")])
    r.start()
    r.hear(1)
    r.wait_for_text("Plants need light.")
    r.panel.editor.moveCursor(r.panel.editor.textCursor().MoveOperation.End)
    r.qtbot.keyClicks(r.panel.editor, " And air.")
    assert r.controller.text() == "Plants need light. And air."
    r.hear(1)  # "scratch that": nothing dictated since the pupil typed
    r.qtbot.waitUntil(lambda: "nothing to scratch" in r.panel.message())
    assert r.panel.text() == "Plants need light. And air."
    r.hear(1)
    r.wait_for_text("Plants need light. And air. They also need water.")


def test_clear_starts_afresh_and_undo_brings_the_text_back(rig):  # noqa: F811
    r = rig([Final("rain falls full stop"), Final("clouds form full stop")])
    r.start()
    r.hear(1)
    r.wait_for_text("Rain falls.")
    r.qtbot.mouseClick(r.panel.clear_button, Qt.MouseButton.LeftButton)
    assert r.controller.text() == ""
    r.hear(1)
    r.wait_for_text("Clouds form.")
    r.panel.undo_clear()
    assert r.controller.text() == "Rain falls.\nClouds form."


def test_the_level_meter_follows_the_microphone(rig):  # noqa: F811
    r = rig()
    r.start()
    r.rack.last.level(-18.0)
    r.qtbot.waitUntil(lambda: r.panel.meter.level() == -18.0)
    r.qtbot.mouseClick(r.panel.toggle_button, Qt.MouseButton.LeftButton)
    r.qtbot.waitUntil(lambda: not r.panel.is_listening())
    assert r.panel.meter.level() is None


def test_start_and_stop_follow_the_panel_and_f9(rig):  # noqa: F811
    r = rig()
    seen = []
    r.controller.listening_changed.connect(seen.append)
    r.panel.toggle_listening()  # what F9 does
    r.qtbot.waitUntil(r.panel.is_listening)
    assert r.panel.toggle_button.text() == "Stop dictation"
    r.panel.toggle_listening()
    r.qtbot.waitUntil(lambda: not r.panel.is_listening())
    assert seen == [True, False]
    assert r.rack.last.closed.is_set()


def test_hold_to_talk_listens_only_while_held(rig):  # noqa: F811
    r = rig([Final("yes")])
    r.qtbot.mousePress(r.panel.hold_button, Qt.MouseButton.LeftButton)
    r.qtbot.waitUntil(r.controller.is_listening)
    r.hear(1)
    r.wait_for_text("Yes")
    r.qtbot.mouseRelease(r.panel.hold_button, Qt.MouseButton.LeftButton)
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())


def test_reading_aloud_closes_the_microphone_and_says_so(rig):  # noqa: F811
    r = rig([Final("the moon goes around the earth full stop")])
    r.controller.make_way_for_reading(True)  # nothing to stop: nothing said
    assert "reads aloud" not in r.panel.message()
    r.start()
    r.qtbot.waitUntil(r.controller.is_listening)
    r.controller.make_way_for_reading(True)
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())
    assert "Dictation stopped while Lesson Lab reads aloud" in r.panel.message()


def test_read_back_asks_for_the_voice_and_closes_the_microphone(rig):  # noqa: F811
    r = rig([Final("the moon goes around the earth full stop")])
    asked = []
    r.controller.read_back.connect(asked.append)
    r.start()
    r.hear(1)
    r.wait_for_text("The moon goes around the earth.")
    r.qtbot.mouseClick(r.panel.read_back_button, Qt.MouseButton.LeftButton)
    assert asked == ["The moon goes around the earth."]
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())


def test_microphones_are_offered_and_the_choice_is_passed_on(rig):  # noqa: F811
    devices = [fake_device("Desk microphone", 0, True), fake_device("USB headset", 3)]
    r = rig(devices=devices)
    r.qtbot.waitUntil(lambda: r.panel.microphones.count() == 2)
    assert r.panel.current_microphone() == "Desk microphone"
    assert "(default)" in r.panel.microphones.itemText(0)
    chosen = []
    r.controller.microphone_changed.connect(chosen.append)
    r.panel.microphones.activated.emit(1)  # what picking from the list emits
    assert chosen == ["USB headset"] and r.controller.microphone() == "USB headset"
    r.start()
    assert r.rack.last.device_request == "USB headset"


def test_a_saved_microphone_that_is_not_plugged_in_falls_back_to_the_default(rig):  # noqa: F811
    r = rig(devices=[fake_device("Desk microphone", 0, True)], microphone="USB headset")
    r.qtbot.waitUntil(lambda: r.panel.microphones.isEnabled())
    r.start()
    assert r.rack.last.device_request is None  # the default
    assert r.controller.microphone() == "USB headset"  # still remembered for next time


def test_the_lessons_key_words_are_passed_to_the_engine(rig):  # noqa: F811
    r = rig()
    r.controller.set_vocabulary(["photosynthesis", " ", "chlorophyll"])
    r.start()
    r.qtbot.waitUntil(lambda: r.recogniser.vocabulary == ["photosynthesis", "chlorophyll"])


def test_the_engine_name_is_shown_when_it_is_ready(rig):  # noqa: F811
    r = rig()
    r.start()
    r.qtbot.waitUntil(lambda: "Scripted engine" in r.panel.engine_label.text())
    assert "Listening" in r.panel.message()


def test_the_computers_default_microphone_is_listed_once(rig):  # noqa: F811
    # PortAudio lists PulseAudio's "pulse" and "default": both were "The computer's
    # default microphone", twice in the list.
    card = "HDA Intel PCH: ALC257 Analog (hw:0,0)"
    devices = [fake_device(card, 0), fake_device("pulse", 5), fake_device("default", 6, True)]
    r = rig(devices=devices)
    r.qtbot.waitUntil(lambda: r.panel.microphones.count() == 2)
    items = [(r.panel.microphones.itemText(i), r.panel.microphones.itemData(i))
             for i in range(r.panel.microphones.count())]
    assert items == [(card, card), ("The computer's default microphone", "default")]
    assert r.panel.current_microphone() == "default"


def test_the_sound_systems_own_default_device_is_named_for_a_pupil(rig):  # noqa: F811
    # PulseAudio's device called "default" used to show as "default (default)".
    devices = [fake_device("default", 0, True), fake_device("USB headset", 3)]
    r = rig(devices=devices)
    r.qtbot.waitUntil(lambda: r.panel.microphones.count() == 2)
    assert r.panel.microphones.itemText(0) == "The computer's default microphone"
    assert r.panel.microphones.itemText(1) == "USB headset"
    assert r.panel.current_microphone() == "default"  # the device itself is unchanged
