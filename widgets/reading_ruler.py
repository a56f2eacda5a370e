"""The reading ruler and the coloured overlay, painted over a text view.

The ruler is a "line focus": a band as tall as 1, 3 or 5 lines, centred on
the line being read, is tinted in the ruler colour (under the text, so the
text stays crisp) and everything outside it is dimmed towards the background
colour. The overlay tint lies over the whole view like a coloured acetate
sheet, at the profile's opacity.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QTextDocument

from lessons.profile import Profile

DIM_OPACITY = 0.6  # how strongly the lines outside the ruler band fade


class ReadingRuler:
    """The ruler's settings and how to paint it; the view tells it where the line is."""

    def __init__(self) -> None:
        self.lines = 0
        self.colour = QColor("#ffe680")
        self.opacity = 0.35
        self.dim = QColor("#ffffff")
        self.overlay = QColor()
        self.overlay_opacity = 0.0

    def configure(self, profile: Profile) -> None:
        """Take the ruler and overlay settings from a profile."""
        self.lines = profile.ruler_lines
        self.colour = QColor(profile.colours.ruler)
        self.opacity = profile.ruler_opacity
        self.dim = QColor(profile.colours.background)
        self.overlay = QColor(profile.overlay_colour) if profile.overlay_colour else QColor()
        self.overlay_opacity = profile.overlay_opacity if profile.overlay_colour else 0.0

    @property
    def active(self) -> bool:
        return self.lines > 0

    def band(self, line: QRectF, pitch: float) -> QRectF:
        """The band for a line (its rectangle and the distance between lines)."""
        height = pitch * self.lines
        top = line.center().y() - height / 2
        return QRectF(0, top, 0, height)

    def paint_band(self, painter: QPainter, band: QRectF, width: float) -> None:
        """Tint the band; call before the text is drawn."""
        colour = QColor(self.colour)
        colour.setAlphaF(self.opacity)
        painter.fillRect(QRectF(0, band.top(), width, band.height()), colour)

    def paint_dim(self, painter: QPainter, band: QRectF, area: QRectF) -> None:
        """Fade everything above and below the band; call after the text is drawn."""
        shade = QColor(self.dim)
        shade.setAlphaF(DIM_OPACITY)
        if band.top() > area.top():
            painter.fillRect(QRectF(area.left(), area.top(), area.width(),
                                    band.top() - area.top()), shade)
        if band.bottom() < area.bottom():
            painter.fillRect(QRectF(area.left(), band.bottom(), area.width(),
                                    area.bottom() - band.bottom()), shade)

    def paint_overlay(self, painter: QPainter, area: QRectF) -> None:
        """Lay the coloured overlay over everything."""
        if not self.overlay.isValid() or self.overlay_opacity <= 0:
            return
        tint = QColor(self.overlay)
        tint.setAlphaF(self.overlay_opacity)
        painter.fillRect(area, tint)


def line_geometry(document: QTextDocument, position: int) -> tuple[QRectF, float] | None:
    """The rectangle (document coordinates) of the line holding ``position``,
    and the distance from one line to the next there."""
    block = document.findBlock(position)
    layout = block.layout() if block.isValid() else None
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineForTextPosition(position - block.position())
    if not line.isValid():
        line = layout.lineAt(layout.lineCount() - 1)
    origin = document.documentLayout().blockBoundingRect(block).topLeft()
    rect = line.rect().translated(origin)
    n = line.lineNumber()
    if n + 1 < layout.lineCount():
        pitch = layout.lineAt(n + 1).y() - line.y()
    elif n > 0:
        pitch = line.y() - layout.lineAt(n - 1).y()
    else:
        percent = block.blockFormat().lineHeight() or 100.0
        pitch = line.height() * percent / 100.0
    return rect, max(pitch, line.height() * 0.5)

