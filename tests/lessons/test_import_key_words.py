"""Recognising a teacher's key-words list in an imported lesson (lessons/import_key_words.py).

The rules are tried on lines and lesson models here; tests/lessons/
test_import_key_words_files.py imports real Word and text files.
"""

from __future__ import annotations

import pytest

from lessons.import_key_words import (
    glossary_lines,
    is_header_row,
    is_key_words_heading,
    read_entry,
    read_row,
    take_key_words,
)
from lessons.inline import plain_spans
from lessons.model import (
    Lesson,
    ListBlock,
    Paragraph,
    Section,
    Span,
    Table,
    Task,
    VocabularyEntry,
    spans_text,
)

# (heading or label, names a key-words list)
HEADINGS = [
    ("Key words", True),
    ("KEY WORDS", True),
    ("Key words:", True),
    ("Keywords", True),
    ("Key-words", True),
    ("Key vocabulary", True),
    ("Key Vocab:", True),
    ("Vocabulary", True),
    ("Vocabulary list", True),
    ("Subject vocabulary", True),
    ("Glossary", True),
    ("Glossary of terms", True),
    ("Word bank", True),
    ("Wordbank", True),
    ("Key terms and definitions", True),
    ("Key words and their meanings", True),
    ("Today’s key words", True),
    ("3. Key words", True),
    ("**Key words**", True),
    ("Words", False),
    ("Key words we will use in our writing today", False),
    ("Using vocabulary in a story", False),
    ("Vocabulary practice", False),
    ("The key to the map", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_headings_that_name_a_key_words_list(text, expected):
    assert is_key_words_heading(text) is expected


# (line, word, meaning); both None when the line is not an entry at all
ENTRIES = [
    ("evaporation – when water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation - when water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation — when water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation -- when water turns into a gas", "evaporation",
     "when water turns into a gas"),
    ("evaporation: when water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation = when water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation\twhen water turns into a gas", "evaporation", "when water turns into a gas"),
    ("evaporation– when water turns into a gas", "evaporation", "when water turns into a gas"),
    # a hyphen in the word is not a separator; the spaced one is
    ("self-esteem - how you feel about yourself", "self-esteem", "how you feel about yourself"),
    ("self-esteem – how you feel about yourself", "self-esteem", "how you feel about yourself"),
    ("well-being: feeling well-looked-after", "well-being", "feeling well-looked-after"),
    ("pre- and post-war – before and after the war", "pre- and post-war",
     "before and after the war"),
    # a colon (or a dash) inside the meaning stays in it: the first separator counts
    ("evaporation: when water is heated: it turns into a gas", "evaporation",
     "when water is heated: it turns into a gas"),
    ("erosion – wearing away: slowly, by water", "erosion", "wearing away: slowly, by water"),
    ("erosion: wearing away – slowly", "erosion", "wearing away – slowly"),
    ("ratio 3:2 – three parts to two", "ratio 3:2", "three parts to two"),
    # a phrase of up to five words
    ("water vapour – water as a gas", "water vapour", "water as a gas"),
    ("the Battle of Hastings – 1066", "the Battle of Hastings", "1066"),
    # numbering, quotation marks, bold marks and a word class are not part of the word
    ("1. source – where a river starts", "source", "where a river starts"),
    ("“water vapour” – water as a gas", "water vapour", "water as a gas"),
    ("evaporation (noun) – when water turns into a gas", "evaporation",
     "when water turns into a gas"),
    # not entries: instructions, introductions, dates, sentences
    ("Note: learn these words for Friday", None, None),
    ("Remember – use them in your writing", None, None),
    ("Learn these words:", None, None),
    ("1066 – the Battle of Hastings", None, None),
    ("We will learn lots of new words today.", None, None),
    ("Use these words in your writing when you can", None, None),
]


@pytest.mark.parametrize(("line", "word", "meaning"), ENTRIES)
def test_lines_read_as_a_word_and_its_meaning(line, word, meaning):
    found = read_entry(line)
    if word is None:
        assert found is None
    else:
        assert found is not None and found.problem == ""
        assert (found.word, found.meaning) == (word, meaning)


# (line, words in the reason it is not taken)
NOT_TAKEN = [
    ("deposition –", "no meaning after the '–'"),
    ("deposition:", None),  # "Learn these words:" and "deposition:" look alike: not an entry
    ("evaporation", "no meaning beside it"),
    ("self-esteem", "no meaning beside it"),
    ("the place where two rivers join – confluence", "too long for a key word"),
    ("In this lesson you will learn: new words", "too long for a key word"),
]


@pytest.mark.parametrize(("line", "reason"), NOT_TAKEN)
def test_lines_that_look_like_entries_but_are_not_say_why(line, reason):
    found = read_entry(line)
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found.problem


def test_a_bare_word_is_an_entry_only_where_one_is_expected():
    assert read_entry("evaporation", bare=False) is None
    assert read_entry("evaporation", bare=True).problem


# (cells, marked as a header by Word, is a header)
HEADER_ROWS = [
    (("Word", "Meaning"), False, True),
    (("Key word", "What it means"), False, True),
    (("Term", "Definition"), False, True),
    (("Vocabulary:", "Explanation"), False, True),
    (("Word", "Picture"), False, False),
    (("Word", "Picture"), True, True),
    (("Evaporation", "When water turns into a gas"), True, False),
    (("Evaporation", "When water turns into a gas"), False, False),
    (("Word", "Meaning", "Picture"), True, False),
]


@pytest.mark.parametrize(("cells", "marked", "expected"), HEADER_ROWS)
def test_header_rows(cells, marked, expected):
    assert is_header_row(cells, marked=marked) is expected


# (cells, word, meaning, words in the reason it is not taken; all None for an empty row)
ROWS = [
    (("evaporation", "When water turns into a gas."), "evaporation",
     "When water turns into a gas.", ""),
    (("  self-esteem: ", " How you feel\nabout yourself "), "self-esteem",
     "How you feel about yourself", ""),
    (("evaporation", ""), "evaporation", "", "no meaning"),
    (("", "When water turns into a gas."), "", "When water turns into a gas.", "no word"),
    (("the place where two rivers meet", "confluence"), "the place where two rivers meet",
     "confluence", "too long"),
    (("", " "), None, None, None),
]


@pytest.mark.parametrize(("cells", "word", "meaning", "reason"), ROWS)
def test_table_rows(cells, word, meaning, reason):
    found = read_row(cells)
    if word is None:
        assert found is None
        return
    assert (found.word, found.meaning) == (word, meaning)
    assert (reason in found.problem) if reason else found.problem == ""


def test_lines_broken_in_a_paragraph_and_tabs_between_word_and_meaning():
    lines = glossary_lines([Span("Evaporation", bold=True),
                            Span("\twhen water turns into a gas\ncondensation\twhen "),
                            Span("gas", italic=True), Span(" turns\tback into water\n\n")])
    assert [spans_text(line) for line in lines] == [
        "Evaporation – when water turns into a gas",
        "condensation – when gas turns back into water",  # only the first tab pairs
    ]
    assert lines[0][0] == Span("Evaporation", bold=True)
    assert Span("gas", italic=True) in lines[1]
    assert [spans_text(line) for line in glossary_lines([Span("\tindented – a line")])] == [
        "indented – a line"]


# -- whole lessons -------------------------------------------------------------------


def para(text: str, line: int = 1) -> Paragraph:
    return Paragraph(plain_spans(text), line)


def items(*texts: str, line: int = 1) -> ListBlock:
    return ListBlock(tuple(plain_spans(text) for text in texts), False, line)


def table(rows, header=(), line: int = 1) -> Table:
    return Table(tuple(plain_spans(cell) for cell in header),
                 tuple(tuple(plain_spans(cell) for cell in row) for row in rows), line)


RIVER = Section("The river", 2, (para("The River Severn is long.", 20),), 19)


def lesson(*sections: Section, vocabulary=()) -> Lesson:
    return Lesson(title="Rivers", sections=sections, vocabulary=vocabulary)


def words(result: Lesson) -> list[tuple[str, str]]:
    return [(entry.word, entry.definition) for entry in result.vocabulary]


def test_a_key_words_list_becomes_the_key_words_and_leaves_the_body():
    glossary = Section("Key words", 2, (items(
        "source – where a river starts",
        "self-esteem - how you feel about yourself",
        "meander: a bend in a river: it moves over time",
        line=4),), 3)
    result, notes = take_key_words(lesson(glossary, RIVER), "rivers.docx")
    assert words(result) == [
        ("source", "where a river starts"),
        ("self-esteem", "how you feel about yourself"),
        ("meander", "a bend in a river: it moves over time"),
    ]
    assert result.sections == (RIVER,)  # shown under "Key words" at the end, as built-in lessons
    assert [str(note) for note in notes] == [
        "rivers.docx:3: 3 key words were taken from 'Key words' into the lesson's details; "
        "Lesson Lab shows them with their meanings under 'Key words' at the end of the lesson."]


def test_a_key_words_heading_over_a_plain_paragraph_is_left_as_text():
    glossary = Section("Key words", 2, (
        para("We will meet lots of new words about rivers today.", 4),), 3)
    original = lesson(glossary, RIVER)
    result, notes = take_key_words(original, "rivers.txt")
    assert result == original
    assert len(notes) == 1 and notes[0].line == 3
    assert "Nothing under 'Key words' was read as key words" in notes[0].message


def test_a_section_that_is_not_a_key_words_list_is_not_touched():
    stages = Section("Stages", 2, (table([("Evaporation", "The sun warms the sea.")],
                                         header=("Stage", "What happens")),
                                   items("evaporation – when water turns into a gas")), 3)
    original = lesson(stages, RIVER)
    assert take_key_words(original, "x.docx") == (original, [])


@pytest.mark.parametrize("header", [("Word", "Meaning"), ()])
def test_a_two_column_table_with_or_without_a_header_row(header):
    rows = [("Word", "Meaning")] if not header else []  # unmarked: the first row says so
    rows += [("erosion", "Wearing away of rock."), ("deposition", "Dropping of sediment.")]
    glossary = Section("Glossary", 2, (table(rows, header=header, line=5),), 4)
    result, notes = take_key_words(lesson(glossary, RIVER), "x.docx")
    assert words(result) == [("erosion", "Wearing away of rock."),
                             ("deposition", "Dropping of sediment.")]
    assert result.sections == (RIVER,)
    assert "2 key words were taken from 'Glossary'" in notes[0].message and len(notes) == 1


def test_a_table_with_no_header_row_takes_its_first_row():
    glossary = Section("Word bank", 2, (table([("erosion", "Wearing away."),
                                               ("tributary", "A small river.")]),), 4)
    result, _ = take_key_words(lesson(glossary, RIVER), "x.docx")
    assert words(result) == [("erosion", "Wearing away."), ("tributary", "A small river.")]


def test_a_bold_first_row_marked_as_a_header_that_is_an_entry_is_taken():
    glossary = Section("Key words", 2, (table([("tributary", "A small river.")],
                                              header=("erosion", "Wearing away.")),), 4)
    result, _ = take_key_words(lesson(glossary, RIVER), "x.docx")
    assert words(result) == [("erosion", "Wearing away."), ("tributary", "A small river.")]


def test_a_three_column_table_is_left_as_text_and_named():
    three = table([("erosion", "Wearing away.", "picture")],
                  header=("Word", "Meaning", "Picture"), line=6)
    glossary = Section("Key vocabulary", 2, (three,), 5)
    original = lesson(glossary, RIVER)
    result, notes = take_key_words(original, "x.docx")
    assert result == original
    assert any(note.line == 6 and "has 3 columns, so it was left as text" in note.message
               for note in notes)


def test_rows_with_an_empty_cell_stay_in_the_table_and_are_named():
    glossary = Section("Key words", 2, (table([
        ("erosion", "Wearing away."),
        ("deposition", ""),
        ("", ""),
        ("", "A bend in a river."),
        ("tributary", "A small river."),
    ], header=("Word", "Meaning"), line=7),), 6)
    result, notes = take_key_words(lesson(glossary, RIVER), "x.docx")
    assert words(result) == [("erosion", "Wearing away."), ("tributary", "A small river.")]
    kept = result.sections[0].blocks[0]
    assert result.sections[0].heading == "Key words"  # something is left under it
    assert kept.header == tuple(plain_spans(c) for c in ("Word", "Meaning"))
    assert [tuple(spans_text(c) for c in row) for row in kept.rows] == [
        ("deposition", ""), ("", ""), ("", "A bend in a river.")]
    messages = [note.message for note in notes]
    assert "2 key words were taken" in messages[0]
    assert messages[1:] == [
        "'deposition' under 'Key words' was left as text: it has no meaning beside it.",
        "'A bend in a river.' under 'Key words' was left as text: it has a meaning but "
        "no word."]


def test_after_a_key_words_label_the_entries_that_follow_are_taken():
    section = Section("The river", 2, (
        para("Read about rivers.", 2),
        para("Key vocabulary:", 3),
        para("source – where a river starts", 4),
        para("mouth: where a river meets the sea", 5),
        items("tributary - a small river", line=6),
        para("The River Severn is the longest river in Britain.", 8),
        para("estuary – where the river widens", 9),  # not under the label any more
    ), 1)
    result, notes = take_key_words(lesson(section), "x.txt")
    assert words(result) == [("source", "where a river starts"),
                             ("mouth", "where a river meets the sea"),
                             ("tributary", "a small river")]
    assert [spans_text(b.spans) for b in result.sections[0].blocks] == [
        "Read about rivers.", "The River Severn is the longest river in Britain.",
        "estuary – where the river widens"]
    assert len(notes) == 1 and notes[0].line == 3 and "'Key vocabulary'" in notes[0].message


def test_a_label_followed_by_prose_keeps_everything():
    section = Section("", 2, (para("Vocabulary", 2),
                              para("Use ambitious words in your story.", 3)), 2)
    original = lesson(section)
    result, notes = take_key_words(original, "x.docx")
    assert result == original and "Nothing under 'Vocabulary'" in notes[0].message


def test_words_already_key_words_are_not_taken_twice():
    known = (VocabularyEntry("evaporation", "When water turns into a gas."),)
    glossary = Section("Key words", 2, (items(
        "Evaporation – when water heats up",
        "condensation – when gas turns into water",
        "CONDENSATION – the same word again",
        line=4),), 3)
    result, notes = take_key_words(lesson(glossary, RIVER, vocabulary=known), "x.docx")
    assert words(result) == [("evaporation", "When water turns into a gas."),
                             ("condensation", "when gas turns into water")]
    left = result.sections[0].blocks[0]
    assert [spans_text(item) for item in left.items] == [
        "Evaporation – when water heats up", "CONDENSATION – the same word again"]
    assert "1 key word was taken" in notes[0].message
    assert "'Evaporation' is a key word already" in notes[1].message
    assert "'CONDENSATION' is a key word already" in notes[2].message


def test_lines_left_as_text_are_named_and_the_rest_taken():
    glossary = Section("Key words", 2, (
        para("Learn these words:", 4),
        items("erosion – wearing away", "deposition –", "confluence",
              "the place where two rivers join together – confluence", line=5),
        para("estuary", 9),
        Task("task", plain_spans("Use three key words in a sentence."), 10),
    ), 3)
    result, notes = take_key_words(lesson(glossary, RIVER), "x.txt")
    assert words(result) == [("erosion", "wearing away")]
    blocks = result.sections[0].blocks
    assert spans_text(blocks[0].spans) == "Learn these words:"
    assert [spans_text(item) for item in blocks[1].items] == [
        "deposition –", "confluence", "the place where two rivers join together – confluence"]
    assert isinstance(blocks[3], Task)
    messages = [note.message for note in notes]
    assert messages[0].startswith("1 key word was taken from 'Key words'")
    assert messages[1:] == [
        "'deposition –' under 'Key words' was left as text: it has no meaning after the '–'.",
        "'confluence' under 'Key words' was left as text: it has no meaning beside it.",
        "'the place where two rivers join together – confluence' under 'Key words' was left "
        "as text: the part before the '–' is too long for a key word (at most 5 words).",
        "'estuary' under 'Key words' was left as text: it has no meaning beside it.",
    ]


def test_a_bold_word_with_no_separator_is_named_not_taken():
    bold = Paragraph((Span("Evaporation", bold=True),
                      Span(" when water turns into a gas")), 4)
    glossary = Section("Key words", 2, (bold,), 3)
    result, notes = take_key_words(lesson(glossary, RIVER), "x.docx")
    assert result.vocabulary == () and result.sections[0].blocks == (bold,)
    assert "put a dash or a colon between the word and its meaning" in notes[1].message


def test_a_document_that_is_only_a_glossary_keeps_its_text():
    glossary = Section("Glossary", 2, (items("erosion – wearing away"),), 1)
    result, notes = take_key_words(lesson(glossary), "x.docx")
    assert words(result) == [("erosion", "wearing away")]
    assert result.sections == (glossary,)  # a lesson needs some text to read
    assert "1 key word was taken" in notes[0].message


@pytest.mark.parametrize(("first", "header"), [
    (("Key vocabulary", ""), ()),  # a title row across both columns (merged in Word)
    ((), ("Key vocabulary", "")),  # the same, marked as the header row
    (("Key words", "Meaning"), ()),
    ((), ("Keyword", "Definition")),
])
def test_a_table_whose_first_row_names_key_words_needs_no_heading(first, header):
    rows = ([first] if first else []) + [("Word", "Meaning"), ("erosion", "Wearing away."),
                                         ("estuary", "")]
    if first and first[1]:
        rows.remove(("Word", "Meaning"))  # its own header row is the name
    section = Section("The river", 2, (para("Rivers shape the land.", 2),
                                       table(rows, header=header, line=3)), 1)
    result, notes = take_key_words(lesson(section), "x.docx")
    assert words(result) == [("erosion", "Wearing away.")]
    kept = result.sections[0].blocks[1]
    assert kept.header == tuple(plain_spans(cell) for cell in header)
    assert [spans_text(row[0]) for row in kept.rows][-1] == "estuary"
    assert notes[0].message.startswith("1 key word was taken from 'K")
    assert "'estuary'" in notes[1].message


def test_a_word_and_meaning_table_with_no_key_words_name_is_not_touched():
    section = Section("Rivers", 2, (table([("Word", "Meaning"), ("erosion", "Wearing away.")]),
                                    table([("source", "Where a river starts.")],
                                          header=("Word", "Meaning"))), 1)
    original = lesson(section)
    assert take_key_words(original, "x.docx") == (original, [])
