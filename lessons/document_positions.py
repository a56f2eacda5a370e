"""Python text against a Qt text document's positions, which count UTF-16 code units.

A character beyond U+FFFF (most emoji: 🌱, 🌍, 📖) is one character in a
Python string but two positions in a QTextDocument, so an index found in
the text lands one place early in the document for every such character
before it. :func:`one_per_position` makes a string whose index ``i`` is
document position ``i``; :func:`readable` turns such a string back into the
text, and :func:`position_length` is how many positions a piece of text
takes. No Qt here: the rule is plain arithmetic.
"""

from __future__ import annotations

import re

#: What follows a character beyond U+FFFF in :func:`one_per_position`: the object
#: replacement character, which read aloud reads as a space and no text rule
#: takes for a letter, a space or a mark.
SECOND_HALF = "\ufffc"
_BEYOND_FFFF = re.compile("[\U00010000-\U0010FFFF]")


def one_per_position(text: str) -> str:
    """``text`` with each character beyond U+FFFF followed by :data:`SECOND_HALF`."""
    return _BEYOND_FFFF.sub(lambda found: found.group() + SECOND_HALF, text)


def readable(positions: str) -> str:
    """The text of a string made by :func:`one_per_position` (or a slice of one)."""
    return positions.replace(SECOND_HALF, "")


def position_length(text: str) -> int:
    """How many document positions ``text`` takes (an emoji takes two)."""
    return len(text) + len(_BEYOND_FFFF.findall(text))
