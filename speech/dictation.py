"""The dictation text rules: spoken commands, spacing, capitals, numbers, spelling.

Pure functions over text; no audio, no Qt, no engine. Each ``Final`` phrase
from a recogniser is one phrase here:

    state = DictationState()
    state = apply_phrase(state, "i think full stop", options)   # "I think."
    state = apply_phrase(state, "scratch that", options)        # ""
    state = apply_phrase(state, "undo that", options)           # "I think."
    shown = state.text + preview_phrase(partial_text, options, after=state.text)

A phrase becomes a piece of text appended to the document, so "scratch that"
removes the last piece and "undo that" returns to the state before the last
change. The spoken commands, and the small rules that keep ordinary sentences
safe ("a full stop", "period three"), are in ``speech.dictation_commands``;
Whisper's own punctuation is removed by ``normalise_engine_text``; numbers and
British spelling are in ``dictation_numbers`` and ``dictation_spelling``.

Layout rules: no space before , . ? ! : ; ) and closing speech marks; no space
after ( and opening speech marks; "new paragraph" always leaves exactly one
blank line; a capital starts the document, and each sentence after . ? ! or a
new paragraph. A closing speech mark does not end the sentence, because a
pupil's sentence usually goes on: “Help!” shouted Tom.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from enum import Enum

from speech.dictation_commands import (
    COMMAND_PHRASES,
    CommandPhrase,
    Edit,
    Mark,
    read_commands,
    read_edits,
)
from speech.dictation_numbers import numbers_to_digits
from speech.dictation_spelling import to_british
from speech.dictation_text import I_WORDS, normalise_engine_text, scan_text

__all__ = [
    "CLOSING_TEXT",
    "COMMAND_PHRASES",
    "Change",
    "CommandPhrase",
    "DictationOptions",
    "DictationState",
    "apply_phrase",
    "format_phrase",
    "normalise_engine_text",
    "preview_phrase",
    "space_before",
    "starts_sentence",
]


@dataclass(frozen=True)
class DictationOptions:
    """How dictated phrases are turned into text.

    commands: spoken commands ("full stop", "scratch that") are obeyed.
    numbers: spoken numbers become digits ("twenty five" -> 25).
    british: American spellings become British (color -> colour).
    engine_punctuates: the engine adds its own punctuation and capitals
        (Whisper). With commands on, those are removed so the pupil's commands
        decide; with commands off, the engine's punctuation is kept.
    common_means_comma: a phrase's last word "common" is read as "comma".
        Whisper often hears a spoken "comma" as "common"; turn this on only when
        the engine was steered towards the commands, because a sentence that
        really ends in "common" would then end in a comma instead.
    """

    commands: bool = True
    numbers: bool = False
    british: bool = True
    engine_punctuates: bool = False
    common_means_comma: bool = False


DEFAULT_OPTIONS = DictationOptions()


class Change(Enum):
    """What the last phrase did to the document, so the app can say so."""

    NONE = "none"
    ADDED = "added"
    SCRATCHED = "scratched"
    UNDONE = "undone"
    NOTHING_HEARD = "nothing heard"
    NOTHING_TO_SCRATCH = "nothing to scratch"
    NOTHING_TO_UNDO = "nothing to undo"


@dataclass(frozen=True)
class DictationState:
    """A dictated document: fixed starting text plus one piece per phrase.

    ``base`` is text the dictation started from (typed or loaded); "scratch
    that" never removes it. ``previous`` is the state before the last change,
    which is all "undo that" needs.
    """

    pieces: tuple[str, ...] = ()
    change: Change = Change.NONE
    base: str = ""
    previous: DictationState | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The whole document as it now reads."""
        return self.base + "".join(self.pieces)


def apply_phrase(
    state: DictationState, raw: str, options: DictationOptions = DEFAULT_OPTIONS
) -> DictationState:
    """The document after one finished phrase: text added, or an editing command obeyed."""
    edits = _edits(raw, options)
    if edits is None:
        piece = format_phrase(raw, options, after=state.text)
        if not piece:
            return replace(state, change=Change.NOTHING_HEARD)
        return DictationState(state.pieces + (piece,), Change.ADDED, state.base, state)
    for edit in edits:
        state = _apply_edit(state, edit)
    return state


def _apply_edit(state: DictationState, edit: Edit) -> DictationState:
    if edit is Edit.SCRATCH:
        if not state.pieces:
            return replace(state, change=Change.NOTHING_TO_SCRATCH)
        return DictationState(state.pieces[:-1], Change.SCRATCHED, state.base, state)
    if state.previous is None:
        return replace(state, change=Change.NOTHING_TO_UNDO)
    return replace(state.previous, change=Change.UNDONE)


def format_phrase(
    raw: str,
    options: DictationOptions = DEFAULT_OPTIONS,
    after: str = "",
    *,
    final: bool = True,
) -> str:
    """The text one phrase adds after the document ``after``, with its leading space.

    An editing command ("scratch that") adds no text, so it gives "". ``final``
    is False for text still being heard: then "period" and a last "common" are
    not yet read as commands, because the phrase may go on.
    """
    if _edits(raw, options) is not None:
        return ""
    piece = ""
    for token in _tokens(raw, options, final=final, quote_open=_quote_open(after)):
        piece += _render(token, after + piece)
    return piece


def preview_phrase(
    partial: str, options: DictationOptions = DEFAULT_OPTIONS, after: str = ""
) -> str:
    """How text still being heard will read after ``after``; nothing is committed."""
    return format_phrase(partial, options, after, final=False)


def _edits(raw: str, options: DictationOptions) -> list[Edit] | None:
    if not options.commands:
        return None
    return read_edits([token for token in scan_text(raw) if isinstance(token, str)])


def _quote_open(text: str) -> bool:
    """True when ``text`` ends inside speech marks (an opening one not yet closed)."""
    return text.rfind(Mark.OPEN_QUOTE.value) > text.rfind(Mark.CLOSE_QUOTE.value)


def _tokens(
    raw: str, options: DictationOptions, *, final: bool, quote_open: bool = False
) -> list[str | Mark]:
    if options.commands and options.engine_punctuates:
        raw = normalise_engine_text(raw)
    tokens = scan_text(raw)
    if options.commands:
        tokens = read_commands(tokens, final=final, common_means_comma=options.common_means_comma,
                               quote_open=quote_open)
    if options.numbers:
        tokens = numbers_to_digits(tokens)
    if options.british:
        tokens = to_british(tokens)
    return tokens


# Marks written straight after the text before them, with no space.
_CLOSING = frozenset(
    {
        Mark.FULL_STOP, Mark.COMMA, Mark.QUESTION_MARK, Mark.EXCLAMATION_MARK,
        Mark.COLON, Mark.SEMICOLON, Mark.CLOSE_BRACKET, Mark.CLOSE_QUOTE,
    }
)  # fmt: skip
#: What those marks write: a phrase starting with one sits against the word before it.
CLOSING_TEXT = tuple(sorted(mark.value for mark in _CLOSING))
_OPENERS = ("(", "[", Mark.OPEN_QUOTE.value)
# Skipped when looking back for a sentence end: "end. (Then" and "end.) Then".
_SEE_THROUGH = " \t([)" + Mark.OPEN_QUOTE.value


def _render(token: str | Mark, before: str) -> str:
    """One word or mark as text, given everything before it."""
    if isinstance(token, str):
        word = I_WORDS.get(token.lower(), token)
        if starts_sentence(before):
            word = word[:1].upper() + word[1:]
        return space_before(before) + word
    if token is Mark.NEW_LINE or token is Mark.NEW_PARAGRAPH:
        return _line_break(token, before)
    if token in _CLOSING:
        return token.value
    return space_before(before) + token.value


def space_before(before: str) -> str:
    """A space between words, except at the start, after a line break or an opener."""
    if not before or before[-1].isspace() or before.endswith(_OPENERS):
        return ""
    if before.endswith('"') and before.count('"') % 2 == 1:
        return ""  # a typed straight quote that opens
    return " "


def _line_break(mark: Mark, before: str) -> str:
    if not before.strip():
        return ""  # nothing to break yet: no blank lines at the top
    if mark is Mark.NEW_LINE:
        return "\n"
    trailing_newlines = len(before) - len(before.rstrip("\n"))
    return "\n" * max(0, 2 - trailing_newlines)


def is_symbol(char: str) -> bool:
    """An emoji or another symbol (and the marks that join emoji): not a word, not punctuation."""
    return unicodedata.category(char)[0] == "S" or char in "\ufe0f\u200d"


def _without_trailing_symbols(before: str) -> str:
    """``before`` without what a sentence's start can look through at its end: spaces,
    opening brackets and quotes, and emoji ("hay. 🐶 the farmer" starts a sentence)."""
    end = len(before)
    while end and (before[end - 1] in _SEE_THROUGH or is_symbol(before[end - 1])):
        end -= 1
    return before[:end]


def starts_sentence(before: str) -> bool:
    """True when a word put after ``before`` starts a sentence (and takes a capital)."""
    tail = _without_trailing_symbols(before)
    if not tail.strip() or tail.endswith("\n\n"):
        return True
    return tail.rstrip().endswith((".", "?", "!"))
