"""Labels that show information reach a screen reader with what they show.

Qt's QLabel has no AT-SPI Text interface, so a reader hears only its
accessible name: a fixed name ("Lessons shown") would hide the value
("16 lessons"). Names are read here as Qt's bridge reads them, through
QAccessible.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from lessons.library import builtin_folder, scan_library
from widgets.dictation_line import DictationLine
from widgets.dictation_panel import DictationPanel
from widgets.level_meter import LevelMeter
from widgets.library_panel import LibraryPanel
from widgets.simulation.panel import SimulationPanel
from widgets.value_label import ValueLabel, spoken_text


def heard(widget) -> str:
    """The name a screen reader gets for ``widget``."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_a_value_label_is_named_by_what_it_shows_after_its_caption(qtbot):
    label = ValueLabel("Colour contrast")
    qtbot.addWidget(label)
    label.setText("Text on background: 2.32:1 (fail)\nHeadings on background: 21.00:1 (AAA)")
    assert heard(label) == ("Colour contrast: Text on background: 2.32:1 (fail); "
                            "Headings on background: 21.00:1 (AAA)")
    label.set_text("Standard *", "Standard, changed")  # a mark a reader would say badly
    assert label.text() == "Standard *" and heard(label) == "Colour contrast: Standard, changed"
    label.setText("<b>Bold</b> words")
    assert heard(label) == "Colour contrast: Bold words"
    label.clear()
    assert heard(label) == ""
    assert spoken_text("One.\nTwo") == "One. Two" and spoken_text("  \n") == ""


def test_the_speech_model_label_is_heard_with_the_model(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_engine_name("English, built in")
    assert heard(panel.engine_label) == "Speech model: English, built in"
    panel.set_engine_name("Whisper tiny")
    assert heard(panel.engine_label) == "Speech model: Whisper tiny"


def test_the_lesson_count_is_heard(qtbot):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_entries(scan_library([builtin_folder()]).entries)
    total = len(panel.entries())
    assert heard(panel.count_label) == f"{total} lessons"
    panel.set_search("plant")
    shown = len(panel.visible_entries())
    assert 0 < shown < total
    assert heard(panel.count_label) == f"{shown} of {total} lessons"


def test_the_level_in_words_is_heard_and_changes_only_with_the_state(qtbot):
    now = [100.0]
    meter = LevelMeter(clock=lambda: now[0])
    qtbot.addWidget(meter)
    assert heard(meter.label) == "Microphone level: No sound"
    meter.set_level(-20.0)
    assert meter.text().startswith("Good") and heard(meter.label) == "Microphone level: Good"
    names = []
    meter.label.setAccessibleName = lambda name: names.append(name)  # every change of name
    now[0] += 0.05
    meter.set_level(-19.0)  # louder: a new peak, a new number, the same state
    assert "19" in meter.text() and names == []
    now[0] += 0.05
    meter.set_level(-2.0)
    assert names == ["Microphone level: Too loud"]


def test_the_dictation_state_is_heard_and_a_change_announced_once(qtbot, monkeypatch):
    said = []
    monkeypatch.setattr("widgets.dictation_line.announce",
                        lambda _source, text, assertive=False: said.append((text, assertive)))
    line = DictationLine()
    qtbot.addWidget(line)
    assert heard(line.state) == line.state.text() and "Press Dictate (F9)" in line.state.text()
    assert said == []  # nothing said as it is built
    line.set_listening(True)
    line.set_listening(True)  # the controller saying it again is not news
    assert heard(line.state) == line.state.text() and line.state.text().startswith("Listening")
    assert said == [(line.state.text(), False)]
    line.set_listening(False)
    assert said[1:] == [(line.state.text(), False)] and "Press Dictate" in said[1][0]
    line.show_partial("clouds form")
    assert heard(line.partial) == "Being heard, not yet in the text: clouds form\u2026"
    line.show_message("The microphone was unplugged.", "error")
    assert heard(line.message) == "Problem: The microphone was unplugged."


def test_the_simulation_statement_and_help_are_heard_whole(qtbot):
    panel = SimulationPanel()
    qtbot.addWidget(panel)
    for label, caption in ((panel.statement, "About these simulations"),
                           (panel.help, "Help")):
        assert heard(label) == spoken_text(label.text(), caption)
        assert heard(label).startswith(f"{caption}: {label.text()[:60]}")


@pytest.mark.parametrize("listening, words", [(False, "Start dictation"),
                                              (True, "Stop dictation")])
def test_the_dictation_button_is_named_by_its_words(qtbot, listening, words):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_listening(not listening)
    panel.set_listening(listening)
    assert panel.toggle_button.text() == words
    assert heard(panel.toggle_button) == words  # voice control: "click Stop dictation"
    description = QAccessible.queryAccessibleInterface(panel.toggle_button).text(
        QAccessible.Text.Description)
    assert "F9" in description and ("live" if listening else "off") in description


def test_turn_all_off_is_named_by_its_words(qtbot):
    panel = SimulationPanel()
    qtbot.addWidget(panel)
    assert heard(panel.off_button) == panel.off_button.text() == "Turn all off"
    assert "every simulation" in panel.off_button.accessibleDescription()


def test_the_flip_button_is_named_by_the_words_it_shows(qtbot):
    # Short words on the button (the whole sentence made the panel 758 px wide at
    # 200%); the sentence, what is shown and what F8 does, is its description and tooltip.
    panel = SimulationPanel()
    qtbot.addWidget(panel)
    button = panel.flip_button
    assert heard(button) == button.text() == "Show the unadapted lesson (F8)"
    described = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Description)
    assert described.startswith("Showing the adapted lesson: press F8")
    assert button.toolTip() == described == panel.flip_action.text()
    panel.flip_adapted()
    assert heard(button) == button.text() == "Show the adapted lesson (F8)"
    assert button.accessibleDescription().startswith("Showing the unadapted lesson: press F8")


def test_the_font_note_is_heard_with_what_it_says(qtbot, monkeypatch):
    from widgets import profile_form
    from widgets.fonts import ResolvedFont

    note = "Lexend is not installed here, so Arial stands in."
    monkeypatch.setattr(profile_form, "resolve_family",
                        lambda family: ResolvedFont(family, "Arial", note))
    form = profile_form.ProfileForm()
    qtbot.addWidget(form)
    form.font_family.setCurrentIndex(1)
    assert heard(form.font_note) == f"Font note: {note}"


def test_a_label_that_hides_when_empty_is_never_met_unnamed(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    label = ValueLabel(hide_when_empty=True)
    QVBoxLayout(box).addWidget(label)
    box.show()
    assert not label.isVisible()
    label.setText("Status: Installed")
    assert label.isVisible() and heard(label) == "Status: Installed"
    label.clear()
    assert not label.isVisible()
    alone = ValueLabel(text="Shown", hide_when_empty=True)  # no parent: not a window
    qtbot.addWidget(alone)
    assert not alone.isVisible()
