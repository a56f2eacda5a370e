"""Lines of text on a slide: measuring text, wrapping it into lines, cutting it between them.

PowerPoint wraps a paragraph at spaces, as wide as its box allows; this
wraps it the same way with a :class:`Measure` of the profile's font that the
caller gives (app/pptx_export.py measures with Qt), or without one with
:class:`EstimatedMeasure`, which guesses from the number of characters. The
layout (lessons/lesson_pptx_layout.py) uses the lines to know how tall a
paragraph is and where to cut one that runs on to the next slide.
No Qt, and no python-pptx, here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from lessons.profile import Profile

# The average width of running text in em, spaces included, when nothing measured
# the font: a little wider than the Word export's 0.5, as slides have no margin to spare.
ESTIMATED_CHAR_EM = 0.55
NATURAL_LINE = 1.2  # PowerPoint's single line spacing for most fonts, times the size
_SPACES = re.compile(r"( +)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]* ")


class Measure(Protocol):
    """The width of text in the profile's font, letter and word spacing included."""

    line_ratio: float  # the font's single line spacing, times its size

    def width(self, text: str, size_pt: float, bold: bool) -> float:
        """Width of ``text`` at ``size_pt`` points, bold or not, in points."""


@dataclass(frozen=True)
class EstimatedMeasure:
    """Widths guessed from the number of characters (no font at hand)."""

    profile: Profile
    line_ratio: float = NATURAL_LINE

    def width(self, text: str, size_pt: float, bold: bool) -> float:
        em = ESTIMATED_CHAR_EM * (1.06 if bold else 1.0) + self.profile.letter_spacing_em
        return size_pt * (len(text) * em + text.count(" ") * self.profile.word_spacing_em)


@dataclass(frozen=True)
class Run:
    """Text in one style, capitals rule already applied."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    key_word: bool = False


def line_starts(runs: Sequence[Run], width: float, size: float, measure: Measure,
                bold: bool = False) -> list[int]:
    """Where each line starts (offsets in the runs' text) when wrapped to ``width`` points."""
    words: list[tuple[int, float, float]] = []  # start, width, width of the spaces after it
    offset, start, word_width = 0, None, 0.0
    for run in runs:
        heavy = bold or run.bold or run.key_word
        for piece in _SPACES.split(run.text):
            if not piece:
                continue
            if piece[0] == " ":
                if start is not None:
                    words.append((start, word_width, measure.width(piece, size, heavy)))
                    start, word_width = None, 0.0
            else:
                start = offset if start is None else start
                word_width += measure.width(piece, size, heavy)
            offset += len(piece)
    if start is not None:
        words.append((start, word_width, 0.0))
    starts, line, space = [0], 0.0, 0.0
    for index, (begin, wide, after) in enumerate(words):
        if line > 0 and line + space + wide > width:
            starts.append(begin)
            line = 0.0
        if line == 0 and wide > width:  # a word longer than the line breaks inside itself
            end = words[index + 1][0] if index + 1 < len(words) else offset
            pieces = math.ceil(wide / width)
            starts.extend(begin + (end - begin) * k // pieces for k in range(1, pieces))
            wide -= (pieces - 1) * width
        line += (space if line else 0.0) + wide
        space = after
    return [s for i, s in enumerate(starts) if i == 0 or s > starts[i - 1]]


def split_runs(runs: Sequence[Run], offset: int) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """``runs`` cut at ``offset``: the part before (its end trimmed) and the part after."""
    before: list[Run] = []
    after: list[Run] = []
    done = 0
    for run in runs:
        end = done + len(run.text)
        if end <= offset:
            before.append(run)
        elif done >= offset:
            after.append(run)
        else:
            before.append(replace(run, text=run.text[:offset - done]))
            after.append(replace(run, text=run.text[offset - done:]))
        done = end
    while before and not before[-1].text.rstrip():
        before.pop()
    if before:
        before[-1] = replace(before[-1], text=before[-1].text.rstrip())
    return tuple(before), tuple(r for r in after if r.text)


def cut_at_sentence(text: str, starts: Sequence[int], fit: int) -> int:
    """Where to cut a paragraph of which ``fit`` lines fit: after the last sentence that
    ends in them, or (when none does past the first line) where the next line starts."""
    end = starts[min(fit, len(starts) - 1)]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, end + 1)]
    late = [e for e in ends if e > starts[min(1, len(starts) - 1)]]
    return late[-1] if late else end
