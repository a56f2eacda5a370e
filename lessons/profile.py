"""Adaptation profiles: how a lesson is shown to one pupil.

A profile is plain data. Built-in presets are JSON files in lessons/presets/
(see lessons/presets.py); users' own profiles are saved the same way in their
data folder. Widgets turn a profile into fonts, colours and spacing; the
checker reads it to judge a lesson against the guidance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

ALIGNMENTS = ("left", "justify", "centre", "right")
RULER_LINES = (0, 1, 3, 5)  # 0 means the reading ruler is off


@dataclass(frozen=True)
class Limit:
    """The lowest and highest value of one numeric setting, and how to say them."""

    low: float
    high: float
    words: str  # "the letter spacing must be between {low} and {high}", for a teacher

    def allows(self, value: object) -> bool:
        """True for a number from ``low`` to ``high``; never for NaN or infinity."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        # NaN fails every comparison and infinity the finite bounds, so this is enough.
        return self.low <= value <= self.high


# The same ranges as the profile editor's controls (widgets/profile_form.py; a test
# keeps them alike), so a hand-edited or damaged file cannot hold what the editor
# could never make: a weight of 10**30, a line height of -5, an infinite spacing
# (Python's JSON reader accepts "Infinity" and "NaN"). Spacing is in em and shown
# as a share of the text size, as the editor shows it.
LIMITS: dict[str, Limit] = {
    "font_size_pt": Limit(6, 200, "the font size must be between 6 and 200 points"),
    "font_weight": Limit(400, 700, "the font weight must be between 400 (normal) and 700 (bold)"),
    "letter_spacing_em": Limit(
        0, 0.5, "the letter spacing must be between 0% and 50% of the text size"),
    "word_spacing_em": Limit(
        0, 1.0, "the word spacing must be between 0% and 100% of the text size"),
    "line_height": Limit(
        1.0, 3.0, "the line height must be between 100% and 300% of the text size"),
    "paragraph_spacing_em": Limit(
        0, 4.0, "the paragraph spacing must be between 0% and 400% of the text size"),
    "max_line_chars": Limit(
        0, 200, "the line length must be between 0 (no limit) and 200 characters"),
    "ruler_opacity": Limit(0, 1, "the reading ruler strength must be between 0% and 100%"),
    "overlay_opacity": Limit(0, 1, "the overlay strength must be between 0% and 100%"),
    "image_scale": Limit(
        0.5, 4.0, "the picture size must be between 50% and 400% of their own size"),
}


@dataclass(frozen=True)
class Colours:
    """Colours as ``#rrggbb`` strings."""

    text: str = "#000000"
    background: str = "#ffffff"
    heading: str = "#000000"
    link: str = "#0645ad"
    highlight: str = "#fff200"  # background of highlighted key words
    ruler: str = "#ffe680"  # the reading ruler band


@dataclass(frozen=True)
class Profile:
    """Every setting a lesson view honours. Sizes in points, spacing in em."""

    name: str = "Standard"
    guidance: str = ""  # a short note of the guidance behind this profile
    colours: Colours = field(default_factory=Colours)
    font_family: str = "Atkinson Hyperlegible"
    font_size_pt: float = 12.0
    font_weight: int = 400  # 400 normal, 600 semi-bold, 700 bold
    letter_spacing_em: float = 0.0  # WCAG 1.4.12 asks the view to allow 0.12
    word_spacing_em: float = 0.0  # WCAG 1.4.12: 0.16
    line_height: float = 1.2  # times the font size; WCAG 1.4.12: 1.5
    paragraph_spacing_em: float = 1.0  # WCAG 1.4.12: 2 times the font size
    max_line_chars: int = 0  # 0 means no limit
    alignment: str = "left"
    suppress_italics: bool = False
    suppress_underline: bool = False
    suppress_all_caps: bool = False
    ruler_lines: int = 0  # reading ruler: 0 off, or a focus of 1, 3 or 5 lines
    ruler_opacity: float = 0.35
    overlay_colour: str = ""  # "" means no overlay tint
    overlay_opacity: float = 0.0
    highlight_vocabulary: bool = False
    image_scale: float = 1.0
    focus_mode: bool = False  # one section at a time
    builtin: bool = False

    def renamed(self, name: str) -> Profile:
        """A user's copy of this profile under a new name."""
        return replace(self, name=name, builtin=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a JSON file (``builtin`` is not saved)."""
        data = asdict(self)
        data.pop("builtin")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], builtin: bool = False) -> Profile:
        """Build a profile from JSON data; unknown keys raise ``ValueError``.

        Missing keys take the Standard value, so older files still load.
        """
        known = {f.name for f in fields(cls)} - {"builtin"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        values = dict(data)
        colours = values.pop("colours", {})
        colour_names = {f.name for f in fields(Colours)}
        bad = set(colours) - colour_names
        if bad:
            raise ValueError(f"unknown colour(s): {', '.join(sorted(bad))}")
        profile = cls(colours=Colours(**colours), builtin=builtin, **values)
        profile.validate()
        return profile

    def validate(self) -> None:
        """Raise ``ValueError`` with a plain message when a setting is out of range."""
        if not self.name.strip():
            raise ValueError("a profile needs a name")
        for key, limit in LIMITS.items():
            if not limit.allows(getattr(self, key)):
                raise ValueError(limit.words)
        if self.alignment not in ALIGNMENTS:
            raise ValueError(f"alignment must be one of {', '.join(ALIGNMENTS)}")
        if self.ruler_lines not in RULER_LINES:
            raise ValueError("the reading ruler shows 1, 3 or 5 lines, or is off (0)")
        for name, value in asdict(self.colours).items():
            if not _is_hex_colour(value):
                raise ValueError(f"the {name} colour must look like #1a2b3c")
        if self.overlay_colour and not _is_hex_colour(self.overlay_colour):
            raise ValueError("the overlay colour must look like #1a2b3c")


def _is_hex_colour(value: str) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 7
        and value.startswith("#")
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )
