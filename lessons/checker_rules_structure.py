"""Checker rules for the lesson's structure: pictures, tables, headings and paragraphs.

- WCAG 1.1.1 Non-text content: every picture needs alt text that describes
  it (not a file name or a bare word such as "image").
- WCAG 1.3.1 Info and relationships: a table needs a header row, so a screen
  reader can say which column each cell is in.
- Long stretches of text without a heading, and very long paragraphs, are
  hard to navigate and to hold in mind (RNIB, BDA and SLCN guidance all ask
  for short paragraphs and clear headings).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lessons.checker_context import CheckContext
from lessons.checker_model import DYSLEXIA, SLCN, TEXT_FIX, VI, Finding, Fix, Rule
from lessons.model import Image, Paragraph, Table, block_text, spans_text

ALT_TEXT = Rule(
    "WCAG-1.1.1",
    "WCAG 1.1.1 Non-text content (alt text)",
    "WCAG 2.2",
    "A pupil who cannot see a picture relies on its alt text, read aloud by a screen "
    "reader, to know what it shows.",
    {VI: 15},
    cap=2,
    plain_title="Pictures described in words (alt text)",
)
TABLE_HEADERS = Rule(
    "WCAG-1.3.1",
    "WCAG 1.3.1 Info and relationships (table headers)",
    "WCAG 2.2",
    "Without a header row a screen reader cannot say which column a cell belongs to, and "
    "every pupil has to work out what each column means.",
    {VI: 6, SLCN: 1},
    cap=3,
    plain_title="Tables with a header row",
)
LONG_SECTION = Rule(
    "STRUCT-long-section",
    "Headings break up long text",
    "RNIB Clear Print; BDA Dyslexia Style Guide; SLCN classroom guidance",
    "Headings let pupils see where they are, find their place again and take the lesson "
    "one small step at a time.",
    {SLCN: 4, DYSLEXIA: 4, VI: 2},
    cap=3,
)
LONG_PARAGRAPH = Rule(
    "STRUCT-long-paragraph",
    "Short paragraphs",
    "BDA Dyslexia Style Guide; SLCN classroom guidance",
    "A long block of text is daunting and easy to get lost in; short paragraphs give the "
    "reader places to pause.",
    {DYSLEXIA: 2, SLCN: 2},
    cap=3,
)
RULES = (ALT_TEXT, TABLE_HEADERS, LONG_SECTION, LONG_PARAGRAPH)

SECTION_WORDS = 300  # words under one heading before a sub-heading helps
PARAGRAPH_WORDS = 120
GENERIC_ALT = {
    "image", "picture", "photo", "photograph", "diagram", "graphic", "figure", "img",
    "chart", "illustration", "drawing", "icon", "logo", "screenshot", "alt", "alt text",
}  # fmt: skip


def check(ctx: CheckContext) -> list[Finding]:
    """Every structure finding for this lesson."""
    findings: list[Finding] = []
    for section in ctx.lesson.sections:
        for block in section.blocks:
            if isinstance(block, Image):
                findings += _alt_text(ctx, block)
            elif isinstance(block, Table) and not block.header:
                findings.append(_table_without_header(ctx, block))
            elif isinstance(block, Paragraph):
                count = len(spans_text(block.spans).split())
                if count > PARAGRAPH_WORDS:
                    findings.append(
                        Finding(
                            LONG_PARAGRAPH,
                            f"This paragraph has {count} words; try splitting it into "
                            f"paragraphs of under {PARAGRAPH_WORDS}.",
                            file=ctx.file,
                            line=block.line,
                        )
                    )
        count = sum(len(block_text(b).split()) for b in section.blocks if not isinstance(b, Image))
        if count > SECTION_WORDS:
            name = f"“{section.heading}”" if section.heading else "before the first heading"
            where = f"The section {name}" if section.heading else f"The text {name}"
            findings.append(
                Finding(
                    LONG_SECTION,
                    f"{where} runs to {count} words with no heading; add sub-headings "
                    "(###) every few paragraphs.",
                    file=ctx.file,
                    line=section.line,
                )
            )
    return findings


def _alt_text(ctx: CheckContext, image: Image) -> list[Finding]:
    alt = " ".join(image.alt.split())
    if not alt:
        return [
            Finding(
                ALT_TEXT,
                f"The picture '{image.src}' has no alt text; describe what it shows "
                "in the square brackets: ![what it shows](file).",
                file=ctx.file,
                line=image.line,
            )
        ]
    name = PurePosixPath(image.src.replace("\\", "/")).name.lower()
    stem = name.rsplit(".", 1)[0]
    said = alt.lower().strip(" .")
    if (
        said in GENERIC_ALT
        or said in (name, stem)
        or re.fullmatch(r"[\w-]+\.(png|jpe?g|gif|svg|webp)", said)
    ):
        return [
            Finding(
                ALT_TEXT,
                f"The alt text of '{image.src}' is just “{alt}”; say what the picture shows "
                "and why it is there.",
                file=ctx.file,
                line=image.line,
                weights={VI: 8},
            )
        ]
    return []


def _table_without_header(ctx: CheckContext, table: Table) -> Finding:
    fix = None
    first = ctx.raw_line(table.line)
    if first is not None and table.rows:
        columns = len(table.rows[0])
        separator = "|" + "|".join(["---"] * columns) + "|"
        fix = Fix(
            TEXT_FIX,
            "Make the first row the header row",
            line=table.line,
            replace=(first, first + "\n" + separator),
        )
    return Finding(
        TABLE_HEADERS,
        "This table has no header row; if its first row names the columns, mark it as the "
        "header with a line of dashes under it (|---|---|).",
        file=ctx.file,
        line=table.line,
        fix=fix,
    )
