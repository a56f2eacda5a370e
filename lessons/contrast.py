"""WCAG 2.x colour contrast: relative luminance, contrast ratio, pass levels.

Pure functions on ``#rrggbb`` strings, plus a report of the colour pairs a
profile puts on screen. The formula is WCAG 2.2's definition of relative
luminance (sRGB, threshold 0.04045; WCAG 2.0 printed 0.03928, which changes
no 8-bit result) and the contrast ratio ``(L1 + 0.05) / (L2 + 0.05)``.

Levels follow success criteria 1.4.3 (AA) and 1.4.6 (AAA): normal text needs
4.5:1 for AA and 7:1 for AAA; large text (18 pt and over, or 14 pt and over in
bold) needs 3:1 and 4.5:1. A ratio is never rounded up before it is judged:
4.499:1 fails AA.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.profile import Profile

AA_NORMAL = 4.5
AAA_NORMAL = 7.0
AA_LARGE = 3.0
AAA_LARGE = 4.5
LARGE_TEXT_PT = 18.0
LARGE_BOLD_TEXT_PT = 14.0
BOLD_WEIGHT = 700


def parse_hex(colour: str) -> tuple[int, int, int]:
    """``"#1a2b3c"`` (or ``"#abc"``) as three 0-255 integers.

    Raises ``ValueError`` with a plain message for anything else.
    """
    text = colour.strip() if isinstance(colour, str) else ""
    digits = text[1:] if text.startswith("#") else ""
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) != 6 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise ValueError(f"{colour!r} is not a colour like #1a2b3c")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    """Three 0-255 integers as ``#rrggbb``."""
    return "#" + "".join(f"{max(0, min(255, int(v))):02x}" for v in rgb)


def _linear(channel_8bit: int) -> float:
    s = channel_8bit / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of an sRGB colour: 0 for black, 1 for white."""
    r, g, b = parse_hex(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1.0 to 21.0 (order does not matter)."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def blend(base: str, tint: str, opacity: float) -> str:
    """The colour seen when ``tint`` at ``opacity`` (0-1) lies over ``base``.

    Plain alpha compositing on the 8-bit values, as Qt paints a translucent
    brush, so the result matches what the lesson view shows.
    """
    if not 0 <= opacity <= 1:
        raise ValueError("opacity must be between 0 and 1")
    under, over = parse_hex(base), parse_hex(tint)
    return to_hex(
        tuple(round(u * (1 - opacity) + o * opacity) for u, o in zip(under, over, strict=True))
    )


def is_large_text(size_pt: float, weight: int = 400) -> bool:
    """True when WCAG counts text this size and weight as large-scale text."""
    return size_pt >= LARGE_TEXT_PT or (size_pt >= LARGE_BOLD_TEXT_PT and weight >= BOLD_WEIGHT)


def wcag_level(ratio: float, large_text: bool = False) -> str:
    """``"AAA"``, ``"AA"`` or ``"fail"`` for text at this contrast ratio."""
    aa, aaa = (AA_LARGE, AAA_LARGE) if large_text else (AA_NORMAL, AAA_NORMAL)
    if ratio >= aaa:
        return "AAA"
    if ratio >= aa:
        return "AA"
    return "fail"


def format_ratio(ratio: float) -> str:
    """A ratio as people write it, ``"4.54:1"``; truncated, never rounded up."""
    return f"{int(ratio * 100) / 100:.2f}:1"


@dataclass(frozen=True)
class ContrastPair:
    """One colour pair a profile shows, with its ratio and WCAG level."""

    key: str  # "text", "heading", "link", "highlight", "ruler", "overlay"
    label: str  # plain words for a teacher, e.g. "Text on background"
    foreground: str
    background: str  # the colour actually behind the text (blended where translucent)
    ratio: float
    large_text: bool

    @property
    def level(self) -> str:
        """``"AAA"``, ``"AA"`` or ``"fail"``."""
        return wcag_level(self.ratio, self.large_text)

    def describe(self) -> str:
        """One line such as ``"Text on background: 21.00:1 (AAA)"``."""
        return f"{self.label}: {format_ratio(self.ratio)} ({self.level})"


def profile_contrast(profile: Profile) -> dict[str, ContrastPair]:
    """Every colour pair ``profile`` puts on screen, keyed as in ``ContrastPair.key``.

    Always present: ``text`` (body text on the background), ``heading``,
    ``link`` and ``highlight`` (body text on the highlight colour of key
    words). ``ruler`` (body text inside the reading ruler band, drawn in the
    ruler colour at ``ruler_opacity`` over the background, under the text) is
    present when the ruler is on; ``overlay`` (body text and background both
    seen through the overlay tint at ``overlay_opacity``, as the view paints
    it over everything) when a tint is set.
    Whether text counts as large follows the body size and weight, so
    headings (always at least as big) are judged no more kindly than body text.
    """
    c = profile.colours
    large = is_large_text(profile.font_size_pt, profile.font_weight)

    def pair(key: str, label: str, fg: str, bg: str) -> ContrastPair:
        return ContrastPair(key, label, fg, bg, contrast_ratio(fg, bg), large)

    pairs = [
        pair("text", "Text on background", c.text, c.background),
        pair("heading", "Headings on background", c.heading, c.background),
        pair("link", "Links on background", c.link, c.background),
        pair("highlight", "Text on highlighted words", c.text, c.highlight),
    ]
    if profile.ruler_lines:
        band = blend(c.background, c.ruler, profile.ruler_opacity)
        pairs.append(pair("ruler", "Text in the reading ruler", c.text, band))
    if profile.overlay_colour and profile.overlay_opacity > 0:
        # The overlay lies over the whole page like an acetate sheet, so it
        # tints the text as well as the background.
        tint, alpha = profile.overlay_colour, profile.overlay_opacity
        pairs.append(
            pair(
                "overlay",
                "Text through the coloured overlay",
                blend(c.text, tint, alpha),
                blend(c.background, tint, alpha),
            )
        )
    return {p.key: p for p in pairs}


def lowest_contrast(profile: Profile) -> ContrastPair:
    """The weakest pair in ``profile_contrast(profile)``."""
    return min(profile_contrast(profile).values(), key=lambda p: p.ratio)
