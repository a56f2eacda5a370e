"""The speech side of the status bar: the dictation engine, the voice, and the microphone.

The microphone's state is an icon *and* words ("Microphone on" / "Microphone
off"); the icon changes shape (a filled dot in a ring, or a hollow ring with a
stroke through it), so it never rests on colour alone.

At a large interface size the three parts and a passing message do not all
fit on one line, and Qt draws a message only up to the first permanent part,
cut off mid-word. So (``SpeechStatus.attach``): while a message shows, the
engine and the voice step aside (the microphone stays: it matters while
dictating) and come back when it goes; a message still too long for the room
is shortened with "…"; and the engine and voice are shortened the same way
when the window is narrow. Whatever is shortened is whole in the tooltip and
the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStatusBar, QWidget

# Qt's own inset of a status-bar message (QStatusBarPrivate::messageRect).
_MESSAGE_INSET = 6
_ELLIPSIS = "…"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusBar", text)


def microphone_icon(live: bool, size: int, colour: QColor) -> QPixmap:
    """A dot in a ring when live; an empty ring with a stroke through it when off."""
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.5, size / 10))
    painter.setPen(pen)
    ring = QRectF(1.5, 1.5, size - 3, size - 3)
    painter.drawEllipse(ring)
    if live:
        painter.setBrush(colour)
        inner = size * 0.28
        painter.drawEllipse(ring.center(), inner, inner)
    else:
        painter.drawLine(QPointF(size * 0.2, size * 0.8), QPointF(size * 0.8, size * 0.2))
    painter.end()
    return pixmap


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" rather than being cut off.

    ``text()`` stays whole (screen readers and tests read it); only the
    drawing is shortened. It asks for room for the whole text but can be
    squeezed to a few letters; when shortened, the whole text is its tooltip.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("Dict" + _ELLIPSIS), super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn at the label's width now."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._tooltip()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._tooltip()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(),
                                  int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self.shown_text(),
                                  self.foregroundRole())
        painter.end()

    def _tooltip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")


class SpeechStatus(QWidget):
    """Three parts for the status bar: engine, voice, microphone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Speech status"))
        self.engine = ElidedLabel()
        self.engine.setAccessibleName(_tr("Dictation engine"))
        self.voice = ElidedLabel()
        self.voice.setAccessibleName(_tr("Read-aloud voice"))
        self.microphone_icon = QLabel()
        self.microphone_icon.setAccessibleName(_tr("Microphone"))
        self.microphone = QLabel()
        self.microphone.setAccessibleName(_tr("Microphone"))
        # The microphone's state is never shortened or hidden.
        self.microphone.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self._eliding_message = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.engine)
        layout.addWidget(self.voice)
        mic = QHBoxLayout()
        mic.setSpacing(4)
        mic.addWidget(self.microphone_icon)
        mic.addWidget(self.microphone)
        layout.addLayout(mic)
        self._live = False
        self.set_engine(_tr("Dictation: checking…"))
        self.set_voice(_tr("Voice: checking…"))
        # Until someone names them, the engine and voice are only "checking…".
        self.engine_named = self.voice_named = False
        self.set_microphone_live(False)

    def set_engine(self, text: str) -> None:
        """Say which speech-to-text engine is in use."""
        self.engine_named = True
        self.engine.setText(text)
        self.engine.setAccessibleDescription(text)

    def set_voice(self, text: str) -> None:
        """Say which text-to-speech voice is in use."""
        self.voice_named = True
        self.voice.setText(text)
        self.voice.setAccessibleDescription(text)

    def set_microphone_live(self, live: bool) -> None:
        """Show whether the microphone is listening, with an icon and words."""
        self._live = bool(live)
        text = _tr("Microphone on") if self._live else _tr("Microphone off")
        self.microphone.setText(text)
        self.microphone.setAccessibleDescription(text)
        self.microphone_icon.setAccessibleDescription(text)
        self._draw_icon()

    def microphone_live(self) -> bool:
        """True while the status says the microphone is listening."""
        return self._live

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # A new interface size or palette: redraw the icon to match the text.
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.PaletteChange):
            self._draw_icon()

    def _draw_icon(self) -> None:
        size = max(12, self.microphone.fontMetrics().height())
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        self.microphone_icon.setPixmap(microphone_icon(self._live, size, colour))

    # ----- sharing the line with passing messages ---------------------------------

    def attach(self, bar: QStatusBar) -> None:
        """Sit at the right of ``bar`` and make room for its passing messages."""
        bar.addPermanentWidget(self)
        bar.messageChanged.connect(self._message_changed)

    def _status_bar(self) -> QStatusBar | None:
        """The bar this sits on, asked of Qt each time rather than kept.

        PySide 6.11 makes the widget ``nextInFocusChain()`` returns a child of the one
        asked, for Python's bookkeeping, and the main window walks its docks' focus
        chains (app/main_tab_order.py); so when a change of lesson freed the word
        bank's buttons, a bar object kept here was taken for deleted (the bar lived
        on) and every message after it raised (tests/app/test_status_bar_after_lesson_change.py).
        """
        bar = self.parentWidget()
        return bar if isinstance(bar, QStatusBar) else None

    def message_room(self) -> int:
        """The width, in pixels, a passing message has on the status bar now."""
        bar = self._status_bar()
        if bar is None:
            return 0
        right = self.x() if self.isVisible() else bar.width()
        return max(0, right - 2 - 2 * _MESSAGE_INSET)

    def _message_changed(self, text: str) -> None:
        bar = self._status_bar()
        if self._eliding_message or bar is None:
            return
        showing = bool(text)
        # One thing at a time: the message, then the engine and voice again.
        self.engine.setVisible(not showing)
        self.voice.setVisible(not showing)
        bar.setToolTip(text)
        if showing:
            bar.layout().activate()
            self._fit_message(bar, text)

    def _fit_message(self, bar: QStatusBar, text: str) -> None:
        room = self.message_room()
        if bar.fontMetrics().horizontalAdvance(text) <= room:
            return
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        # Keep Qt's own timer for the message: show the shorter text for the
        # time the whole one had left.
        timer = next((t for t in bar.findChildren(QTimer) if t.isActive()), None)
        left = timer.remainingTime() if timer is not None else 0
        self._eliding_message = True
        try:
            bar.showMessage(shown, max(left, 0))
        finally:
            self._eliding_message = False
