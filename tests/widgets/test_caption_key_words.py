"""The lesson's key words stand out in the live captions: bold and underlined, not colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from lessons.document_positions import one_per_position
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow

WORDS = ["evaporation", "water vapour", "condensation"]


@pytest.fixture
def captions(qtbot):
    window = CaptionsWindow(CaptionSettings(lines=3, font_size_pt=24, placement="bottom"))
    qtbot.addWidget(window)
    window.resize(1600, 300)
    window.show()
    qtbot.waitExposed(window)
    window.set_key_words(WORDS)
    return window


def _key_formats(captions):
    """(text, bold, underline, dotted) of each key-word format on screen."""
    out, layouts = [], []
    for line in captions.text._visible():
        if line.layout in layouts:
            continue  # a caption wrapped over two lines: one layout
        layouts.append(line.layout)
        text = one_per_position(line.layout.text())  # index = Qt's position
        for found in line.layout.formats():
            fmt = found.format
            if fmt.fontWeight() == QFont.Weight.Bold:
                out.append((text[found.start:found.start + found.length],
                            fmt.fontUnderline()))
    return out


def test_key_words_said_are_bold_and_underlined_in_a_settled_caption(captions):
    captions.add_final("The sun's heat causes evaporation, and water vapour rises.")
    assert captions.text.key_words_shown() == ["evaporation", "water vapour"]
    assert _key_formats(captions) == [("evaporation", True), ("water vapour", True)]


def test_other_words_and_words_that_only_contain_a_key_word_do_not_stand_out(captions):
    captions.add_final("Evaporations happen; the vapour-laden evaporationist waits.")
    assert captions.text.key_words_shown() == ["Evaporations"]


def test_words_still_being_heard_show_key_words_bold_keeping_the_dotted_underline(captions):
    captions.add_partial("then condensation makes")
    assert captions.text.key_words_shown() == ["condensation"]
    assert _key_formats(captions) == [("condensation", False)]


def test_a_new_lesson_brings_its_own_key_words(captions):
    captions.add_final("Evaporation starts it. Erosion wears the bank away.")
    captions.set_key_words(["erosion"])
    assert captions.text.key_words_shown() == ["Erosion"]
    captions.set_key_words([])
    assert captions.text.key_words_shown() == []
    assert " ".join(captions.shown_lines()) == (
        "Evaporation starts it. Erosion wears the bank away.")


def test_a_key_word_after_an_emoji_stands_out_itself_not_a_letter_early(captions):
    # Qt counts an emoji as two positions; the key word's bold began at the space
    # before it and left its last letter plain.
    captions.add_final("\U0001F389 The sun causes evaporation.")
    captions.add_partial("\U0001F30A then condensation")
    assert _key_formats(captions) == [("evaporation", True), ("condensation", False)]
    assert captions.text.key_words_shown() == ["evaporation", "condensation"]
    assert captions.shown_lines()[0] == "\U0001F389 The sun causes evaporation."
