"""Registering the accessible fonts with Qt, and the visible fallback when one is missing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF

from lessons.fonts import ACCESSIBLE_FAMILIES, ATKINSON, COMIC_NEUE, LEXEND, OPENDYSLEXIC
from widgets.fonts import (
    current_font_setup,
    missing_note,
    register_accessible_fonts,
    resolve_family,
)

SAMPLE = "Plants need water and light to grow."


@pytest.fixture(autouse=True)
def _restore_fonts(qapp):
    """Leave the real set-up in place for other tests, even when one fails."""
    yield
    register_accessible_fonts()


def _drawn_family(family: str) -> str:
    """The family Qt really draws with when asked for ``family``."""
    return QFontInfo(QFont(family)).family()


def _width(family: str) -> float:
    font = QFont(family)
    font.setPixelSize(40)
    return QFontMetricsF(font).horizontalAdvance(SAMPLE)


def test_every_accessible_family_is_registered_and_drawn(qapp):
    setup = register_accessible_fonts()
    assert setup.available == ACCESSIBLE_FAMILIES
    assert setup.missing == () and setup.notes == ()
    for family in ACCESSIBLE_FAMILIES:
        assert _drawn_family(family) == family
    # Atkinson Hyperlegible and Lexend come only from the Python packages,
    # so drawing in them proves the registration worked.
    assert _width(ATKINSON) != _width(LEXEND)
    assert setup.files_registered >= 4 + 1  # Atkinson's four cuts and Lexend's one


def test_registering_twice_adds_nothing(qapp):
    first = register_accessible_fonts()
    again = register_accessible_fonts()
    assert again.files_registered == first.files_registered
    assert current_font_setup() is again


def test_a_missing_family_falls_back_with_a_plain_note(qapp):
    setup = register_accessible_fonts(pretend_missing={OPENDYSLEXIC})
    expected = "OpenDyslexic is not installed, so Lesson Lab uses Atkinson Hyperlegible instead."
    assert setup.missing == (OPENDYSLEXIC,)
    assert setup.notes == (expected,)
    resolved = resolve_family(OPENDYSLEXIC)
    assert resolved.family == ATKINSON and resolved.substituted
    assert resolved.note == expected
    assert _drawn_family(resolved.family) == ATKINSON
    # The others are untouched.
    assert resolve_family(COMIC_NEUE).family == COMIC_NEUE
    assert not resolve_family(COMIC_NEUE).substituted
    register_accessible_fonts()
    assert resolve_family(OPENDYSLEXIC).family == OPENDYSLEXIC


def test_the_chain_goes_on_when_the_first_fallback_is_missing_too(qapp):
    setup = register_accessible_fonts(pretend_missing={OPENDYSLEXIC, ATKINSON})
    resolved = setup.resolve(OPENDYSLEXIC)
    assert resolved.family == LEXEND
    assert resolved.note.startswith("OpenDyslexic is not installed, so Lesson Lab uses Lexend")


def test_with_nothing_accessible_the_standard_font_is_named(qapp):
    setup = register_accessible_fonts(pretend_missing=set(ACCESSIBLE_FAMILIES))
    assert setup.available == ()
    resolved = setup.resolve(COMIC_NEUE)
    assert resolved.family == setup.system_family != ""
    assert "the computer's standard font" in resolved.note
    assert setup.system_family in resolved.note


def test_other_families_are_used_when_present_and_replaced_when_not(qapp):
    setup = register_accessible_fonts()
    present = _drawn_family("Sans Serif")  # whatever real family the system has
    assert setup.resolve(present).family == present
    assert not setup.resolve(present).substituted
    imaginary = setup.resolve("Imaginary Sans")
    assert imaginary.family == ATKINSON
    assert imaginary.note == (
        "Imaginary Sans is not installed, so Lesson Lab uses Atkinson Hyperlegible instead."
    )


@pytest.mark.parametrize("fallback", [ATKINSON, None])
def test_missing_note_is_one_sentence(qapp, fallback):
    note = missing_note("OpenDyslexic", fallback, "DejaVu Sans")
    assert note.endswith("instead.") and note.count(".") == 1
