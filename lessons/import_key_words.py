"""A teacher's key-words list, found in an imported document, becomes the lesson's key words.

Teachers' own lessons usually have a glossary: a heading such as "Key
words", "Key vocabulary", "Glossary" or "Word bank", then the words and
their meanings as a table (word | meaning), a list or one paragraph each.
Both importers (lessons/import_docx.py, lessons/import_text.py) read the
document into a lesson as usual and then call :func:`take_key_words`,
which moves the entries it is sure of into the lesson's ``vocabulary``
(the key words of its details, lessons/FORMAT.md). The lesson shows its key
words under "Key words" at the end, as the built-in lessons do, so the
entries taken leave the body; anything else stays as text.

It is careful, since a wrong key word is worse than a missing one:

- Only a section whose heading names key words (:func:`is_key_words_heading`)
  is looked at, or the blocks just after a paragraph that says only that
  ("Key words:", a label in bold rather than a heading), or a table whose
  own first row names it ("Key vocabulary" across both columns, or
  "Key word | Meaning").
- An entry is a word or short phrase (at most :data:`MAX_WORDS` words) and
  its meaning, with a dash between them with spaces (" – ", " - ", " — "),
  a colon, " = " or a tab; in a table, the two cells of a row of a table of
  two columns. A header row ("Word | Meaning") is passed over.
- A line that looks like an entry but is not one (no meaning, a "word" of
  eight words, a table of three columns, a word given twice) stays as text,
  and the notes name it. The notes also say how many key words were taken.
- Under a key-words heading, a block after a table of key words that is
  neither a table nor an entry ("*Extension:* research …") ends the list:
  it and what follows go on in the section before, so the heading is not
  left over text that is not key words (and shown twice, since the key
  words show under "Key words" too).

No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lessons.inline import normalise_spans
from lessons.model import (
    Block,
    Inline,
    Lesson,
    ListBlock,
    Paragraph,
    Problem,
    Section,
    Span,
    Table,
    VocabularyEntry,
    spans_text,
)

#: The most words a key word (or key phrase) may have.
MAX_WORDS = 5
_MAX_WORD_CHARS = 60

# The names teachers give their key-words lists, after any numbering and a colon.
_NAMES = re.compile(
    r"""^(?:(?:the|our|today['’]s|this\s+lesson['’]s|lesson)\s+)?
    (?:key[\s-]*words?(?:\s+bank)?|keywords?|key\s+vocab(?:ulary)?|key\s+terms?
      |key\s+terminology|key\s+words?\s+and\s+vocabulary
      |(?:new\s+|subject\s+|topic\s+|technical\s+)?vocab(?:ulary)?(?:\s+list)?
      |glossary(?:\s+of\s+(?:key\s+)?(?:words|terms))?|word[\s-]*banks?)
    (?:\s+(?:and|with|&)\s+(?:their\s+)?(?:meanings?|definitions?))?$""",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•–·▪●])\s+")

# What may stand between a word and its meaning; the first one in the line counts.
# A hyphen needs a space on both sides ("self-esteem" is one word); an en or em
# dash one side at least; a colon a space after it ("3:2" is a ratio).
_SEPARATOR = re.compile(r"\s+-{1,2}\s+|\s*[–—]\s+|\s+[–—]\s*|:(?=\s|$)|\s+=\s+|\t+")
_WORD_CLASS = re.compile(r"\s*\((?:noun|verb|adjective|adverb|n|v|adj|adv)\.?\)$", re.I)
_EDGES = "\"'“”‘’*_ "
_SENTENCE_END = ".!?,;"
# "Note: …" or "Remember – …" is an instruction, not a key word; nor is a part of the
# lesson ("Plenary: exit ticket.") or an email's sign-off ("Thanks – Jo").
_LABELS = {
    "note", "notes", "nb", "n.b", "task", "question", "answer", "example", "examples", "e.g",
    "hint", "tip", "remember", "extension", "challenge", "date", "title", "lesson", "aim",
    "aims", "objective", "objectives", "outcome", "homework", "resources", "time", "teacher",
    "ta", "support", "see", "also", "key", "instructions",
    "starter", "main activity", "plenary", "mini plenary", "mini-plenary", "warm up", "warm-up",
    "success criteria", "walt", "wilf",
    "thanks", "many thanks", "thank you", "best wishes", "kind regards", "regards", "cheers",
}
_HEADER_WORDS = {
    "word", "words", "key word", "key words", "keyword", "keywords", "term", "terms",
    "key term", "key terms", "vocabulary", "key vocabulary", "vocab", "glossary", "word bank",
}
_HEADER_MEANING = re.compile(r"mean|defin|explan|descri", re.IGNORECASE)


def is_key_words_heading(text: str) -> bool:
    """True when ``text`` (a heading, or a paragraph on its own) names a key-words list.

    "Key words", "Key vocabulary:", "Vocabulary", "Glossary", "Word bank",
    "Key terms and definitions" and the like, in any case, with or without a
    colon or numbering; not a sentence that mentions them.
    """
    if len(text) > 80:
        return False  # a sentence, not a name (and no need to read a long paragraph)
    name = " ".join(_NUMBERING.sub("", text).split()).rstrip(":").strip().strip(_EDGES)
    return bool(name) and len(name) <= 50 and bool(_NAMES.match(name))


@dataclass(frozen=True)
class Candidate:
    """A line that may be a key word: the word, its meaning, and why it is not taken.

    ``problem`` is "" when the line is a key word; otherwise the reason it
    stays as text, in words to follow "was left as text: ".
    """

    word: str
    meaning: str
    problem: str = ""


def read_entry(text: str, *, bare: bool = True) -> Candidate | None:
    """``text`` read as "word – meaning"; None when it does not look like an entry at all.

    With ``bare``, a short phrase with no meaning ("evaporation") is a
    Candidate with a problem (it looks like a key word missing its meaning);
    without, it is None.
    """
    text = _NUMBERING.sub("", text.strip())
    match = _SEPARATOR.search(text)
    if match is not None and match.start() > 0 and match.group() == ":" \
            and not text[match.end():].strip():
        return None  # "Learn these words:" introduces what follows
    if match is None or match.start() == 0:
        if not bare:
            return None
        word = _clean_word(text)
        if not _is_word(word) or len(word.split()) > MAX_WORDS or word.lower() in _LABELS:
            return None
        return Candidate(word, "", "it has no meaning beside it")
    word = _clean_word(text[: match.start()])
    meaning = " ".join(text[match.end():].split()).strip(" –—-")
    shown = match.group().strip() or "tab"
    if not _is_word(word) or word.lower().rstrip(".") in _LABELS:
        return None
    if len(word.split()) > MAX_WORDS or len(word) > _MAX_WORD_CHARS:
        return Candidate(word, meaning, f"the part before the '{shown}' is too long for "
                         f"a key word (at most {MAX_WORDS} words)")
    if not any(char.isalnum() for char in meaning):
        return Candidate(word, meaning, f"it has no meaning after the '{shown}'")
    return Candidate(word, meaning)


def read_row(cells: tuple[str, ...]) -> Candidate | None:
    """A table row (word, meaning) as a candidate; None for a row with nothing in it."""
    word, meaning = (_clean_word(cells[0]), " ".join(cells[1].split())) if len(cells) == 2 \
        else ("", "")
    if not word and not meaning:
        return None
    if not word:
        return Candidate(word, meaning, "it has a meaning but no word")
    if not meaning:
        return Candidate(word, meaning, "it has no meaning beside it")
    if len(word.split()) > MAX_WORDS or len(word) > _MAX_WORD_CHARS:
        return Candidate(word, meaning,
                         f"the word is too long for a key word (at most {MAX_WORDS} words)")
    if not _is_word(word):
        return Candidate(word, meaning, "the word has no letters in it")
    return Candidate(word, meaning)


def is_header_row(cells: tuple[str, ...], *, marked: bool) -> bool:
    """Whether a table's first row is its header ("Word | Meaning").

    ``marked``: Word marked the row as a header; then naming either column
    is enough. An unmarked first row must name both.
    """
    if len(cells) != 2:
        return False
    first = " ".join(cells[0].lower().split()).strip(" :?.")
    names_word = first in _HEADER_WORDS
    names_meaning = bool(_HEADER_MEANING.search(cells[1])) and len(cells[1].split()) <= 6
    return (names_word or names_meaning) if marked else (names_word and names_meaning)


def looks_like_entry(text: str) -> bool:
    """True when ``text`` has a word and a separator: a line to keep on its own."""
    found = read_entry(text, bare=False)
    return found is not None


def glossary_lines(spans: list[Span]) -> list[Inline]:
    """Raw spans of a paragraph in a key-words list, as one run of spans per line.

    Lines are split where the document broke them (Shift+Enter in Word), and
    a tab between a word and its meaning becomes " – ", since the lesson's
    text keeps no tabs and the tab was what paired them.
    """
    lines: list[list[Span]] = [[]]
    for span in spans:
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(Span(piece, span.bold, span.italic, span.underline))
    found: list[Inline] = []
    for line in lines:
        _tab_as_dash(line)
        spans_of_line = normalise_spans(line)
        if spans_of_line:
            found.append(spans_of_line)
    return found


def _tab_as_dash(line: list[Span]) -> None:
    """Write a tab that pairs a word with its meaning as " – " (in place).

    Only a tab that is the line's first separator and has text before it:
    a tab that indents, or one in a meaning, is left (as a space).
    """
    text = "".join(span.text for span in line)
    match = _SEPARATOR.search(text, len(text) - len(text.lstrip()))
    if match is None or set(match.group()) - {" ", "\t"} or not text[: match.start()].strip():
        return
    offset = 0
    for index, span in enumerate(line):
        start, end = match.start() - offset, match.end() - offset
        piece = span.text[:max(start, 0)] + (" – " if 0 <= start <= len(span.text) else "")
        if end > 0 and start < len(span.text):
            line[index] = replace(span, text=piece + span.text[max(end, 0):])
        offset += len(span.text)


def _clean_word(text: str) -> str:
    word = " ".join(text.split()).strip(_EDGES).rstrip(":").strip(_EDGES)
    return _WORD_CLASS.sub("", word).strip() or word


def _is_word(word: str) -> bool:
    return (any(char.isalpha() for char in word) and word[-1:] not in _SENTENCE_END
            and "\t" not in word)


# -- the lesson ------------------------------------------------------------------


def take_key_words(lesson: Lesson, file: str) -> tuple[Lesson, list[Problem]]:
    """``lesson`` with its key-words lists made its key words, and notes saying what was done.

    ``file`` names the document in the notes. Key words already in
    ``lesson.vocabulary`` (or taken already, in any case) are not taken again.
    The entries taken leave the body, and a key-words heading or label with
    nothing left under it goes too; should that leave no text at all (a
    document that is only a glossary) the body is kept whole.
    """
    taker = _Taker(lesson, file)
    found: list[Section] = []
    for section in lesson.sections:
        kept, after = taker.section(section)
        if after:  # text below a key-words table: it reads on from the section before
            if found:
                found[-1] = replace(found[-1], blocks=found[-1].blocks + after)
            else:
                found.append(Section("", 2, after, after[0].line))
        if kept is not None:
            found.append(kept)
    sections = tuple(found)
    if not taker.taken:
        return lesson, taker.notes
    if not any(section.blocks for section in sections):
        sections = lesson.sections  # nothing else to read: keep the glossary as text too
    vocabulary = lesson.vocabulary + tuple(taker.taken)
    return replace(lesson, sections=sections, vocabulary=vocabulary), taker.notes


class _Taker:
    def __init__(self, lesson: Lesson, file: str) -> None:
        self.file = file
        self.known = {_key(entry.word) for entry in lesson.vocabulary}
        self.taken: list[VocabularyEntry] = []
        self.notes: list[Problem] = []

    def note(self, line: int, message: str) -> None:
        self.notes.append(Problem(self.file, line, message, "warning"))

    def section(self, section: Section) -> tuple[Section | None, tuple[Block, ...]]:
        """The section less what was taken (None when nothing is left), and the blocks
        that end a key-words table under its heading, to go in the section before."""
        if is_key_words_heading(section.heading):
            end = _end_of_table_list(section.blocks)
            notes = len(self.notes)
            kept, count = self.scope(section.blocks[:end], section.heading, section.line,
                                     bare=True)
            after = section.blocks[end:]
            if after and not count:  # nothing taken: the heading stays over all of it
                del self.notes[notes:]
                kept, count = self.scope(section.blocks, section.heading, section.line,
                                         bare=True)
                after = ()
            if count and not kept:
                return None, after
            return replace(section, blocks=tuple(kept)), after
        blocks: list[Block] = []
        items = section.blocks
        index = 0
        while index < len(items):
            block = items[index]
            index += 1
            titled = _table_title(block) if isinstance(block, Table) else ""
            if titled:  # a table whose own first row names key words
                blocks.extend(self.scope((block,), titled, block.line, bare=True)[0])
                continue
            label = spans_text(block.spans) if isinstance(block, Paragraph) else ""
            if not is_key_words_heading(label):
                blocks.append(block)
                continue
            end = index
            while end < len(items) and _follows_label(items[end]):
                end += 1
            kept, count = self.scope(items[index:end], label, block.line, bare=False)
            if not count or kept:
                blocks.append(block)
            blocks.extend(kept)
            index = end
        return replace(section, blocks=tuple(blocks)), ()

    def scope(self, blocks, name: str, line: int, *, bare: bool) -> tuple[list[Block], int]:
        """The blocks under a key-words heading (or label) ``name``, less the entries taken."""
        name = " ".join(name.split()).rstrip(":")
        before, notes = len(self.taken), len(self.notes)
        kept: list[Block] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                kept.extend(Paragraph(spans, block.line) for spans in
                            self.lines((block.spans,), block.line, name, bare))
            elif isinstance(block, ListBlock):
                items = self.lines(block.items, block.line, name, bare=True)
                if items:
                    kept.append(replace(block, items=tuple(items)))
            elif isinstance(block, Table):
                table = self.table(block, name)
                if table is not None:
                    kept.append(table)
            else:
                kept.append(block)
        count = len(self.taken) - before
        if count:
            words = "1 key word was" if count == 1 else f"{count} key words were"
            message = (f"{words} taken from '{name}' into the lesson's details; Lesson Lab "
                       "shows them with their meanings under 'Key words' at the end of the "
                       "lesson.")
        else:
            message = (f"Nothing under '{name}' was read as key words, so it was left as "
                       "text: write each one as 'word – meaning' on its own line, or in a "
                       "table of two columns.")
        # What was taken comes first, then the lines left as text.
        self.notes.insert(notes, Problem(self.file, line, message, "warning"))
        return kept, count

    def lines(self, lines: tuple[Inline, ...], line: int, name: str, bare: bool) -> list[Inline]:
        """The lines (paragraphs or list items) not taken as key words."""
        kept: list[Inline] = []
        for spans in lines:
            text = spans_text(spans)
            found = read_entry(text, bare=bare)
            if _bold_pair(spans) and (found is None or not found.meaning):
                found = Candidate(text, "", "put a dash or a colon between the word and "
                                  "its meaning")
            if found is None or not self.take(found, text, line, name):
                kept.append(spans)
        return kept

    def table(self, table: Table, name: str) -> Table | None:
        """The table less the rows taken; None when every row with words in it was taken."""
        texts = [tuple(spans_text(cell) for cell in row) for row in table.rows]
        width = max((len(row) for row in ([table.header] if table.header else []) + texts),
                    default=0)
        if width != 2:
            columns = "1 column" if width == 1 else f"{width} columns"
            self.note(table.line, f"The table under '{name}' has {columns}, so it was left "
                      "as text: key words are read from a table of two columns (word and "
                      "meaning).")
            return table
        # (row, its cells' text, marked as the header by Word); a title row ("Key
        # vocabulary" across both columns) and a header row ("Word | Meaning") are passed over.
        rows = [(table.header, tuple(spans_text(cell) for cell in table.header), True)] \
            if table.header else []
        rows += [(row, cells, False) for row, cells in zip(table.rows, texts, strict=True)]
        top: list[tuple[tuple[Inline, ...], tuple[str, ...], bool]] = []
        while rows and len(top) < 2 and (_is_title_row(rows[0][1])
                                         or is_header_row(rows[0][1], marked=rows[0][2])):
            top.append(rows.pop(0))
        kept: list[tuple[Inline, ...]] = []
        taken = useful = 0
        for row, cells, _marked in rows:
            found = read_row(cells)
            if found is None:
                kept.append(row)  # an empty row
            elif self.take(found, " | ".join(" ".join(c.split()) for c in cells).strip(" |"),
                           table.line, name):
                taken += 1
            else:
                kept.append(row)
                useful += 1
        if not taken:
            return table
        if not useful:
            return None
        header = top[0][0] if top and top[0][2] else ()
        above = [row for row, _cells, marked in top if not marked]
        return Table(header, tuple(above + kept), table.line)

    def take(self, found: Candidate, text: str, line: int, name: str) -> bool:
        """Take ``found`` as a key word; False (and a note) when it stays as text."""
        problem = found.problem
        if not problem and _key(found.word) in self.known:
            problem = f"'{found.word}' is a key word already"
        if problem:
            shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
            self.note(line, f"'{' '.join(shown.split())}' under '{name}' was left as text: "
                      f"{problem}.")
            return False
        self.known.add(_key(found.word))
        self.taken.append(VocabularyEntry(found.word, found.meaning))
        return True


def _is_title_row(cells: tuple[str, ...]) -> bool:
    """A row that only names a key-words list: "Key vocabulary" with nothing beside it."""
    return bool(cells) and is_key_words_heading(cells[0]) and not "".join(cells[1:]).strip()


def _table_title(table: Table) -> str:
    """The key-words name in a table's first row ("Key vocabulary", "Key word | Meaning"), or ""."""
    first = table.header or (table.rows[0] if table.rows else ())
    cells = tuple(spans_text(cell) for cell in first)
    if _is_title_row(cells):
        return cells[0]
    if is_key_words_heading(cells[0] if cells else "") and is_header_row(cells, marked=False):
        return cells[0]
    return ""


def _end_of_table_list(blocks: tuple[Block, ...]) -> int:
    """Where a key-words table's list ends under a key-words heading: the index of the
    first block after a table that is neither a table nor an entry ("*Extension:* research
    …" below the table is the lesson's text again); ``len(blocks)`` when none is."""
    tabled = False
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            tabled = True
        elif tabled and not _is_entry(block):
            return index
    return len(blocks)


def _is_entry(block: Block) -> bool:
    """Whether a paragraph, or an item of a list, reads as "word – meaning" with nothing amiss."""
    lines = (block.spans,) if isinstance(block, Paragraph) else \
        block.items if isinstance(block, ListBlock) else ()
    for spans in lines:
        found = read_entry(spans_text(spans), bare=False)
        if (found is not None and not found.problem) or _bold_pair(spans):
            return True
    return False


def _follows_label(block: Block) -> bool:
    """Whether ``block`` goes on a list that a "Key words:" paragraph started."""
    if isinstance(block, (ListBlock, Table)):
        return True
    if isinstance(block, Paragraph):
        return read_entry(spans_text(block.spans), bare=False) is not None \
            or _bold_pair(block.spans)
    return False


def _bold_pair(spans: Inline) -> bool:
    """A short bold word and then plain words, with nothing between ("**Evaporation** when …")."""
    bold = spans[0].bold if spans else False
    word = spans_text(spans[:1]).strip()
    rest = spans_text(spans[1:]).strip()
    return (bold and 0 < len(word.split()) <= MAX_WORDS and _is_word(word)
            and word.lower() not in _LABELS and any(char.isalpha() for char in rest)
            and not spans[1].bold)


def _key(word: str) -> str:
    return " ".join(word.lower().split())
