"""The lesson checker: scores, locations, fixes, and adapting a lesson raising its scores."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from lessons.checker import (
    DYSLEXIA,
    NEEDS,
    SLCN,
    VI,
    Finding,
    Fix,
    FixError,
    Rule,
    apply_fix,
    apply_text_fix,
    check,
    score,
)
from lessons.library import builtin_folder
from lessons.loader import load_lesson, parse_lesson_text
from lessons.model import Lesson, Paragraph, Section, Span
from lessons.presets import get_preset, load_presets
from tests.lessons.checker_support import (
    CLEAN_PROFILE,
    lesson_text,
    load,
    of_rule,
    profile,
    review,
    write_lesson,
)

BUILTIN_DIR = builtin_folder()
WATER_CYCLE = BUILTIN_DIR / "ks2-year4-geography-water-cycle.md"


# -- scoring ---------------------------------------------------------------


def test_a_lesson_meeting_every_guideline_scores_100_with_no_findings():
    report = review()
    assert report.findings == ()
    assert report.scores == {VI: 100, DYSLEXIA: 100, SLCN: 100}
    assert report.deductions == {VI: {}, DYSLEXIA: {}, SLCN: {}}


def test_score_is_100_minus_capped_weights_per_rule():
    often = Rule("T-often", "Often", "test", "Why.", {VI: 5, SLCN: 1}, cap=2)
    once = Rule("T-once", "Once", "test", "Why.", {DYSLEXIA: 30})
    findings = [Finding(often, "a"), Finding(often, "b"), Finding(often, "c")]
    findings += [Finding(once, "d", weights={DYSLEXIA: 12})]
    scores, deductions = score(findings)
    # Three findings of a rule capped at two: 5 × 2 off VI, 1 × 2 off SLCN.
    assert deductions == {VI: {"T-often": 10}, DYSLEXIA: {"T-once": 12}, SLCN: {"T-often": 2}}
    assert scores == {VI: 90, DYSLEXIA: 88, SLCN: 98}


def test_score_never_goes_below_zero():
    rules = [Rule(f"T-{i}", "Big", "test", "Why.", {VI: 40}) for i in range(4)]
    scores, deductions = score(Finding(rule, "x") for rule in rules)
    assert sum(deductions[VI].values()) == 160
    assert scores[VI] == 0 and scores[DYSLEXIA] == 100


def test_a_single_rule_can_take_off_at_most_its_weight_times_cap():
    italics = "## Words\n\n" + " ".join(f"A *word{i}* here." for i in range(40)) + "\n"
    report = review(italics)
    assert len(of_rule(report, "RNIB-italics")) == 40
    assert report.deductions[DYSLEXIA]["RNIB-italics"] == 3 * 5
    assert report.deductions[VI]["RNIB-italics"] == 2 * 5


@pytest.mark.parametrize(
    ("preset", "need"),
    [
        ("Dyslexia", DYSLEXIA),
        ("Low vision — large print", VI),
        ("High contrast yellow on black", VI),
        ("Speech, language and communication needs", SLCN),
    ],
)
def test_adapting_a_library_lesson_with_a_preset_raises_that_needs_score(preset, need):
    lesson = load_lesson(WATER_CYCLE).lesson
    before = check(lesson, get_preset("Standard"))
    after = check(lesson, get_preset(preset))
    assert after.scores[need] > before.scores[need]
    assert len(after.findings_for(need)) < len(before.findings_for(need))


def test_applying_every_profile_fix_raises_every_score_and_clears_the_profile():
    lesson = load_lesson(WATER_CYCLE).lesson
    start = get_preset("Standard")
    first = check(lesson, start)
    adapted = start
    for _ in range(30):  # each round applies one fix, as a teacher clicking would
        report = check(lesson, adapted)
        fixes = report.fixes("profile")
        if not fixes:
            break
        target = next(f for f in report.findings if f.fix is fixes[0])
        adapted = apply_fix(adapted, fixes[0])
        again = check(lesson, adapted)
        assert (target.rule.id, target.message) not in {
            (f.rule.id, f.message) for f in again.findings
        }, f"fix did not clear: {target.message}"
    final = check(lesson, adapted)
    assert not [f for f in final.findings if f.about_profile]
    for need in NEEDS:
        assert final.scores[need] > first.scores[need]
    assert start == get_preset("Standard")  # the preset itself never changes


def test_a_badly_set_up_profile_can_be_fixed_click_by_click():
    bad = profile(
        font_family="Times New Roman",
        font_size_pt=10,
        font_weight=400,
        line_height=1.0,
        alignment="justify",
        max_line_chars=0,
        highlight_vocabulary=False,
        colours={
            "text": "#9a9a9a",
            "background": "#ffffff",
            "heading": "#c00000",
            "link": "#2e8b57",
            "highlight": "#fff9d0",
        },  # fmt: skip
    )
    adapted = bad
    for _ in range(40):
        fixes = check(load(lesson_text()), adapted).fixes("profile")
        if not fixes:
            break
        adapted = apply_fix(adapted, fixes[0])
    report = check(load(lesson_text()), adapted)
    assert [f.message for f in report.findings if f.about_profile] == []
    assert report.scores == {VI: 100, DYSLEXIA: 100, SLCN: 100}


# -- locations ---------------------------------------------------------------


def test_findings_point_at_file_and_line_or_say_profile(tmp_path):
    body = "## Words\n\nFirst line.\n\nSecond *line*.\n"
    lesson = write_lesson(tmp_path, lesson_text(body))
    report = check(lesson, replace(CLEAN_PROFILE, line_height=1.2))
    path = str(tmp_path / "lesson.md")
    italic = of_rule(report, "RNIB-italics")[0]
    lines = (tmp_path / "lesson.md").read_text().splitlines()
    assert italic.location == f"{path}:{italic.line}"
    assert "Second *line*." == lines[italic.line - 1]
    spacing = of_rule(report, "BDA-line-spacing")[0]
    assert spacing.location == "profile" and spacing.about_profile
    assert report.findings[0].about_profile  # profile findings come first


LONG = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen."  # noqa: E501


def test_a_sentence_is_placed_on_the_line_it_starts_on():
    body = f"## Words\n\nA short one.\nAnother short one.\nThen **this**: {LONG}\n"
    text = lesson_text(body)
    lines = text.split("\n")
    expected = next(i + 1 for i, line in enumerate(lines) if line.startswith("Then"))
    found = of_rule(check(load(text), CLEAN_PROFILE), "SLCN-long-sentence")
    assert [f.line for f in found] == [expected]
    # The same when the caller hands over the file's text (an editor's buffer).
    found = of_rule(check(load(text), CLEAN_PROFILE, source_text=text), "SLCN-long-sentence")
    assert [f.line for f in found] == [expected]


def test_list_items_and_tasks_are_placed_on_their_own_lines():
    body = (
        "## Steps\n\n- First step.\n- Second step is *here*.\n\n"
        "> Task: Do it *now*.\n> Then *rest*.\n"
    )
    text = lesson_text(body)
    lines = text.split("\n")
    found = of_rule(check(load(text), CLEAN_PROFILE), "RNIB-italics")
    assert [lines[f.line - 1] for f in found] == [
        "- Second step is *here*.",
        "> Task: Do it *now*.",
        "> Then *rest*.",
    ]


def test_a_lesson_built_in_code_is_checked_with_block_lines_and_no_text_fixes():
    lesson = Lesson(
        title="Built",
        vocabulary=(),
        sections=(
            Section("Part", 2, (Paragraph((Span("So "), Span("very", italic=True)), 7),), 6),
        ),
    )
    report = check(lesson, CLEAN_PROFILE)
    italic = of_rule(report, "RNIB-italics")[0]
    assert italic.location == "<lesson>:7" and italic.fix is None


# -- fixes -------------------------------------------------------------------


def test_apply_fix_changes_only_what_it_names():
    fix = Fix("profile", "Set line spacing", changes={"line_height": 1.5})
    before = get_preset("Standard")
    after = apply_fix(before, fix)
    assert after.line_height == 1.5
    assert replace(after, line_height=before.line_height, builtin=True) == before
    assert after.builtin is False and after.name == before.name


def test_apply_fix_merges_colours():
    fix = Fix("profile", "Cream", changes={"colours": {"background": "#fdf6e3"}})
    after = apply_fix(CLEAN_PROFILE, fix)
    assert after.colours == replace(CLEAN_PROFILE.colours, background="#fdf6e3")


@pytest.mark.parametrize(
    "fix",
    [
        Fix("profile", "x", changes={"shoe_size": 9}),
        Fix("profile", "x", changes={"font_size_pt": 500}),
        Fix("profile", "x", changes={"colours": {"sky": "#000000"}}),
        Fix("profile", "x", changes={"colours": {"text": "black"}}),
        Fix("profile", "x", changes={"name": "Renamed"}),
        Fix("text", "x", line=1, replace=("a", "b")),
    ],
)
def test_apply_fix_refuses_bad_fixes_plainly(fix):
    with pytest.raises(FixError):
        apply_fix(CLEAN_PROFILE, fix)


def test_apply_text_fix_edits_one_line():
    text = "line one *a*\nline *a* two\nline three\n"
    fix = Fix("text", "Bold", line=2, replace=("*a*", "**a**"))
    assert apply_text_fix(text, fix) == "line one *a*\nline **a** two\nline three\n"


def test_apply_text_fix_keeps_windows_line_endings():
    text = "| A | B |\r\n| 1 | 2 |\r\n"
    fix = Fix("text", "Header", line=1, replace=("| A | B |", "| A | B |\n|---|---|"))
    assert apply_text_fix(text, fix) == "| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n"


@pytest.mark.parametrize(
    "fix",
    [
        Fix("text", "x", line=2, replace=("*gone*", "**gone**")),
        Fix("text", "x", line=9, replace=("a", "b")),
        Fix("profile", "x", changes={"line_height": 1.5}),
    ],
)
def test_apply_text_fix_refuses_when_the_text_has_changed(fix):
    with pytest.raises(FixError):
        apply_text_fix("one\ntwo\n", fix)


def test_text_fixes_clear_their_findings_one_click_at_a_time():
    body = (
        "## Rules\n\nWe *never* run. It is <u>hot</u>.\n"
        "DO NOT TOUCH the pan. A ***really*** big pan.\n\n"
        "| Stage | What happens |\n| Rain | Water falls |\n"
    )
    text = lesson_text(body)
    first = check(load(text), CLEAN_PROFILE)
    for _ in range(20):
        fixes = check(load(text), CLEAN_PROFILE, source_text=text).fixes("text")
        if not fixes:
            break
        text = apply_text_fix(text, fixes[0])
    final = check(load(text), CLEAN_PROFILE)
    for rule in ("RNIB-italics", "RNIB-underline", "RNIB-capitals", "WCAG-1.3.1"):
        assert of_rule(first, rule) and not of_rule(final, rule)
    assert "We **never** run. It is **hot**." in text
    assert "**Do not touch** the pan. A **really** big pan." in text
    assert "| Stage | What happens |\n|---|---|\n| Rain | Water falls |" in text
    assert final.scores[VI] > first.scores[VI] and final.scores[DYSLEXIA] > first.scores[DYSLEXIA]


def test_capitals_in_the_middle_of_a_sentence_become_lower_case_bold():
    text = lesson_text("## Care\n\nPlease WASH YOUR HANDS first.\n")
    fix = of_rule(check(load(text), CLEAN_PROFILE), "RNIB-capitals")[0].fix
    assert fix.replace == ("WASH YOUR HANDS", "**wash your hands**")


def test_every_text_fix_on_the_library_applies_and_the_lesson_still_loads():
    standard = get_preset("Standard")
    for path in sorted(Path(BUILTIN_DIR).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        report = check(load_lesson(path).lesson, standard)
        for fix in report.fixes("text"):
            fixed = apply_text_fix(text, fix)
            assert parse_lesson_text(fixed, path).lesson is not None


def test_fix_data_round_trips_and_bad_data_is_refused():
    fixes = [
        Fix("profile", "Cream", changes={"colours": {"background": "#fdf6e3"}}),
        Fix("text", "Bold", line=4, replace=("*a*", "**a**")),
    ]
    for fix in fixes:
        data = json.loads(json.dumps(fix.to_dict()))
        assert Fix.from_dict(data) == fix
    for bad in [{}, {"kind": "text", "line": "4"}, {"kind": "profile"}, {"kind": "spell"}]:
        with pytest.raises(ValueError):
            Fix.from_dict(bad)
    with pytest.raises(ValueError):
        Fix("text", "x", line=1, replace=("", "b"))


# -- the report --------------------------------------------------------------


def test_every_library_lesson_with_every_preset_gives_a_json_ready_report():
    presets = load_presets()
    for path in sorted(Path(BUILTIN_DIR).glob("*.md")):
        lesson = load_lesson(path).lesson
        for preset in presets:
            data = json.loads(json.dumps(check(lesson, preset).to_dict()))
            assert set(data["scores"]) == {VI, DYSLEXIA, SLCN}
            assert all(0 <= s <= 100 for s in data["scores"].values())
            for finding in data["findings"]:
                assert finding["rule"] and finding["title"] and finding["why"]
                assert finding["location"] == "profile" or finding["location"].startswith(str(path))


def test_report_includes_a_readability_estimate():
    report = check(load_lesson(WATER_CYCLE).lesson, CLEAN_PROFILE)
    r = report.readability
    assert r is not None and r.stats.sentences > 30
    assert 5 < r.fk_reading_age < 15 and r.smog_reliable


def test_lines_come_from_the_lesson_file_on_disk(tmp_path):
    text = lesson_text("## Care\n\nPlease WASH YOUR HANDS first.\n")
    lesson = write_lesson(tmp_path, text)
    fix = of_rule(check(lesson, CLEAN_PROFILE), "RNIB-capitals")[0].fix
    on_disk = (tmp_path / "lesson.md").read_text(encoding="utf-8")
    assert "Please **wash your hands** first." in apply_text_fix(on_disk, fix)
    # Edited since it was loaded: the fix no longer fits, and says so.
    (tmp_path / "lesson.md").write_text(text.replace("## Care", "## Care\n\nNew.\n"))
    fix = of_rule(check(lesson, CLEAN_PROFILE), "RNIB-capitals")[0].fix
    with pytest.raises(FixError, match="changed since"):
        apply_text_fix((tmp_path / "lesson.md").read_text(encoding="utf-8"), fix)


def test_no_text_fixes_when_the_lines_cannot_be_placed_for_certain():
    # Paragraphs of one repeated word fit the body in several places.
    spans = (Span("WAIT FOR IT"),)
    lesson = Lesson(
        title="Echo",
        sections=(Section("", 2, (Paragraph(spans, 10), Paragraph(spans, 12)), 10),),
        body="WAIT FOR IT\n\nWAIT FOR IT\n\nWAIT FOR IT\n\nWAIT FOR IT\n",
    )
    found = of_rule(check(lesson, CLEAN_PROFILE), "RNIB-capitals")
    assert [(f.line, f.fix) for f in found] == [(10, None), (12, None)]
    # Given the file's text, the lines are certain and the fixes come back.
    source = "\n" * 9 + lesson.body
    found = of_rule(check(lesson, CLEAN_PROFILE, source_text=source), "RNIB-capitals")
    assert [f.fix.line for f in found] == [10, 12]


def test_findings_and_fixes_can_be_kept_in_sets():
    report = review("## A\n\nA *very* big DO NOT TOUCH sign.\n", profile(line_height=1.2))
    again = review("## A\n\nA *very* big DO NOT TOUCH sign.\n", profile(line_height=1.2))
    assert set(report.findings) == set(again.findings)
    assert len(set(report.fixes())) == len(report.fixes()) >= 3
