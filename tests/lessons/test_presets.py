"""Built-in presets: they load, follow the guidance they cite, and reach their contrast."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from breame.spelling import american_spelling_exists

from lessons.contrast import AAA_NORMAL, contrast_ratio, parse_hex, profile_contrast
from lessons.presets import (
    PresetError,
    default_preset,
    find_preset,
    first_sentence,
    get_preset,
    load_presets,
    name_key,
    preset_names,
)
from lessons.profile import Profile

EXPECTED_NAMES = [
    "Standard",
    "Low vision — large print",
    "Very low vision / projector",
    "High contrast yellow on black",
    "High contrast white on black",
    "Dyslexia",
    "Visual stress",
    "Speech, language and communication needs",
    "Autism / attention",
]
ACCESSIBLE_FONTS = {"Comic Neue", "OpenDyslexic", "Lexend", "Atkinson Hyperlegible"}


def test_every_preset_loads_in_order_as_builtin():
    presets = load_presets()
    assert [p.name for p in presets] == EXPECTED_NAMES == preset_names()
    assert all(p.builtin for p in presets)
    assert default_preset().name == "Standard"


@pytest.mark.parametrize("preset", load_presets(), ids=lambda p: p.name)
def test_guidance_note_is_plain_british_english(preset):
    note = preset.guidance
    assert len(note.split()) >= 25, "a note explains the guidance in a few sentences"
    assert first_sentence(note).endswith(".")
    words = re.findall(r"[A-Za-z]+", note)
    american = [w for w in words if american_spelling_exists(w.lower())]
    assert american == []


@pytest.mark.parametrize("preset", load_presets(), ids=lambda p: p.name)
def test_every_preset_reaches_aaa_for_body_text(preset):
    report = profile_contrast(preset)
    assert report["text"].ratio >= AAA_NORMAL
    # Every other pair at least AA, judged as normal-size text.
    assert all(pair.ratio >= 4.5 for pair in report.values())


@pytest.mark.parametrize("name", ["High contrast yellow on black", "High contrast white on black"])
def test_high_contrast_themes_reach_7_to_1_on_every_pair(name):
    preset = get_preset(name)
    # Judge the ruler too, as a pupil may switch it on.
    report = profile_contrast(replace(preset, ruler_lines=3))
    assert {"text", "heading", "link", "highlight", "ruler"} <= set(report)
    for pair in report.values():
        assert pair.ratio >= AAA_NORMAL, pair.describe()


def test_low_vision_follows_rnib_clear_print():
    p = get_preset("Low vision — large print")
    assert p.font_size_pt == 18 and p.font_size_pt >= 16
    assert p.font_weight >= 700
    assert contrast_ratio(p.colours.text, p.colours.background) >= 15
    assert p.alignment == "left" and p.suppress_italics and p.suppress_underline


def test_projector_is_40pt_or_more():
    p = get_preset("Very low vision / projector")
    assert p.font_size_pt >= 40
    assert p.font_weight >= 700


def test_yellow_on_black_is_the_classic_pair():
    p = get_preset("High contrast yellow on black")
    assert parse_hex(p.colours.text) == (255, 255, 0)
    assert parse_hex(p.colours.background) == (0, 0, 0)


def test_dyslexia_follows_the_bda_style_guide():
    p = get_preset("Dyslexia")
    assert p.font_family in ACCESSIBLE_FONTS
    assert p.font_size_pt >= 12
    assert p.line_height == pytest.approx(1.5)
    assert p.letter_spacing_em == pytest.approx(0.12)
    assert p.word_spacing_em >= 3.5 * p.letter_spacing_em
    assert p.suppress_italics and p.suppress_underline
    assert p.alignment == "left"
    assert 60 <= p.max_line_chars <= 70
    # Cream or pastel, not white: light, but not pure white.
    assert p.colours.background.lower() != "#ffffff"
    assert contrast_ratio(p.colours.background, "#ffffff") < 1.2


def test_visual_stress_uses_a_tint_and_no_pure_white():
    p = get_preset("Visual stress")
    assert p.overlay_colour
    assert p.overlay_opacity == pytest.approx(0.3)
    assert p.colours.background.lower() != "#ffffff"
    assert "overlay" in profile_contrast(p)


def test_slcn_highlights_vocabulary_in_short_lines_one_section_at_a_time():
    p = get_preset("Speech, language and communication needs")
    assert p.highlight_vocabulary and p.focus_mode
    assert 45 <= p.max_line_chars <= 55
    assert p.line_height > 1.5


def test_autism_preset_is_calm_and_focused():
    p = get_preset("Autism / attention")
    assert p.focus_mode
    assert p.ruler_lines == 3
    for colour in vars(p.colours).values():
        # Chroma (max - min channel) measures how vivid a colour looks; pure
        # yellow is 1.0, any grey 0.
        channels = parse_hex(colour)
        chroma = (max(channels) - min(channels)) / 255
        assert chroma <= 0.3, f"{colour} is too vivid for a calm palette"


def test_find_preset_ignores_case_and_punctuation():
    assert find_preset("low vision large print").name == "Low vision — large print"
    assert find_preset("HIGH CONTRAST yellow-on-black").name == "High contrast yellow on black"
    assert find_preset("nothing like this") is None
    with pytest.raises(KeyError, match="no built-in preset"):
        get_preset("nothing like this")
    assert name_key("Autism / attention") == name_key("autism attention")


def test_first_sentence():
    assert first_sentence("One thing. Two things.") == "One thing."
    assert first_sentence("WCAG 1.4.12 asks for it. Next.") == "WCAG 1.4.12 asks for it."
    assert first_sentence("No full stop") == "No full stop"


def _write(folder, name, data):
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def test_a_broken_preset_file_is_named(tmp_path):
    _write(tmp_path, "01-a.json", Profile(name="A", guidance="Why.").to_dict())
    (tmp_path / "02-b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PresetError, match="02-b.json"):
        load_presets(tmp_path)


def test_presets_must_have_a_note_and_distinct_names(tmp_path):
    _write(tmp_path, "01-a.json", Profile(name="A").to_dict())
    with pytest.raises(PresetError, match="no guidance note"):
        load_presets(tmp_path)
    _write(tmp_path, "01-a.json", Profile(name="Same", guidance="Why.").to_dict())
    _write(tmp_path, "02-b.json", Profile(name="same", guidance="Why.").to_dict())
    with pytest.raises(PresetError, match="share a name"):
        load_presets(tmp_path)
