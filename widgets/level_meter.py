"""A live microphone level meter: a bar, a peak tick and the level in words.

The controller calls ``set_level(dbfs)`` about 20 times a second with the
input's RMS level (−60 dBFS or lower is shown as silence, 0 is full scale).
Colour is never the only cue: the state is written beside the bar ("Too
quiet", "Background noise", "Good", "Too loud") with the level in decibels, the bar is hatched
when it is too loud, and zone boundaries are marked with ticks. The bar is a
QProgressBar underneath, so screen readers get its value and text; these change
only when the state does, so a screen reader is not flooded 20 times a second.

The written state follows the held peak, not the instant level, so it does
not flicker between words while someone speaks. A level that rises less
than 10 dB above the room's own noise (widgets/noise_floor.py) is
"Background noise", not "Good": a fan or a busy classroom alone is loud
enough to fill the bar, and a pupil must not be told the microphone hears
them when it hears only the room.

The track, its edge, the zone marks and the peak tick take the palette's
colours (base and text), so the meter sits right in a dark theme as in a
light one; a state's colour is lightened or darkened where it would
otherwise stand out from the track by less than 3:1 (WCAG 1.4.11).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QWidget

from lessons.contrast import AA_LARGE, blend, contrast_ratio
from widgets.noise_floor import NoiseFloor, only_background
from widgets.stacking_row import StackingRow
from widgets.value_label import ValueLabel

FLOOR_DB = -60.0
CEILING_DB = 0.0
QUIET_BELOW_DB = -45.0  # RMS of speech close to a microphone is about -35 to -15 dBFS
LOUD_ABOVE_DB = -6.0  # RMS this high means the peaks are clipping
PEAK_HOLD_S = 1.5
PEAK_FALL_DB_PER_S = 20.0
GRAPHICS_CONTRAST = AA_LARGE  # 3:1, what WCAG 1.4.11 asks of parts of a graphic


def _tr(text: str) -> str:
    return QCoreApplication.translate("LevelMeter", text)


@dataclass(frozen=True)
class LevelState:
    """How a level is described: a key for code, words for people, a colour for the bar."""

    key: str  # "none", "quiet", "noise", "good" or "loud"
    words: str
    colour: str
    advice: str = ""


def level_state(dbfs: float | None, floor: float | None = None) -> LevelState:
    """Describe ``dbfs`` (``None`` means no input) in a room whose noise is at ``floor``."""
    if dbfs is None or dbfs <= FLOOR_DB:
        return LevelState("none", _tr("No sound"), "#767676")
    if dbfs < QUIET_BELOW_DB:
        return LevelState("quiet", _tr("Too quiet"), "#1f6fb2",
                          _tr("Speak a little louder, or move closer to the microphone."))
    if dbfs > LOUD_ABOVE_DB:
        return LevelState("loud", _tr("Too loud"), "#c0392b",
                          _tr("Speak a little more quietly, or move back from the microphone."))
    if only_background(dbfs, floor):
        return LevelState("noise", _tr("Background noise"), "#8a5a00",
                          _tr("The microphone hears the room but no voice above it. Speak up, "
                              "or move closer to the microphone."))
    return LevelState("good", _tr("Good"), "#1d7a34")


def level_text(dbfs: float | None, floor: float | None = None) -> str:
    """The label for a level, for example "Good (−23 dB)" or "No sound"."""
    state = level_state(dbfs, floor)
    if state.key == "none":
        return state.words
    return _tr("{state} ({level} dB)").format(
        state=state.words, level=f"{round(dbfs):d}".replace("-", "\u2212"))


def fill_colour(state_colour: str, track: str, ink: str) -> str:
    """``state_colour``, moved towards ``ink`` just enough to stand out 3:1 from ``track``."""
    for step in range(11):
        shade = blend(state_colour, ink, step / 10)
        if contrast_ratio(shade, track) >= GRAPHICS_CONTRAST:
            return shade
    return ink


def _fraction(dbfs: float | None) -> float:
    if dbfs is None:
        return 0.0
    clipped = min(CEILING_DB, max(FLOOR_DB, dbfs))
    return (clipped - FLOOR_DB) / (CEILING_DB - FLOOR_DB)


class _LevelBar(QProgressBar):
    """The bar itself: filled to the level, a tick at the held peak, zone marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(int(FLOOR_DB), int(CEILING_DB))
        self.setValue(int(FLOOR_DB))
        self.setTextVisible(False)
        self.level: float | None = None
        self.peak: float | None = None
        self.floor: float | None = None  # the room's noise
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        height = max(18, round(self.fontMetrics().height() * 1.2))
        return QSize(240, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(80, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        outer = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        palette = self.palette()
        track = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.Text)
        # The edge a little softer than the text, still well over 3:1 on the track.
        painter.setPen(QPen(QColor(blend(track.name(), ink.name(), 0.8)), 1))
        painter.setBrush(track)
        painter.drawRect(outer)
        inner = outer.adjusted(2, 2, -2, -2)
        state = level_state(self.level, self.floor)
        filled = QRectF(inner.left(), inner.top(), inner.width() * _fraction(self.level),
                        inner.height())
        if filled.width() > 0:
            painter.fillRect(filled, QColor(fill_colour(state.colour, track.name(), ink.name())))
            if state.key == "loud":
                # A hatch as well as red: "too loud" must not rest on colour alone.
                # In the track's colour, which the fill stands out from by 3:1.
                painter.fillRect(filled, QBrush(track, Qt.BrushStyle.BDiagPattern))
        # Zone boundaries as short marks along the bottom edge.
        painter.setPen(QPen(ink, 1))
        for mark in (QUIET_BELOW_DB, LOUD_ABOVE_DB):
            x = inner.left() + inner.width() * _fraction(mark)
            painter.drawLine(round(x), round(inner.bottom() - inner.height() * 0.35),
                             round(x), round(inner.bottom()))
        if self.peak is not None and self.peak > FLOOR_DB:
            x = inner.left() + inner.width() * _fraction(self.peak)
            # A text-coloured tick edged in the track's colour, so it shows on the
            # fill and on the track, in light and dark palettes.
            painter.fillRect(QRectF(x - 2.5, inner.top(), 5, inner.height()), track)
            painter.fillRect(QRectF(x - 1.5, inner.top(), 3, inner.height()), ink)
        painter.end()


class LevelMeter(QWidget):
    """Input level as a bar with a peak tick and a written state.

    ``set_level(dbfs)`` shows a new level; ``reset()`` shows no input.
    ``clock`` gives seconds for the peak hold (injected by tests).
    """

    def __init__(self, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._peak: float | None = None
        self._peak_at = 0.0
        self._room = NoiseFloor()
        self._spoken_state = ""
        self.bar = _LevelBar(self)
        self.bar.setAccessibleName(_tr("Microphone level"))
        # Its name is "Microphone level: Good": the state in words, which changes a
        # few times a sentence, not the decibels, which change 20 times a second.
        self.label = ValueLabel(_tr("Microphone level"), parent=self)
        self._fit_label()
        # The words beside the bar while both fit there (always at 100%); under it in
        # a narrow panel at a large interface size, so the meter is no wider than its words.
        layout = StackingRow(self, natural=False, keep_within=None)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.setAccessibleName(_tr("Microphone level"))
        self.reset()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new interface size
            self._fit_label()

    def _fit_label(self) -> None:
        """Make the words' room fit the longest state, so the bar never jumps as they change."""
        shown = self.label.text()
        # QLabel's size hint is never less than its minimum size: without this the
        # room measured at 200% stayed when the interface went back to 100%.
        self.label.setMinimumWidth(0)
        widths = []
        # QLabel's own setText: only measuring, so the name a reader hears stays as it is.
        for text in (level_text(-59, None), level_text(-38, -38), level_text(-3, None)):
            QLabel.setText(self.label, text)
            widths.append(self.label.sizeHint().width())
        QLabel.setText(self.label, shown)
        self.label.setMinimumWidth(max(widths))

    def set_level(self, dbfs: float | None) -> None:
        """Show the input level ``dbfs`` (``None`` or −60 and below: no sound)."""
        if dbfs is not None and dbfs != dbfs:  # NaN from a broken device: treat as silence
            dbfs = None
        now = self._clock()
        held = self.peak()
        if dbfs is not None and (held is None or dbfs >= held):
            self._peak, self._peak_at = dbfs, now
            held = dbfs
        if dbfs is not None and dbfs > FLOOR_DB:
            self._room.update(dbfs, now)
        self.bar.level = dbfs
        self.bar.peak = held
        self.bar.floor = self._room.floor()
        self._show_text(held)
        self.bar.update()

    def reset(self) -> None:
        """Show no input and forget the peak (for example when the microphone stops)."""
        self._peak = None
        self._room.reset()
        self.bar.level = None
        self.bar.peak = None
        self.bar.floor = None
        self._show_text(None, force=True)
        self.bar.update()

    def level(self) -> float | None:
        """The last level shown."""
        return self.bar.level

    def peak(self) -> float | None:
        """The held peak now: it stays for a moment, then falls steadily."""
        if self._peak is None:
            return None
        waited = self._clock() - self._peak_at - PEAK_HOLD_S
        if waited <= 0:
            return self._peak
        fallen = self._peak - waited * PEAK_FALL_DB_PER_S
        return fallen if fallen > FLOOR_DB else None

    def state(self) -> LevelState:
        """The written state, which follows the held peak."""
        return level_state(self.peak(), self._room.floor())

    def text(self) -> str:
        """The label's text."""
        return self.label.text()

    def _show_text(self, held: float | None, force: bool = False) -> None:
        floor = self._room.floor()
        text = level_text(held, floor)
        described = level_state(held, floor)
        if text != self.label.text() or force:
            self.label.set_text(text, described.words)
        if described.advice != self.label.toolTip():
            self.label.setToolTip(described.advice)
        state = described.key
        if force or state != self._spoken_state:
            # Screen readers hear the value only when the state changes: a value
            # changing 20 times a second would make them beep or talk non-stop.
            self._spoken_state = state
            value = FLOOR_DB if held is None else min(CEILING_DB, max(FLOOR_DB, held))
            self.bar.setFormat(text)
            self.bar.setAccessibleDescription(text)
            self.bar.setValue(round(value))
