"""Checker rules from the British Dyslexia Association's Dyslexia Style Guide.

The guide asks for a plain, evenly spaced sans-serif font at 12 to 14 pt or
larger, line spacing of 1.5, dark text on a cream or soft pastel background
rather than bright white, and no red or green, which colour-blind readers
confuse. Italics, underlining, capitals, alignment and line length are shared
with the RNIB's guidance (checker_rules_emphasis.py, checker_rules_visual.py).
"""

from __future__ import annotations

import colorsys

from lessons.checker_context import CheckContext
from lessons.checker_model import DYSLEXIA, PROFILE_FIX, SLCN, VI, Finding, Fix, Rule
from lessons.contrast import blend, contrast_ratio, parse_hex, relative_luminance
from lessons.fonts import ATKINSON
from lessons.profile import Profile

FONT = Rule(
    "BDA-font",
    "BDA style guide: a plain sans-serif font",
    "BDA Dyslexia Style Guide",
    "Serifs, the small strokes at the ends of letters, make letters look more alike and "
    "crowd words together for many dyslexic readers.",
    {DYSLEXIA: 10, VI: 2},
)
SIZE = Rule(
    "BDA-size",
    "BDA style guide: type size 12 to 14 pt or larger",
    "BDA Dyslexia Style Guide",
    "Small print is tiring to decode letter by letter, and dyslexic readers often need "
    "it larger than other pupils do.",
    {DYSLEXIA: 10},
)
LINE_SPACING = Rule(
    "BDA-line-spacing",
    "BDA style guide: line spacing 1.5",
    "BDA Dyslexia Style Guide",
    "Lines set close together run into each other, so dyslexic readers lose their place "
    "or read the same line twice.",
    {DYSLEXIA: 10, SLCN: 2},
)
BACKGROUND = Rule(
    "BDA-background",
    "BDA style guide: cream or pastel background, not white",
    "BDA Dyslexia Style Guide",
    "Bright white can dazzle and make print seem to move for some dyslexic readers; a "
    "cream or soft pastel page is calmer.",
    {DYSLEXIA: 8},
)
RED_GREEN = Rule(
    "BDA-red-green",
    "BDA style guide: avoid red with green",
    "BDA Dyslexia Style Guide",
    "Red and green look alike to many colour-blind pupils, so text or highlights that "
    "rely on them can vanish or clash.",
    {DYSLEXIA: 5, VI: 2},
)
RULES = (FONT, SIZE, LINE_SPACING, BACKGROUND, RED_GREEN)

# Families people choose in schools, by kind. Names compare in lower case.
SANS_SERIF = {
    "atkinson hyperlegible", "lexend", "opendyslexic", "comic neue", "comic sans ms",
    "comic sans", "arial", "verdana", "tahoma", "century gothic", "trebuchet ms",
    "trebuchet", "calibri", "helvetica", "segoe ui", "open sans", "dejavu sans",
    "liberation sans", "noto sans", "roboto", "sassoon primary", "sassoon infant",
    "gill sans", "futura", "myriad pro", "lato", "source sans pro", "ubuntu", "candara",
}  # fmt: skip
SERIF = {
    "times new roman", "times", "georgia", "garamond", "cambria", "book antiqua",
    "palatino", "palatino linotype", "baskerville", "dejavu serif", "liberation serif",
    "noto serif", "century schoolbook", "bookman old style", "courier new", "courier",
    "constantia", "rockwell", "perpetua", "minion pro", "libre baskerville",
}  # fmt: skip

CREAM = "#fdf6e3"
# Replacements for a red or green colour, on a light page and on a dark one.
_DARK_CHOICES = {
    "text": "#1a1a1a",
    "heading": "#1f3a5f",
    "link": "#0b4a8f",
    "highlight": "#ffe38a",
    "ruler": "#a9d3f0",
}
_LIGHT_CHOICES = {
    "text": "#ffffff",
    "heading": "#ffff00",
    "link": "#8fd8ff",
    "highlight": "#1f1fa8",
    "ruler": "#ffffff",
}
_SLOT_NAMES = {
    "text": "text",
    "background": "background",
    "heading": "headings",
    "link": "links",
    "highlight": "key-word highlight",
    "ruler": "reading ruler",
}
# When red meets green, change the slot that matters least first.
_CHANGE_ORDER = ("highlight", "ruler", "link", "heading", "text")


def check(ctx: CheckContext) -> list[Finding]:
    """Every BDA style-guide finding about the profile."""
    profile = ctx.profile
    findings: list[Finding] = []
    if font_kind(profile.font_family) == "serif":
        findings.append(
            Finding(
                FONT,
                f"{profile.font_family} is a serif font; the BDA recommends a plain sans-serif "
                "font such as Arial, Comic Sans or Atkinson Hyperlegible.",
                fix=Fix(PROFILE_FIX, f"Use {ATKINSON}", changes={"font_family": ATKINSON}),
            )
        )
    if profile.font_size_pt < 12:
        findings.append(
            Finding(
                SIZE,
                f"The text is {profile.font_size_pt:g} pt; the BDA asks for 12 to 14 pt or larger.",
                fix=Fix(PROFILE_FIX, "Set the text size to 14 pt", changes={"font_size_pt": 14.0}),
            )
        )
    if profile.line_height < 1.5:
        findings.append(
            Finding(
                LINE_SPACING,
                f"Line spacing is {profile.line_height * 100:.0f}% of the text size; the BDA "
                "recommends 150% (a line spacing of 1.5).",
                fix=Fix(PROFILE_FIX, "Set line spacing to 150% of the text size",
                        changes={"line_height": 1.5}),
            )
        )
    findings += _background(profile)
    findings += _red_green(profile)
    return findings


def font_kind(family: str) -> str:
    """``"sans-serif"``, ``"serif"`` or ``"unknown"`` for a font family name."""
    name = " ".join(family.lower().split())
    if name in SANS_SERIF or "sans" in name:
        return "sans-serif"
    if name in SERIF or "serif" in name:
        return "serif"
    return "unknown"


def seen_background(profile: Profile) -> str:
    """The page colour the pupil sees: the background, through the overlay if there is one."""
    c = profile.colours
    if profile.overlay_colour and profile.overlay_opacity > 0:
        return blend(c.background, profile.overlay_colour, profile.overlay_opacity)
    return c.background


def is_bright_white(colour: str) -> bool:
    """True for white and near-white greys (every channel 248 or more, no tint)."""
    rgb = parse_hex(colour)
    return min(rgb) >= 248 and max(rgb) - min(rgb) <= 6


def _background(profile: Profile) -> list[Finding]:
    page = seen_background(profile)
    if not is_bright_white(page):
        return []
    fix = None
    if contrast_ratio(profile.colours.text, CREAM) >= 4.5:
        fix = Fix(PROFILE_FIX, "Use a cream background", changes={"colours": {"background": CREAM}})
    return [
        Finding(
            BACKGROUND,
            f"The page is bright white ({page}); the BDA suggests cream or a soft pastel colour.",
            fix=fix,
        )
    ]


def colour_family(colour: str) -> str:
    """``"red"`` (reds and pinks), ``"green"`` or ``""`` for any other colour."""
    r, g, b = (v / 255 for v in parse_hex(colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.4 or not 0.12 <= lightness <= 0.92:
        return ""  # greys, near-black and near-white carry no hue to confuse
    degrees = hue * 360
    if degrees >= 330 or degrees <= 20:
        return "red"
    if 75 <= degrees <= 165:
        return "green"
    return ""


def _red_green(profile: Profile) -> list[Finding]:
    c = profile.colours
    slots = {"text": c.text, "background": seen_background(profile), "heading": c.heading,
             "link": c.link, "highlight": c.highlight}  # fmt: skip
    if profile.ruler_lines:
        slots["ruler"] = c.ruler
    reds = [slot for slot, colour in slots.items() if colour_family(colour) == "red"]
    greens = [slot for slot, colour in slots.items() if colour_family(colour) == "green"]
    if not reds or not greens:
        return []
    red, green = reds[0], greens[0]
    change = next((slot for slot in _CHANGE_ORDER if slot in (red, green)), None)
    fix = None
    if change is not None:
        light_page = relative_luminance(slots["background"]) > 0.4
        choice = (_DARK_CHOICES if light_page else _LIGHT_CHOICES)[change]
        fix = Fix(
            PROFILE_FIX,
            f"Change the {_SLOT_NAMES[change]} colour to {choice}",
            changes={"colours": {change: choice}},
        )
    return [
        Finding(
            RED_GREEN,
            f"The {_SLOT_NAMES[red]} colour ({slots[red]}) is a red and the "
            f"{_SLOT_NAMES[green]} colour ({slots[green]}) a green.",
            fix=fix,
        )
    ]
