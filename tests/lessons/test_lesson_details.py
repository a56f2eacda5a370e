"""A lesson file's details, split from the body and written back changing only what changed."""

from __future__ import annotations

import difflib
from dataclasses import replace

import pytest

from lessons.checker_model import NEED_LABELS
from lessons.lesson_details import (
    NEED_CHOICES,
    DetailsError,
    DetailsState,
    LessonDetails,
    add_key_word,
    field_at_line,
    field_line,
    read_details,
    split_lesson_file,
)
from lessons.library import builtin_folder, lesson_files
from lessons.loader import load_lesson, parse_lesson_text
from lessons.model import VocabularyEntry
from lessons.writer import lesson_to_markdown

LIBRARY = sorted(lesson_files(builtin_folder()))

COMMENTED = """---
# Written by hand, with notes to self.
title: Rain   # short for now
subject: Geography
year: 4
vocabulary:
  cloud: Tiny drops of water floating in the air.
  # more words to come
reviewed_by: Ms Patel
lesson_code: [GEO, 4, rain]
notes_for_adults: |
  Bring umbrellas.
  # A line of the notes, not a comment.
---

## Where rain comes from

The sun warms the sea.
"""


def state_of(text: str) -> tuple[DetailsState, str]:
    file = split_lesson_file(text)
    return DetailsState.of(file), file.body


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_every_built_in_lesson_comes_back_byte_for_byte(path) -> None:
    text = path.read_text(encoding="utf-8")
    state, body = state_of(text)
    assert state.readable
    assert state.text(body) == text
    assert not body.startswith("\n")  # the text box starts at the lesson's first words
    assert state.current.title == load_lesson(path).lesson.title


@pytest.mark.parametrize("path", LIBRARY[:4], ids=lambda p: p.name)
def test_a_changed_title_changes_only_the_title_line(path) -> None:
    text = path.read_text(encoding="utf-8")
    state, body = state_of(text)
    edited = state.edited(replace(state.current, title="A title: with a colon"))
    after = edited.text(body)
    assert changed_lines(text, after) == [
        f"-title: {state.current.title}" if ":" not in state.current.title
        else f'-title: "{state.current.title}"',
        "+title: 'A title: with a colon'"]
    before, now = load_lesson(path).lesson, parse_lesson_text(after, path).lesson
    assert now == replace(before, title="A title: with a colon", body=now.body)


def test_comments_and_fields_lesson_lab_does_not_use_are_kept_when_others_change() -> None:
    state, body = state_of(COMMENTED)
    current = replace(state.current, title="Where rain comes from", year_group="Year 5",
                      vocabulary=(*state.current.vocabulary,
                                  VocabularyEntry("evaporation", "Water turning into a gas.")),
                      needs=("hi",), notes_for_adults="")
    after = state.edited(current).text(body)
    for kept in ("# Written by hand, with notes to self.", "  # more words to come",
                 "reviewed_by: Ms Patel", "lesson_code: [GEO, 4, rain]", "subject: Geography"):
        assert kept in after.splitlines(), kept
    assert "title: Where rain comes from   # short for now" in after
    assert "year_group: Year 5" in after and "year: 4" not in after
    assert "notes_for_adults" not in after and "Bring umbrellas." not in after
    assert "A line of the notes" not in after
    result = parse_lesson_text(after)
    assert result.lesson.needs == ("hi",)
    assert [e.word for e in result.lesson.vocabulary] == ["cloud", "evaporation"]
    assert read_details(split_lesson_file(after).details) == current


def test_a_new_field_goes_in_the_order_lesson_files_use() -> None:
    text = "---\ntitle: Rain\nvocabulary:\n  cloud: Drops of water.\n---\n\nText.\n"
    state, body = state_of(text)
    after = state.edited(replace(state.current, key_stage="KS2", duration_minutes=45,
                                 objectives=("Say where rain comes from.",))).text(body)
    assert after == ("---\ntitle: Rain\nkey_stage: KS2\nduration_minutes: 45\nobjectives:\n"
                     "  - Say where rain comes from.\nvocabulary:\n  cloud: Drops of water.\n"
                     "---\n\nText.\n")


def test_an_emptied_title_is_written_empty_so_the_loader_says_what_is_missing() -> None:
    state, body = state_of(COMMENTED)
    after = state.edited(replace(state.current, title="")).text(body)
    result = parse_lesson_text(after)
    assert result.lesson is None
    assert [p.message for p in result.problems if p.severity == "error"] == [
        "This lesson has no title."]


def test_needs_are_read_as_tags_or_words_and_an_unknown_one_is_kept() -> None:
    text = "---\ntitle: Rain\nneeds: [VI, 'Speech, language and communication needs', " \
           "telepathy]\n---\n\nText.\n"
    result = parse_lesson_text(text)
    assert result.lesson.needs == ("vi", "slcn", "telepathy")
    assert [p.message for p in result.problems] == [
        "Lesson Lab does not know the need 'telepathy'; use one of vi, hi, msi, slcn, "
        "dyslexia, visual-stress, autism, adhd, dcd, learning, semh, eal, cvd."]
    assert "needs: [vi, slcn, telepathy]" in lesson_to_markdown(result.lesson)
    for written, tags in (("Speech, language and communication needs", ("slcn",)),
                          ("vi, Dyslexia", ("vi", "dyslexia"))):
        lesson = parse_lesson_text(f"---\ntitle: Rain\nneeds: {written}\n---\n\nText.\n").lesson
        assert lesson.needs == tags, written


def test_the_needs_are_named_in_full_as_the_checker_names_them() -> None:
    names = dict(NEED_CHOICES)
    for need, label in NEED_LABELS.items():
        assert names[need] == label
    assert names["adhd"] == "ADHD" and names["eal"] == "English as an additional language"


def test_a_file_with_no_details_gets_them_from_the_form() -> None:
    state, body = state_of("Just some text.\n")
    assert body == "Just some text.\n" and state.current == LessonDetails()
    assert parse_lesson_text(state.text(body)).problems[0].message == "This lesson has no title."
    after = state.edited(replace(state.current, title="Found text")).text(body)
    assert after == "---\ntitle: Found text\n---\n\nJust some text.\n"
    assert parse_lesson_text(after).lesson.title == "Found text"


def test_details_with_no_closing_line_end_at_the_first_empty_line() -> None:
    file = split_lesson_file("---\ntitle: Rain\nsubject: Science\n\n## Rain\n\nIt falls.\n")
    assert not file.closed
    assert file.details == "title: Rain\nsubject: Science\n"
    assert file.body == "## Rain\n\nIt falls.\n"
    state = DetailsState.of(file)
    assert parse_lesson_text(state.text(file.body)).lesson.subject == "Science"


def test_details_that_cannot_be_read_are_kept_as_text_to_fix() -> None:
    text = "---\ntitle: Rain: a story\nsubject: Science\n---\n\nText.\n"
    state, body = state_of(text)
    assert not state.readable and state.current is None
    assert state.text(body) == text and state.as_form() is None
    typed = state.with_source('title: "Rain: a story"\nsubject: Science\n')
    assert typed.text(body) == text.replace("Rain: a story", '"Rain: a story"')
    form = typed.as_form()
    assert form.readable and form.current.title == "Rain: a story"
    assert form.text(body) == typed.text(body)
    # Typed without a last line break, the closing '---' still starts a line of its own.
    assert state.with_source("title: Rain").text(body) == "---\ntitle: Rain\n---\n\nText.\n"


def test_a_file_that_ends_on_its_closing_line_gets_a_body_below_it() -> None:
    state, body = state_of("---\ntitle: Rain\n---")
    assert body == "" and state.text(body) == "---\ntitle: Rain\n---"
    assert state.text("Text.\n") == "---\ntitle: Rain\n---\nText.\n"
    assert state.lines_before_body() == 3


def test_key_words_are_added_once_each() -> None:
    details = LessonDetails(title="Rain", vocabulary=(VocabularyEntry("cloud", "Drops."),))
    added = add_key_word(details, " “evaporation”, ", "  Water   turning into a gas. ")
    assert added.vocabulary[-1] == VocabularyEntry("evaporation", "Water turning into a gas.")
    for word, definition, message in (("Cloud", "x", "“Cloud” is already a key word."),
                                      ("", "x", "Select a word in the lesson text first."),
                                      ("rain", " ", "Give “rain” a short definition")):
        with pytest.raises(DetailsError, match=message):
            add_key_word(details, word, definition)


def test_a_line_of_the_details_names_its_field() -> None:
    source = split_lesson_file(COMMENTED).details
    lines = source.splitlines()
    assert field_at_line(source, lines.index("subject: Geography") + 1) == "subject"
    assert field_at_line(source, lines.index("  cloud: Tiny drops of water floating in the air.")
                         + 1) == "vocabulary"
    assert field_at_line(source, 1) is None  # the comment at the top


UNREADABLE = """---
title: Rivers
duration_minutes: about an hour
objectives:
  aim: Name the parts of a river.
vocabulary:
  - word: source
    definition: Where a river starts.
  - meander
---

Text.
"""


def test_a_field_that_could_not_all_be_read_is_never_rewritten() -> None:
    state, body = state_of(UNREADABLE)
    assert state.readable
    assert [name for name, _ in state.unreadable] == ["duration_minutes", "objectives",
                                                      "vocabulary"]
    assert state.reason("objectives").startswith("The learning objectives should be a list")
    assert state.reason("title") is None
    # A change to them (which the form does not offer) is not made; the title's is.
    wanted = replace(state.current, title="Rivers and seas", duration_minutes=50,
                     objectives=("Say where rivers go.",),
                     vocabulary=(*state.current.vocabulary, VocabularyEntry("mouth", "End.")))
    after = state.edited(wanted).text(body)
    assert after == UNREADABLE.replace("title: Rivers\n", "title: Rivers and seas\n")
    assert field_line(state.yaml(), "vocabulary") == 5


def test_details_written_again_whole_keep_what_could_not_be_read() -> None:
    # Details on one line cannot be changed line by line: they are written again.
    text = ("---\n{title: Rivers, duration: an hour, vocabulary: [{word: source, "
            "definition: Start.}, meander]}\n---\n\nText.\n")
    state, body = state_of(text)
    assert {name for name, _ in state.unreadable} == {"duration_minutes", "vocabulary"}
    after = state.edited(replace(state.current, title="Rivers and seas")).text(body)
    result = parse_lesson_text(after)
    assert result.lesson.title == "Rivers and seas"
    assert "duration: an hour\n" in after
    assert [e.word for e in result.lesson.vocabulary] == ["source"]
    again, _ = state_of(after)
    assert again.unreadable == state.unreadable  # the same text, still there to fix
    assert "- meander" in after
