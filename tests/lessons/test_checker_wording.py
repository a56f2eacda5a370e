"""The checker's words for teachers: where a finding is, and messages without jargon.

Each test fails on the old wording: places were "lesson.md:28", weights were
"weight 400", spacing was "0.12 em" with nothing said about it, the
passive-voice rule called itself "a heuristic", and findings opened with
"WCAG 1.4.12" or "Flesch–Kincaid grade 5.8; SMOG suggests 13".
"""

from __future__ import annotations

import pytest

from lessons.checker_context import CheckContext
from lessons.checker_rules_visual import spacing_words, weight_words
from tests.lessons.checker_support import CLEAN_PROFILE, lesson_text, load, of_rule, profile, review

# Long words in long sentences: far above Year 2's reading age.
HARD_TEXT = (
    "Photosynthesis is a biochemical process whereby chlorophyll-containing organisms "
    "transform electromagnetic radiation into chemical energy, synthesising carbohydrates "
    "from atmospheric carbon dioxide and water, and consequently liberating oxygen. "
) * 3

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


def test_spacing_is_a_share_of_the_text_size_as_the_profile_editor_shows_it() -> None:
    assert spacing_words("letter_spacing_em", 0) == (
        "letter spacing normal (try 12% of the text size)")
    assert spacing_words("letter_spacing_em", 0.05) == (
        "letter spacing 5% of the text size (try 12%)")
    assert spacing_words("line_height", 1.2) == "line spacing 120% of the text size (try 150%)"
    assert spacing_words("paragraph_spacing_em", 1.0) == (
        "paragraph spacing 100% of the text size (try 200%)")
    finding = of_rule(review(prof=profile(line_height=1.2, word_spacing_em=0)),
                      "WCAG-1.4.12")[0]
    assert finding.message == (
        "Give the text more room: its lines and words are closer together than some pupils "
        "with low vision or dyslexia need. At present: line spacing 120% of the text size "
        "(try 150%); word spacing normal (try 16% of the text size). Source: WCAG 1.4.12, "
        "which tests that text still works when a reader chooses this much spacing (it "
        "does not ask every lesson to use it).")
    assert finding.fix.label == (
        "Give the text more room: line spacing 150% and word spacing 16% of the text size")
    assert " em" not in finding.message and "WCAG names" not in finding.message
    # 1.4.12 is about text that still works when a reader adds spacing, not a
    # spacing every lesson must use: the finding does not claim more.
    assert "must be able to use" not in finding.message


def first_sentence(message: str) -> str:
    """Up to the first full stop that ends a sentence (not one inside "4.5:1")."""
    return message.split(". ", 1)[0]


STANDARD_WORDS = ("WCAG", "Flesch", "SMOG", " em ", " em)", " em,", " em;")


def test_a_findings_first_sentence_says_in_plain_words_what_is_wrong() -> None:
    # The usability review: findings opened with "WCAG 1.4.12", "Flesch–Kincaid
    # grade 5.8; SMOG suggests 13" and "0.12 em". The standards are kept, after
    # "Source:", for those who want them.
    grey = {"text": "#777777", "heading": "#777777", "background": "#ffffff",
            "highlight": "#ffffff"}
    findings = [
        *of_rule(review(prof=profile(line_height=1.2, letter_spacing_em=0,
                                     paragraph_spacing_em=1.0)), "WCAG-1.4.12"),
        *of_rule(review(prof=profile(colours=grey, font_weight=400)), "WCAG-1.4.3"),
        *of_rule(review(prof=profile(colours={**grey, "text": "#5a5a5a",
                                              "heading": "#5a5a5a"}, font_weight=400)),
                 "WCAG-1.4.6"),
        *of_rule(review(HARD_TEXT, key_stage="KS1", year_group="Year 2"),
                 "SLCN-reading-age"),
    ]
    assert {f.rule.id for f in findings} == {
        "WCAG-1.4.12", "WCAG-1.4.3", "WCAG-1.4.6", "SLCN-reading-age"}
    for finding in findings:
        first = first_sentence(finding.message)
        assert not [w for w in STANDARD_WORDS if w in first + " "], first
        assert "Source: " in finding.message, finding.message
        source = finding.message.split("Source: ", 1)[1]
        assert source.startswith(("WCAG 1.4", "Flesch–Kincaid grade")), source
        assert not finding.rule.heading.startswith("WCAG")
    reading_age = findings[-1]
    assert reading_age.message.startswith(
        "The text may be too hard for pupils in Year 2 (aged 6 to 7): its estimated reading "
        "age is about ")
    # The caveat stays: reading ages are estimates.
    assert "Reading ages from formulas are estimates" in reading_age.message


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
