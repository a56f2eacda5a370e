"""The guidance behind a profile, in words that stay true when a teacher changes it.

Each built-in preset carries a note of the guidance it follows ("Follows the
British Dyslexia Association's Dyslexia Style Guide: …"). A teacher's own
profile is saved with the note of the preset it was made from, but once its
settings change the note may no longer describe it (white text in a serif
font is not "dark text on a cream background, sans-serif"). So a teacher's
profile is described as what it started from and what has changed since,
found by comparing it with that preset (the one whose note it carries).
No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable

from lessons.presets import first_sentence
from lessons.profile import Profile
from lessons.profile_diff import profile_changes

#: How many changed settings are named before "and N more".
NAMED_CHANGES = 4


def guidance_words(profile: Profile, presets: Iterable[Profile]) -> str:
    """A few sentences on the guidance behind ``profile``, for its tooltip and the editor."""
    if profile.builtin:
        return profile.guidance.strip()
    note = " ".join(profile.guidance.split())
    start = next((p for p in presets if p.builtin and note and
                  " ".join(p.guidance.split()) == note), None)
    if start is None:
        return note or "Your own profile: no guidance note comes with it."
    changes = profile_changes(start, profile)
    if not changes:
        return f"The same settings as the {start.name} preset. {start.guidance.strip()}"
    labels = [change.label.lower() for change in changes]
    named = ", ".join(labels[:NAMED_CHANGES])
    more = len(labels) - NAMED_CHANGES
    if more > 0:
        named += f" and {more} more"
    return (f"Made from the {start.name} preset, then changed: {named}. Check these "
            f"changes against the preset's guidance: {first_sentence(start.guidance)}")
