"""The guidance behind a profile, true to it after a teacher's changes."""

from __future__ import annotations

from dataclasses import replace

from lessons.presets import get_preset, load_presets
from lessons.profile import Colours
from lessons.profile_guidance import guidance_words

PRESETS = load_presets()


def test_a_preset_is_described_by_its_own_note():
    dyslexia = get_preset("Dyslexia")
    assert guidance_words(dyslexia, PRESETS) == dyslexia.guidance.strip()
    assert "British Dyslexia Association" in guidance_words(dyslexia, PRESETS)


def test_an_unchanged_copy_says_it_has_the_presets_settings():
    copy = get_preset("Dyslexia").renamed("Year 4 reading")
    words = guidance_words(copy, PRESETS)
    assert words.startswith("The same settings as the Dyslexia preset.")
    assert "British Dyslexia Association" in words


def test_a_changed_copy_names_what_changed_instead_of_claiming_the_preset():
    # The reviewer's copy: pale grey text in a serif font still read "dark text on cream".
    dyslexia = get_preset("Dyslexia")
    copy = replace(dyslexia.renamed("Grey serif"), font_family="C059",
                   colours=replace(dyslexia.colours, text="#dddddd"))
    words = guidance_words(copy, PRESETS)
    assert words.startswith("Made from the Dyslexia preset, then changed: font, text colour.")
    assert "Check these changes against the preset's guidance: Follows the British" in words


def test_many_changes_are_summed_up():
    standard = get_preset("Standard")
    copy = replace(standard.renamed("Mine"), font_family="Lexend", font_size_pt=20,
                   line_height=2.0, letter_spacing_em=0.1, word_spacing_em=0.2,
                   colours=Colours(text="#111111"))
    assert "and 2 more." in guidance_words(copy, PRESETS)


def test_a_profile_with_no_note_says_so():
    own = replace(get_preset("Standard").renamed("Mine"), guidance="")
    assert guidance_words(own, PRESETS) == "Your own profile: no guidance note comes with it."
    written = replace(own, guidance="For Sam in 5B: large and calm.")
    assert guidance_words(written, PRESETS) == "For Sam in 5B: large and calm."
