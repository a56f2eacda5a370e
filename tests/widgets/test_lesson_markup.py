"""The lesson editor's formatting rules, as plain strings."""

from __future__ import annotations

import pytest
import yaml

from widgets.lesson_markup import (
    MarkupError,
    toggle_bold,
    toggle_heading,
    toggle_list,
    vocabulary_edit,
    yaml_scalar,
)

LESSON = """---
title: The water cycle
vocabulary:
  evaporation: When water turns into a gas.
  condensation: When a gas turns back into water.
notes_for_adults: Bring a kettle.
---

## Where does rain come from?

The sun warms the sea.
"""


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---")[1])


@pytest.mark.parametrize(("selected", "expected"), [
    ("word", "**word**"),
    (" two words ", " **two words** "),
    ("**word**", "word"),
    ("", "****"),
])
def test_bold_wraps_and_unwraps(selected: str, expected: str) -> None:
    assert toggle_bold(selected) == expected


def test_headings_toggle_and_replace_levels() -> None:
    assert toggle_heading("Rain", 2) == "## Rain"
    assert toggle_heading("## Rain", 2) == "Rain"
    assert toggle_heading("## Rain", 3) == "### Rain"
    assert toggle_heading("### Rain", 2) == "## Rain"
    assert toggle_heading("One\n\nTwo", 2) == "## One\n\n## Two"
    with pytest.raises(ValueError):
        toggle_heading("Rain", 1)


def test_lists_number_each_line_and_toggle_off() -> None:
    assert toggle_list("sun\nrain", numbered=False) == "- sun\n- rain"
    assert toggle_list("sun\nrain", numbered=True) == "1. sun\n2. rain"
    assert toggle_list("- sun\n- rain", numbered=True) == "1. sun\n2. rain"
    assert toggle_list("1. sun\n2. rain", numbered=True) == "sun\nrain"
    assert toggle_list("- sun\n\n- rain", numbered=False) == "sun\n\nrain"


def test_a_key_word_goes_at_the_end_of_the_vocabulary_block() -> None:
    edit = vocabulary_edit(LESSON, "sea", "Salt water that covers much of the Earth.")
    text = edit.apply(LESSON)
    assert front_matter(text)["vocabulary"]["sea"] == "Salt water that covers much of the Earth."
    assert list(front_matter(text)["vocabulary"]) == ["evaporation", "condensation", "sea"]
    assert text.splitlines()[edit.line - 1] == "  sea: Salt water that covers much of the Earth."
    # Every other line is as it was.
    assert text.replace("  sea: Salt water that covers much of the Earth.\n", "") == LESSON


def test_a_lesson_without_key_words_gets_a_vocabulary_block() -> None:
    lesson = "---\ntitle: Rain\n---\n\nText.\n"
    text = vocabulary_edit(lesson, "rain", "Water: falling from clouds").apply(lesson)
    assert front_matter(text)["vocabulary"] == {"rain": "Water: falling from clouds"}
    assert text.endswith("---\n\nText.\n")


def test_an_empty_mapping_becomes_a_block() -> None:
    lesson = "---\ntitle: Rain\nvocabulary: {}\n---\n"
    text = vocabulary_edit(lesson, "rain", "Water from clouds.").apply(lesson)
    assert front_matter(text)["vocabulary"] == {"rain": "Water from clouds."}


@pytest.mark.parametrize(("text", "word", "definition", "message"), [
    (LESSON, "Evaporation", "again", "already a key word"),
    ("No front matter here.\n", "rain", "water", "no front matter"),
    ("---\ntitle: Rain\nvocabulary: {rain: water}\n---\n", "sun", "star", "on one line"),
    (LESSON, "", "water", "Select a word"),
    (LESSON, "sea", "  ", "definition"),
])
def test_key_words_that_cannot_be_added_say_why(text, word, definition, message) -> None:
    with pytest.raises(MarkupError, match=message):
        vocabulary_edit(text, word, definition)


@pytest.mark.parametrize("value", ["plain words", "yes", "a: colon", "# hash", "'quoted'",
                                   "123", "null", "“curly”"])
def test_scalars_read_back_exactly(value: str) -> None:
    assert yaml.safe_load(f"k: {yaml_scalar(value)}") == {"k": value}


def test_a_line_is_a_heading_or_a_list_item_never_both() -> None:
    assert toggle_list("## Rain", numbered=False) == "- Rain"
    assert toggle_heading("- Rain", 2) == "## Rain"
    assert toggle_heading("3. Rain", 3) == "### Rain"
