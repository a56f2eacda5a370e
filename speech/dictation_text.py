"""Reading a recogniser's text into words and marks, and cleaning Whisper's text.

Vosk gives plain lower-case words. Whisper punctuates and capitalises on its
own, and when a pupil speaks a command it often splits it with its own marks:
"question, Mark?", "Full stop.", "new. Paragraph", "exclamation. Mark!". In
dictation mode the pupil's commands decide the punctuation, so
``normalise_engine_text`` removes the engine's marks and sentence capitals and
writes each command the way the command list spells it.

What a word keeps: apostrophes inside it (don't, Sam's, pupils'), hyphens
inside it (well-known), and dots, commas and colons between digits (3.5, 1,200,
9:30). Dots between letters are dropped, as British plain-English style writes
abbreviations (eg, UK, BBC).
"""

from __future__ import annotations

from speech.dictation_commands import (
    Mark,
    canonical_words,
    match_command,
    split_command_hyphens,
)

# The pronoun "I" and its contractions are always written with a capital.
I_WORDS = {"i": "I", "i'm": "I'm", "i've": "I've", "i'll": "I'll", "i'd": "I'd"}

_MARK_CHARS = {
    ".": Mark.FULL_STOP,
    ",": Mark.COMMA,
    "?": Mark.QUESTION_MARK,
    "!": Mark.EXCLAMATION_MARK,
    ":": Mark.COLON,
    ";": Mark.SEMICOLON,
    "(": Mark.OPEN_BRACKET,
    "[": Mark.OPEN_BRACKET,
    ")": Mark.CLOSE_BRACKET,
    "]": Mark.CLOSE_BRACKET,
    "\u201c": Mark.OPEN_QUOTE,
    "\u201d": Mark.CLOSE_QUOTE,
}

# Symbols that belong to the word they touch: £5, 50%, R&B, 24/7.
_WORD_SYMBOLS = frozenset("£$€%&+=/@#°")
_APOSTROPHES = frozenset("'\u2019")
# After these the engine writes a capital of its own choosing ("She said, "Hello."").
_CAPITAL_AFTER = frozenset(
    {Mark.FULL_STOP, Mark.QUESTION_MARK, Mark.EXCLAMATION_MARK, Mark.OPEN_QUOTE}
)


def scan_text(text: str) -> list[str | Mark]:
    """Split text into words and marks, in order ("Hi, Sam." -> Hi , Sam .)."""
    tokens: list[str | Mark] = []
    word: list[str] = []
    in_abbreviation = False
    for index, char in enumerate(text):
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char.isalnum() or char in _WORD_SYMBOLS:
            word.append(char)
        elif char in _APOSTROPHES and _apostrophe_in_word(before, after):
            word.append("'")
        elif char == "-" and before.isalnum() and after.isalnum():
            word.append(char)
        elif char in ".,:" and before.isdigit() and after.isdigit():
            word.append(char)
        elif char == "." and before.isalpha() and (after.isalpha() or in_abbreviation):
            in_abbreviation = True  # U.K. -> UK: the dots are not sentence ends
        else:
            if word:
                tokens.append("".join(word))
            word, in_abbreviation = [], False
            mark = _mark_for(char, before)
            if mark is not None:
                tokens.append(mark)
    if word:
        tokens.append("".join(word))
    return tokens


def _apostrophe_in_word(before: str, after: str) -> bool:
    # don't, 1990's; and the plural possessive: the pupils' books.
    return (before.isalnum() and after.isalpha()) or (before in ("s", "S") and not after.isalnum())


def _mark_for(char: str, before: str) -> Mark | None:
    if char == '"':
        # A straight quote opens when it starts a word, and closes otherwise.
        opens = before == "" or before.isspace() or before in "([\u201c"
        return Mark.OPEN_QUOTE if opens else Mark.CLOSE_QUOTE
    return _MARK_CHARS.get(char)


def normalise_engine_text(text: str) -> str:
    """Words only: the engine's own marks and sentence capitals removed, commands mended.

    "Question, Mark?" -> "question mark"; "I like cats. Full stop." ->
    "I like cats full stop"; "new. Paragraph" -> "new paragraph". Capitals in
    the middle of the engine's sentences (names such as London, or BBC) are
    kept, because they are not the engine's punctuation; "I" stays "I".
    """
    words: list[str] = []
    sentence_start = True
    for token in scan_text(text):
        if isinstance(token, Mark):
            sentence_start = sentence_start or token in _CAPITAL_AFTER
            continue
        words.append(_uncapitalise(token) if sentence_start else token)
        sentence_start = False
    return " ".join(_mend_commands(words))


def _uncapitalise(word: str) -> str:
    """Undo a sentence capital the engine chose; keep "I" and acronyms such as UK."""
    if word.lower() in I_WORDS or (len(word) > 1 and word.isupper()):
        return word
    return word.lower()


def _mend_commands(words: list[str]) -> list[str]:
    """Write every command in the command list's spelling: "Full-Stop" -> "full stop"."""
    words = split_command_hyphens(words)
    mended: list[str] = []
    index = 0
    while index < len(words):
        found = match_command(words, index)
        if found is None:
            mended.append(words[index])
            index += 1
            continue
        length = found[1]
        mended.extend(canonical_words(words[index : index + length]))
        index += length
    return mended
