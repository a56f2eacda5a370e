"""Every checker rule, with a lesson or profile built to break it and one built to pass it.

Each case starts from a lesson and profile that meet every guideline
(tests/lessons/checker_support.py) and changes one thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from lessons.checker import DYSLEXIA, SLCN, VI, all_rules
from tests.lessons.checker_support import CLEAN_BODY, of_rule, profile, review, write_lesson
from tests.lessons.checker_support import lesson_text as make_text


@dataclass(frozen=True)
class Case:
    name: str
    rule: str
    expect: int  # findings of that rule
    body: str = CLEAN_BODY
    prof: dict[str, Any] = field(default_factory=dict)
    front: dict[str, Any] = field(default_factory=dict)
    words_in_message: tuple[str, ...] = ()


def _on_white(text: str) -> dict[str, str]:
    """Text on a white page, with a white key-word highlight so only one pair is judged."""
    return {"text": text, "background": "#ffffff", "highlight": "#ffffff"}


def _body(*paragraphs: str) -> str:
    return "## A section\n\n" + "\n\n".join(paragraphs) + "\n"


LONG_KS2 = "The big red bus went up the long hill and then it went down the other side fast."
SHORT_KS2 = "The big red bus went up the long hill and then down the other side."
HARD_TEXT = (
    "Photosynthesis is a biochemical process whereby chlorophyll-containing organisms "
    "transform electromagnetic radiation into chemical energy, synthesising carbohydrates "
    "from atmospheric carbon dioxide and water, and consequently liberating oxygen. "
) * 3
EASY_TEXT = "The sun is hot. We go to the park. We play on the swings. Then we go home. " * 4

CASES = [
    # WCAG 1.4.3: #777777 on white is 4.48:1, #767676 is 4.54:1.
    # (lessons/contrast.py truncates ratios for display: 4.478 shows as 4.47.)
    # Text on the (white) highlight is the same pair again.
    Case("grey text fails AA", "WCAG-1.4.3", 2,
         prof={"colours": _on_white("#777777"), "font_size_pt": 16, "font_weight": 400},
         words_in_message=("4.47:1", "4.5:1")),
    Case("darker grey passes AA", "WCAG-1.4.3", 0,
         prof={"colours": _on_white("#767676"), "font_weight": 400}),
    Case("large text needs only 3:1", "WCAG-1.4.3", 0,
         prof={"colours": _on_white("#949494"), "font_size_pt": 18,
               "font_weight": 400}),
    Case("bold 14 pt is large text", "WCAG-1.4.3", 0,
         prof={"colours": _on_white("#949494"), "font_size_pt": 14,
               "font_weight": 700}),
    Case("faint highlight fails", "WCAG-1.4.3", 1,
         prof={"colours": {"highlight": "#444444"}}, words_in_message=("highlighted",)),
    Case("strong overlay fails", "WCAG-1.4.3", 1,
         prof={"overlay_colour": "#000080", "overlay_opacity": 0.9}),
    # WCAG 1.4.6: #595959 on white is 7.00:1, #5a5a5a is below.
    # Text on the (white) highlight is the same pair again.
    Case("AA but not AAA", "WCAG-1.4.6", 2,
         prof={"colours": _on_white("#5a5a5a"), "font_weight": 400,
               "font_size_pt": 16}),
    Case("AAA passes", "WCAG-1.4.6", 0,
         prof={"colours": {"text": "#595959", "background": "#ffffff", "highlight": "#ffffff"}}),
    Case("tight spacing", "WCAG-1.4.12", 1, prof={"line_height": 1.2, "word_spacing_em": 0},
         words_in_message=("line spacing 120% of the text size (try 150%)",
                           "word spacing normal (try 16% of the text size)")),
    Case("WCAG spacing passes", "WCAG-1.4.12", 0),
    Case("10 pt", "RNIB-type-size", 1, prof={"font_size_pt": 10}, words_in_message=("12 pt",)),
    Case("12 pt", "RNIB-type-size", 1, prof={"font_size_pt": 12}, words_in_message=("14 pt",)),
    Case("14 pt is not large print", "RNIB-type-size", 1, prof={"font_size_pt": 14},
         words_in_message=("16 to 18 pt",)),
    Case("16 pt passes", "RNIB-type-size", 0, prof={"font_size_pt": 16}),
    Case("regular weight", "RNIB-type-weight", 1, prof={"font_weight": 400}),
    Case("semi-bold passes", "RNIB-type-weight", 0, prof={"font_weight": 600}),
    Case("justified", "RNIB-alignment", 1, prof={"alignment": "justify"}),
    Case("centred", "RNIB-alignment", 1, prof={"alignment": "centre"}),
    Case("left passes", "RNIB-alignment", 0),
    Case("no line limit", "RNIB-line-length", 1, prof={"max_line_chars": 0}),
    Case("80 characters", "RNIB-line-length", 1, prof={"max_line_chars": 80}),
    Case("70 characters pass", "RNIB-line-length", 0, prof={"max_line_chars": 70}),
    Case("no limit at 40 pt is fine", "RNIB-line-length", 0,
         prof={"max_line_chars": 0, "font_size_pt": 40}),
    # Emphasis in the text.
    Case("italics", "RNIB-italics", 2, body=_body("A *big* and _wet_ cloud.")),
    Case("italics hidden by the profile", "RNIB-italics", 0, body=_body("A *big* cloud."),
         prof={"suppress_italics": True}),
    Case("bold passes", "RNIB-italics", 0, body=_body("A **big** cloud.")),
    Case("underline", "RNIB-underline", 1, body=_body("A <u>big</u> cloud.")),
    Case("underline hidden", "RNIB-underline", 0, body=_body("A <u>big</u> cloud."),
         prof={"suppress_underline": True}),
    Case("block of capitals", "RNIB-capitals", 1, body=_body("DO NOT TOUCH the hot pan.")),
    Case("capitals in a heading", "RNIB-capitals", 1, body="## THE WATER CYCLE\n\nRain.\n"),
    Case("acronyms pass", "RNIB-capitals", 0, body=_body("The NHS and the BBC are in the UK.")),
    Case("one capital word passes", "RNIB-capitals", 0, body=_body("NASA sent a rocket.")),
    Case("capitals hidden", "RNIB-capitals", 0, body=_body("DO NOT TOUCH the pan."),
         prof={"suppress_all_caps": True}),
    # BDA Dyslexia Style Guide.
    Case("serif font", "BDA-font", 1, prof={"font_family": "Times New Roman"}),
    Case("any '… Serif' font", "BDA-font", 1, prof={"font_family": "Noto Serif Display"}),
    Case("sans-serif passes", "BDA-font", 0, prof={"font_family": "Arial"}),
    Case("unknown font is not judged", "BDA-font", 0, prof={"font_family": "Mystery Face"}),
    Case("11 pt", "BDA-size", 1, prof={"font_size_pt": 11}),
    Case("12 pt passes", "BDA-size", 0, prof={"font_size_pt": 12}),
    Case("line spacing 1.2", "BDA-line-spacing", 1, prof={"line_height": 1.2},
         words_in_message=("Line spacing is 120% of the text size", "recommends 150%")),
    Case("line spacing 1.5 passes", "BDA-line-spacing", 0),
    Case("white page", "BDA-background", 1, prof={"colours": {"background": "#ffffff"}}),
    Case("near-white grey page", "BDA-background", 1, prof={"colours": {"background": "#fafafa"}}),
    Case("cream passes", "BDA-background", 0),
    Case("white under a tint passes", "BDA-background", 0,
         prof={"colours": {"background": "#ffffff"}, "overlay_colour": "#8fc7ea",
               "overlay_opacity": 0.3}),
    Case("red with green", "BDA-red-green", 1,
         prof={"colours": {"heading": "#b00020", "link": "#1b7f3a"}}),
    Case("pink highlight with green text", "BDA-red-green", 1,
         prof={"colours": {"highlight": "#ffb3c6", "text": "#0b5d1e"}}),
    Case("red alone passes", "BDA-red-green", 0, prof={"colours": {"heading": "#b00020"}}),
    # SLCN: sentences.
    Case("18 words at KS2", "SLCN-long-sentence", 1, body=_body(LONG_KS2),
         words_in_message=("18 words", "15 or fewer")),
    Case("15 words at KS2 pass", "SLCN-long-sentence", 0, body=_body(SHORT_KS2)),
    Case("18 words at KS4 pass", "SLCN-long-sentence", 0, body=_body(LONG_KS2),
         front={"key_stage": "KS4", "year_group": "Year 10"}),
    Case("over 12 words at KS1", "SLCN-long-sentence", 1,
         body=_body("We went to the park and we played on the big red swings."),
         front={"key_stage": "KS1", "year_group": "Year 2"}),
    Case("list items count", "SLCN-long-sentence", 1, body=_body("- " + LONG_KS2, "- Short.")),
    Case("passive", "SLCN-passive", 1, body=_body("The cake was eaten by the dog."),
         words_in_message=("was eaten",)),
    Case("passive with an adverb", "SLCN-passive", 1, body=_body("The map is often used.")),
    Case("regular -ed passive", "SLCN-passive", 1, body=_body("The walls were painted.")),
    Case("active passes", "SLCN-passive", 0, body=_body("The dog ate the cake.")),
    Case("naming passes", "SLCN-passive", 0,
         body=_body("This is called evaporation. It is known as a cycle. I was born here.")),
    Case("feelings pass", "SLCN-passive", 0, body=_body("I was tired and she was excited.")),
    # SLCN: words.
    Case("long term used once", "SLCN-key-terms", 1,
         body=_body("Plants use photosynthesis."), words_in_message=("photosynthesis",)),
    Case("3-syllable term used twice", "SLCN-key-terms", 1,
         body=_body("A molecule is small.", "Each molecule moves.")),
    Case("3-syllable term used once passes", "SLCN-key-terms", 0,
         body=_body("A molecule is small.")),
    Case("term in the vocabulary passes", "SLCN-key-terms", 0,
         body=_body("Plants use photosynthesis."),
         front={"vocabulary": {"photosynthesis": "How plants make food from light."}}),
    Case("a form of a vocabulary word passes", "SLCN-key-terms", 0,
         body=_body("Water evaporates. It evaporates fast.")),
    Case("names pass", "SLCN-key-terms", 0,
         body=_body("We met Alexandria. Then Alexandria met Elizabeth and Elizabeth smiled.")),
    Case("everyday words pass", "SLCN-key-terms", 0,
         body=_body("Everybody remembered everything. Everybody remembered everything.")),
    Case("no vocabulary list", "SLCN-vocabulary-list", 1, front={"vocabulary": {}}),
    Case("vocabulary list passes", "SLCN-vocabulary-list", 0),
    Case("key words not highlighted", "SLCN-highlight-vocabulary", 1,
         prof={"highlight_vocabulary": False}),
    Case("no list, nothing to highlight", "SLCN-highlight-vocabulary", 0,
         prof={"highlight_vocabulary": False}, front={"vocabulary": {}}),
    Case("text far above Year 2", "SLCN-reading-age", 1, body=_body(HARD_TEXT),
         front={"key_stage": "KS1", "year_group": "Year 2"}, words_in_message=("estimates",)),
    Case("easy text for Year 2 passes", "SLCN-reading-age", 0, body=_body(EASY_TEXT),
         front={"key_stage": "KS1", "year_group": "Year 2"}),
    Case("key stage alone gives the ages", "SLCN-reading-age", 1, body=_body(HARD_TEXT),
         front={"key_stage": "KS2", "year_group": ""}, words_in_message=("7 to 11",)),
    Case("no year or key stage: not judged", "SLCN-reading-age", 0, body=_body(HARD_TEXT),
         front={"key_stage": "", "year_group": ""}),
    # Structure.
    Case("no alt text", "WCAG-1.1.1", 1, body=_body("![](images/cycle.png)")),
    Case("alt text is a file name", "WCAG-1.1.1", 1, body=_body("![cycle.png](images/cycle.png)")),
    Case("alt text is one bare word", "WCAG-1.1.1", 1, body=_body("![Diagram](images/cycle.png)")),
    Case("describing alt text passes", "WCAG-1.1.1", 0),
    Case("table without header", "WCAG-1.3.1", 1,
         body=_body("| Stage | What happens |\n| Rain | Water falls |")),
    Case("table with header passes", "WCAG-1.3.1", 0),
    Case("long section", "STRUCT-long-section", 1,
         body=_body(*(["We like the sea. " * 10] * 8))),
    Case("sub-headings break it up", "STRUCT-long-section", 0,
         body="".join(f"### Part {i}\n\n{'We like the sea. ' * 10}\n\n" for i in range(8))),
    Case("long paragraph", "STRUCT-long-paragraph", 1, body=_body("We like the sea. " * 31)),
    Case("short paragraphs pass", "STRUCT-long-paragraph", 0,
         body=_body(*(["We like the sea. " * 20] * 2))),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule(case: Case):
    report = review(case.body, profile(**case.prof), **case.front)
    found = of_rule(report, case.rule)
    assert len(found) == case.expect, [f.message for f in report.findings]
    for finding in found:
        assert finding.rule.title and finding.rule.why.endswith(".")
        for words in case.words_in_message:
            assert words in finding.message


def test_every_rule_has_a_breaking_and_a_passing_case():
    breaking = {c.rule for c in CASES if c.expect}
    passing = {c.rule for c in CASES if not c.expect}
    ids = {rule.id for rule in all_rules()} - {"RNIB-text-in-images"}  # needs files: below
    assert ids <= breaking
    assert ids <= passing


def test_rule_ids_are_unique_and_every_rule_weighs_on_some_need():
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert any(rule.weights.get(need, 0) > 0 for need in (VI, DYSLEXIA, SLCN)), rule.id
        assert rule.cap >= 1


SVG_WITH_LABELS = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
<rect width="100" height="50" fill="#cde"/><text x="5" y="20">Sea</text>
<text x="50" y="20"><tspan>Cloud</tspan> top</text></svg>"""
SVG_WITHOUT_LABELS = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<circle cx="5" cy="5" r="4"/></svg>"""


@pytest.mark.parametrize(
    ("content", "expect"),
    [(SVG_WITH_LABELS, 1), (SVG_WITHOUT_LABELS, 0), ("<svg this is not xml", 0)],
)
def test_labels_drawn_on_pictures(tmp_path, content, expect):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cycle.svg").write_text(content, encoding="utf-8")
    body = CLEAN_BODY.replace("images/cycle.png", "images/cycle.svg")
    lesson = write_lesson(tmp_path, make_text(body))
    from lessons.checker import check
    from tests.lessons.checker_support import CLEAN_PROFILE

    found = of_rule(check(lesson, CLEAN_PROFILE), "RNIB-text-in-images")
    assert len(found) == expect
    if expect:
        assert "“Sea”" in found[0].message and "“Cloud top”" in found[0].message
        assert found[0].location == f"{tmp_path / 'lesson.md'}:{found[0].line}"
