"""The lesson checker: a lesson shown with a profile, judged against the guidance teachers use.

    report = check(lesson, profile)
    report.scores            # {"vi": 72, "dyslexia": 55, "slcn": 81}
    report.findings          # each names its rule, where, what, why, and a fix if any
    apply_fix(profile, fix)  # a profile fix → the adapted profile
    apply_text_fix(markdown, fix)  # a text fix → the edited lesson file

The rules live beside this module, one file per body of guidance:

- checker_rules_visual.py: WCAG 1.4.3, 1.4.6, 1.4.12; RNIB clear print (size,
  weight, alignment, line length, labels on pictures);
- checker_rules_emphasis.py: italics, underlining and blocks of capitals;
- checker_rules_dyslexia.py: the BDA Dyslexia Style Guide (font, size, line
  spacing, background, red with green);
- checker_rules_language.py: SLCN (long sentences, passive voice,
  unexplained key words, vocabulary, reading age);
- checker_rules_structure.py: alt text, table headers, long sections and
  paragraphs.

Scoring, per need (VI, dyslexia, SLCN), out of 100:

    each rule has a weight per need, and a cap (how many findings count);
    a finding may carry a smaller weight than its rule;
    deduction(rule) = min(sum of its findings' weights, rule weight × cap)
    score = max(0, 100 − sum of deductions)

``Report.deductions`` shows what each rule took off, so a teacher can see why
a score is what it is. A lesson scores 100 for a need when nothing found
matters to that need. The scores compare versions of the same lesson (before
and after adapting it); they are not a grade, and a score of 100 does not
mean a lesson suits every pupil.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from typing import Any

from lessons import (
    checker_rules_dyslexia,
    checker_rules_emphasis,
    checker_rules_language,
    checker_rules_structure,
    checker_rules_visual,
)
from lessons.checker_context import CheckContext
from lessons.checker_model import (
    DYSLEXIA,
    NEED_LABELS,
    NEED_SHORT,
    NEEDS,
    PROFILE_FIX,
    SLCN,
    TEXT_FIX,
    VI,
    Finding,
    Fix,
    Report,
    Rule,
)
from lessons.model import Lesson
from lessons.profile import Colours, Profile

__all__ = [
    "DYSLEXIA",
    "NEEDS",
    "NEED_LABELS",
    "NEED_SHORT",
    "SLCN",
    "VI",
    "Finding",
    "Fix",
    "FixError",
    "Report",
    "Rule",
    "all_rules",
    "apply_fix",
    "apply_text_fix",
    "check",
    "score",
]

RULE_MODULES = (
    checker_rules_visual,
    checker_rules_emphasis,
    checker_rules_dyslexia,
    checker_rules_language,
    checker_rules_structure,
)


class FixError(ValueError):
    """A fix cannot be applied (the text changed since the check, say); one plain sentence."""


def all_rules() -> tuple[Rule, ...]:
    """Every rule the checker applies, in report order."""
    return tuple(rule for module in RULE_MODULES for rule in module.RULES)


def check(lesson: Lesson, profile: Profile, source_text: str | None = None) -> Report:
    """Check ``lesson`` as it is shown with ``profile``; never changes either.

    ``source_text`` is the whole lesson file as Markdown, when the caller has
    it (an editor's buffer); without it the lines are found again from
    ``lesson.body``. Text fixes point at lines of that text.
    """
    ctx = CheckContext.build(lesson, profile, source_text)
    findings: list[Finding] = []
    for module in RULE_MODULES:
        findings.extend(module.check(ctx))
    findings.sort(key=_order)
    # Say where each finding is as a teacher would, not as a file line.
    findings = [
        replace(f, place=ctx.place_of(f.line)) if f.line is not None and not f.place else f
        for f in findings
    ]
    scores, deductions = score(findings)
    return Report(
        file=ctx.file,
        profile_name=profile.name,
        findings=tuple(findings),
        scores=scores,
        deductions=deductions,
        readability=checker_rules_language.lesson_readability(ctx),
    )


def _order(finding: Finding) -> tuple[int, int, int]:
    """Profile findings first, then the whole lesson, then by line (stable within a line)."""
    if finding.about_profile:
        return (0, 0, 0)
    if finding.line is None:
        return (1, 0, 0)
    return (2, finding.line, 0)


def score(findings: Iterable[Finding]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Scores out of 100 per need, and what each rule took off each need.

    See the module docstring for the scheme.
    """
    findings = list(findings)
    by_rule: dict[str, list[Finding]] = {}
    rules: dict[str, Rule] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule.id, []).append(finding)
        rules[finding.rule.id] = finding.rule
    scores: dict[str, int] = {}
    deductions: dict[str, dict[str, int]] = {}
    for need in NEEDS:
        taken: dict[str, int] = {}
        for rule_id, group in by_rule.items():
            total = sum(f.weight(need) for f in group)
            points = min(total, rules[rule_id].max_deduction(need))
            if points:
                taken[rule_id] = points
        deductions[need] = taken
        scores[need] = max(0, 100 - sum(taken.values()))
    return scores, deductions


# -- applying fixes ---------------------------------------------------------


def apply_fix(profile: Profile, fix: Fix) -> Profile:
    """``profile`` with a profile fix's changes made; the original is unchanged.

    The result is no longer a built-in preset (``builtin`` is False) but keeps
    its name, for the app to save under a name the teacher chooses. Raises
    :class:`FixError` for a text fix, an unknown setting or a value out of range.
    """
    if fix.kind != PROFILE_FIX:
        raise FixError("this fix changes the lesson text, not the profile")
    settings = {f.name for f in fields(Profile)} - {"builtin", "name", "colours"}
    changes: dict[str, Any] = {}
    for key, value in fix.changes.items():
        if key == "colours":
            changes["colours"] = _changed_colours(profile.colours, value)
        elif key in settings:
            changes[key] = value
        else:
            raise FixError(f"a profile has no setting called {key!r}")
    adapted = replace(profile, builtin=False, **changes)
    try:
        adapted.validate()
    except ValueError as error:
        raise FixError(f"this fix would break the profile: {error}") from error
    return adapted


def _changed_colours(colours: Colours, changes: Any) -> Colours:
    if not isinstance(changes, Mapping):
        raise FixError("colour changes must name each colour")
    names = {f.name for f in fields(Colours)}
    unknown = set(changes) - names
    if unknown:
        raise FixError(f"a profile has no colour called {sorted(unknown)[0]!r}")
    return replace(colours, **dict(changes))


def apply_text_fix(markdown_text: str, fix: Fix) -> str:
    """``markdown_text`` (the whole lesson file) with a text fix made.

    The first ``fix.replace[0]`` on line ``fix.line`` becomes ``fix.replace[1]``;
    every other line, and the file's line endings, stay as they were. Raises
    :class:`FixError` when the line no longer holds that text (the lesson was
    edited after the check).
    """
    if fix.kind != TEXT_FIX or fix.replace is None or fix.line is None:
        raise FixError("this fix changes the profile, not the lesson text")
    lines = markdown_text.splitlines(keepends=True)
    index = fix.line - 1
    if not 0 <= index < len(lines):
        raise FixError(f"the lesson has no line {fix.line}; check the lesson again")
    old, new = fix.replace
    line = lines[index]
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    if old not in body:
        raise FixError(f"line {fix.line} has changed since the lesson was checked; check it again")
    if "\r\n" in ending:
        new = new.replace("\n", "\r\n")
    lines[index] = body.replace(old, new, 1) + ending
    return "".join(lines)
