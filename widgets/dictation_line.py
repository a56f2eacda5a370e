"""One line for dictating into a text: the Dictate button, what is being heard, and problems.

Used by the lesson editor window, under its tool bar. Like the dictation
panel it never talks to an engine: the Dictate action (checkable, F9) is
the intent, and a controller in ``app/`` calls back the state methods:
``set_listening(bool)``, ``set_level(dbfs)``, ``show_partial(text)``,
``show_message(text, kind)`` and ``clear_message()``.

Words still being heard are shown here, in a softer shade of the text
colour (4.5:1 or more, never italics: the app's own advice for dyslexic
readers) and followed by "…", and are not put into the text until they settle.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from widgets.announce import announce
from widgets.level_meter import LevelMeter
from widgets.soft_colour import soft_colour
from widgets.value_label import ValueLabel

DICTATE_SHORTCUT = "F9"
MESSAGE_KINDS = ("info", "error")
PARTIAL_MARKER = "\u2026"  # "…" after the words still being heard, as in the dictation panel
ERROR_STYLE = "color: #8a1c1c; font-weight: 600;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationLine", text)


class DictationLine(QFrame):
    """The Dictate toggle, a microphone level, the words being heard and one message.

    Signals: ``start_requested()`` and ``stop_requested()`` when the Dictate
    action is toggled by the user (button, F9 or menu). With ``with_button``
    False the line shows no button of its own: put ``action`` on a tool bar.
    """

    start_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None, with_button: bool = True) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Dictation"))
        self.kind = ""
        self.action = QAction(_tr("&Dictate"), self)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(DICTATE_SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(_tr("Dictate into the lesson text at the cursor ({keys})").format(
            keys=DICTATE_SHORTCUT))
        self.action.setStatusTip(_tr("Dictate into the lesson text at the cursor"))
        self.action.toggled.connect(self._on_toggled)
        self.button = QToolButton(self)
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAccessibleName(_tr("Dictate into the lesson text"))
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # A window may show the action on its own tool bar instead.
        self.button.setVisible(with_button)
        self.addAction(self.action)
        # What it shows is what a reader hears; a change of state is announced too.
        self.state = ValueLabel(parent=self)
        self.meter = LevelMeter(self)
        self.meter.hide()
        self.partial = ValueLabel(_tr("Being heard, not yet in the text"), parent=self)
        self._partial_words = ""
        self._shade_partial()
        self.partial.setTextFormat(Qt.TextFormat.PlainText)
        self.message = ValueLabel(parent=self)  # "Problem: …", announced as it is shown
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.button)
        layout.addWidget(self.state)
        layout.addWidget(self.meter)
        layout.addWidget(self.partial, 3)
        layout.addWidget(self.message, 2)
        self.message.hide()  # shown with a message, so the words heard have the room
        self._listening = False
        self._show_state(announced=False)

    # ----- state, from the controller --------------------------------------

    def set_listening(self, listening: bool) -> None:
        """Show whether the microphone is open (without asking to start or stop)."""
        self.action.blockSignals(True)
        self.action.setChecked(listening)
        self.action.blockSignals(False)
        changed = listening != self._listening
        self._listening = listening
        self.meter.setVisible(listening)
        if not listening:
            self.meter.reset()
            self.show_partial("")
        # Said once when the microphone opens or closes: the teacher's eyes and focus
        # are on the lesson text, not on this line.
        self._show_state(announced=changed)

    def is_listening(self) -> bool:
        """Whether the line shows the microphone as open."""
        return self._listening

    def set_level(self, dbfs: float | None) -> None:
        """Show the microphone's level."""
        self.meter.set_level(dbfs)

    def show_partial(self, text: str) -> None:
        """Show words still being heard (not in the text yet), then "…"; "" clears them."""
        self._partial_words = text.strip()
        self.partial.setText(self._partial_words + PARTIAL_MARKER if self._partial_words else "")

    def partial_text(self) -> str:
        """The words shown as still being heard (without the "…")."""
        return self._partial_words

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._shade_partial()
        elif event.type() == QEvent.Type.FontChange:
            # Qt does not hand a new font (View › Interface size) to a widget with a
            # style sheet, and these two have one for their colour: pass it on.
            for label in (self.partial, self.message):
                label.setFont(self.font())

    def _shade_partial(self) -> None:
        palette = self.palette()
        shade = soft_colour(palette.windowText().color().name(), palette.window().color().name())
        self.partial.setStyleSheet(f"color: {shade};")

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show one plain sentence, replacing any message; errors in a colour and bold."""
        if kind not in MESSAGE_KINDS:
            raise ValueError(f"message kind must be one of {', '.join(MESSAGE_KINDS)}")
        self.kind = kind
        prefix = _tr("Problem: ") if kind == "error" else ""
        self.message.setText(prefix + text)
        self.message.setStyleSheet(ERROR_STYLE if kind == "error" else "")
        self.message.show()
        announce(self.message, prefix + text, assertive=kind == "error")

    def clear_message(self) -> None:
        """Remove the message."""
        self.kind = ""
        self.message.clear()
        self.message.setStyleSheet("")
        self.message.hide()

    def message_text(self) -> str:
        """The message shown ("" for none), without the "Problem: " prefix."""
        text = self.message.text()
        prefix = _tr("Problem: ")
        return text[len(prefix):] if self.kind == "error" and text.startswith(prefix) else text

    # ----- private ----------------------------------------------------------

    def _on_toggled(self, checked: bool) -> None:
        # The button shows the wish at once; set_listening corrects it if the
        # microphone does not open.
        (self.start_requested if checked else self.stop_requested).emit()

    def _show_state(self, announced: bool) -> None:
        if self._listening:
            text = _tr("Listening: say “full stop”, “new paragraph”, “scratch that”.")
        else:
            text = _tr("Press Dictate ({keys}) to speak into the text at the cursor.").format(
                keys=DICTATE_SHORTCUT)
        self.state.setText(text)
        if announced:
            announce(self.state, text)
