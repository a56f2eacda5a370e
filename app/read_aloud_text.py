"""What to read aloud, and where each spoken word is in the lesson view.

Pure functions and plain data, no Qt and no engine. The controller
(app/read_aloud.py) takes a snapshot of the view's QTextDocument as a
``DocumentText``: its raw text, where index ``i`` is document position
``i`` (QTextDocument keeps one character per position, block separators
included), and its blocks with their heading level.

From that it plans a reading (the lesson, a section, the selection, or from
the caret) as a list of sentences in document positions. The synthesiser
reads a ``Chunk``: a few sentences joined into one string, with a full stop
added after headings, list items and table cells so the voice pauses there.
Every character of a sentence is copied one for one, so a word the
synthesiser reports at an offset in the chunk maps straight back to a
document position, and to the sentence around it (for the shading and for
next/previous sentence).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lessons.document_positions import one_per_position

# Characters QTextDocument uses for structure (paragraph and line separators,
# frame marks, embedded pictures) and the no-break space: each is read as a
# space, keeping positions one for one.
_AS_SPACE = str.maketrans({c: " " for c in "\u2029\u2028\ufdd0\ufdd1\ufffc\u00a0\t\r\n"})

# The same words the synthesiser's word tokeniser finds (speech/tts/word_timing.py):
# letters and digits with inner apostrophes, full stops and hyphens.
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")

# A sentence ends at . ! ? or … (with any closing quotes or brackets) before a space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    "e.g i.e eg ie mr mrs ms dr st prof cf vs approx fig no nos ca".split()
)
_ENDS_CLAUSE = ".!?…:;"

FIRST_CHUNK_CHARS = 200  # a short first chunk, so the voice starts at once
CHUNK_CHARS = 600


@dataclass(frozen=True)
class TextBlock:
    """One paragraph, heading, list item or table cell: ``text[start:end]``.

    ``level`` is 1 for the lesson title, 2 or 3 for section headings, 0 otherwise.
    """

    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class DocumentText:
    """A snapshot of what a view shows: ``text[i]`` is the character at position ``i``."""

    text: str
    blocks: tuple[TextBlock, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence (or the part of one being read): document positions ``start`` to ``end``."""

    start: int
    end: int


@dataclass(frozen=True)
class ReadingPlan:
    """The sentences to read, in order. Empty when there is nothing to read."""

    document: DocumentText
    sentences: tuple[Sentence, ...]

    def __bool__(self) -> bool:
        return bool(self.sentences)

    def sentence_at(self, position: int) -> int:
        """The index of the sentence holding ``position`` (or the next one after it)."""
        ends = [s.end for s in self.sentences]
        return min(bisect.bisect_right(ends, position), len(self.sentences) - 1)

    def chunk(self, first: int, max_chars: int = CHUNK_CHARS) -> Chunk:
        """The sentences from index ``first`` that fit in about ``max_chars`` characters.

        At least one sentence, however long. A block's last sentence gets a
        full stop when it has none (a heading, a list item, a table cell), so
        the voice pauses before the next block.
        """
        pieces: list[str] = []
        starts: list[int] = []
        length = 0
        index = first
        while index < len(self.sentences):
            sentence = self.sentences[index]
            text = self.document.text[sentence.start : sentence.end].translate(_AS_SPACE)
            if pieces and length + len(text) > max_chars:
                break
            starts.append(length)
            ending = " " if _ends_clause(text) else ". "
            pieces.append(text + ending)
            length += len(text) + len(ending)
            index += 1
        return Chunk("".join(pieces).rstrip(), self, first, tuple(starts))


@dataclass(frozen=True)
class Chunk:
    """What the synthesiser reads in one go: sentences ``first`` onwards of ``plan``."""

    text: str
    plan: ReadingPlan
    first: int
    starts: tuple[int, ...]  # where each sentence begins in ``text``

    @property
    def count(self) -> int:
        """How many sentences the chunk holds."""
        return len(self.starts)

    def locate(self, offset: int, length: int) -> SpokenWord | None:
        """Where the word at ``text[offset:offset + length]`` is in the document.

        None when it is not inside a sentence (a full stop this module added).
        """
        slot = bisect.bisect_right(self.starts, offset) - 1
        if slot < 0:
            return None
        index = self.first + slot
        sentence = self.plan.sentences[index]
        inside = offset - self.starts[slot]
        if inside + length > sentence.end - sentence.start:
            return None
        return SpokenWord(sentence.start + inside, length, index)


@dataclass(frozen=True)
class SpokenWord:
    """A spoken word in the document: ``length`` characters from ``start``; its sentence."""

    start: int
    length: int
    sentence: int


# ----- splitting into sentences ------------------------------------------------------


def _ends_clause(text: str) -> bool:
    """True when ``text`` ends with punctuation the voice pauses at (quotes allowed after it)."""
    last = text.rstrip().rstrip("\"'”’)]")[-1:]
    return bool(last) and last in _ENDS_CLAUSE


def _has_words(text: str) -> bool:
    return _WORD.search(text) is not None


def block_sentences(document: DocumentText, block: TextBlock) -> list[Sentence]:
    """The sentences of one block, trimmed of spaces; none when it has no words."""
    text = document.text[block.start : block.end].translate(_AS_SPACE)
    cuts = [0]
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].split()
        last = before[-1] if before else ""
        if last.lower() in _ABBREVIATIONS or (len(last) == 1 and last.isupper()):
            continue  # "e.g. the", "Mr. Jones", an initial as in "J. K. Rowling"
        cuts.append(match.end())
    cuts.append(len(text))
    sentences = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b]
        if not _has_words(piece):
            continue
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        sentences.append(Sentence(block.start + a + lead, block.start + b - trail))
    return sentences


def all_sentences(document: DocumentText) -> list[Sentence]:
    """Every sentence in the document, in reading order."""
    return [s for block in document.blocks for s in block_sentences(document, block)]


# ----- what to read ----------------------------------------------------------------


def _word_start_at(text: str, position: int) -> int:
    """The start of the word holding ``position``, or ``position`` if it is between words."""
    for match in _WORD.finditer(text, max(0, position - 100)):
        if match.start() <= position < match.end():
            return match.start()
        if match.start() > position:
            break
    return position


def _word_end_at(text: str, position: int) -> int:
    """The end of the word holding ``position - 1``, or ``position`` if between words."""
    for match in _WORD.finditer(text, max(0, position - 100)):
        if match.start() < position < match.end():
            return match.end()
        if match.start() >= position:
            break
    return position


def _clip(sentences: list[Sentence], start: int, end: int, text: str) -> tuple[Sentence, ...]:
    clipped = []
    for sentence in sentences:
        a, b = max(sentence.start, start), min(sentence.end, end)
        piece = text[a:b].translate(_AS_SPACE)
        if a < b and _has_words(piece):
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            clipped.append(Sentence(a, b))
    return tuple(clipped)


def plan_lesson(document: DocumentText) -> ReadingPlan:
    """Everything the view shows."""
    return ReadingPlan(document, tuple(all_sentences(document)))


def plan_from(document: DocumentText, position: int) -> ReadingPlan:
    """From the word at ``position`` (the caret) to the end."""
    start = _word_start_at(document.text, position)
    return ReadingPlan(document, _clip(all_sentences(document), start, len(document.text),
                                       document.text))


def plan_selection(document: DocumentText, start: int, end: int) -> ReadingPlan:
    """Only the selected text, widened to whole words at its edges."""
    start, end = min(start, end), max(start, end)
    start = _word_start_at(document.text, start)
    end = _word_end_at(document.text, end)
    return ReadingPlan(document, _clip(all_sentences(document), start, end, document.text))


def section_range(document: DocumentText, position: int) -> tuple[int, int]:
    """The section holding ``position``: from its heading to the next heading of its rank.

    A ``##`` section takes in the ``###`` sections under it; the title's
    section (the front of the lesson) runs to the first ``##`` heading. Text
    before any heading counts as a section of its own.
    """
    blocks = document.blocks
    if not blocks:
        return 0, 0
    here = max(0, bisect.bisect_right([b.start for b in blocks], position) - 1)
    head = next((i for i in range(here, -1, -1) if blocks[i].level), None)
    if head is None:
        stop_rank, first = 3, 0
    else:
        stop_rank, first = max(blocks[head].level, 2), head
    end = next(
        (b.start for b in blocks[first + 1 :] if b.level and b.level <= stop_rank),
        len(document.text),
    )
    return blocks[first].start, end


def plan_section(document: DocumentText, position: int) -> ReadingPlan:
    """The section holding ``position``, heading first."""
    start, end = section_range(document, position)
    return ReadingPlan(document, _clip(all_sentences(document), start, end, document.text))


def plan_text(text: str) -> ReadingPlan:
    """Text that is not the lesson: a key word and its meaning, or a text box's text."""
    text = one_per_position(text)  # positions in the text box an emoji counts twice in
    return plan_lesson(DocumentText(text, (TextBlock(0, len(text)),)))



def words_of(text: str) -> list[str]:
    """The words in ``text`` as the synthesiser counts them."""
    return _WORD.findall(text)


def format_rate(scale: float) -> str:
    """A speed as people say it: "1×", "1.5×", "0.8×"."""
    return f"{scale:.2f}".rstrip("0").rstrip(".") + "×"


# How much of the text around a place is compared to find it in another view.
_PLACE_AFTER = 80
_PLACE_BEFORE = 400
_LINE_ENDS = "\u2029\u2028\n\ufffc"


def find_place(old: str, new: str, position: int) -> int | None:
    """Where ``position`` in text ``old`` is in text ``new`` (another view of the same
    lesson: the whole lesson and one projector slide, say), or None when it is not there.

    The words from ``position`` to the end of its line must be in ``new``; of the
    places that have them, the one with the most of the same text before it wins
    (then the one nearest the same share of the way through).
    """
    if old == new:
        return position
    plain_old, plain_new = old.translate(_AS_SPACE), new.translate(_AS_SPACE)
    ends = [i for i in (old.find(c, position) for c in _LINE_ENDS) if i >= 0]
    stop = min(ends, default=len(old))
    key = plain_old[position:min(stop, position + _PLACE_AFTER)]
    if not key.strip():
        return None
    before = plain_old[max(0, position - _PLACE_BEFORE):position]
    best: tuple[int, float, int] | None = None
    share = position / max(1, len(old))
    found = plain_new.find(key)
    while found >= 0:
        same = 0
        while (same < len(before) and same < found
               and before[-1 - same] == plain_new[found - 1 - same]):
            same += 1
        score = (same, -abs(found / max(1, len(new)) - share), found)
        if best is None or score[:2] > best[:2]:
            best = score
        found = plain_new.find(key, found + 1)
    return None if best is None else best[2]
