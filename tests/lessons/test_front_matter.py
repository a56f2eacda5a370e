"""The details at the top of a lesson file: read as the teacher wrote them, and a field
with text that cannot be read named, so nothing of it is lost when the details are saved."""

from __future__ import annotations

from lessons.front_matter import read_fields
from lessons.loader import parse_lesson_text
from lessons.model import VocabularyEntry


def lesson(details: str):
    return parse_lesson_text(f"---\n{details}---\n\nText.\n", "rivers.md")


def test_plain_values_are_the_text_written_not_numbers_or_yes_and_no() -> None:
    result = lesson("title: 1984\nsubject: 3.10\nyear_group: 7\nduration_minutes: 60\n"
                    "objectives:\n  - 42\n  - yes\nvocabulary:\n  on: Touching.\n  off: 010\n"
                    "  noon: 12:00\n  pi: 3.14159265358979323846\nneeds: [vi]\n")
    assert result.ok, result.problems
    found = result.lesson
    assert (found.title, found.subject, found.year_group, found.duration_minutes) == (
        "1984", "3.10", "Year 7", 60)
    assert found.objectives == ("42", "yes")
    assert found.vocabulary == (VocabularyEntry("on", "Touching."), VocabularyEntry("off", "010"),
                                VocabularyEntry("noon", "12:00"),
                                VocabularyEntry("pi", "3.14159265358979323846"))
    # Empty is still empty.
    assert lesson("title: Rain\nsubject:\nnotes_for_adults: ~\n").lesson.subject == ""


def test_key_words_as_a_list_of_maps_are_read_with_no_problem() -> None:
    result = lesson("title: Rivers\nvocabulary:\n  - word: source\n    definition: Where a "
                    "river starts.\n  - Definition: A bend in a river.\n    Term: meander\n"
                    "  - key word: mouth\n    meaning: Where it meets the sea.\n")
    assert result.ok and not result.problems
    assert [(e.word, e.definition) for e in result.lesson.vocabulary] == [
        ("source", "Where a river starts."), ("meander", "A bend in a river."),
        ("mouth", "Where it meets the sea.")]


def test_a_field_with_text_that_cannot_be_read_is_named_with_the_reason() -> None:
    read = read_fields("title: Rivers\nsubject: [a, b]\nduration_minutes: an hour\n"
                       "objectives: {aim: x}\nneeds: [vi, [hi]]\n"
                       "vocabulary:\n  - word: source\n    definition: Start.\n  - meander\n"
                       "notes_for_adults: Fine.\nkey_stage: KS9\n")
    assert set(read.unreadable) == {"subject", "duration_minutes", "objectives", "needs",
                                    "vocabulary"}
    assert read.unreadable["subject"] == "The subject should be text."
    assert "not a word" in read.unreadable["needs"]
    assert read.unreadable["vocabulary"].startswith("Some of the key vocabulary could not")
    # What could be read is there; a warning (an unknown key stage, kept) is no loss.
    assert read.values["needs"] == ("vi",)
    assert read.values["vocabulary"] == (VocabularyEntry("source", "Start."),)
    assert read.values["key_stage"] == "KS9"
    assert read_fields("title: Rivers\nvocabulary:\n  rain: Water.\n").unreadable == {}
    assert read_fields("title: [Rivers\n") is None  # not details at all: shown as text


def test_a_key_word_given_twice_is_reported_and_counts_as_not_all_read() -> None:
    details = "title: Rivers\nvocabulary:\n  source: Start.\n  mouth: End.\n  source: Begin.\n"
    result = lesson(details)
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (6, "warning", "The key word 'source' is given twice; only its last definition is "
                       "used.")]
    assert "vocabulary" in read_fields(details).unreadable


def test_an_empty_list_of_key_words_is_no_problem() -> None:
    result = lesson("title: Rivers\nvocabulary: []\n")
    assert result.ok and not result.problems and result.lesson.vocabulary == ()
