"""The checker's words for teachers: where a finding is, and messages without jargon.

Each test fails on the old wording: places were "lesson.md:28", weights were
"weight 400", spacing was "0.12 em" with nothing said about it, and the
passive-voice rule called itself "a heuristic".
"""

from __future__ import annotations

import pytest

from lessons.checker_context import CheckContext
from lessons.checker_rules_visual import spacing_words, weight_words
from tests.lessons.checker_support import CLEAN_PROFILE, lesson_text, load, of_rule, profile, review

BODY = """\
Rain falls from *clouds*.

## Key words

The sun warms the sea.

Some water is *heated* by the sun.

- Clouds are grey.
- Rain is *wet*.

| Stage | What happens |
|---|---|
| Evaporation | Water turns into a gas. |
| Rain | Water *falls* down. |

> Task: Draw the water cycle.
"""


def line_of(text: str, words: str) -> int:
    """The file line (from 1) of the first line holding ``words``."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


@pytest.mark.parametrize(("words", "place"), [
    ("Rain falls from", "Start of the lesson, paragraph 1"),
    ("## Key words", "Heading “Key words”"),
    ("The sun warms", "Key words, paragraph 1"),
    ("Some water is", "Key words, paragraph 2"),
    ("- Rain is", "Key words, point 2 of the list"),
    ("| Stage |", "Key words, heading row of the table"),
    ("| Rain |", "Key words, row 2 of the table"),
    ("> Task:", "Key words, the task"),
])
def test_a_line_is_named_by_its_section_and_paragraph(words: str, place: str) -> None:
    text = lesson_text(BODY)
    ctx = CheckContext.build(load(text), CLEAN_PROFILE, text)
    assert ctx.place_of(line_of(text, words)) == place


def test_a_line_outside_the_lesson_body_is_named_by_its_number() -> None:
    text = lesson_text(BODY)
    ctx = CheckContext.build(load(text), CLEAN_PROFILE, text)
    assert ctx.place_of(2) == "Line 2 of the lesson"  # in the front matter


def test_every_finding_in_the_text_says_where_it_is_in_words() -> None:
    report = review(BODY)
    italics = of_rule(report, "RNIB-italics")
    assert {f.place for f in italics} == {
        "Start of the lesson, paragraph 1", "Key words, paragraph 2",
        "Key words, point 2 of the list", "Key words, row 2 of the table"}
    assert all(f.to_dict()["place"] == f.place for f in italics)
    assert all(f.place == "" for f in report.findings if f.line is None)


def test_font_weights_are_named_in_words() -> None:
    assert weight_words(400) == "normal weight"
    assert weight_words(300) == "light"
    assert weight_words(600) == "semi-bold"
    assert weight_words(700) == "bold"
    message = of_rule(review(prof=profile(font_weight=400)), "RNIB-type-weight")[0].message
    assert message.startswith("The text is in normal weight type, not bold")
    assert "weight 400" not in message


def test_spacing_numbers_are_explained() -> None:
    assert spacing_words("letter_spacing_em", 0) == (
        "letter spacing 0 em (letters spaced normally; WCAG 1.4.12 tests with a little "
        "wider than normal, 0.12 em, about an eighth of the text size)")
    assert "a little wider than normal (0.05 em)" in spacing_words("letter_spacing_em", 0.05)
    assert "lines 1.2 times the text size apart" in spacing_words("line_height", 1.2)
    message = of_rule(review(prof=profile(line_height=1.2, word_spacing_em=0)),
                      "WCAG-1.4.12")[0].message
    assert "about a sixth of the text size" in message
    assert "WCAG names" not in message
    # 1.4.12 is about text that still works when a reader adds spacing, not a
    # spacing every lesson must use: the finding does not claim more.
    assert "tests with" in message and "must be able to use" not in message


def test_rough_checks_say_so_in_plain_words() -> None:
    report = review("The cake was eaten by the dog.\n")
    passive = of_rule(report, "SLCN-passive")
    assert passive and "(a rough check: look for yourself)" in passive[0].message
    assert not any("heuristic" in f.message for f in report.findings)


def test_language_rules_name_the_need_in_full() -> None:
    long = " ".join(["word"] * 30) + ".\n"
    finding = of_rule(review(long), "SLCN-long-sentence")[0]
    assert finding.rule.title.startswith("Speech, language and communication needs: ")
    assert "pupils with speech, language and communication needs" in finding.message
    assert "SLCN" not in finding.message
