"""Fonts, spacing and print colours of a profile, as Qt values.

Shared by the lesson document (widgets/lesson_document.py), the lesson view
and the PDF export, so the screen and the printed sheet measure alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

from lessons.profile import Colours, Profile
from widgets.fonts import resolve_family

PRINT_COLOURS = ("profile", "black-on-white", "black-on-cream")
CREAM = "#fffdd0"


def print_colours(colours: Colours, choice: str) -> Colours:
    """The colours to print with: the profile's own, or black on white or cream."""
    if choice == "profile":
        return colours
    if choice not in PRINT_COLOURS:
        raise ValueError(f"print colours must be one of {', '.join(PRINT_COLOURS)}")
    paper = "#ffffff" if choice == "black-on-white" else CREAM
    return Colours(
        text="#000000", background=paper, heading="#000000", link="#000000",
        highlight=colours.highlight, ruler=colours.ruler,
    )


def base_font(profile: Profile, dpi: float) -> QFont:
    """The body font of a profile, with its letter and word spacing.

    Spacing in the profile is in em; Qt wants device pixels, so ``dpi`` is
    the resolution the document is laid out at (a screen or a PDF writer).
    A family that is not installed falls back as widgets/fonts.py decides.
    """
    font = QFont(resolve_family(profile.font_family).family)
    font.setPointSizeF(profile.font_size_pt)
    font.setWeight(QFont.Weight(clamp_weight(profile.font_weight)))
    px = profile.font_size_pt * dpi / 72.0
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, profile.letter_spacing_em * px)
    font.setWordSpacing(profile.word_spacing_em * px)
    font.setKerning(True)
    return font


def average_char_width(profile: Profile, dpi: float) -> float:
    """Average width of one character of running text, spacing included, in pixels."""
    font = base_font(profile, dpi)
    font.setPixelSize(max(1, round(profile.font_size_pt * dpi / 72.0)))
    sample = "the quick brown fox jumps over the lazy dog and reads a lesson"
    return QFontMetricsF(font).horizontalAdvance(sample) / len(sample)


def line_text_width(profile: Profile, dpi: float) -> float:
    """The widest the text may be for the profile's line length, or 0 for no limit."""
    if profile.max_line_chars <= 0:
        return 0.0
    return profile.max_line_chars * average_char_width(profile, dpi)


def clamp_weight(weight: int) -> int:
    return max(100, min(900, int(weight)))


def natural_line_ratio(font: QFont) -> float:
    """The font's own line spacing as a multiple of its size (DPI-independent)."""
    probe = QFont(font)
    probe.setPixelSize(100)
    return QFontMetricsF(probe).lineSpacing() / 100.0


def page_palette(palette: QPalette, colours: Colours) -> QPalette:
    """``palette`` with a profile's page: its background and text colours, and the
    selection drawn inverted (text colour behind, page colour on it), so a selection
    shows on every page. For the lesson and for the pupil's own dictated text."""
    palette = QPalette(palette)
    background, text = QColor(colours.background), QColor(colours.text)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, background)
        palette.setColor(group, QPalette.ColorRole.Window, background)
        palette.setColor(group, QPalette.ColorRole.Text, text)
        palette.setColor(group, QPalette.ColorRole.Highlight, text)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, background)
    return palette
