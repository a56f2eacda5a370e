"""PowerPoint export with Qt's help: an adapted lesson as slides (.pptx) to teach from.

The writer itself is lessons/lesson_pptx.py (no Qt). Qt does the two things
it cannot: it draws SVG pictures (as for the Word export, app/docx_export.py),
and it measures text in the profile's font, letter and word spacing, so the
writer knows where PowerPoint will wrap each line and which slide it has to
go on to. Needs a QGuiApplication (app.pdf_export.ensure_gui_application).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QFont, QFontMetricsF

from app.docx_export import QtPictures
from lessons.fonts import ACCESSIBLE_FAMILIES, find_font_files
from lessons.lesson_pptx import PptxResult, write_lesson_pptx
from lessons.model import Lesson
from lessons.profile import Profile
from widgets.fonts import current_font_setup, resolve_family
from widgets.lesson_style import PRINT_COLOURS, clamp_weight, natural_line_ratio, print_colours

FINE = 10  # measure at ten times the size, so rounding to whole pixels does not show


class QtMeasure:
    """Widths of text on a slide, in points, at any size, spacing included.

    Measured in the profile's font (the one Qt draws it with). PowerPoint
    shows the named font only where it is installed, and Lesson Lab brings
    some fonts with it (Atkinson Hyperlegible and Lexend, from a Python
    package) that other programs cannot see: for a font that is not
    installed on this computer, the computer's standard font is measured
    too, and the wider counts, so a line fits whichever font draws it.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        family = resolve_family(profile.font_family).family
        self._families: tuple[str, ...] = (family,)
        if not installed(profile.font_family):
            self._families += (current_font_setup().system_family,)
        self._metrics: dict[tuple[float, bool], tuple[QFontMetricsF, ...]] = {}
        self.line_ratio = max(natural_line_ratio(self._font(f, 12.0, False))
                              for f in self._families)

    def width(self, text: str, size_pt: float, bold: bool) -> float:
        key = (size_pt, bold)
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = self._metrics[key] = tuple(
                QFontMetricsF(self._font(f, size_pt, bold)) for f in self._families)
        return max(m.horizontalAdvance(text) for m in metrics) / FINE

    def _font(self, family: str, size_pt: float, bold: bool) -> QFont:
        """``family`` as widgets/lesson_style.base_font makes the profile's font, at 72 dpi
        (a pixel is a point), ten times the size."""
        profile, px = self.profile, size_pt * FINE
        font = QFont(family)
        font.setPixelSize(max(1, round(px)))
        weight = QFont.Weight.Bold if bold else QFont.Weight(clamp_weight(profile.font_weight))
        font.setWeight(weight)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, profile.letter_spacing_em * px)
        font.setWordSpacing(profile.word_spacing_em * px)
        font.setKerning(True)
        return font


def installed(family: str) -> bool:
    """Whether ``family`` is installed where every program finds it, not only Lesson Lab."""
    if family in ACCESSIBLE_FAMILIES:  # the fonts Lesson Lab may bring itself
        return family in find_font_files([family], use_packages=False).found
    return not resolve_family(family).substituted


def export_pptx(lesson: Lesson, profile: Profile, out_path: str | Path,
                colours: str = "profile") -> PptxResult:
    """Write ``lesson`` adapted with ``profile`` to ``out_path`` as PowerPoint slides.

    ``colours`` is "profile", "black-on-white" or "black-on-cream", as for the
    PDF and Word. Raises ``OSError`` when the file cannot be written and
    ``ValueError`` for an unknown colour choice. The result's notes say when
    a font stands in on this computer.
    """
    if colours not in PRINT_COLOURS:
        raise ValueError(f"print colours must be one of {', '.join(PRINT_COLOURS)}")
    result = write_lesson_pptx(
        lesson, profile, out_path, colours=print_colours(profile.colours, colours),
        pictures=QtPictures(), measure=QtMeasure(profile))
    font = resolve_family(profile.font_family).note
    return replace(result, notes=result.notes + ((font,) if font else ()))
