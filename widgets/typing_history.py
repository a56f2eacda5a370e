"""The pupil's own edits in the dictation box, kept apart from the app's changes.

Qt's undo stack cannot hold only some of a document's changes: its steps are
positions, so every change must be in it or it must be cleared. The dictation
box changes its text many times a second for the words still being heard, and
those changes must never be undone, so it keeps this history instead.

A ``Step`` is one edit by the pupil: at ``pos`` the text ``before`` became
``after``. The history follows every other change (``follow``) by moving its
steps' positions, so that undoing a typed word after a phrase settled
elsewhere takes out that word, where it now is. A change that reaches into a
step's text (it replaced or removed what the pupil typed) ends the history at
that step: that step and the ones before it can no longer be undone safely,
so they go, rather than undo writing over text the pupil never typed.

Pure Python (no Qt), so it can be reasoned about on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

# Enough for a lesson's typing; a bound keeps a long session's memory flat.
DEFAULT_LIMIT = 500


@dataclass
class Step:
    """One of the pupil's edits: at ``pos``, ``before`` became ``after``.

    ``kind`` is "type" (a typed character, perhaps over a selection), "delete"
    (one character deleted) or "other" (paste, cut, drop); further typing or
    deleting joins a "type" or "delete" step, as in any editor.
    """

    pos: int
    before: str
    after: str
    kind: str = "other"


class TypingHistory:
    """Undo and redo for the pupil's edits, positions kept up to date."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._limit = limit
        self._undo: list[Step] = []  # the last is undone first
        self._redo: list[Step] = []  # the last is redone first

    def can_undo(self) -> bool:
        """True when there is an edit of the pupil's to undo."""
        return bool(self._undo)

    def can_redo(self) -> bool:
        """True when there is an undone edit to redo."""
        return bool(self._redo)

    def clear(self) -> None:
        """Forget every step."""
        self._undo.clear()
        self._redo.clear()

    def record(self, pos: int, before: str, after: str) -> None:
        """The pupil changed ``before`` at ``pos`` into ``after``: a step to undo.

        A typed character joins the typing step it continues: a word and the
        spaces after it are one step, so Ctrl+Z takes back a word at a time;
        deleting character by character is one step.
        """
        self._redo.clear()
        kind = _kind(before, after)
        top = self._undo[-1] if self._undo else None
        if top is not None and _joins(top, pos, before, after, kind):
            if kind == "type":
                top.after += after
            elif pos < top.pos:  # Backspace: the deleted character came before
                top.pos, top.before = pos, before + top.before
            else:  # Delete: the deleted character came after
                top.before += before
            return
        self._undo.append(Step(pos, before, after, kind))
        del self._undo[: -self._limit]

    def follow(self, pos: int, removed: int, added: int) -> None:
        """A change that is not a step (dictation, a guess shown or taken away):
        ``removed`` characters at ``pos`` were replaced by ``added`` characters."""
        self._undo = _follow(self._undo, pos, removed, added, undo=True)
        self._redo = _follow(self._redo, pos, removed, added, undo=False)

    def take_undo(self) -> Step | None:
        """The step to undo (replace its ``after`` at ``pos`` with ``before``), now redoable."""
        if not self._undo:
            return None
        step = self._undo.pop()
        step.kind = "other"  # typing after an undo starts a new step
        self._redo.append(step)
        return step

    def take_redo(self) -> Step | None:
        """The step to redo (replace its ``before`` at ``pos`` with ``after``), now undoable."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step


def text_change(old: str, new: str, pos: int, removed: int, added: int) -> tuple[int, str, str]:
    """Where ``old`` became ``new``: (position, text before, text after), smallest form.

    ``pos``, ``removed`` and ``added`` are what Qt's ``contentsChange`` said;
    Qt sometimes counts the document's last paragraph end or a whole block, so
    the hint is checked and trimmed, and a full comparison is the fallback.
    """
    pos = min(max(pos, 0), len(old), len(new))
    removed = min(max(removed, 0), len(old) - pos)
    added = min(max(added, 0), len(new) - pos)
    fits = (len(old) - removed == len(new) - added and old[:pos] == new[:pos]
            and old[pos + removed:] == new[pos + added:])
    if not fits:
        pos, removed, added = 0, len(old), len(new)
    before, after = old[pos: pos + removed], new[pos: pos + added]
    head = _common_prefix(before, after)
    before, after, pos = before[head:], after[head:], pos + head
    tail = _common_prefix(before[::-1], after[::-1])
    if tail:
        before, after = before[: len(before) - tail], after[: len(after) - tail]
    return pos, before, after


# ---------------------------------------------------------------- private


def _kind(before: str, after: str) -> str:
    if len(after) == 1:
        return "type"
    if not after and len(before) == 1:
        return "delete"
    return "other"


def _joins(top: Step, pos: int, before: str, after: str, kind: str) -> bool:
    if kind == "type" and top.kind == "type" and not before:
        # A word and the spaces after it are one step; the next word starts another.
        word_starts = (not after.isspace() and top.after[-1:].isspace()
                       and not top.after.isspace())
        return pos == top.pos + len(top.after) and not word_starts
    if kind == "delete" and top.kind == "delete":
        return pos + 1 == top.pos or pos == top.pos
    return False


def _follow(stack: list[Step], pos: int, removed: int, added: int, *, undo: bool) -> list[Step]:
    """``stack`` after a change outside it; the newest step is last.

    The change is given in today's text. Each step is moved for it, then the
    change is carried back to the text as it was before that step, for the
    step below: each step's position is in the text with the steps above it
    undone (for redo, with them redone).
    """
    kept: list[Step] = []
    for step in reversed(stack):
        shown, hidden = (step.after, step.before) if undo else (step.before, step.after)
        start, end = step.pos, step.pos + len(shown)
        if pos >= end:  # after the step's text: the step stays, the change moves
            pos += len(hidden) - len(shown)
        elif pos + removed <= start and not (start == end and removed and pos + removed == start):
            step.pos += added - removed  # before it: the step moves
        else:
            # It reached into what the pupil typed (or, for a deletion, took away
            # the text on both sides of it): this step and older ones go.
            break
        kept.append(step)
    kept.reverse()
    return kept


def _common_prefix(a: str, b: str) -> int:
    """The length of the start ``a`` and ``b`` share (binary search: fast on long text)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low
