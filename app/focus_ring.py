"""The keyboard focus mark: a thick ring in a colour that stands out from what it covers.

Fusion marks focus with a one-pixel outline (#26709E on a light theme),
hard to find from the back of a room or with low vision, and it does not
grow with the interface size. WCAG 2.4.11 and 2.4.13 ask for a mark at least
2 CSS pixels thick whose pixels change by a contrast of 3:1 or more between
the focused and unfocused states. :class:`app.ui_scale.ScaledStyle` draws
this ring over every focused button, check box, radio button, combo box,
spin box, line edit and list item (and anything that asks the style for a
focus frame), so the mark is defined here once.

The ring is ``1 + 2 × scale`` pixels: 3 at 100%, 5 at 200%. Its colour starts from the
palette's highlight and is darkened or lightened until it has 3:1 against
every colour it may be drawn over, so it holds on light, dark and
high-contrast palettes alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPalette

from lessons.contrast import contrast_ratio

# WCAG 2.4.13's non-text contrast, with a little to spare for rounding.
RING_CONTRAST = 3.1
_STEPS = 20


def ring_width(scale: float = 1.0) -> int:
    """The ring's thickness in pixels at interface size ``scale`` (3 at 100%, 5 at 200%)."""
    return max(3, round(1 + 2 * scale))


def _lowest(colour: QColor, backgrounds: list[QColor]) -> float:
    return min(contrast_ratio(colour.name(), b.name()) for b in backgrounds)


def _mix(colour: QColor, towards: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(a + (b - a) * amount for a, b in (
        (colour.redF(), towards.redF()), (colour.greenF(), towards.greenF()),
        (colour.blueF(), towards.blueF()))))


def ring_colour(preferred: QColor, backgrounds: Iterable[QColor]) -> QColor:
    """``preferred``, darkened or lightened until it has 3:1 against every background.

    When no shade reaches 3:1 against all of them (backgrounds both very
    light and very dark) the better of black and white is used.
    """
    backgrounds = [QColor(b) for b in backgrounds if QColor(b).isValid()]
    preferred = QColor(preferred)
    if not backgrounds or _lowest(preferred, backgrounds) >= RING_CONTRAST:
        return preferred
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    ends = sorted((black, white), key=lambda end: _lowest(end, backgrounds), reverse=True)
    for step in range(1, _STEPS + 1):
        candidate = _mix(preferred, ends[0], step / _STEPS)
        if _lowest(candidate, backgrounds) >= RING_CONTRAST:
            return candidate
    return ends[0]


def control_backgrounds(palette: QPalette) -> list[QColor]:
    """What a ring around a control may cover: window, a control's fill and border, text field."""
    roles = QPalette.ColorRole
    button, window = palette.color(roles.Button), palette.color(roles.Window)
    # Fusion fills buttons with a gradient up to 124% of the button colour and
    # draws their border in the window colour at 140% darker: the ring's outer
    # pixel covers that border, so it must stand out from it too.
    return [window, window.darker(140), button, button.lighter(124), palette.color(roles.Base)]


def draw_ring(painter: QPainter, rect: QRect, colour: QColor, width: int) -> None:
    """Fill a ring ``width`` pixels thick just inside ``rect``."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    width = max(1, min(width, rect.width() // 2, rect.height() // 2))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    for strip in (QRect(x, y, w, width), QRect(x, y + h - width, w, width),
                  QRect(x, y + width, width, h - 2 * width),
                  QRect(x + w - width, y + width, width, h - 2 * width)):
        painter.fillRect(strip, colour)
    painter.restore()
