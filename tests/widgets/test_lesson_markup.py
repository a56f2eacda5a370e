"""The lesson editor's formatting rules, as plain strings."""

from __future__ import annotations

import pytest

from widgets.lesson_markup import toggle_bold, toggle_heading, toggle_list


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


def test_a_line_is_a_heading_or_a_list_item_never_both() -> None:
    assert toggle_list("## Rain", numbered=False) == "- Rain"
    assert toggle_heading("- Rain", 2) == "## Rain"
    assert toggle_heading("3. Rain", 3) == "### Rain"
