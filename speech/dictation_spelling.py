"""British spelling of dictated words, from the maintained ``breame`` word lists.

color -> colour, favorite -> favourite, organize -> organise, center -> centre.
The case of the word is kept (Color -> Colour, COLOR -> COLOUR), and so are
hyphens and possessives (color-coded -> colour-coded, neighbor's -> neighbour's).

breame maps about 1,700 American spellings. A few of its entries would make a
correct British sentence wrong, because the American form is also the British
spelling of a common word, or because breame's British form is archaic or a
slip in its data. Those words are left as the pupil said them (_KEEP below).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from breame.spelling import american_spelling_exists, get_british_spelling

from speech.dictation_commands import Mark

_KEEP = frozenset(
    {
        # British English spells these the same for a common meaning.
        "practice", "practices",  # the noun: good practice (only the verb is "practise")
        "licensed", "licensing",  # British verb forms: a licensed premises
        "program", "programs",  # a computer program
        "disk", "disks",  # a computer disk
        "draft", "drafts",  # a first draft ("draught" is a breeze)
        "ton", "tons",  # the imperial ton; "tons of homework"
        "install", "installs",  # "instal" is rare in modern British English
        "filter", "filters",  # breame gives "philtre", a potion
        "groin", "groins",  # the body part ("groyne" is a sea wall)
        "bevy", "bevies",  # a group ("bevvy" is a drink)
        "biased", "biasing",
        # breame's British forms that modern British English no longer uses.
        "connection", "connections", "inflection", "inflections",
        "gram", "grams", "kilogram", "kilograms", "milligram", "milligrams",
        "centigram", "centigrams", "medieval", "almanac", "almanacs",
        "banister", "banisters", "griffin", "griffins", "gypsies", "gluing",
        "siphon", "siphons", "siphoned", "siphoning", "pizzazz",
        # Slips in breame's data (they map to a different word form).
        "pummel", "pummeled", "tranquility", "snowplow",
    }
)  # fmt: skip


def british_spelling(word: str) -> str:
    """The British spelling of one word, in the same case; other words unchanged."""
    base, apostrophe, suffix = word.partition("'")
    parts = [_british_part(part) for part in base.split("-")]
    return "-".join(parts) + apostrophe + suffix


def _british_part(word: str) -> str:
    lower = word.lower()
    if not word or lower in _KEEP or not american_spelling_exists(lower):
        return word
    return _same_case(word, get_british_spelling(lower))


def _same_case(original: str, replacement: str) -> str:
    if original.islower():
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper() and original[1:].islower():
        return replacement[0].upper() + replacement[1:]
    return original  # mixed case (a name or brand such as "iColor"): leave it


def to_british(tokens: Sequence[str | Mark]) -> list[str | Mark]:
    """British spellings for the words among the tokens; marks are kept."""
    return [british_spelling(t) if isinstance(t, str) else t for t in tokens]


# A word as it sits in running text: letters, with inner hyphens or apostrophes.
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")


def british_text(text: str) -> str:
    """``text`` with every word in British spelling; spaces and punctuation as they were.

    For text an engine has already punctuated (live captions), where the
    dictation rules are not wanted: "The vapor cools, color fades." ->
    "The vapour cools, colour fades."
    """

    def british(match: re.Match) -> str:
        word = match.group(0)
        base, apostrophe, suffix = word.partition("\u2019")  # a curly apostrophe stays curly
        return british_spelling(base) + apostrophe + suffix

    return _WORD.sub(british, text)
