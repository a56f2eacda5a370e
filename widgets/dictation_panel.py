"""The pupil's dictation panel: start and stop, hear it, see it, fix it, keep it.

The panel never talks to an engine. It emits intents and a controller in
``app/`` acts on them and calls the panel's state methods back:

Intents (signals)
    ``start_requested()``, ``stop_requested()`` — the big toggle button, the
    F9 shortcut, and hold-to-talk (press and hold the "Hold to talk" button
    with the mouse, or the Space bar while it has focus; letting go stops).
    ``microphone_chosen(id)`` — the pupil picked a microphone.
    ``read_back_requested(text)`` — read the text aloud.
    ``save_requested(path, format)`` — format is "txt" or "docx".
    ``clear_requested()`` — the text was cleared (the panel keeps a copy for Undo).
    ``text_edited(text)`` — the pupil typed or edited, or undid a Clear.
    ``word_chosen(word)`` — the pupil pressed a word in the word bank (the
    controller puts it in with ``text_around_selection`` and ``type_text``).
    ``typed(character)`` — a key put a character in the text (speak as I type).

State (methods)
    ``set_listening(bool)``, ``set_level(dbfs)``, ``show_partial(text)`` (at
    the caret), ``set_text(full_text)``, ``insert_phrase(text)`` (at the
    caret; ``remove_phrase`` and ``restore_phrase`` take it out and put it
    back), ``show_message(text, kind)``, ``set_commands(pairs)``,
    ``set_microphones(pairs, current)``, ``set_word_bank(pairs)``,
    ``set_engine_name(text)``,
    ``set_ui_scale(scale)``, ``set_save_start(folder, fmt, file)`` (where
    Save… opens and what it suggests: ``widgets.dictation_save``).

The text rules (spoken punctuation, "scratch that") run in the controller,
which reads the text around the caret (``text_around_caret``) to decide how
a phrase reads there; the panel shows whatever text it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lessons.profile import Profile
from widgets.dictation_parts import CommandsList, LiveIndicator, MessageBar
from widgets.dictation_save import SAVE_FORMATS, SaveStart, suggested_path
from widgets.dictation_text import DictationText
from widgets.fonts import resolve_family
from widgets.lesson_style import base_font, page_palette
from widgets.level_meter import LevelMeter
from widgets.save_as import ask_save_as, confirm_replace
from widgets.stacking_row import StackingRow
from widgets.text_insertion import Insertion
from widgets.value_label import ValueLabel
from widgets.word_bank import WordBank

TOGGLE_SHORTCUT = "F9"
DEFAULT_FAMILY = "Atkinson Hyperlegible"
# Characters the closed microphone list shows at least (longer names are cut short).
_MICROPHONE_CHARS = 18


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationPanel", text)


class DictationPanel(QWidget):
    """Dictation for pupils: a big start/stop, a level meter and the text as it is heard."""

    start_requested = Signal()
    stop_requested = Signal()
    microphone_chosen = Signal(str)
    read_back_requested = Signal(str)
    save_requested = Signal(str, str)
    clear_requested = Signal()
    text_edited = Signal(str)
    word_chosen = Signal(str)
    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Dictation"))
        self._listening = False
        self._holding = False  # listening was started by hold-to-talk
        self._cleared: str | None = None  # text kept so that a Clear can be undone
        self._scale = 1.0
        self._family = DEFAULT_FAMILY
        self._page: Profile | None = None  # the pupil's profile the text box follows
        self._save_start = SaveStart()

        # No fixed accessible name: the name is the words on the button ("Start
        # dictation", "Stop dictation"), so it changes with them and voice control's
        # "click Start dictation" finds it. What it does is in the description.
        self.toggle_button = QPushButton(self)
        self.toggle_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.toggle_button.clicked.connect(self.toggle_listening)
        self.hold_button = QPushButton(_tr("Hold to talk"), self)
        self.hold_button.setAccessibleName(_tr("Hold to talk"))
        self.hold_button.setAccessibleDescription(_tr(
            "Press and hold with the mouse, or hold the Space bar while this button has "
            "focus. Dictation stops when you let go."))
        self.hold_button.setToolTip(self.hold_button.accessibleDescription())
        # QPushButton gives pressed/released for the mouse and for the Space bar alike,
        # and released when focus leaves while held, so a stuck microphone cannot happen.
        self.hold_button.pressed.connect(self._hold_pressed)
        self.hold_button.released.connect(self._hold_released)
        self.live = LiveIndicator(self)

        self.microphones = QComboBox(self)
        self.microphones.setAccessibleName(_tr("Microphone"))
        # As wide as the panel allows, not as its longest name: a sound card's name
        # ("HDA Intel PCH: ALC3246 Analog (hw:0,0)") would otherwise set how narrow
        # the panel can be, and so how much room the lesson beside it has. The list
        # itself opens wide enough for whole names, and the tooltip gives the one chosen.
        self.microphones.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.microphones.setMinimumContentsLength(_MICROPHONE_CHARS)
        self.microphones.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.microphones.activated.connect(self._on_microphone_activated)
        self.microphones.currentIndexChanged.connect(
            lambda _i: self.microphones.setToolTip(self.microphones.currentText()))
        microphone_label = QLabel(_tr("&Microphone:"), self)
        microphone_label.setBuddy(self.microphones)
        self.engine_label = ValueLabel(parent=self)  # "Speech model: English, built in"
        self.meter = LevelMeter(self)
        meter_label = QLabel(_tr("Level:"), self)
        meter_label.setBuddy(self.meter.bar)

        self.message_bar = MessageBar(self)
        self.editor = DictationText(self)
        self.editor.setAccessibleName(_tr("Dictated text"))
        self.editor.setAccessibleDescription(_tr(
            "What you have said. You can type here to correct it. Words still being "
            "heard are shown in a softer shade with a dotted underline and end with …"))
        self.editor.user_edited.connect(self._on_user_edited)
        self.editor.undo_unavailable.connect(self._on_undo_unavailable)
        self.editor.typed.connect(self.typed)

        self.read_back_button = QPushButton(self)
        self.read_back_button.clicked.connect(self.read_back)
        self.show_reading_back(False)
        self.copy_button = QPushButton(_tr("C&opy"), self)
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button = QPushButton(_tr("S&ave…"), self)
        self.save_button.setAccessibleName(_tr("Save as a text or Word file"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(_tr("Cl&ear"), self)
        self.clear_button.setAccessibleDescription(_tr("Clears the text. You can undo it."))
        self.clear_button.clicked.connect(self.clear_text)
        self.commands = CommandsList(self)
        self.word_bank = WordBank(self)
        self.word_bank.word_chosen.connect(self.word_chosen)
        self.word_bank.undo_requested.connect(self._undo_typing)
        self.word_bank.redo_requested.connect(self.editor.redo_edit)

        self.shortcut = QShortcut(QKeySequence(TOGGLE_SHORTCUT), self)
        self.shortcut.activated.connect(self.toggle_listening)

        self._lay_out(microphone_label, meter_label)
        # Tab goes down the panel as it looks: Clear, the word bank (its heading, its
        # word, Hear it; widgets/word_bank.py keeps the word in place), then the spoken
        # commands' heading and list. Left to the order they were made in, the
        # commands came first, each list before its own heading.
        for before, after in ((self.clear_button, self.word_bank.toggle),
                              (self.word_bank.toggle, self.word_bank.hear_button),
                              (self.word_bank.hear_button, self.commands.toggle),
                              (self.commands.toggle, self.commands.table)):
            QWidget.setTabOrder(before, after)
        self.set_microphones([])
        self.set_engine_name("")
        self.set_listening(False)
        self.set_ui_scale(1.0)

    def _lay_out(self, microphone_label: QLabel, meter_label: QLabel) -> None:
        # The two big buttons side by side when the panel has room for both, one
        # above the other in a narrow panel (a large interface size beside the lesson).
        self.top_row = top = StackingRow()
        top.addWidget(self.toggle_button, 2)
        top.addWidget(self.hold_button, 1)
        top.addStretch(1)
        # Whether the microphone is on, and under it which speech model listens, on
        # lines of their own under the buttons rather than beside them and the
        # microphone list: the panel then stays narrow enough to sit beside the lesson
        # and the library on a school laptop (1366 px) or at a large interface size.
        # The model's name wraps: it arrives once dictation starts, and beside the
        # indicator it made the dock wider and the lesson re-wrap just then.
        self.engine_label.setWordWrap(True)
        # Each caption beside its control while there is room, above it otherwise.
        details = QFormLayout()
        details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        details.addRow(microphone_label, self.microphones)
        details.addRow(meter_label, self.meter)
        self._details, self._microphone_label = details, microphone_label
        keep = QHBoxLayout()
        for button in (self.read_back_button, self.copy_button, self.save_button):
            keep.addWidget(button)
        # Clear apart from the others, at the right; under them when they fill the width.
        actions = StackingRow(natural=False, keep_within=None)
        actions.addLayout(keep)
        actions.addStretch(1)
        actions.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.live, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.engine_label)
        layout.addLayout(details)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.editor, 3)  # the pupil's text first; the commands list gets a share
        layout.addLayout(actions)
        layout.addWidget(self.word_bank)
        layout.addWidget(self.commands, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Captions above their controls when the microphone list would otherwise be
        # narrower than its name ("No microphone fo"); beside them while it has room.
        margins = self.layout().contentsMargins()
        beside = (self._microphone_label.sizeHint().width() + self._details.horizontalSpacing()
                  + self.microphones.sizeHint().width() + margins.left() + margins.right())
        policy = (QFormLayout.RowWrapPolicy.WrapLongRows if self.width() >= beside
                  else QFormLayout.RowWrapPolicy.WrapAllRows)
        if policy != self._details.rowWrapPolicy():
            self._details.setRowWrapPolicy(policy)

    # ------------------------------------------------------------ state from the controller

    def set_listening(self, listening: bool) -> None:
        """Show whether the microphone is listening."""
        self._listening = listening
        if not listening:
            self._holding = False
            self.meter.reset()
        self.toggle_button.setText(_tr("Stop dictation") if listening else _tr("Start dictation"))
        description = (
            _tr("The microphone is live. Press to stop dictation. Shortcut: {key}.")
            if listening else
            _tr("The microphone is off. Press to start dictation. Shortcut: {key}."))
        self.toggle_button.setAccessibleDescription(description.format(key=TOGGLE_SHORTCUT))
        self.toggle_button.setToolTip(self.toggle_button.accessibleDescription())
        self.live.set_live(listening)

    def is_listening(self) -> bool:
        """What the last ``set_listening`` said."""
        return self._listening

    def set_level(self, dbfs: float | None) -> None:
        """Show the microphone's input level in dBFS."""
        self.meter.set_level(dbfs)

    def show_partial(self, text: str) -> None:
        """Show the words still being heard, at the caret, in the partial style."""
        self.editor.show_partial(text)

    def text_around_caret(self) -> tuple[str, str]:
        """The text before the caret (where dictation goes in) and after it."""
        return self.editor.text_around_caret()

    def text_around_selection(self) -> tuple[str, str]:
        """The text before the selection (or the caret) and after it: where typing goes."""
        return self.editor.text_around_selection()

    def type_text(self, text: str) -> None:
        """Put ``text`` in over the selection, or at the caret, as the pupil's own typing
        (one step of their undo; ``text_edited`` follows)."""
        self.editor.type_text(text)

    def insert_phrase(self, text: str, back: int = 0) -> Insertion:
        """Put a dictated phrase in at the caret (the partial goes); the caret ends after it.
        ``back``: in front of that many spaces before the caret (a full stop after "cats ")."""
        return self.editor.insert_phrase(text, back)

    def remove_phrase(self, insertion: Insertion) -> bool:
        """Take a dictated phrase out; False when it has changed since (it is left alone)."""
        return self.editor.remove_phrase(insertion)

    def restore_phrase(self, insertion: Insertion) -> None:
        """Put a phrase ``remove_phrase`` took out back where it was."""
        self.editor.restore_phrase(insertion)

    def set_text(self, full_text: str) -> None:
        """Show ``full_text`` as the dictated text (the partial goes)."""
        self.editor.set_text(full_text)

    def text(self) -> str:
        """The dictated text, without the words still being heard."""
        return self.editor.text()

    def partial(self) -> str:
        """The words still being heard ("" when none)."""
        return self.editor.partial()

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show a status ("info") or a problem ("error") in the panel, replacing any message."""
        self.message_bar.show_message(text, kind)

    def clear_message(self) -> None:
        """Hide the message."""
        self.message_bar.dismiss()

    def message(self) -> str:
        """The message shown ("" when none)."""
        return self.message_bar.text()

    def set_commands(self, commands: Sequence[tuple[str, str]]) -> None:
        """List the spoken commands as (what to say, what it does) pairs."""
        self.commands.set_commands(commands)

    def set_word_bank(self, words: Sequence[tuple[str, str]]) -> None:
        """Offer the lesson's key words as (word, meaning) pairs to put in the text
        (``widgets.word_bank``); none hides the word bank."""
        self.word_bank.set_words(words)

    def set_microphones(self, microphones: Sequence[tuple[str, str]],
                        current: str | None = None) -> None:
        """Offer ``microphones`` as (id, name) pairs; ``current`` is the one in use."""
        box = self.microphones
        shown = [(box.itemData(i), box.itemText(i)) for i in range(box.count())]
        if microphones and shown == [tuple(pair) for pair in microphones] and (
                current is None or box.currentData() == current):
            return  # the same list again: leave it alone, the pupil may have it open
        self.microphones.clear()
        for device_id, name in microphones:
            self.microphones.addItem(name, device_id)
        if not microphones:
            self.microphones.addItem(_tr("No microphone found"), None)
        self.microphones.setEnabled(bool(microphones))
        if current is not None:
            index = self.microphones.findData(current)
            if index >= 0:
                self.microphones.setCurrentIndex(index)

    def current_microphone(self) -> str | None:
        """The id of the microphone shown as chosen, or ``None``."""
        return self.microphones.currentData()

    def set_engine_name(self, name: str) -> None:
        """Say which speech model is listening, for example "English, built in"."""
        self.engine_label.setText(_tr("Speech model: {name}").format(name=name) if name else "")
        self.engine_label.setVisible(bool(name))

    def set_ui_scale(self, scale: float) -> None:
        """Scale every font in the panel (1.0 is the app's normal size)."""
        self._scale = max(0.5, min(4.0, scale))
        self._apply_fonts()

    def show_reading_back(self, reading: bool) -> None:
        """The Read back button as it is while the text is read back (a second press
        stops it) or not: its words, accessible name and tooltip."""
        text = _tr("Stop reading &back") if reading else _tr("Read &back")
        self.read_back_button.setText(text)
        self.read_back_button.setAccessibleName(text.replace("&", ""))
        tip = (_tr("Stop reading your text aloud") if reading else
               _tr("Read your text aloud, each word highlighted as it is spoken"))
        self.read_back_button.setToolTip(tip)
        self.read_back_button.setAccessibleDescription(tip)

    def set_text_font_family(self, family: str) -> None:
        """Draw the dictated text in ``family``, or its accessible fallback if missing."""
        self._family = family
        self._apply_fonts()

    def set_page(self, profile: Profile) -> None:
        """Show the pupil's own text as their profile shows the lesson: its font, weight,
        letter and word spacing and page colours (a pupil who needs cream and Comic Neue,
        or yellow on black, needs them for their writing too). The size stays the
        panel's own, large size; line spacing is left to the text box, where changing
        it would be an edit the pupil could undo."""
        self._page = profile
        self._family = profile.font_family
        self.editor.setPalette(page_palette(self.editor.palette(), profile.colours))
        self.word_bank.set_page(profile.colours)
        self._apply_fonts()

    # ------------------------------------------------------------ the pupil's actions

    def toggle_listening(self) -> None:
        """Ask to start, or to stop, as the toggle button and the shortcut do."""
        if self._listening:
            self.stop_requested.emit()
        else:
            self.start_requested.emit()

    def read_back(self) -> None:
        """Ask for the text to be read aloud."""
        text = self.text()
        if not text.strip():
            self.show_message(_tr("There is no text to read back yet."))
            return
        self.read_back_requested.emit(text)

    def copy_text(self) -> None:
        """Copy the text to the clipboard."""
        text = self.text()
        if not text.strip():
            self.show_message(_tr("There is no text to copy yet."))
            return
        QGuiApplication.clipboard().setText(text)
        self.show_message(_tr("The text is copied. You can paste it anywhere."))

    def clear_text(self) -> None:
        """Clear the text, keeping it so that Undo (or Ctrl+Z) brings it back."""
        text = self.text()
        if not text.strip():
            self.editor.clear_partial()
            return
        self._cleared = text
        self.editor.set_text("")
        self.clear_requested.emit()
        self.message_bar.show_message(
            _tr("The text was cleared."), "info", _tr("&Undo"), self.undo_clear)

    def can_undo_clear(self) -> bool:
        """True while a Clear can be undone."""
        return self._cleared is not None

    def undo_clear(self) -> None:
        """Bring back the cleared text, before anything dictated since."""
        if self._cleared is None:
            return
        since = self.text()
        restored = self._cleared + (("\n" if since else "") + since)
        self._cleared = None
        self.editor.set_text(restored)
        if self.message_bar.text() == _tr("The text was cleared."):
            self.message_bar.dismiss()
        self.text_edited.emit(restored)

    def save(self) -> None:
        """Ask where to save, then emit ``save_requested(path, format)``."""
        if not self.text().strip():
            self.show_message(_tr("There is no text to save yet."))
            return
        chosen = self.ask_save_path()
        if chosen is not None:
            self.save_requested.emit(*chosen)

    def set_save_start(self, folder: str = "", fmt: str = "txt", file: str = "") -> None:
        """Where Save… opens: in ``folder`` ("" for home) with format ``fmt`` chosen,
        suggesting ``file`` (the file the text was last saved to), or a dated name
        no file in the folder has when ``file`` is ""."""
        self._save_start = SaveStart(folder, fmt if fmt in SAVE_FORMATS else "txt", file)

    def save_start(self) -> SaveStart:
        """What the last ``set_save_start`` said."""
        return self._save_start

    def ask_save_path(self) -> tuple[str, str] | None:
        """A file dialog for the path and format; ``None`` when cancelled. Tests replace it.

        A name typed without an ending gets the chosen format's, asking first
        (``confirm_replace``) if that file exists: widgets/save_as.py."""
        return ask_save_as(self, _tr("Save dictation"),
                           suggested_path(self._save_start, date.today()),
                           [(_tr(label), fmt) for fmt, label in SAVE_FORMATS.items()],
                           self._save_start.fmt, self.confirm_replace)

    def confirm_replace(self, path: str) -> bool:
        """Ask whether to replace the file at ``path``; tests replace this."""
        return confirm_replace(self, path, _tr(
            "There is already a file called “{name}”. Do you want to replace it with this "
            "dictation?").format(name=Path(path).name))

    # ------------------------------------------------------------ private

    def _hold_pressed(self) -> None:
        if not self._listening and not self._holding:
            self._holding = True
            self.start_requested.emit()

    def _hold_released(self) -> None:
        if self._holding:
            self._holding = False
            self.stop_requested.emit()

    def _on_microphone_activated(self, index: int) -> None:
        device_id = self.microphones.itemData(index)
        if device_id is not None:
            self.microphone_chosen.emit(str(device_id))

    def _on_user_edited(self, text: str) -> None:
        self.text_edited.emit(text)

    def _undo_typing(self) -> None:
        """Ctrl+Z pressed outside the text box (on the word bank): as if pressed in it."""
        if not self.editor.undo_edit():
            self.editor.undo_unavailable.emit()

    def _on_undo_unavailable(self) -> None:
        if self._cleared is not None:
            self.undo_clear()

    def _apply_fonts(self) -> None:
        app = QApplication.instance()
        base = app.font().pointSizeF() if app is not None else 10.0
        base = max(base, 10.0) * self._scale
        self._set_point_size(self, base * 1.15)
        # The message bar has a style sheet, and Qt does not hand a parent's new font
        # to a widget with one: it is given the panel's font itself.
        self.message_bar.setFont(self.font())
        big = self._set_point_size(self.toggle_button, base * 1.6)
        big.setBold(True)
        self.toggle_button.setFont(big)
        self._set_point_size(self.hold_button, base * 1.3)
        if self._page is not None:  # the profile's font, weight and spacing, at this size
            text_font = base_font(replace(self._page, font_family=self._family,
                                          font_size_pt=base * 1.9),
                                  float(self.editor.logicalDpiY() or 96))
        else:
            text_font = QFont(resolve_family(self._family).family)
            text_font.setPointSizeF(base * 1.9)
        self.editor.setFont(text_font)
        # The word bank's words look as they will in the text (the pupil's font and
        # spacing), a little smaller, and large enough to hit and read easily.
        word_font = QFont(text_font)
        word_font.setPointSizeF(base * 1.3)
        self.word_bank.words_area.setFont(word_font)
        height = self.toggle_button.fontMetrics().height()
        self.toggle_button.setMinimumHeight(round(height * 2.2))
        self.hold_button.setMinimumHeight(round(height * 2.2))
        self.toggle_button.setMinimumWidth(
            self.toggle_button.fontMetrics().horizontalAdvance(_tr("Stop dictation")) + 48)
        self.live.set_live(self._listening)  # redraw its icon at the new size

    @staticmethod
    def _set_point_size(widget: QWidget, size: float) -> QFont:
        font = QFont(widget.font())
        font.setPointSizeF(size)
        widget.setFont(font)
        return font
