"""Pure text rules the lesson view and the Word export apply: ALL CAPS and key-word matching.

No Qt here, so the rules are table-tested on their own.

ALL CAPS rule (used when a profile suppresses capitals, because a run of
capitals has no word shapes and is hard to read):

- a *capital run* is one or more words, each all upper-case letters, separated
  only by spaces (a single-letter word such as "A" or "I" may be part of a run);
- a run of two or more words of which at least one has two or more letters, or
  a single word of five or more letters, is shown in sentence case: lower case,
  but a capital where a sentence starts (the start of the text, or after a
  full stop, question or exclamation mark or colon, with no word between) and
  for the word "I"
  ("STOP AND THINK" -> "Stop and think", "This is IMPORTANT" -> "This is
  important", "YES I CAN" -> "Yes I can"). Given the text before it in its
  paragraph (``before``: the spans before a bold one), a run in the middle of
  a sentence is not given a capital;
- a single word of two to four letters is left alone, because it is most
  likely an acronym (SEN, DNA, BBC, UK), and words with digits (KS2) never
  match.

The replacement has the same length as the original, so positions in a
document stay valid when the view swaps one for the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

_CAPS_WORD = r"[A-Z][A-Z'\u2019]*(?![\w])"
_CAPS_RUN = re.compile(rf"(?<![\w])({_CAPS_WORD}(?: +{_CAPS_WORD})*)")
_MIN_SINGLE_WORD = 5
_SENTENCE_ENDS = ".!?:"
_PRONOUN_I = re.compile(r"(?<![\w'\u2019])i(?=$|[ '\u2019])")  # "i", "i'm", "i'll"


def capital_runs(text: str, before: str = "") -> list[tuple[int, str]]:
    """Where ``text`` has runs of capitals to show in sentence case.

    ``before`` is the text before ``text`` in its paragraph, if any. Returns
    ``(start, replacement)`` pairs; each replacement is as long as the run it
    replaces.
    """
    found: list[tuple[int, str]] = []
    for match in _CAPS_RUN.finditer(text):
        run = match.group(1)
        words = run.split()
        letters = [sum(c.isalpha() for c in w) for w in words]
        if len(words) == 1 and letters[0] < _MIN_SINGLE_WORD:
            continue
        if len(words) > 1 and max(letters) < 2:
            continue  # "A I" is not a shouted phrase
        found.append((match.start(1), _sentence_case(run, _starts_sentence(
            before + text[:match.start(1)]))))
    return found


def _starts_sentence(preceding: str) -> bool:
    """Whether text after ``preceding`` starts a sentence: no word since the last
    full stop, question or exclamation mark or colon (an emoji, a quotation mark
    or a bracket before it is not a word)."""
    last = max(preceding.rfind(mark) for mark in _SENTENCE_ENDS)
    return not any(ch.isalnum() for ch in preceding[last + 1:])


def _sentence_case(run: str, starts_sentence: bool) -> str:
    """``run`` in lower case but for a sentence's first letter and the word "I"."""
    cased = _PRONOUN_I.sub(lambda found: found.group().upper(), run.lower())
    return cased[0].upper() + cased[1:] if starts_sentence else cased


def vocabulary_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that finds the key words as whole words, any case.

    Simple plurals ("-s", "-es") count as the word. Longer words are tried
    first so "water vapour" wins over "water".
    """
    cleaned = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in cleaned)
    return re.compile(rf"(?<![\w])({alternatives})(?:e?s)?(?![\w])", re.IGNORECASE)


def vocabulary_matches(
    text: str, pattern: re.Pattern[str] | None, words: Iterable[str]
) -> list[tuple[int, int, str]]:
    """``(start, end, key word)`` for every key word found in ``text``.

    ``words`` gives the key words as written in the lesson, so the match can
    be traced back to its definition whatever its case in the text.
    """
    if pattern is None:
        return []
    by_lower = {" ".join(w.lower().split()): w for w in words}
    found = []
    for match in pattern.finditer(text):
        key = " ".join(match.group(1).lower().split())
        found.append((match.start(), match.end(), by_lower.get(key, match.group(1))))
    return found


def marked_pieces(
    spans: Iterable, pattern: re.Pattern[str] | None, words: Iterable[str], *,
    suppress_caps: bool, vocab: bool = True, clean: Callable[[str], str] = lambda text: text,
) -> Iterator[tuple[str, object, bool]]:
    """A paragraph's spans as ``(text, span, key word?)`` pieces, for the Word and slide writers.

    Each span's text is ``clean``-ed (what the format cannot hold left out),
    its line breaks become spaces, its blocks of capitals are in sentence case
    in the context of the paragraph so far (with ``suppress_caps``), and each
    key word (with ``vocab``) is a piece of its own. Empty pieces are left out.
    """
    said = ""  # the paragraph so far: a run of capitals after it may be mid-sentence
    words = list(words)
    for span in spans:
        text = clean(span.text).replace("\n", " ")
        if suppress_caps:
            for start, sentence in capital_runs(text, said):
                text = text[:start] + sentence + text[start + len(sentence):]
        said += text
        done = 0
        for start, end, _word in vocabulary_matches(text, pattern, words) if vocab else []:
            yield from ((piece, span, key) for piece, key in
                        ((text[done:start], False), (text[start:end], True)) if piece)
            done = end
        if text[done:]:
            yield text[done:], span, False
