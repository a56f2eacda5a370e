"""The pupil as a teacher reads them before adapting (app/practice/scenario_chooser.py)."""

from __future__ import annotations

import re

from app.practice.scenario_chooser import pupil_html
from lessons.scenarios import builtin_scenarios


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_support_is_its_own_line_not_tacked_on_to_the_summary():
    # Lily's summary already says "She has an EHC plan": it read "… each day. (EHC plan)".
    lily = next(s for s in builtin_scenarios() if s.name == "Lily")
    text = _text(pupil_html(lily))
    assert "(EHC plan)" not in text
    assert "Support: EHC plan" in text
    assert text.count(lily.summary.split(".")[0]) == 1
