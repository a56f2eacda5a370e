"""Speak as I type: which words to say when a pupil types a character.

Hearing each word as it is finished, or each sentence, helps a pupil with
dyslexia notice a word that is not the one they meant ("form" for "from"),
as in the "speak as you type" of classroom literacy software. The pupil's
text and the character just typed go in; what to say comes out ("" for
nothing). Pure text rules: the app speaks the result through read aloud.

* ``WORDS``: a word is said when the space, Enter or mark after it is typed
  ("cats " says "cats"; "don't" and "well-known" are whole words).
* ``SENTENCES``: a sentence is said when its full stop, question mark or
  exclamation mark is typed.
* ``BOTH``: words, and a sentence in place of its last word.

A mark typed after another ("?!", "...") says nothing more.
"""

from __future__ import annotations

OFF, WORDS, SENTENCES, BOTH = "off", "words", "sentences", "words and sentences"
MODES = (OFF, WORDS, SENTENCES, BOTH)

_SENTENCE_ENDS = ".!?"
# Typed after a word, these finish it; apostrophes and hyphens are inside words.
_WORD_ENDS = _SENTENCE_ENDS + ",;:)]}\"”"


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "'’-"


def echo_for(before: str, typed: str, mode: str) -> str:
    """What to say now that ``typed`` has been typed; ``before`` is the pupil's text up
    to the caret, ending with ``typed``."""
    if mode not in MODES or mode == OFF or not typed or not before.endswith(typed):
        return ""
    if not (typed.isspace() or typed in _WORD_ENDS):
        return ""
    text = before[: len(before) - len(typed)]
    if not text or not _in_word(text[-1]):
        return ""  # a mark after a mark, or a space after a space
    if typed in _SENTENCE_ENDS and mode in (SENTENCES, BOTH):
        return _last_sentence(text) + typed
    if mode in (WORDS, BOTH):
        return _last_word(text)
    return ""


def _last_word(text: str) -> str:
    start = len(text)
    while start and _in_word(text[start - 1]):
        start -= 1
    return text[start:].strip("'’-")


def _last_sentence(text: str) -> str:
    start = max(text.rfind(end) for end in _SENTENCE_ENDS + "\n")
    return " ".join(text[start + 1:].split())
