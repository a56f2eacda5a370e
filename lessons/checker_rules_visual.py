"""Checker rules for pupils with a visual impairment: WCAG contrast and spacing, RNIB clear print.

Sources, as teachers are taught them:

- WCAG 2.2 success criteria 1.4.3 Contrast (minimum): 4.5:1, or 3:1 for
  large text (18 pt, or 14 pt bold); 1.4.6 Contrast (enhanced): 7:1, or 4.5:1
  for large text; 1.4.12 Text spacing: readers must be able to use line
  spacing 1.5, paragraph spacing 2 × the font size, letter spacing 0.12 em
  and word spacing 0.16 em. Ratios come from lessons/contrast.py.
- RNIB Clear Print guidance: type at least 12 pt, 14 pt recommended to
  reach more people with sight loss, 16 to 18 pt for large print; bold or
  semi-bold type; left-aligned text; lines of about 60 to 70 characters;
  no type run across pictures.

Emphasis (italics, underlining, capitals) is in checker_rules_emphasis.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

from lessons.checker_context import CheckContext
from lessons.checker_model import DYSLEXIA, PROFILE_FIX, SLCN, VI, Finding, Fix, Rule
from lessons.contrast import (
    AA_LARGE,
    AA_NORMAL,
    AAA_LARGE,
    AAA_NORMAL,
    ContrastPair,
    blend,
    contrast_ratio,
    format_ratio,
    profile_contrast,
    relative_luminance,
)
from lessons.model import Image
from lessons.profile import Profile
from lessons.profile_diff import percent

CONTRAST_MINIMUM = Rule(
    "WCAG-1.4.3",
    "WCAG 1.4.3 Contrast (minimum)",
    "WCAG 2.2",
    "Text that is too close in colour to what is behind it is hard or impossible to read "
    "for pupils with low vision, and for everyone on a projector in a bright room.",
    {VI: 15, DYSLEXIA: 8, SLCN: 4},
    cap=2,
    plain_title="Contrast between text and background",
)
CONTRAST_ENHANCED = Rule(
    "WCAG-1.4.6",
    "WCAG 1.4.6 Contrast (enhanced)",
    "WCAG 2.2",
    "Many pupils with low vision need stronger contrast than the minimum, 7:1 for "
    "ordinary text, to read comfortably for a whole lesson.",
    {VI: 4},
    cap=2,
    plain_title="Stronger contrast for low vision",
)
TEXT_SPACING = Rule(
    "WCAG-1.4.12",
    "WCAG 1.4.12 Text spacing",
    "WCAG 2.2",
    "Extra space between lines, words and letters stops lines crowding together, which "
    "helps pupils with low vision or dyslexia keep their place.",
    {VI: 2, DYSLEXIA: 3, SLCN: 1},
    plain_title="Spacing between lines, words and letters",
)
TYPE_SIZE = Rule(
    "RNIB-type-size",
    "RNIB clear print: type size",
    "RNIB Clear Print",
    "Small print is the commonest barrier for pupils with sight loss: the RNIB asks for "
    "at least 12 pt, recommends 14 pt, and 16 to 18 pt for large print.",
    {VI: 20},
)
TYPE_WEIGHT = Rule(
    "RNIB-type-weight",
    "RNIB clear print: bold or semi-bold type",
    "RNIB Clear Print",
    "Pupils with sight loss often find bold or semi-bold letters easier to make out than "
    "light or regular ones.",
    {VI: 3},
)
ALIGNMENT = Rule(
    "RNIB-alignment",
    "RNIB clear print and BDA: left-aligned text",
    "RNIB Clear Print; BDA Dyslexia Style Guide",
    "With text aligned to the left every line starts in the same place, and the even "
    "word spacing avoids the gaps that justified text leaves.",
    {VI: 5, DYSLEXIA: 5, SLCN: 2},
)
LINE_LENGTH = Rule(
    "RNIB-line-length",
    "RNIB clear print and BDA: line length",
    "RNIB Clear Print; BDA Dyslexia Style Guide",
    "Very long lines make it hard to find the start of the next line; about 60 to 70 "
    "characters is easiest to follow.",
    {VI: 2, DYSLEXIA: 4, SLCN: 2},
)
TEXT_IN_IMAGES = Rule(
    "RNIB-text-in-images",
    "RNIB clear print: no text on pictures",
    "RNIB Clear Print",
    "Labels drawn on a picture do not grow with the chosen print size or follow its "
    "colours, so a pupil with low vision may not be able to read them.",
    {VI: 3},
    cap=2,
)

RULES = (
    CONTRAST_MINIMUM,
    CONTRAST_ENHANCED,
    TEXT_SPACING,
    TYPE_SIZE,
    TYPE_WEIGHT,
    ALIGNMENT,
    LINE_LENGTH,
    TEXT_IN_IMAGES,
)

# The values WCAG 1.4.12 names, and what each setting is called in plain words.
# Spacing is in em, the size of the text: paragraph spacing 2 em is two text
# sizes of space; letter spacing 0.12 em is about an eighth of the text size.
WCAG_SPACING = {
    "line_height": (1.5, "line spacing"),
    "paragraph_spacing_em": (2.0, "paragraph spacing"),
    "letter_spacing_em": (0.12, "letter spacing"),
    "word_spacing_em": (0.16, "word spacing"),
}
# Pairs whose failure matters most: body text and headings.
_MAIN_PAIRS = ("text", "heading")
_LONGEST_LINE = 70
_SVG_MAX_BYTES = 5 * 1024 * 1024


def check(ctx: CheckContext) -> list[Finding]:
    """Every visual finding for this lesson and profile."""
    findings = _contrast(ctx.profile)
    findings += _spacing(ctx.profile)
    findings += _type(ctx.profile)
    findings += _layout(ctx.profile)
    findings += _text_in_images(ctx)
    return findings


# -- contrast ---------------------------------------------------------------


def _contrast(profile: Profile) -> list[Finding]:
    findings: list[Finding] = []
    for pair in profile_contrast(profile).values():
        main = pair.key in _MAIN_PAIRS
        minimum = AA_LARGE if pair.large_text else AA_NORMAL
        enhanced = AAA_LARGE if pair.large_text else AAA_NORMAL
        if pair.ratio < minimum:
            findings.append(
                Finding(
                    CONTRAST_MINIMUM,
                    f"{pair.label}: the colours are too close to read easily "
                    f"({format_ratio(pair.ratio)}; {_size_words(pair)} needs at least "
                    f"{minimum:g}:1). Source: WCAG 1.4.3.",
                    fix=_contrast_fix(profile, pair, minimum),
                    weights=None if main else {VI: 8, DYSLEXIA: 4, SLCN: 2},
                )
            )
        elif pair.ratio < enhanced:
            findings.append(
                Finding(
                    CONTRAST_ENHANCED,
                    f"{pair.label}: clear enough for most pupils, but pupils with low "
                    f"vision may need stronger contrast ({format_ratio(pair.ratio)}; "
                    f"{enhanced:g}:1 or more is better for {_size_words(pair)}). "
                    f"Source: WCAG 1.4.6 (enhanced level).",
                    fix=_contrast_fix(profile, pair, enhanced),
                    weights=None if main else {VI: 2},
                )
            )
    return findings


def _size_words(pair: ContrastPair) -> str:
    return "large text" if pair.large_text else "text of this size"


def _contrast_fix(profile: Profile, pair: ContrastPair, target: float) -> Fix | None:
    """The smallest change found that brings ``pair`` up to ``target``."""
    c = profile.colours
    if pair.key in ("text", "heading", "link"):
        current = getattr(c, pair.key)
        better = _nudge(current, c.background, target)
        if better is None:
            return None
        name = {"text": "text", "heading": "heading", "link": "link"}[pair.key]
        verb = _direction(current, better)
        return Fix(
            PROFILE_FIX,
            f"{verb} the {name} colour to {better}",
            changes={"colours": {pair.key: better}},
        )
    if pair.key == "highlight":
        better = _nudge(c.highlight, c.text, target)
        if better is None:
            return None
        verb = _direction(c.highlight, better)
        return Fix(
            PROFILE_FIX,
            f"{verb} the key-word highlight to {better}",
            changes={"colours": {"highlight": better}},
        )
    if pair.key == "ruler":
        return _lower_opacity(profile, pair, target, "ruler_opacity", "reading ruler")
    if pair.key == "overlay":
        return _lower_opacity(profile, pair, target, "overlay_opacity", "coloured overlay")
    return None


def _nudge(colour: str, against: str, target: float) -> str | None:
    """``colour`` moved towards black or white, in small steps, until it reaches ``target``.

    The direction is whichever end contrasts more with ``against``; the
    first step that reaches the target is kept, so the hue stays as close to
    the original as it can.
    """
    end = (
        "#000000"
        if contrast_ratio("#000000", against) >= contrast_ratio("#ffffff", against)
        else "#ffffff"
    )
    for step in range(1, 21):
        candidate = blend(colour, end, step / 20)
        if contrast_ratio(candidate, against) >= target:
            return candidate
    return None


def _direction(before: str, after: str) -> str:
    return "Darken" if relative_luminance(after) < relative_luminance(before) else "Lighten"


def _lower_opacity(
    profile: Profile, pair: ContrastPair, target: float, setting: str, name: str
) -> Fix | None:
    opacity = getattr(profile, setting)
    steps = int(round(opacity * 20))
    for step in range(steps - 1, 0, -1):
        trial = replace(profile, **{setting: step / 20})
        if profile_contrast(trial)[pair.key].ratio >= target:
            return Fix(
                PROFILE_FIX,
                f"Make the {name} paler ({step * 5}% instead of {round(opacity * 100)}%)",
                changes={setting: step / 20},
            )
    return None


# -- spacing, type and layout ----------------------------------------------


def _spacing(profile: Profile) -> list[Finding]:
    short = {
        key: (minimum, name)
        for key, (minimum, name) in WCAG_SPACING.items()
        if getattr(profile, key) < minimum
    }
    if not short:
        return []
    crowded = _and([_CROWDED[key] for key in short])
    parts = [spacing_words(key, getattr(profile, key)) for key in short]
    wanted = [f"{name} {percent(minimum)}" for minimum, name in short.values()]
    return [
        Finding(
            TEXT_SPACING,
            # The first sentence says what is wrong and what to do in plain words; the
            # numbers follow, and the standard comes last. WCAG 1.4.12 asks that text
            # still works when a reader sets this much spacing; it does not ask every
            # lesson to use it. Say so plainly.
            f"Give the text more room: its {crowded} are closer together than some "
            "pupils with low vision or dyslexia need. At present: " + "; ".join(parts)
            + ". Source: WCAG 1.4.12, which tests that text still works when a reader "
            "chooses this much spacing (it does not ask every lesson to use it).",
            fix=Fix(
                PROFILE_FIX,
                f"Give the text more room: {_and(wanted)} of the text size",
                changes={key: minimum for key, (minimum, _) in short.items()},
            ),
        )
    ]


# What is too close together when each spacing is too small.
_CROWDED = {
    "line_height": "lines",
    "paragraph_spacing_em": "paragraphs",
    "letter_spacing_em": "letters",
    "word_spacing_em": "words",
}


def _and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def spacing_words(key: str, value: float) -> str:
    """One spacing setting and the spacing to try, as shares of the text size.

    "line spacing 120% of the text size (try 150%)"; "letter spacing normal (try 12%
    of the text size)": the profile editor shows spacing the same way.
    """
    minimum, name = WCAG_SPACING[key]
    if value == 0:
        return f"{name} normal (try {percent(minimum)} of the text size)"
    return f"{name} {percent(value)} of the text size (try {percent(minimum)})"


def _type(profile: Profile) -> list[Finding]:
    findings: list[Finding] = []
    size = profile.font_size_pt
    if size < 14:
        below = (
            "below the RNIB's minimum of 12 pt"
            if size < 12
            else "below the 14 pt the RNIB recommends"
        )
        findings.append(
            Finding(
                TYPE_SIZE,
                f"The text is {size:g} pt, {below}; pupils with low vision often need "
                "16 to 18 pt (large print).",
                fix=Fix(PROFILE_FIX, "Set the text size to 14 pt", changes={"font_size_pt": 14.0}),
                weights={VI: 20} if size < 12 else {VI: 10},
            )
        )
    elif size < 16:
        findings.append(
            Finding(
                TYPE_SIZE,
                f"The text is {size:g} pt: clear print for most readers, but smaller than the "
                "16 to 18 pt the RNIB gives for large print.",
                fix=Fix(
                    PROFILE_FIX,
                    "Set the text size to 16 pt, large print",
                    changes={"font_size_pt": 16.0},
                ),
                weights={VI: 4},
            )
        )
    if profile.font_weight < 600:
        findings.append(
            Finding(
                TYPE_WEIGHT,
                f"The text is in {weight_words(profile.font_weight)} type, not bold; the RNIB "
                "finds bold or semi-bold easier to read for many people with sight loss.",
                fix=Fix(PROFILE_FIX, "Use bold type", changes={"font_weight": 700}),
            )
        )
    return findings


def weight_words(weight: int) -> str:
    """A font weight as a teacher would say it: 400 is "normal weight", 700 "bold"."""
    for upper, words in ((150, "thin"), (250, "extra-light"), (350, "light"),
                         (450, "normal weight"), (550, "medium weight"),
                         (650, "semi-bold"), (750, "bold"), (850, "extra-bold")):
        if weight <= upper:
            return words
    return "black (the heaviest)"


def _layout(profile: Profile) -> list[Finding]:
    findings: list[Finding] = []
    if profile.alignment != "left":
        how = {"justify": "justified", "centre": "centred", "right": "right-aligned"}
        findings.append(
            Finding(
                ALIGNMENT,
                f"The text is {how.get(profile.alignment, profile.alignment)}; left-aligned text "
                "is easier to follow.",
                fix=Fix(PROFILE_FIX, "Align the text to the left", changes={"alignment": "left"}),
            )
        )
    # At 24 pt and over only a few words fit on a line, so a limit adds nothing.
    if profile.font_size_pt < 24 and (
        profile.max_line_chars == 0 or profile.max_line_chars > _LONGEST_LINE
    ):
        now = (
            "Lines have no length limit, so on a wide screen they can run far past 70 characters"
            if profile.max_line_chars == 0
            else f"Lines can be {profile.max_line_chars} characters long"
        )
        findings.append(
            Finding(
                LINE_LENGTH,
                f"{now}; the RNIB and the BDA suggest about 60 to 70.",
                fix=Fix(
                    PROFILE_FIX, "Limit lines to 65 characters", changes={"max_line_chars": 65}
                ),
            )
        )
    return findings


# -- text in pictures -------------------------------------------------------


def _text_in_images(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for section in ctx.lesson.sections:
        for block in section.blocks:
            if not isinstance(block, Image) or block.path is None:
                continue
            labels = svg_text_labels(block.path)
            if not labels:
                continue
            shown = ", ".join(f"“{label}”" for label in labels[:4])
            more = f" and {len(labels) - 4} more" if len(labels) > 4 else ""
            findings.append(
                Finding(
                    TEXT_IN_IMAGES,
                    f"The picture '{block.src}' has {len(labels)} label"
                    f"{'s' if len(labels) != 1 else ''} drawn on it ({shown}{more}); check "
                    "they are large and clear, and name them in the alt text or the lesson.",
                    file=ctx.file,
                    line=block.line,
                )
            )
    return findings


def svg_text_labels(path) -> list[str]:
    """The text drawn in an SVG picture (empty for other files or unreadable ones)."""
    if path.suffix.lower() != ".svg":
        return []
    try:
        if path.stat().st_size > _SVG_MAX_BYTES:
            return []
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return []
    labels = []
    for element in root.iter():
        if re.sub(r"^\{.*\}", "", str(element.tag)) == "text":
            text = " ".join("".join(element.itertext()).split())
            if text:
                labels.append(text)
    return labels
