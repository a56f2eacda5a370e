"""Dictating at a cursor in text that is also typed: a lesson file, or the pupil's text.

``speech.dictation`` keeps a dictated document of its own, one piece per
phrase. In the lesson editor the teacher types, moves the cursor and
dictates in turn, so each finished phrase is read here on its own, with the
text around the cursor as its context:

    step = phrase_at_cursor("the water cycle full stop", options,
                            before="## Rain\\n\\n", after="")
    step.text   # "The water cycle." -> insert at the cursor
    step.edits  # () ; for "scratch that": (Edit.SCRATCH,), and no text

The same spoken commands, capitals and British spelling as the dictation
panel apply (``format_phrase``). What is new is reading the Markdown at the
cursor (``markdown_context``): after a list marker ("- "), a heading's
hashes or a blank line a phrase starts a sentence, and a phrase put in front
of a word is kept apart from it by a space.

The pupil's Dictation panel holds plain text, not Markdown: it passes
``markdown=False``, and the rules then see all the text before the cursor,
exactly as they see the whole text when a phrase goes at the end
(``speech.dictation.apply_phrase``), so a phrase said with the cursor at the
end reads the same either way::

    phrase_at_cursor("rain foil", options, before="It is blue", after=" and I",
                     markdown=False).text   # " rain foil"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from speech.dictation import (
    CLOSING_TEXT,
    DictationOptions,
    format_phrase,
    is_symbol,
    preview_phrase,
    space_before,
    starts_sentence,
)
from speech.dictation_commands import Edit, read_edits
from speech.dictation_text import scan_text

__all__ = ["CursorPhrase", "Edit", "markdown_context", "phrase_at_cursor", "preview_at_cursor",
           "text_context", "word_at_cursor"]

# The start of a Markdown block on a line: a heading, a list item, a quote.
_BLOCK_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*)")
# A line after which a new line starts a new block rather than going on with a sentence.
_BLOCK_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,3}[.)][ \t]|>|\||---)")
# Characters a phrase must not run into when it is put in front of them.
_JOINS_ON = ("(", "\u201c", '"', "'", "*", "_")
# How far back the rules look: they need only the sentence and paragraph being written.
_CONTEXT_CHARS = 2000


@dataclass(frozen=True)
class CursorPhrase:
    """What one finished phrase does at the cursor.

    ``text`` goes in at the cursor ("" when the phrase adds nothing);
    ``edits`` are editing commands, in the order spoken ("scratch that" is
    ``Edit.SCRATCH``, "undo that" ``Edit.UNDO``), for the caller to carry
    out on the phrases it has put in.
    """

    text: str = ""
    edits: tuple[Edit, ...] = ()
    #: How many spaces typed before the cursor ``text`` goes in front of: a full
    #: stop said after "cats |" belongs against the word ("cats. |"), not after
    #: the space ("cats .|"). 0 for most phrases.
    back: int = 0


def markdown_context(before: str) -> str:
    """The text the dictation rules should see as coming before the cursor.

    ``before`` is the file up to the cursor. At the start of a block (after
    a list marker, heading hashes, a blank line, or on a new line after a
    heading or list item) the result says "a sentence starts here, with no
    space before it"; otherwise it is the paragraph so far, so the usual
    rules decide the space and the capital.
    """
    tail = before[-_CONTEXT_CHARS:]
    blank = tail.rfind("\n\n")
    if blank >= 0:
        tail = tail[blank:]
    line_start = tail.rfind("\n") + 1
    line = tail[line_start:]
    if line.strip():
        marker = _BLOCK_MARKER.match(line)
        if marker is not None and marker.end() == len(line):
            return "\n\n"  # "- |" or "## |": a new sentence, no space
        return tail
    if line:
        return tail  # spaces at the start of a line: an indented continuation
    previous = tail[:line_start].rstrip("\n").rsplit("\n", 1)[-1]
    if not previous.strip() or _BLOCK_LINE.match(previous):
        return "\n\n"
    return tail


def text_context(before: str, markdown: bool = True) -> str:
    """The text the rules see before the cursor: Markdown's blocks read, or plain text as it is."""
    return markdown_context(before) if markdown else before


def phrase_at_cursor(raw: str, options: DictationOptions, before: str,
                     after: str = "", *, markdown: bool = True) -> CursorPhrase:
    """Read one finished phrase said with the cursor between ``before`` and ``after``.

    ``markdown`` False: the text is plain (the pupil's Dictation panel), so a
    "- " or "#" the pupil typed is just text.
    """
    if options.commands:
        edits = read_edits([token for token in scan_text(raw) if isinstance(token, str)])
        if edits:
            return CursorPhrase(edits=tuple(edits))
    context = text_context(before, markdown)
    text = format_phrase(raw, options, after=context)
    back = _spaces_before_mark(text, context)
    if back:  # the spaces typed before the caret now follow it: the next word is apart
        return CursorPhrase(text=text, back=back)
    return CursorPhrase(text=_kept_apart(text, after))


def word_at_cursor(word: str, before: str, after: str = "", *, markdown: bool = True) -> str:
    """A word or phrase chosen from the lesson's word bank, as it goes in at the cursor.

    Spelt exactly as the teacher wrote it ("program" stays "program", "pH"
    stays "pH"); a word written all in small letters takes a capital where
    it starts a sentence; a space keeps it apart from the words either side,
    as a dictated phrase is kept apart. No space is added after it at the
    end of the text, so a full stop said or typed next sits against it::

        word_at_cursor("evaporation", before="The water cycle.")  # " Evaporation"
        word_at_cursor("evaporation", before="It is", after="")   # " evaporation"
    """
    word = " ".join(word.split())
    if not word:
        return ""
    context = text_context(before, markdown)
    if word.islower() and starts_sentence(context):
        word = word[0].upper() + word[1:]
    return _kept_apart(space_before(context) + word, after)


def _spaces_before_mark(text: str, context: str) -> int:
    """The spaces at the end of ``context`` that ``text``, when it starts with a closing
    mark, goes in front of: only after a word or a mark, never at a line's start."""
    if not text.startswith(CLOSING_TEXT):
        return 0
    word_end = context.rstrip(" \t")
    if not word_end or word_end.endswith("\n"):
        return 0
    return len(context) - len(word_end)


def _kept_apart(text: str, after: str) -> str:
    """``text`` with a space after it when it goes in front of a word or an emoji."""
    if text and after[:1] and (after[0].isalnum() or after.startswith(_JOINS_ON)
                               or is_symbol(after[0])) and not text[-1].isspace():
        text += " "  # in front of a word or an emoji: keep the two apart
    return text


def preview_at_cursor(partial: str, options: DictationOptions, before: str, *,
                      markdown: bool = True) -> str:
    """How words still being heard would read at the cursor; nothing is put in."""
    return preview_phrase(partial, options, after=text_context(before, markdown))
