"""What a teacher changed while adapting a lesson, in plain words.

Two pure functions for the reflection log:

* ``profile_changes(before, after)``: each setting that differs between two
  profiles, as a sentence such as "Font size: 12 pt → 18 pt". Spacing is a
  share of the text size, as the profile editor shows it ("12% of the text
  size (about an eighth)"), never in em. The
  profile's name and guidance note are not settings and are left out.
* ``lesson_text_changes(before, after)``: how many lines of the lesson text
  were changed, added and removed (the counts a unified diff would show).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from lessons.profile import Profile

ARROW = "→"

# Colours people can name at a glance; others are shown as their code.
COLOUR_NAMES = {
    "#000000": "black",
    "#ffffff": "white",
    "#ffff00": "yellow",
    "#00ffff": "cyan",
    "#ff0000": "red",
    "#0000ff": "blue",
    "#008000": "green",
    "#fdf6e3": "cream",
    "#fff200": "yellow",
}
WEIGHTS = {300: "light", 400: "normal", 500: "medium", 600: "semi-bold", 700: "bold",
           800: "extra bold", 900: "black"}
ALIGNMENT_WORDS = {"left": "left", "justify": "justified", "centre": "centred", "right": "right"}
COLOUR_LABELS = {
    "text": "Text colour",
    "background": "Background colour",
    "heading": "Heading colour",
    "link": "Link colour",
    "highlight": "Key word highlight colour",
    "ruler": "Reading ruler colour",
}


@dataclass(frozen=True)
class SettingChange:
    """One setting that differs: its label and both values, in words."""

    setting: str  # the Profile field, such as "font_size_pt" or "colours.text"
    label: str
    before: str
    after: str

    @property
    def sentence(self) -> str:
        """"Font size: 12 pt → 18 pt"."""
        return f"{self.label}: {self.before} {ARROW} {self.after}"

    def __str__(self) -> str:
        return self.sentence


# Parts of the text size a teacher says without thinking: 0.12 em is "about an
# eighth of the text size". An em is the size of the text (12 pt text: 1 em = 12 pt).
_FRACTIONS = ((1 / 3, "a third"), (1 / 4, "a quarter"), (1 / 5, "a fifth"),
              (1 / 6, "a sixth"), (1 / 8, "an eighth"), (1 / 10, "a tenth"),
              (1 / 20, "a twentieth"), (2 / 3, "two thirds"), (3 / 4, "three quarters"),
              (1 / 2, "half"))
_TIMES = {1.0: "the text size", 1.5: "one and a half times the text size",
          2.0: "twice the text size", 3.0: "three times the text size"}


def _fraction(value: float) -> str:
    """The nearest everyday fraction of ``value`` (below 1): "an eighth", "about an
    eighth" within a tenth of it, or "" when none is that near."""
    share, name = min(_FRACTIONS, key=lambda pair: abs(pair[0] - value) / pair[0])
    if abs(share - value) <= 0.001:
        return name
    return f"about {name}" if abs(share - value) / share <= 0.1 else ""


def em_words(value: float) -> str:
    """How much ``value`` em is, in words: "about an eighth of the text size"."""
    if value in _TIMES:
        return _TIMES[value]
    if value > 1:
        return f"{value:g} times the text size"
    fraction = _fraction(value)
    if fraction in ("half", "about half"):
        return f"{fraction} the text size"
    return f"{fraction} of the text size" if fraction else share_of_text_size(value)


def percent(value: float) -> str:
    """A share as the profile editor shows it, to a tenth of a per cent: 0.125 -> "12.5%"."""
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


def share_of_text_size(value: float) -> str:
    """0.12 em as "12% of the text size", as the profile editor shows it."""
    return f"{percent(value)} of the text size"


def _em_explained(value: float) -> str:
    """ "12% of the text size (about an eighth)": the share as the profile editor shows
    it, then, for a small share, the fraction a teacher would say."""
    fraction = _fraction(value) if value < 1 else ""
    share = share_of_text_size(value)
    return f"{share} ({fraction})" if fraction else share


def _em(value: float) -> str:
    return "normal" if value == 0 else _em_explained(value)


def _on_off(value: bool) -> str:
    return "on" if value else "off"


def _kept_removed(value: bool) -> str:
    # The profile field says "suppress", so True means the style is removed.
    return "removed" if value else "kept"


def colour_words(value: str) -> str:
    """A colour as people read it: "yellow (#ffff00)", or just the code."""
    name = COLOUR_NAMES.get(value.lower())
    return f"{name} ({value.lower()})" if name else value.lower()


def _weight(value: int) -> str:
    return WEIGHTS.get(value, str(value))


def _ruler(lines: int) -> str:
    if not lines:
        return "off"
    return "1 line" if lines == 1 else f"{lines} lines"


def _line_length(chars: int) -> str:
    return f"{chars} characters" if chars else "no limit"


def _overlay(profile: Profile) -> str:
    if not profile.overlay_colour or profile.overlay_opacity <= 0:
        return "none"
    return f"{colour_words(profile.overlay_colour)} at {percent(profile.overlay_opacity)}"


# (field, label, how to show a value), in the order a teacher thinks of them.
_SETTINGS = (
    ("font_family", "Font", str),
    ("font_size_pt", "Font size", lambda v: f"{v:g} pt"),
    ("font_weight", "Font weight", _weight),
    ("letter_spacing_em", "Letter spacing", _em),
    ("word_spacing_em", "Word spacing", _em),
    ("line_height", "Line spacing", share_of_text_size),
    ("paragraph_spacing_em", "Space between paragraphs",
     lambda v: "none" if v == 0 else _em_explained(v)),
    ("max_line_chars", "Line length", _line_length),
    ("alignment", "Text alignment", lambda v: ALIGNMENT_WORDS.get(v, v)),
    ("suppress_italics", "Italics", _kept_removed),
    ("suppress_underline", "Underlining", _kept_removed),
    ("suppress_all_caps", "Runs of capitals", _kept_removed),
    ("highlight_vocabulary", "Key word highlighting", _on_off),
    ("focus_mode", "One section at a time", _on_off),
    ("image_scale", "Picture size", percent),
    ("ruler_lines", "Reading ruler", _ruler),
    ("ruler_opacity", "Reading ruler strength", percent),
)


def profile_changes(before: Profile, after: Profile) -> tuple[SettingChange, ...]:
    """Every setting that differs from ``before`` to ``after``, in a teacher's order.

    Colours come after the font and spacing; the overlay's colour and
    strength are one change. The name and guidance note are not compared.
    """
    changes: list[SettingChange] = []
    for name, label, show in _SETTINGS:
        old, new = getattr(before, name), getattr(after, name)
        if name == "ruler_opacity" and not after.ruler_lines:
            continue  # the strength of a ruler that is off does not matter
        if old != new:
            changes.append(SettingChange(name, label, show(old), show(new)))
    for name, label in COLOUR_LABELS.items():
        old, new = getattr(before.colours, name), getattr(after.colours, name)
        if old.lower() != new.lower():
            changes.append(SettingChange(f"colours.{name}", label, colour_words(old),
                                         colour_words(new)))
    old_overlay, new_overlay = _overlay(before), _overlay(after)
    if old_overlay != new_overlay:
        changes.append(SettingChange("overlay", "Coloured overlay", old_overlay, new_overlay))
    return tuple(changes)


def describe_profile_changes(before: Profile, after: Profile) -> list[str]:
    """The changes from ``before`` to ``after`` as sentences ("Font size: 12 pt → 18 pt")."""
    return [change.sentence for change in profile_changes(before, after)]


@dataclass(frozen=True)
class TextChanges:
    """Lines of the lesson text changed, added and removed."""

    changed: int = 0
    added: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        """Lines touched in all."""
        return self.changed + self.added + self.removed

    @property
    def summary(self) -> str:
        """One sentence, such as "Lesson text: 3 lines changed and 1 added."."""
        if not self.total:
            return "Lesson text: not changed."
        parts = []
        if self.changed:
            parts.append(f"{_lines(self.changed)} changed")
        if self.added:
            parts.append(f"{self.added if parts else _lines(self.added)} added")
        if self.removed:
            parts.append(f"{self.removed if parts else _lines(self.removed)} removed")
        if len(parts) > 1:
            return f"Lesson text: {', '.join(parts[:-1])} and {parts[-1]}."
        return f"Lesson text: {parts[0]}."

    def to_dict(self) -> dict[str, int]:
        """Plain data for a JSON file."""
        return {"changed": self.changed, "added": self.added, "removed": self.removed}


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"


def lesson_text_changes(before: str, after: str) -> TextChanges:
    """Count the lines changed, added and removed from ``before`` to ``after``.

    A line replaced by another counts as changed; a block of replaced lines
    of different lengths counts the extra lines as added or removed. Blank
    lines count as lines, and line endings (``\\r\\n`` or ``\\n``) do not matter.
    """
    old, new = before.splitlines(), after.splitlines()
    changed = added = removed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            both = min(i2 - i1, j2 - j1)
            changed += both
            removed += (i2 - i1) - both
            added += (j2 - j1) - both
        elif tag == "delete":
            removed += i2 - i1
        elif tag == "insert":
            added += j2 - j1
    return TextChanges(changed, added, removed)
