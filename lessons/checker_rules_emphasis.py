"""Checker rules for emphasis in the lesson text: italics, underlining and blocks of capitals.

The RNIB's clear print guidance and the BDA's Dyslexia Style Guide say the
same thing: italics, underlining and continuous capitals change or hide the
shapes of words, so use bold for emphasis instead. Each finding points at the
line the styled words are on, and its fix rewrites that bit of Markdown in
bold, so the emphasis stays but the word shapes come back.

When the profile already shows the styling plainly (``suppress_italics``,
``suppress_underline``, ``suppress_all_caps``), the pupil never sees it and
nothing is reported.

A *block of capitals* here is a run of two or more words written in capitals
(``DO NOT TOUCH``), at least one of them four letters or longer. A single
capital word is most likely an acronym (NHS, NASA) and is left alone; a run
of acronyms with a long one in it (``NASA ESA``) is reported, wrongly.
"""

from __future__ import annotations

import re

from lessons.checker_context import CheckContext, TextUnit
from lessons.checker_model import DYSLEXIA, SLCN, TEXT_FIX, VI, Finding, Fix, Rule
from lessons.model import Span
from lessons.readability import words

ITALICS = Rule(
    "RNIB-italics",
    "No italics (RNIB clear print; BDA style guide)",
    "RNIB Clear Print; BDA Dyslexia Style Guide",
    "Slanted letters are harder to recognise for pupils with low vision or dyslexia; "
    "bold shows emphasis without changing the letter shapes.",
    {VI: 2, DYSLEXIA: 3},
    cap=5,
)
UNDERLINE = Rule(
    "RNIB-underline",
    "No underlining (RNIB clear print; BDA style guide)",
    "RNIB Clear Print; BDA Dyslexia Style Guide",
    "Underlining cuts through the tails of letters such as g, p and y, which makes "
    "words harder to recognise; bold shows emphasis instead.",
    {VI: 2, DYSLEXIA: 3},
    cap=5,
)
CAPITALS = Rule(
    "RNIB-capitals",
    "No blocks of capitals (RNIB clear print; BDA style guide)",
    "RNIB Clear Print; BDA Dyslexia Style Guide",
    "Words in capitals all have the same rectangular shape, so pupils who read by "
    "word shape, including many with low vision or dyslexia, find them slow to read.",
    {VI: 2, DYSLEXIA: 3, SLCN: 1},
    cap=5,
)
RULES = (ITALICS, UNDERLINE, CAPITALS)

_STYLED_UNITS = ("paragraph", "item", "task", "quote", "cell")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def check(ctx: CheckContext) -> list[Finding]:
    """Italic, underlined and capitalised text the pupil would see."""
    findings: list[Finding] = []
    profile = ctx.profile
    for unit in ctx.units():
        if unit.kind in _STYLED_UNITS:
            if not profile.suppress_italics:
                findings += _styled(ctx, unit, "italic")
            if not profile.suppress_underline:
                findings += _styled(ctx, unit, "underline")
        if not profile.suppress_all_caps:
            findings += _capitals(ctx, unit)
    return findings


def _styled(ctx: CheckContext, unit: TextUnit, style: str) -> list[Finding]:
    findings = []
    offset = 0
    for span in unit.spans:
        start = offset
        offset += len(span.text)
        if not getattr(span, style) or not span.text.strip():
            continue
        line = ctx.line_of_word(unit, len(words(unit.text[:start])))
        quoted = _quote(span.text)
        if style == "italic":
            rule, what = ITALICS, "in italics"
            fix = _bold_instead(ctx, unit, span, _italic_patterns(span))
        else:
            rule, what = UNDERLINE, "underlined"
            fix = _bold_instead(ctx, unit, span, _underline_patterns(span))
        findings.append(
            Finding(
                rule,
                f"{quoted} is {what}; use bold for emphasis instead.",
                file=ctx.file,
                line=fix.line if fix else line,
                fix=fix,
            )
        )
    return findings


def _italic_patterns(span: Span) -> list[tuple[str, str]]:
    """(regex, replacement) pairs for the Markdown an italic span may be written as."""
    t = re.escape(span.text)
    bold = f"**{span.text}**"
    if span.bold:
        return [
            (rf"(?<!\*)\*\*\*{t}\*\*\*(?!\*)", bold),
            (rf"(?<!_)___{t}___(?!_)", bold),
            (rf"\*\*_{t}_\*\*", bold),
            (rf"_\*\*{t}\*\*_", bold),
            (rf"__\*{t}\*__", bold),
            (rf"\*__{t}__\*", bold),
        ]
    return [(rf"(?<!\*)\*{t}\*(?!\*)", bold), (rf"(?<![_\w])_{t}_(?![_\w])", bold)]


def _underline_patterns(span: Span) -> list[tuple[str, str]]:
    t = re.escape(span.text)
    # Already bold (or italic, which has its own finding): just drop the underline.
    plain = span.text if span.bold or span.italic else f"**{span.text}**"
    return [(rf"<u>{t}</u>", plain)]


def _bold_instead(
    ctx: CheckContext, unit: TextUnit, span: Span, patterns: list[tuple[str, str]]
) -> Fix | None:
    """A text fix writing ``span`` in bold, when its Markdown can be found on one line."""
    for number in unit.lines:
        text = ctx.raw_line(number)
        if text is None:
            return None
        for pattern, replacement in patterns:
            match = re.search(pattern, text)
            if match:
                return Fix(
                    TEXT_FIX,
                    f"Show {_quote(span.text)} in bold instead",
                    line=number,
                    replace=(match.group(0), replacement),
                )
    return None


def _capitals(ctx: CheckContext, unit: TextUnit) -> list[Finding]:
    findings = []
    for start, end in capital_blocks(unit.text):
        run = unit.text[start:end]
        line = ctx.line_of_word(unit, len(words(unit.text[:start])))
        line = ctx.find_line(unit.lines, run) or line
        fix = None
        if ctx.find_line(unit.lines, run) is not None:
            sentence_start = not unit.text[:start].strip() or re.search(
                r"[.!?:][\"'’”)]*\s*$", unit.text[:start]
            )
            lower = run.lower()
            lower = re.sub(r"\bi\b", "I", lower)
            new = lower[0].upper() + lower[1:] if sentence_start else lower
            if unit.kind != "heading" and not _bold_at(unit.spans, start):
                new = f"**{new}**"
            fix = Fix(
                TEXT_FIX, f"Change {_quote(run)} to {_quote(new)}", line=line, replace=(run, new)
            )
        findings.append(
            Finding(
                CAPITALS,
                f"{_quote(run)} is written in capitals; use lower case, in bold for emphasis.",
                file=ctx.file,
                line=line,
                fix=fix,
            )
        )
    return findings


def capital_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of capitals in ``text`` (see the module docstring)."""
    blocks: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= 2 and any(len(m.group(0)) >= 4 for m in run):
            blocks.append((run[0].start(), run[-1].end()))
        run.clear()

    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        capital = word.isupper() and (len(word) >= 2 or word in ("A", "I"))
        between = text[previous_end : match.start()]
        if capital and (not run or not re.search(r"[A-Za-z0-9]", between)):
            run.append(match)
        else:
            close()
            if capital:
                run.append(match)
        previous_end = match.end()
    close()
    return blocks


def _bold_at(spans: tuple[Span, ...], position: int) -> bool:
    offset = 0
    for span in spans:
        if offset <= position < offset + len(span.text):
            return span.bold
        offset += len(span.text)
    return False


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
