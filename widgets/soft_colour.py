"""A softer shade of a text colour that is still easy to read on its background.

Used for words still being heard (captions, dictation) and quiet notices
such as "Listening…": lighter than the settled text, so the two can be told
apart, yet never below the WCAG AA ratio of 4.5:1, and never the only cue.
"""

from __future__ import annotations

from lessons.contrast import AA_NORMAL, blend, contrast_ratio

SOFTEST = 0.6  # how far towards the background a shade may go (share of the text colour)


def soft_colour(text: str, background: str, minimum: float = AA_NORMAL) -> str:
    """``text`` blended towards ``background``, as soft as ``minimum`` contrast allows.

    Both are ``#rrggbb``. When the pair itself is below ``minimum`` the text
    colour comes back unchanged: softening it would only make it worse.
    """
    steps = 20
    for step in range(steps + 1):
        share = SOFTEST + (1 - SOFTEST) * step / steps
        shade = blend(background, text, share)
        if contrast_ratio(shade, background) >= minimum:
            return shade
    return text
