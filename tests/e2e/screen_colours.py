"""Colours in a grab of the whole X screen, for the end-to-end screen tests."""

from __future__ import annotations

from PySide6.QtGui import QImage


def share(image: QImage, rows: range, wanted) -> float:
    """The share of pixels in ``rows`` (sampled every 4 px) whose colour passes ``wanted``."""
    hits = total = 0
    for y in rows[::4]:
        for x in range(0, image.width(), 4):
            colour = image.pixelColor(x, y)
            hits += wanted(colour.red(), colour.green(), colour.blue())
            total += 1
    return hits / total


def white(r: int, g: int, b: int) -> bool:
    """Paper white."""
    return r > 240 and g > 240 and b > 240


def black(r: int, g: int, b: int) -> bool:
    """Black, as a blank screen or the captions' band."""
    return r < 16 and g < 16 and b < 16


def yellow(r: int, g: int, b: int) -> bool:
    """The captions' words (yellow on black)."""
    return r > 200 and g > 200 and b < 80
