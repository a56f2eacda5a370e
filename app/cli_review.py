"""Sub-command: ``lesson-lab lessons review PATH [--preset NAME] [--json]``.

Checks one lesson, shown with a preset or saved profile (Standard when none
is named), against the guidance in lessons/checker.py, and prints the scores
for each need, a reading-age estimate and every finding: the rule, where
(``file:line``, or ``profile``), what was found, why it matters and the fix
on offer. It is a report, so it exits 0 whatever it finds; it exits non-zero
only when the lesson cannot be loaded (with the loader's problems) or the
preset does not exist.

The ``lessons`` group belongs to app/cli_lessons.py; this module adds its
``review`` action to that group (see app/cli_groups.py).
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from app.cli_errors import CliError
from app.cli_groups import group_actions

WIDTH = 88


def register(subparsers) -> None:
    """Add ``review`` to the ``lessons`` group of the ``lesson-lab`` parser."""
    actions = group_actions(subparsers, "lessons", "work with lesson files", "lessons_command")
    parser = actions.add_parser(
        "review",
        help="check a lesson against WCAG, RNIB clear print, BDA and SLCN guidance",
        description="Check a lesson, shown with a preset or one of your saved profiles, "
        "against WCAG contrast and spacing, the RNIB's clear print guidance, the BDA "
        "Dyslexia Style Guide and SLCN advice. Prints a score out of 100 for each need "
        "(visual impairment, dyslexia, SLCN), a reading-age estimate and each finding with "
        "its rule, place, reason and fix. Findings are advice, not errors: the command "
        "exits 0 unless the lesson cannot be loaded.",
        epilog="Scores: each rule takes points off the needs it affects, for each finding, up "
        "to a limit per rule; a score is 100 minus those points, and never below 0. The "
        "reading age is Flesch-Kincaid grade + 5 (SMOG beside it): an estimate.",
    )
    parser.add_argument("path", metavar="PATH", help="the lesson file (.md)")
    parser.add_argument(
        "--preset",
        metavar="NAME",
        help='a preset or saved profile to show the lesson with, e.g. "Dyslexia" '
        "(default: Standard)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run_review)


def run_review(args) -> int:
    """Handler of ``lesson-lab lessons review``."""
    from lessons.checker import check
    from lessons.loader import load_lesson

    profile = _profile(args.preset)
    path = Path(args.path)
    result = load_lesson(path)
    if result.lesson is None:
        for problem in result.problems:
            print(f"lesson-lab: {problem}", file=sys.stderr)
        raise CliError(f"'{path}' could not be loaded as a lesson, so it was not reviewed.")
    report = check(result.lesson, profile)
    if args.json:
        data = report.to_dict()
        data["title"] = result.lesson.title
        data["problems"] = [
            {"location": f"{p.file}:{p.line}", "severity": p.severity, "message": p.message}
            for p in result.problems
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(format_report(report, result.lesson.title, [str(p) for p in result.problems]))
    return 0


def _profile(name: str | None):
    from lessons.presets import default_preset, find_preset
    from lessons.profile_store import ProfileStore

    if name is None:
        return default_preset()
    profile = find_preset(name) or ProfileStore().find(name)
    if profile is None:
        raise CliError(
            f'there is no preset or saved profile called "{name}"; '
            "'lesson-lab presets' lists them."
        )
    return profile


def format_report(report, title: str, problems: list[str]) -> str:
    """The report as text for a terminal."""
    from lessons.checker import NEED_LABELS, NEED_SHORT, NEEDS

    out = [f"Lesson:  {report.file} (“{title}”)", f"Profile: {report.profile_name}", ""]
    out.append("Scores out of 100 (higher is better):")
    for need in NEEDS:
        label = f"{NEED_LABELS[need]} ({NEED_SHORT[need]})" if need != "dyslexia" else "Dyslexia"
        out.append(f"  {label:<52}{report.scores[need]:>4}")
    out.append(
        _wrap(
            "Each finding takes points off the needs it affects, up to a limit per rule; "
            "use the scores to compare versions of this lesson, not as a grade.",
            "  ",
        )
    )
    if report.readability and report.readability.stats.words:
        r = report.readability
        smog = "" if r.smog_reliable else ", rough on fewer than 30 sentences"
        out += [
            "",
            _wrap(
                f"Reading age (estimate): about {r.fk_reading_age:.0f} by Flesch–Kincaid "
                f"(grade {r.fk_grade:.1f}), about {r.smog_reading_age:.0f} by SMOG (grade "
                f"{r.smog:.1f}{smog}); {r.stats.sentences} sentences, {r.stats.words} words.",
                "",
            ),
        ]
    if problems:
        out += ["", "The lesson file has these problems:"]
        out += [_wrap(problem, "  ") for problem in problems]
    out.append("")
    if not report.findings:
        out.append("No findings: nothing in this lesson or profile goes against the guidance.")
        return "\n".join(out)
    count = len(report.findings)
    out.append(f"{count} finding{'s' if count != 1 else ''}:")
    explained: set[str] = set()
    for finding in report.findings:
        out += ["", f"{finding.location}  {finding.rule.title} [{finding.rule.id}]"]
        out.append(_wrap(finding.message, "    "))
        if finding.rule.id not in explained:
            explained.add(finding.rule.id)
            out.append(_wrap(f"Why: {finding.rule.why}", "    "))
        if finding.fix is not None:
            out.append(_wrap(f"Fix: {_describe_fix(finding.fix)}", "    "))
    return "\n".join(out)


def _describe_fix(fix) -> str:
    if fix.kind == "profile":
        changes = ", ".join(f"{key} = {_value(value)}" for key, value in fix.changes.items())
        return f"{fix.label} (profile: {changes})"
    old, new = fix.replace
    return f"{fix.label} (line {fix.line}: {_short(old)} → {_short(new)})"


def _value(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", "⏎")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
