"""Scoring ``lesson-lab bench commands``: did each spoken command do what the pupil asked?

The recognised phrases go through the dictation text rules exactly as the
dictation panel's controller applies them (``replay``: ``apply_phrase`` per
Final), and each phrase is tagged with the utterances its words were heard
in (from Whisper's word times), so every piece of text on screen is known to
come from somewhere.

A punctuation or layout command is **correct** when its mark is in the text
in the right place (an alignment of the expected and written words and marks
pairs it with the same mark) and none of its own words is left beside it.
Its words were **left as text** when words stand where its mark should be,
or one of its own words ("stop", "bracket") stands beside the mark or, the
mark missing, among the words written in place of those around it ("the
order for all stop"). Otherwise it failed as "wrong mark", "wrong place"
(the mark is elsewhere) or "missing".

An editing command ("scratch that", "undo that") is **correct** when a
phrase heard in its utterance alone made that change, and the text after it
is the text as it stood before the utterance just before it (scratch: that
utterance's words are gone; undo: the scratch is undone), and it wrote no
text. It failed "left as words" when it wrote text, "removed the wrong text"
when it changed too much or too little, "missing" when nothing came of it.

The **word error rate** covers the words the pupil meant to keep: the words
a failed command left (in its place, and its own words near it), and text
from an utterance an editing command should have removed, are the command's
failure, not word errors.
Words are compared as ``speech.stt.wer`` compares them: lower case, British
spelling, numbers as digits ("twenty-five" = "25").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.bench_commands_scripts import EDIT_CHANGES, Command, Script
from speech.dictation import Change, DictationOptions, DictationState, apply_phrase
from speech.stt.wer import edit_distance, normalise_words

_MARK_CHARS = frozenset(".,?!:;()\u201c\u201d")
_BETWEEN_DIGITS = frozenset(".,:")  # 3.5, 1,200, 9:30 are words
_NEVER = 10**9  # a word never stands for a mark in the alignment
_EDIT = 10**4  # the cost of one edit; more than the ties' rewards of any script


@dataclass(frozen=True)
class Token:
    """A normalised word or a mark, and the phrase that wrote it (written text only)."""

    text: str
    is_mark: bool
    origin: int | None = None


@dataclass(frozen=True)
class Phrase:
    """One Final through the text rules: what it said, where it was heard, what it did."""

    raw: str
    utterances: frozenset[int]
    change: str  # speech.dictation.Change value
    before: str
    after: str


@dataclass(frozen=True)
class Dictated:
    """The text after every phrase, which phrase wrote each character, and the phrases."""

    text: str
    origins: tuple[int, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class CommandResult:
    """How one spoken command came out."""

    command: Command
    correct: bool
    left_as_words: bool
    outcome: str  # "correct", "left as words", "wrong mark", "wrong place", "missing", ...
    heard_as: str  # what stands in its place in the written text (or the phrases heard)


@dataclass(frozen=True)
class ScriptResult:
    """One script, as written: its commands' results and its word errors."""

    script: Script
    got: str
    commands: tuple[CommandResult, ...]
    words: int
    word_errors: int
    extra_marks: int

    @property
    def exact(self) -> bool:
        """The text on screen is exactly the text expected."""
        return self.got == self.script.expected


def replay(finals: Sequence[tuple[str, frozenset[int]]], options: DictationOptions) -> Dictated:
    """Apply each Final's text as the dictation controller does; keep track of who wrote what."""
    state = DictationState()
    history: list[tuple[DictationState, tuple[int, ...]]] = [(state, ())]
    phrases = []
    for index, (raw, utterances) in enumerate(finals):
        new = apply_phrase(state, raw, options)
        if new.change is Change.ADDED:
            origins = (*history[-1][1], index)
        else:  # an edit or nothing: the pieces are those of an earlier state, or fewer
            origins = _origins_of(new.pieces, history)
        history.append((new, origins))
        phrases.append(Phrase(raw, utterances, new.change.value, state.text, new.text))
        state = new
    per_char = tuple(o for piece, o in zip(state.pieces, history[-1][1], strict=True)
                     for _ in piece)
    return Dictated(state.text, per_char, tuple(phrases))


def _origins_of(pieces, history) -> tuple[int, ...]:
    for earlier, origins in reversed(history):
        if tuple(earlier.pieces[: len(pieces)]) == tuple(pieces):
            return origins[: len(pieces)]
    raise AssertionError("the text rules made pieces never seen before")  # pragma: no cover


def tokenise(text: str, origins: Sequence[int] | None = None) -> list[Token]:
    """The words and marks of ``text``; "\\n\\n" is one mark (a new paragraph)."""
    tokens: list[Token] = []
    start = index = 0

    def words_until(end: int) -> None:
        if origins is None:
            tokens.extend(Token(w, False) for w in normalise_words(text[start:end]))
            return
        run = start  # one run of characters per phrase, so each word knows its phrase
        for at in range(start + 1, end + 1):
            if at == end or origins[at] != origins[run]:
                tokens.extend(Token(w, False, origins[run])
                              for w in normalise_words(text[run:at]))
                run = at

    while index < len(text):
        char = text[index]
        if char == "\n":
            words_until(index)
            stop = index
            while stop < len(text) and text[stop] == "\n":
                stop += 1
            mark = "\n\n" if stop - index >= 2 else "\n"
            tokens.append(Token(mark, True, origins[index] if origins else None))
            index = start = stop
            continue
        between_digits = (char in _BETWEEN_DIGITS and 0 < index < len(text) - 1
                          and text[index - 1].isdigit() and text[index + 1].isdigit())
        if char in _MARK_CHARS and not between_digits:
            words_until(index)
            tokens.append(Token(char, True, origins[index] if origins else None))
            start = index + 1
        index += 1
    words_until(len(text))
    return tokens


def align(expected: Sequence[Token], got: Sequence[Token]) -> list[tuple[int | None, int | None]]:
    """The cheapest alignment: (expected index, written index) pairs, None for a gap.

    A word may stand for another word (cost 1), never for a mark; a word or
    mark missing or added costs 1. A mark standing for another mark costs 2,
    as much as one missing and one added. Of alignments that cost the same,
    the one with more words paired with the same word wins, then the one with
    more marks paired with the same mark: words place the marks ("it was ;
    raining" has its semicolon in the wrong place, not "raining"), and a mark
    is found where it can be (the ")" of "(who is seven)" in "fill in;)").
    """
    rows, cols = len(expected), len(got)

    # An edit costs _EDIT; the small rewards for pairs that agree only break
    # ties (all of them together are worth less than one edit).
    def swap(e: Token, g: Token) -> int:
        if e.is_mark != g.is_mark:
            return _NEVER
        if e.text == g.text:
            return -1 if e.is_mark else -2
        return 2 * _EDIT if e.is_mark else _EDIT

    cost = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows + 1):
        for j in range(cols + 1):
            if i == 0 or j == 0:
                cost[i][j] = _EDIT * (i + j)
                continue
            cost[i][j] = min(cost[i - 1][j - 1] + swap(expected[i - 1], got[j - 1]),
                             cost[i - 1][j] + _EDIT, cost[i][j - 1] + _EDIT)
    pairs: list[tuple[int | None, int | None]] = []
    i, j = rows, cols
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + swap(expected[i - 1], got[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + _EDIT:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]


def score_script(script: Script, dictated: Dictated) -> ScriptResult:
    """Score every command of ``script`` and the words, from what was written."""
    commands = script.commands()
    silent = script.edit_utterances() | script.removed_utterances()
    phrases = dictated.phrases
    written = tokenise(dictated.text, dictated.origins)
    # Text from utterances that should leave none is the editing commands' failure.
    got = [t for t in written if not (phrases[t.origin].utterances
                                      and phrases[t.origin].utterances <= silent)]
    expected = tokenise(script.expected)
    pairs = align(expected, got)
    results: dict[int, CommandResult] = {}
    blamed: set[int] = set()  # written tokens a failed command left
    mark_positions = [i for i, t in enumerate(expected) if t.is_mark]
    mark_commands = [n for n, c in enumerate(commands) if c.mark is not None]
    if len(mark_positions) != len(mark_commands):
        raise ValueError(f"script {script.name!r}: its marks and mark commands do not pair up")
    for number, position in zip(mark_commands, mark_positions, strict=True):
        result, gap = _score_mark(commands[number], position, expected, got, pairs)
        results[number] = result
        if not result.correct:
            blamed.update(gap)
    for number, command in enumerate(commands):
        if command.mark is None:
            results[number] = _score_edit(command, phrases)
    # Word errors as speech.stt.wer counts them, on the words alone.
    words = [t.text for t in expected if not t.is_mark]
    kept = [t.text for n, t in enumerate(got) if not t.is_mark and n not in blamed]
    errors = edit_distance(words, kept)
    extra = sum(e is None and got[g].is_mark for e, g in pairs)
    ordered = tuple(results[n] for n in range(len(commands)))
    return ScriptResult(script, dictated.text, ordered, len(words), errors, extra)


def _score_mark(command: Command, position: int, expected, got, pairs):
    """A punctuation command's result, and the written tokens that are its failure if it
    failed: the words standing in its place and its own words near it."""
    at = next(n for n, (e, _g) in enumerate(pairs) if e == position)
    gap = _inserted_around(pairs, at)
    gap_words = [got[g].text for g in gap if not got[g].is_mark]
    written = pairs[at][1]
    matched = written is not None and got[written].text == command.mark
    own_words = set(normalise_words(command.phrase))
    # Missing, its words may also stand in for the words around it ("the open
    # bracket" written for "who is"): look as far as the text agrees again.
    around = gap if matched else _disagreeing_around(pairs, at, expected, got)
    own = [g for g in around if not got[g].is_mark and got[g].text in own_words]
    left = (not matched and bool(gap_words)) or bool(own)
    if matched and not left:
        outcome = "correct"
    elif left:
        outcome = "left as words"
    elif written is not None:
        outcome = "wrong mark"
    elif any(e is None and got[g].text == command.mark for e, g in pairs):
        outcome = "wrong place"
    else:
        outcome = "missing"
    shown = [got[g].text for g in sorted({*gap, *around, *([written] if written is not None
                                                             else [])})]
    result = CommandResult(command, outcome == "correct", left, outcome, " ".join(shown))
    return result, {*gap, *own}


def _inserted_around(pairs, at: int) -> list[int]:
    """Written tokens added just before and just after the pair at ``at``."""
    found = []
    for step in (-1, 1):
        n = at + step
        while 0 <= n < len(pairs) and pairs[n][0] is None:
            found.append(pairs[n][1])
            n += step
    return found


def _disagreeing_around(pairs, at: int, expected, got) -> list[int]:
    """Written tokens around the pair at ``at`` up to the nearest pairs that agree."""
    found = []
    for step in (-1, 1):
        n = at + step
        while 0 <= n < len(pairs):
            e, g = pairs[n]
            if e is not None and g is not None and expected[e].text == got[g].text:
                break
            if g is not None:
                found.append(g)
            n += step
    return found


def _score_edit(command: Command, phrases: Sequence[Phrase]) -> CommandResult:
    """An editing command's result, from the phrases heard and what each did to the text."""
    utterance = command.utterance
    heard = [p for p in phrases if utterance in p.utterances]
    left = " ".join(p.after[len(p.before):].strip() for p in heard
                    if p.change == Change.ADDED.value and p.after.startswith(p.before))
    obeyed = [p for p in heard
              if p.utterances == {utterance} and p.change == EDIT_CHANGES[command.phrase]]
    right_text = bool(obeyed) and obeyed[0].after == _text_before(phrases, utterance - 1)
    if left.strip():
        outcome = "left as words"
    elif obeyed:
        outcome = "correct" if right_text else "removed the wrong text"
    else:
        outcome = "missing"
    shown = " / ".join(p.raw for p in heard)
    return CommandResult(command, outcome == "correct", bool(left.strip()), outcome, shown)


def _text_before(phrases: Sequence[Phrase], utterance: int) -> str | None:
    """The text before anything from ``utterance`` on was heard (None: heard together
    with an earlier utterance, so no command can take it away alone)."""
    for phrase in phrases:
        if phrase.utterances and max(phrase.utterances) >= utterance:
            return phrase.before if min(phrase.utterances) >= utterance else None
    return None


def rules_alone(script: Script, options: DictationOptions) -> ScriptResult:
    """The script's own words through the text rules, as if heard perfectly."""
    finals = [(text, frozenset({n})) for n, text in enumerate(script.spoken())]
    return score_script(script, replay(finals, options))

