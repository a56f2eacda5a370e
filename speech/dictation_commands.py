"""The spoken commands of dictation: what a pupil can say, and how it is read.

A command is matched on whole words only ("fuller stoppage", "periodic" and
"comma-separated" stay words). Three small rules keep ordinary sentences safe:

- After "a", "an", "the", "my", "your", "our", "their" or "its" a punctuation
  command is read as words, because the pupil is talking about the mark, not
  asking for it: "find a quote", "add a full stop", "start a new paragraph".
- "period" is a command only where a phrase ends or just before another
  command, because in English schools "period three" is a lesson.
- "quote" is the verb, not speech marks, after "to", a modal verb ("can",
  "will", "should" …) or "please", and before "me", "us", "him" or "them":
  "you can quote me on that", "try to quote the poem". An "unquote" later in
  the phrase (with no other "quote" first) makes it the command whatever
  comes before.
- While speech marks are open (in the phrase or the text before it), a bare
  "quote" closes them, unless it is said as a verb ("you can quote me"):
  Whisper often hears a spoken "unquote" as "quote", the weak "un" lost, and
  a pupil never nests speech marks inside speech marks.
- "common" is Whisper's usual mishearing of a spoken "comma". Reading it as a
  comma is opt-in and only for the last word of a phrase: "a common mistake"
  is never touched, but a sentence that really ends in "common" would be.

The editing commands ("scratch that", "delete that", "undo that") work only as
a whole phrase, so "the cat will scratch that" stays a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Mark(Enum):
    """A punctuation or layout mark; its value is the text it puts in."""

    FULL_STOP = "."
    COMMA = ","
    QUESTION_MARK = "?"
    EXCLAMATION_MARK = "!"
    COLON = ":"
    SEMICOLON = ";"
    NEW_LINE = "\n"
    NEW_PARAGRAPH = "\n\n"
    OPEN_BRACKET = "("
    CLOSE_BRACKET = ")"
    OPEN_QUOTE = "\u201c"  # “
    CLOSE_QUOTE = "\u201d"  # ”


class Edit(Enum):
    """An editing command: it changes the document instead of adding text."""

    SCRATCH = "scratch"
    UNDO = "undo"


@dataclass(frozen=True)
class CommandPhrase:
    """One spoken command as the app lists it to the pupil."""

    phrase: str
    description: str


COMMAND_PHRASES: tuple[CommandPhrase, ...] = (
    CommandPhrase("full stop", "puts a full stop (.) and starts a new sentence"),
    CommandPhrase("comma", "puts a comma (,)"),
    CommandPhrase("question mark", "puts a question mark (?) and starts a new sentence"),
    CommandPhrase("exclamation mark", "puts an exclamation mark (!) and starts a new sentence"),
    CommandPhrase("exclamation point", "the same as exclamation mark"),
    CommandPhrase("colon", "puts a colon (:)"),
    CommandPhrase("semicolon", "puts a semicolon (;)"),
    CommandPhrase("new line", "starts a new line"),
    CommandPhrase("new paragraph", "leaves a blank line and starts a new sentence"),
    CommandPhrase("open bracket", "opens a bracket: ("),
    CommandPhrase("close bracket", "closes a bracket: )"),
    CommandPhrase("quote", "opens speech marks: \u201c"),
    CommandPhrase("unquote", "closes speech marks: \u201d"),
    CommandPhrase("open quote", "the same as quote"),
    CommandPhrase("close quote", "the same as unquote (or end quote)"),
    CommandPhrase("period", "the same as full stop, at the end of what you say"),
    CommandPhrase("scratch that", "removes the last thing you said (say it on its own)"),
    CommandPhrase("delete that", "the same as scratch that"),
    CommandPhrase("undo that", "undoes the last change, even a scratch that (say it on its own)"),
)

# Spoken words -> mark. The listed phrases, plus spellings an engine may write
# for them ("fullstop", "semi colon"); hyphenated ones are split before lookup.
_MARKS: dict[tuple[str, ...], Mark] = {
    ("full", "stop"): Mark.FULL_STOP,
    ("fullstop",): Mark.FULL_STOP,
    ("period",): Mark.FULL_STOP,
    ("comma",): Mark.COMMA,
    ("question", "mark"): Mark.QUESTION_MARK,
    ("exclamation", "mark"): Mark.EXCLAMATION_MARK,
    ("exclamation", "point"): Mark.EXCLAMATION_MARK,
    ("colon",): Mark.COLON,
    ("semicolon",): Mark.SEMICOLON,
    ("semi", "colon"): Mark.SEMICOLON,
    ("new", "line"): Mark.NEW_LINE,
    ("newline",): Mark.NEW_LINE,
    ("new", "paragraph"): Mark.NEW_PARAGRAPH,
    ("open", "bracket"): Mark.OPEN_BRACKET,
    ("close", "bracket"): Mark.CLOSE_BRACKET,
    ("quote",): Mark.OPEN_QUOTE,
    ("unquote",): Mark.CLOSE_QUOTE,
    # What other dictation software says.
    ("open", "quote"): Mark.OPEN_QUOTE,
    ("close", "quote"): Mark.CLOSE_QUOTE,
    ("end", "quote"): Mark.CLOSE_QUOTE,
    # What pupils in England are taught to call them. Not in the list on screen:
    # the built-in Whisper model, streaming, seldom hears them as said ("opens each
    # mark", "speech mark, semicolon"), and naming them in its prompt cost other words
    # (lesson-lab bench commands); a word-by-word model or a recording hears them.
    ("open", "speech", "marks"): Mark.OPEN_QUOTE,
    ("close", "speech", "marks"): Mark.CLOSE_QUOTE,
    ("open", "inverted", "commas"): Mark.OPEN_QUOTE,
    ("close", "inverted", "commas"): Mark.CLOSE_QUOTE,
    # Whisper's usual hearing of "open speech marks" said straight after a word.
    ("opens", "speech", "marks"): Mark.OPEN_QUOTE,
}

_EDITS: dict[tuple[str, ...], Edit] = {
    ("scratch", "that"): Edit.SCRATCH,
    ("delete", "that"): Edit.SCRATCH,
    ("undo", "that"): Edit.UNDO,
}

# Engine spellings of a command -> the words the command list uses.
_CANONICAL: dict[tuple[str, ...], tuple[str, ...]] = {
    ("fullstop",): ("full", "stop"),
    ("newline",): ("new", "line"),
    ("semi", "colon"): ("semicolon",),
    ("opens", "speech", "marks"): ("open", "speech", "marks"),
}

_LONGEST = max(len(key) for key in (*_MARKS, *_EDITS))

# Words after which a punctuation command is the name of the mark, not a request.
# Only words that can never end a sentence ("this", "that", "her" can).
_TALKING_ABOUT = frozenset({"a", "an", "the", "my", "your", "our", "their", "its"})

# Words before "quote" that make it the verb ("to quote", "can quote"), and
# words after it that do ("quote me"). Not "I", "you", "it" or "her": a
# quotation may start with them ("she said quote it is mine unquote").
_QUOTE_VERB_AFTER = frozenset({
    "to", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
    "please", "not", "don't", "didn't", "can't", "won't", "cannot",
})
_QUOTE_VERB_BEFORE = frozenset({"me", "us", "him", "them"})

# Commands that are common words mid-sentence; they count only at a phrase end.
_ONLY_AT_END = frozenset({("period",)})


def _key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


def split_command_hyphens(words: Sequence[str]) -> list[str]:
    """Split hyphenated spellings of a command ("Full-stop", "semi-colon") into words.

    Only a word whose parts together are a command is split, so "comma-separated"
    and "well-known" stay as they are.
    """
    result: list[str] = []
    for word in words:
        parts = word.split("-")
        if len(parts) > 1 and (_key(parts) in _MARKS or _key(parts) in _EDITS):
            result.extend(parts)
        else:
            result.append(word)
    return result


def match_command(words: Sequence[str], start: int) -> tuple[Mark | Edit, int] | None:
    """The longest command spelt by words[start:], with how many words it uses."""
    for length in range(min(_LONGEST, len(words) - start), 0, -1):
        key = _key(words[start : start + length])
        found = _MARKS.get(key) or _EDITS.get(key)
        if found is not None:
            return found, length
    return None


def canonical_words(words: Sequence[str]) -> list[str]:
    """A command's words in lower case, spelt as the command list spells them."""
    key = _key(words)
    return list(_CANONICAL.get(key, key))


def read_edits(words: Sequence[str]) -> list[Edit] | None:
    """The editing commands a phrase consists of, or None if it holds anything else.

    A phrase is an editing phrase only when every word belongs to an editing
    command ("scratch that", "scratch that scratch that").
    """
    words = split_command_hyphens(words)
    edits: list[Edit] = []
    index = 0
    while index < len(words):
        found = match_command(words, index)
        if found is None or not isinstance(found[0], Edit):
            return None
        edits.append(found[0])
        index += found[1]
    return edits or None


def read_commands(
    tokens: Sequence[str | Mark],
    *,
    final: bool = True,
    common_means_comma: bool = False,
    quote_open: bool = False,
) -> list[str | Mark]:
    """Turn spoken punctuation commands among the words into marks.

    ``final`` says the phrase has ended (so "period" and a trailing "common" may
    count); for partial text it is False. ``quote_open`` says the text before
    the phrase has speech marks still open. Marks already present are kept.
    """
    words_and_marks = _split_hyphens_in(tokens)
    if common_means_comma and final:
        words_and_marks = _last_common_as_comma(words_and_marks)
    result: list[str | Mark] = []
    index = 0
    while index < len(words_and_marks):
        token = words_and_marks[index]
        found = _command_at(words_and_marks, index, final=final, quote_open=quote_open)
        if found is None:
            result.append(token)
            index += 1
        else:
            token = found[0]
            result.append(token)
            index += found[1]
        if token is Mark.OPEN_QUOTE or token is Mark.CLOSE_QUOTE:
            quote_open = token is Mark.OPEN_QUOTE
    return result


def _split_hyphens_in(tokens: Sequence[str | Mark]) -> list[str | Mark]:
    result: list[str | Mark] = []
    for token in tokens:
        if isinstance(token, str):
            result.extend(split_command_hyphens([token]))
        else:
            result.append(token)
    return result


def _last_common_as_comma(tokens: list[str | Mark]) -> list[str | Mark]:
    if tokens and isinstance(tokens[-1], str) and tokens[-1].lower() == "common":
        return [*tokens[:-1], "comma"]
    return tokens


def _word_run(tokens: Sequence[str | Mark], start: int) -> list[str]:
    """The words from start up to the next mark (commands never span a mark)."""
    run: list[str] = []
    for token in tokens[start : start + _LONGEST]:
        if not isinstance(token, str):
            break
        run.append(token)
    return run


def _command_at(
    tokens: Sequence[str | Mark], index: int, *, final: bool, quote_open: bool = False
) -> tuple[Mark, int] | None:
    run = _word_run(tokens, index)
    found = match_command(run, 0) if run else None
    if found is None or not isinstance(found[0], Mark):
        return None
    mark, length = found
    previous = tokens[index - 1] if index > 0 else None
    if isinstance(previous, str) and previous.lower() in _TALKING_ABOUT:
        return None
    if _key(run[:length]) in _ONLY_AT_END and not _ends_here(tokens, index + length, final):
        return None
    if mark is Mark.OPEN_QUOTE and quote_open and _key(run[:length]) == ("quote",):
        # The unquote to come closes the marks already open, not this "quote".
        return None if _said_as_verb(tokens, index) else (Mark.CLOSE_QUOTE, length)
    if mark is Mark.OPEN_QUOTE and _quote_is_the_verb(tokens, index):
        return None
    return mark, length


def _quote_is_the_verb(tokens: Sequence[str | Mark], index: int) -> bool:
    """True when the "quote" at ``index`` is said as a verb ("you can quote me")."""
    return not _closed_later(tokens[index + 1 :]) and _said_as_verb(tokens, index)


def _said_as_verb(tokens: Sequence[str | Mark], index: int) -> bool:
    """True when the words either side make "quote" the verb ("to quote", "quote me")."""
    before = tokens[index - 1] if index > 0 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (isinstance(before, str) and before.lower() in _QUOTE_VERB_AFTER) or (
        isinstance(after, str) and after.lower() in _QUOTE_VERB_BEFORE
    )


def _closed_later(later: Sequence[str | Mark]) -> bool:
    """True when speech marks are closed later in the phrase before another "quote"."""
    for token in later:
        word = token.lower() if isinstance(token, str) else None
        if word == "quote" or token is Mark.OPEN_QUOTE:
            return False
        if word == "unquote" or token is Mark.CLOSE_QUOTE:
            return True
    return False


def _ends_here(tokens: Sequence[str | Mark], after: int, final: bool) -> bool:
    """True if the phrase ends at ``after``, or a mark or another command comes next."""
    if after >= len(tokens):
        return final
    if isinstance(tokens[after], Mark):
        return True
    return _command_at(tokens, after, final=final) is not None
