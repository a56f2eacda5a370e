"""WCAG contrast: the formula against published pairs, levels, and a profile's report."""

from __future__ import annotations

import pytest

from lessons.contrast import (
    blend,
    contrast_ratio,
    format_ratio,
    is_large_text,
    lowest_contrast,
    parse_hex,
    profile_contrast,
    relative_luminance,
    wcag_level,
)
from lessons.profile import Colours, Profile

# Pairs with ratios published by WCAG's own examples, WebAIM's contrast
# checker and university accessibility pages (two decimal places).
PUBLISHED = [
    ("#000000", "#ffffff", 21.00),
    ("#ffffff", "#777777", 4.48),
    ("#767676", "#ffffff", 4.54),
    ("#0000ff", "#ffffff", 8.59),
    ("#ffff00", "#000000", 19.56),
    ("#ff0000", "#ffffff", 4.00),  # WebAIM shows 3.99:1; the exact value is 3.998
    ("#008000", "#ffffff", 5.14),
    ("#808080", "#000000", 5.32),
    ("#0000ff", "#000000", 2.44),
    ("#ff00ff", "#ffffff", 3.14),
]


@pytest.mark.parametrize(("fg", "bg", "expected"), PUBLISHED)
def test_contrast_ratio_matches_published_pairs(fg, bg, expected):
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.006)


def test_ratio_is_symmetric_and_one_for_equal_colours():
    assert contrast_ratio("#123456", "#fedcba") == contrast_ratio("#fedcba", "#123456")
    assert contrast_ratio("#5a5a5a", "#5a5a5a") == 1.0


def test_luminance_ends_and_short_hex():
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#fff") == relative_luminance("#FFFFFF")
    # A dark channel on the straight part of the sRGB curve (below 0.04045).
    assert relative_luminance("#0a0000") == pytest.approx(0.2126 * (10 / 255) / 12.92)


@pytest.mark.parametrize("bad", ["red", "#12345", "#gggggg", "", "123456"])
def test_bad_colours_are_refused_plainly(bad):
    with pytest.raises(ValueError, match="not a colour like"):
        parse_hex(bad)


@pytest.mark.parametrize(
    ("ratio", "large", "level"),
    [
        (7.0, False, "AAA"),
        (6.99, False, "AA"),
        (4.5, False, "AA"),
        (4.499, False, "fail"),
        (4.5, True, "AAA"),
        (3.0, True, "AA"),
        (2.99, True, "fail"),
    ],
)
def test_levels_follow_wcag_thresholds(ratio, large, level):
    assert wcag_level(ratio, large) == level


def test_large_text_is_18pt_or_14pt_bold():
    assert is_large_text(18)
    assert not is_large_text(17.5)
    assert is_large_text(14, 700)
    assert not is_large_text(14, 600)


def test_format_never_rounds_a_fail_up_to_a_pass():
    assert format_ratio(4.4999) == "4.49:1"
    assert format_ratio(21.0) == "21.00:1"


def test_blend_is_alpha_compositing():
    assert blend("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#ffffff", "#0000ff", 0.0) == "#ffffff"
    assert blend("#ffffff", "#0000ff", 1.0) == "#0000ff"
    with pytest.raises(ValueError):
        blend("#ffffff", "#000000", 1.5)


def test_profile_report_covers_every_pair_it_shows():
    profile = Profile(
        colours=Colours(
            text="#1a1a1a",
            background="#fdf6e3",
            heading="#003366",
            link="#0645ad",
            highlight="#ffe066",
            ruler="#9fd3f5",
        ),
        ruler_lines=3,
        ruler_opacity=0.4,
        overlay_colour="#9fd3f5",
        overlay_opacity=0.3,
    )
    report = profile_contrast(profile)
    assert list(report) == ["text", "heading", "link", "highlight", "ruler", "overlay"]
    assert report["text"].ratio == contrast_ratio("#1a1a1a", "#fdf6e3")
    assert report["heading"].foreground == "#003366"
    assert report["highlight"].background == "#ffe066"
    # The ruler and overlay are translucent: text is judged on what shows through.
    assert report["ruler"].background == blend("#fdf6e3", "#9fd3f5", 0.4)
    # The overlay tints text and page alike, as an acetate sheet does.
    assert report["overlay"].foreground == blend("#1a1a1a", "#9fd3f5", 0.3)
    assert report["overlay"].background == blend("#fdf6e3", "#9fd3f5", 0.3)
    assert report["overlay"].ratio < report["text"].ratio
    assert report["text"].describe().startswith("Text on background: ")
    assert lowest_contrast(profile).ratio == min(p.ratio for p in report.values())


def test_ruler_and_overlay_are_left_out_when_off():
    report = profile_contrast(Profile())
    assert set(report) == {"text", "heading", "link", "highlight"}
    assert report["text"].level == "AAA"


def test_large_print_profile_is_judged_as_large_text():
    grey = Colours(text="#767676", background="#ffffff")
    assert profile_contrast(Profile(colours=grey))["text"].level == "AA"
    large = Profile(colours=grey, font_size_pt=18)
    assert profile_contrast(large)["text"].level == "AAA"
