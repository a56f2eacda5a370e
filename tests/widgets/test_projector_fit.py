"""Projector mode: a slide that runs off the screen says so, and the section number
and that cue are readable from the back of a classroom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lessons.contrast import contrast_ratio
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.presets import get_preset
from lessons.profile import Colours, Profile
from widgets.projector import MIN_NOTE_CONTRAST, ProjectorView


def _water_cycle():
    path = next(p for p in builtin_folder().rglob("*.md") if "water-cycle" in p.name)
    return load_lesson(path).lesson


def _presenting(qtbot, profile, width=800, height=500) -> ProjectorView:
    """The first slide of "The water cycle" on a small projector (as in the audit)."""
    projector = ProjectorView()
    qtbot.addWidget(projector)
    projector.resize(width, height)
    projector.set_profile(profile)
    projector.set_lesson(_water_cycle())
    projector.show()
    qtbot.waitExposed(projector)
    projector.setFocus()
    return projector


def _text_colour(label) -> str:
    return label.palette().color(label.foregroundRole()).name()


def test_a_slide_that_runs_off_the_bottom_says_more_below_until_scrolled(qtbot):
    projector = _presenting(qtbot, get_preset("Very low vision / projector"))
    assert projector.has_more_below()
    assert projector.more_below.isVisible() and "More below" in projector.more_below.text()
    # The cue sits below the slide, not over its text.
    assert projector.more_below.mapTo(projector, projector.more_below.rect().topLeft()).y() \
        >= projector.view.geometry().bottom()
    presses = 0
    while projector.has_more_below() and presses < 20:
        qtbot.keyClick(projector, Qt.Key.Key_PageDown)
        presses += 1
    assert projector.section_index() == 0 and presses >= 1
    assert not projector.more_below.isVisible(), "the end of the slide: no cue"
    qtbot.keyClick(projector, Qt.Key.Key_Up)
    assert projector.more_below.isVisible()


def test_a_slide_that_fits_shows_no_cue(qtbot):
    projector = _presenting(qtbot, get_preset("Standard"), 1600, 2400)
    assert not projector.has_more_below() and not projector.more_below.isVisible()


def test_the_section_number_scales_with_the_slide_text(qtbot):
    projector = _presenting(qtbot, get_preset("Very low vision / projector"))
    slide_pt = projector.view.shown_profile().font_size_pt
    note = projector.indicator
    note.ensurePolished()
    assert note.text() == "Section 1 of 6"
    assert note.font().pointSizeF() >= max(24, slide_pt * 0.5)
    # At least half the height of a line of the slide.
    assert note.fontMetrics().height() >= projector.view.fontMetrics().height() * 0.5
    assert note.height() >= note.sizeHint().height()
    background = projector.view.shown_profile().colours.background
    assert contrast_ratio(_text_colour(note), background) >= MIN_NOTE_CONTRAST


def test_a_faint_profile_still_gets_a_readable_section_number(qtbot):
    faint = Profile(name="Faint", colours=Colours(text="#bbbbbb", background="#ffffff"))
    projector = _presenting(qtbot, faint)
    projector.indicator.ensurePolished()
    colour = _text_colour(projector.indicator)
    assert contrast_ratio(colour, "#ffffff") >= MIN_NOTE_CONTRAST
    assert QColor(colour) == QColor("#000000")
