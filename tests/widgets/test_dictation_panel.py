"""The dictation panel, driven through its real buttons, keys and signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from widgets.dictation_panel import DictationPanel
from widgets.dictation_text import PARTIAL_MARKER

INTENTS = ("start_requested", "stop_requested", "microphone_chosen", "read_back_requested",
           "save_requested", "clear_requested", "text_edited")


@pytest.fixture
def panel(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.heard = []
    for name in INTENTS:
        getattr(panel, name).connect(lambda *args, name=name: panel.heard.append((name, *args)))
    return panel


def test_the_big_button_asks_to_start_then_to_stop(qtbot, panel):
    assert panel.toggle_button.text() == "Start dictation"
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert panel.heard == [("start_requested",)]
    panel.set_listening(True)
    assert panel.toggle_button.text() == "Stop dictation"
    assert "microphone is live" in panel.toggle_button.accessibleDescription()
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert panel.heard[-1] == ("stop_requested",)


def test_f9_toggles_from_anywhere_in_the_panel(qtbot, panel):
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_F9)
    assert panel.heard == [("start_requested",)]
    panel.set_listening(True)
    qtbot.keyClick(panel.editor, Qt.Key.Key_F9)
    assert panel.heard == [("start_requested",), ("stop_requested",)]
    assert panel.editor.toPlainText() == ""  # the key did not type anything


def test_the_live_indicator_says_so_in_words(panel):
    assert panel.live.text() == "Microphone is off"
    panel.set_listening(True)
    assert panel.live.text() == "Microphone is live"
    assert panel.live.accessibleName() == "Microphone is live"
    panel.set_listening(False)
    assert panel.live.text() == "Microphone is off"


def test_hold_to_talk_with_the_mouse_starts_then_stops(qtbot, panel):
    qtbot.mousePress(panel.hold_button, Qt.MouseButton.LeftButton)
    assert panel.heard == [("start_requested",)]
    panel.set_listening(True)
    qtbot.mouseRelease(panel.hold_button, Qt.MouseButton.LeftButton)
    assert panel.heard == [("start_requested",), ("stop_requested",)]


def test_hold_to_talk_with_the_space_bar_starts_then_stops(qtbot, panel):
    panel.hold_button.setFocus()
    qtbot.keyPress(panel.hold_button, Qt.Key.Key_Space)
    assert panel.heard == [("start_requested",)]
    panel.set_listening(True)
    # Holding a key repeats it; the repeats must not stop or restart anything.
    for kind in (QEvent.Type.KeyRelease, QEvent.Type.KeyPress) * 3:
        repeat = QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True)
        QApplication.sendEvent(panel.hold_button, repeat)
    assert panel.heard == [("start_requested",)]
    qtbot.keyRelease(panel.hold_button, Qt.Key.Key_Space)
    assert panel.heard == [("start_requested",), ("stop_requested",)]


def test_hold_to_talk_does_not_stop_dictation_started_with_the_big_button(qtbot, panel):
    panel.set_listening(True)
    qtbot.mousePress(panel.hold_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(panel.hold_button, Qt.MouseButton.LeftButton)
    assert panel.heard == []


def _format_at(panel, position: int) -> QTextCharFormat:
    cursor = QTextCursor(panel.editor.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_a_partial_follows_the_text_and_set_text_replaces_it(panel):
    panel.set_text("The water cycle.")
    panel.show_partial("water evap")
    assert panel.editor.toPlainText() == f"The water cycle. water evap {PARTIAL_MARKER}"
    panel.show_partial("water evaporates from")  # a new partial replaces the old
    assert panel.editor.toPlainText() == f"The water cycle. water evaporates from {PARTIAL_MARKER}"
    assert panel.text() == "The water cycle."
    assert panel.partial() == "water evaporates from"
    panel.set_text("The water cycle. Water evaporates from the sea.")
    assert panel.editor.toPlainText() == "The water cycle. Water evaporates from the sea."
    assert panel.partial() == ""
    assert not _format_at(panel, len(panel.text()) - 1).fontItalic()
    assert panel.heard == []  # the controller's own updates are not reported back


def test_the_partial_looks_different_without_relying_on_colour(panel):
    panel.set_text("Hello.")
    panel.show_partial("how are")
    start, end = panel.editor.partial_range()
    settled = _format_at(panel, 0)
    heard = _format_at(panel, start + 2)
    assert not settled.fontItalic() and not settled.fontUnderline()
    assert not heard.fontItalic()  # the app advises "No italics" for dyslexic readers
    assert heard.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert panel.editor.toPlainText()[start:end].endswith(PARTIAL_MARKER)


def test_typing_is_reported_and_a_partial_makes_way(qtbot, panel):
    panel.set_text("I like")
    panel.show_partial("maths and")
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.editor, " cake")
    assert panel.text() == "I like cake"
    assert panel.partial() == ""
    assert panel.heard[-1] == ("text_edited", "I like cake")
    assert all(name == "text_edited" for name, *_ in panel.heard)
    # A later partial joins on after the pupil's words, in the partial style.
    panel.show_partial("and")
    assert panel.editor.toPlainText() == f"I like cake and {PARTIAL_MARKER}"
    qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
    assert panel.text() == "I like cak"
    assert panel.heard[-1] == ("text_edited", "I like cak")


def test_clear_then_undo_brings_the_text_back(qtbot, panel):
    panel.set_text("My story about the Vikings.")
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.text() == ""
    assert ("clear_requested",) in panel.heard
    assert panel.message() == "The text was cleared."
    assert panel.message_bar.action_button.isVisible()
    qtbot.mouseClick(panel.message_bar.action_button, Qt.MouseButton.LeftButton)
    assert panel.text() == "My story about the Vikings."
    assert panel.heard[-1] == ("text_edited", "My story about the Vikings.")
    assert panel.message() == ""
    assert not panel.can_undo_clear()


def test_ctrl_z_undoes_a_clear_and_keeps_words_dictated_since(qtbot, panel):
    panel.set_text("First part.")
    panel.clear_text()
    panel.set_text("Second part.")  # dictated after clearing
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.text() == "First part.\nSecond part."
    assert panel.heard[-1] == ("text_edited", "First part.\nSecond part.")


def test_clearing_nothing_keeps_any_earlier_undo(panel):
    panel.set_text("Keep me.")
    panel.clear_text()
    panel.clear_text()
    assert panel.can_undo_clear()
    panel.undo_clear()
    assert panel.text() == "Keep me."


def test_a_repeated_message_replaces_the_one_shown(panel):
    windows = set(QApplication.topLevelWidgets())
    panel.show_message("The microphone was unplugged.", "error")
    panel.show_message("The microphone was unplugged.", "error")
    panel.show_message("Listening again.", "info")
    assert panel.message() == "Listening again."
    assert len(panel.findChildren(type(panel.message_bar))) == 1
    assert set(QApplication.topLevelWidgets()) == windows  # no dialogs
    panel.show_message("No speech model.", "error")
    assert panel.message_bar.kind == "error"
    assert panel.message_bar.text_label.font().bold()  # not colour alone
    qtbot_click = panel.message_bar.close_button
    qtbot_click.click()
    assert panel.message() == ""
    with pytest.raises(ValueError):
        panel.show_message("x", "warning")


def test_choosing_a_microphone_says_which(qtbot, panel):
    panel.set_microphones([("hw:1", "USB headset"), ("default", "Laptop microphone")],
                          current="default")
    assert panel.microphones.currentText() == "Laptop microphone"
    assert panel.heard == []  # filling the list is not a choice
    panel.microphones.setFocus()
    qtbot.keyClick(panel.microphones, Qt.Key.Key_Up)
    assert panel.heard == [("microphone_chosen", "hw:1")]
    assert panel.current_microphone() == "hw:1"
    panel.set_microphones([])
    assert not panel.microphones.isEnabled()
    assert panel.microphones.currentText() == "No microphone found"


def test_read_back_copy_and_save_ask_with_the_text(qtbot, panel):
    panel.read_back()
    assert panel.heard == [] and "no text" in panel.message()
    panel.set_text("Rivers flood in winter.")
    panel.show_partial("because")
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert panel.heard == [("read_back_requested", "Rivers flood in winter.")]
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Rivers flood in winter."
    asked = []
    panel.ask_save_path = lambda: asked.append(True) or ("/tmp/rivers.docx", "docx")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert asked and panel.heard[-1] == ("save_requested", "/tmp/rivers.docx", "docx")
    panel.ask_save_path = lambda: None  # cancelled
    panel.save()
    assert panel.heard[-1][0] == "save_requested" and len(panel.heard) == 2


def test_the_spoken_commands_are_listed_and_fold_away(qtbot, panel):
    commands = [("full stop", "Types ."), ("new paragraph", "Starts a new paragraph"),
                ("scratch that", "Deletes the last thing you said")]
    panel.set_commands(commands)
    assert panel.commands.commands() == commands
    assert panel.commands.table.isVisible()
    assert panel.commands.toggle.text() == "Spoken commands (3)"
    qtbot.mouseClick(panel.commands.toggle, Qt.MouseButton.LeftButton)
    assert not panel.commands.table.isVisible()
    assert not panel.commands.is_expanded()


def _cut_or_hidden_descriptions(table) -> list[str]:
    """Descriptions whose row is too short for their text wrapped at the column's width."""
    width = table.header().sectionSize(1) - 6  # the cell's own margins
    metrics = table.fontMetrics()
    short = []
    for row in range(table.topLevelItemCount()):
        item = table.topLevelItem(row)
        needed = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap,
                                      item.text(1)).height()
        if table.visualItemRect(item).height() < needed:
            short.append(item.text(1))
    return short


def test_what_each_command_does_wraps_in_a_narrow_panel_instead_of_being_cut(qtbot, panel):
    from speech.dictation_commands import COMMAND_PHRASES

    panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])
    table = panel.commands.table
    panel.resize(360, 900)
    line = table.fontMetrics().height()
    # The narrow column leaves long descriptions ("puts a full stop (.) and starts a
    # new sentence") on two lines or more.
    qtbot.waitUntil(lambda: max(table.visualItemRect(table.topLevelItem(row)).height()
                                for row in range(table.topLevelItemCount())) >= 2 * line)
    assert _cut_or_hidden_descriptions(table) == []
    # Wider again, the rows shrink back to one line each.
    panel.resize(1400, 900)
    qtbot.waitUntil(lambda: table.visualItemRect(table.topLevelItem(0)).height() < 2 * line)
    assert _cut_or_hidden_descriptions(table) == []


def test_engine_name_and_level_are_shown(panel):
    panel.set_engine_name("English, built in")
    assert panel.engine_label.text() == "Speech model: English, built in"
    panel.set_listening(True)
    panel.set_level(-20)
    assert panel.meter.text().startswith("Good")
    panel.set_listening(False)
    assert panel.meter.text() == "No sound"


def test_the_text_is_large_and_scales_with_the_ui(panel):
    normal = QFont(panel.editor.font()).pointSizeF()
    assert normal >= 18
    panel.set_ui_scale(1.5)
    assert panel.editor.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert panel.toggle_button.font().pointSizeF() > panel.font().pointSizeF()


@pytest.mark.parametrize("kind", ["info", "error"])
def test_a_message_showing_grows_with_the_interface(panel, kind):
    # "Catching up…" can be on show when the teacher makes the interface bigger.
    panel.show_message("Catching up: the computer is busy.", kind)
    label = panel.message_bar.text_label
    before = label.font().pointSizeF()
    icon = panel.message_bar.icon.pixmap().height()
    panel.set_ui_scale(2.0)
    assert label.font().pointSizeF() == pytest.approx(2 * before)
    assert panel.message_bar.icon.pixmap().height() > icon
    assert label.font().bold() == (kind == "error")  # never colour alone
    assert panel.message_bar.close_button.font().pointSizeF() == pytest.approx(2 * before)


def test_dictation_at_the_end_keeps_the_caret_at_the_end(panel):
    panel.set_text("One.")
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    panel.set_text("One. Two.")
    assert panel.editor.textCursor().position() == len("One. Two.")
    panel.editor.moveCursor(QTextCursor.MoveOperation.Start)
    panel.set_text("One. Two. Three.")
    assert panel.editor.textCursor().position() == 0
