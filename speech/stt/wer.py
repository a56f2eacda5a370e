"""Word error rate, with the normalisation that makes engines comparable.

Engines differ in form, not substance: Whisper writes "Page 12." where Vosk
writes "page twelve", and either may spell "colour" the American way. Before
counting errors both texts are lower-cased, stripped of punctuation, folded
to British spelling and have number words turned into digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES)

# Letters, digits and in-word apostrophes survive; everything else is a gap.
_NOT_WORD = re.compile(r"[^\w']+|_")


def normalise_words(text: str) -> list[str]:
    """``text`` as a list of comparable words (see the module docstring)."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 -> 1000
    words = [w.strip("'").replace("'", "") for w in _NOT_WORD.split(text)]
    words = [_british(w) for w in words if w]
    return _fold_numbers(words)


def _british(word: str) -> str:
    from breame.spelling import american_spelling_exists, get_british_spelling

    return get_british_spelling(word) if american_spelling_exists(word) else word


def _fold_numbers(words: list[str]) -> list[str]:
    """Replace runs of number words ("twenty one") by digits ("21")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        # "oh" alone is usually the interjection; only fold it inside a number.
        if words[i] in _NUMBER_WORDS and words[i] != "oh":
            j, value = _read_number(words, i)
            out.append(str(value))
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


def _read_number(words: list[str], i: int) -> tuple[int, int]:
    """Parse the number starting at ``words[i]``; return (index after it, value)."""
    total, current = 0, 0
    last = None  # kind of the last word read: "unit", "ten" or "scale"
    while i < len(words):
        word = words[i]
        if word in _UNITS and last not in ("unit",):
            if last == "ten" and _UNITS[word] >= 10:
                break  # "twenty twelve" is two numbers
            current += _UNITS[word]
            last = "unit"
        elif word in _TENS and last not in ("unit", "ten"):
            current += _TENS[word]
            last = "ten"
        elif word in _SCALES and last in ("unit", "ten"):
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last = "scale"
        elif word == "and" and last == "scale" and i + 1 < len(words) and (
            words[i + 1] in _UNITS or words[i + 1] in _TENS
        ):
            pass  # "one hundred and five"
        else:
            break
        i += 1
    return i, total + current


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Fewest substitutions, insertions and deletions turning one list into the other."""
    previous = list(range(len(hypothesis) + 1))
    for r, ref_word in enumerate(reference, start=1):
        current = [r] + [0] * len(hypothesis)
        for h, hyp_word in enumerate(hypothesis, start=1):
            current[h] = min(
                previous[h] + 1,
                current[h - 1] + 1,
                previous[h - 1] + (ref_word != hyp_word),
            )
        previous = current
    return previous[-1]


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference word count) after normalising both texts."""
    ref = normalise_words(reference)
    hyp = normalise_words(hypothesis)
    return edit_distance(ref, hyp), len(ref)


def word_error_rate(references: Sequence[str] | str, hypotheses: Sequence[str] | str) -> float:
    """Word error rate (0.0 = perfect) over paired texts, pooled over all words.

    With several pairs, errors and reference words are summed before dividing,
    so long sentences count for more, as in every standard WER tool.
    """
    if isinstance(references, str):
        references, hypotheses = [references], [hypotheses]  # type: ignore[list-item]
    if len(references) != len(hypotheses):
        raise ValueError("references and hypotheses must pair up")
    errors = words = 0
    for ref, hyp in zip(references, hypotheses, strict=True):
        e, n = word_errors(ref, hyp)
        errors += e
        words += n
    if words == 0:
        return 0.0 if errors == 0 else 1.0
    return errors / words
