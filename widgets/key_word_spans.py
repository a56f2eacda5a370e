"""Where the key words are in a lesson document, for moving between them by keyboard.

Key words are links in the lesson's QTextDocument (an anchor whose href names
the word). F3 and Shift+F3 in the lesson view go to the next or previous one.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def key_word_spans(document: QTextDocument) -> list[tuple[int, int]]:
    """(start, end) of each key word in ``document``, in order."""
    spans: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.isAnchor() and fmt.anchorHref():
                start, end = fragment.position(), fragment.position() + fragment.length()
                if spans and spans[-1][1] == start:  # one key word in two fragments
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
            it += 1
        block = block.next()
    return spans


def next_span(spans: list[tuple[int, int]], after: int, before: int,
              step: int) -> tuple[int, int]:
    """The key word after ``after`` (step 1) or before ``before`` (step -1), wrapping round.

    ``spans`` must not be empty.
    """
    if step > 0:
        return next(((a, b) for a, b in spans if a >= after), spans[0])
    return next(((a, b) for a, b in reversed(spans) if a < before), spans[-1])
