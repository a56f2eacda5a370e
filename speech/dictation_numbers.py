"""Spoken numbers to digits (an option, off by default).

"twenty five" -> 25, "three hundred and five" -> 305, "one thousand two
hundred" -> 1200, "a hundred" -> 100, "twenty-five" -> 25.

Choices, so a teacher can predict the result:

- "one" on its own stays a word, because it is far more often a pronoun than a
  count: "one of them", "no one", "this one", "one day". Inside a bigger
  number it counts ("twenty one" -> 21, "one hundred" -> 100).
- "and" joins only after "hundred", "thousand", "million" or "billion", as in
  British speech; "five and six" stays "5 and 6".
- Two numbers said one after another stay two numbers: "twenty twenty" ->
  "20 20", "one two three" -> "one 2 3". Years ("nineteen eighty four"),
  ordinals ("twenty first") and decimals ("three point five") are left alone.
- Digits are written without thousands separators (1200, 1000000).
"""

from __future__ import annotations

from collections.abc import Sequence

from speech.dictation_commands import Mark

_ZEROS = frozenset({"zero", "nought"})
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_VALUES = {**_UNITS, **_TEENS, **_TENS}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# What may come next, by the kind of the word just read.
_STARTS = {"unit", "teen", "tens"}
_MAY_FOLLOW = {
    None: {"unit", "teen", "tens"},
    "unit": {"hundred", "scale"},
    "teen": {"hundred", "scale"},
    "tens": {"unit", "hundred", "scale"},
    "hundred": {"unit", "teen", "tens", "scale", "and"},
    "scale": {"unit", "teen", "tens", "and"},
    "and": {"unit", "teen", "tens"},
}


def _kind(word: str) -> str | None:
    word = word.lower()
    if word in _UNITS:
        return "unit"
    if word in _TEENS:
        return "teen"
    if word in _TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in _SCALES:
        return "scale"
    if word == "and":
        return "and"
    return None


def read_number(words: Sequence[str], start: int) -> tuple[int, int] | None:
    """The number spoken from words[start], and the index just after it; None if none."""
    if start >= len(words):
        return None
    first = words[start].lower()
    if first in _ZEROS:
        return 0, start + 1
    total, group, last, last_scale = 0, 0, None, None
    index, end = start, start
    # Where the part after the last "hundred", scale word or "and" began, with
    # the value so far: if a second "hundred" or a repeated scale word follows,
    # that part starts the next number ("three hundred | two hundred").
    part_start: tuple[int, int, int] | None = None
    if first == "a" and start + 1 < len(words) and _kind(words[start + 1]) in ("hundred", "scale"):
        group, last, index = 1, "unit", start + 1  # "a hundred" is one hundred
    while index < len(words):
        word = words[index].lower()
        kind = _kind(word)
        if kind not in _MAY_FOLLOW[last]:
            break
        if kind == "and" or (kind in _STARTS and last in ("hundred", "scale")):
            part_start = (index, total, group)
        if kind == "and":
            following = _kind(words[index + 1]) if index + 1 < len(words) else None
            if following not in _STARTS:
                break  # "three hundred and" then no number: "and" is an ordinary word
        elif kind == "hundred":
            if group >= 100:
                end, total, group = part_start or (end, total, group)
                break
            group *= 100
        elif kind == "scale":
            scale = _SCALES[word]
            if last_scale is not None and scale >= last_scale:
                end, total, group = part_start or (end, total, group)
                break
            total, group, last_scale = total + group * scale, 0, scale
        else:
            group += _VALUES[word]
        last = kind
        index += 1
        if kind != "and":
            end = index
    if end == start:
        return None
    return total + group, end


def numbers_to_digits(tokens: Sequence[str | Mark]) -> list[str | Mark]:
    """Replace spoken numbers among the words with digits; marks are kept as they are."""
    words = _expand_hyphenated_numbers(tokens)
    result: list[str | Mark] = []
    index = 0
    while index < len(words):
        token = words[index]
        found = _number_at(words, index)
        if found is None:
            result.append(token)
            index += 1
            continue
        value, end = found
        result.append(str(value))
        index = end
    return result


def _number_at(tokens: Sequence[str | Mark], index: int) -> tuple[int, int] | None:
    run: list[str] = []
    for token in tokens[index:]:
        if not isinstance(token, str):
            break  # a number never runs across a comma or other mark
        run.append(token)
    found = read_number(run, 0) if run else None
    if found is None:
        return None
    value, length = found
    if length == 1 and run[0].lower() == "one":
        return None  # "one of them", "no one": see the module notes
    return value, index + length


def _expand_hyphenated_numbers(tokens: Sequence[str | Mark]) -> list[str | Mark]:
    """Split "twenty-five" into "twenty", "five", but only when the parts make one number."""
    result: list[str | Mark] = []
    for token in tokens:
        parts = token.split("-") if isinstance(token, str) else []
        found = read_number(parts, 0) if len(parts) > 1 else None
        if found is not None and found[1] == len(parts):
            result.extend(parts)
        else:
            result.append(token)
    return result
