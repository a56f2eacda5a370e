"""The speech side of the status bar: the dictation engine, the voice, and the microphone.

The microphone's state is an icon *and* words ("Microphone on" / "Microphone
off"); the icon changes shape (a filled dot in a ring, or a hollow ring with a
stroke through it), so it never rests on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


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


class SpeechStatus(QWidget):
    """Three parts for the status bar: engine, voice, microphone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Speech status"))
        self.engine = QLabel()
        self.engine.setAccessibleName(_tr("Dictation engine"))
        self.voice = QLabel()
        self.voice.setAccessibleName(_tr("Read-aloud voice"))
        self.microphone_icon = QLabel()
        self.microphone_icon.setAccessibleName(_tr("Microphone"))
        self.microphone = QLabel()
        self.microphone.setAccessibleName(_tr("Microphone"))
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
