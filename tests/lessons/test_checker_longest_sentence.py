"""The SLCN long-sentence rule names the longest sentence, once, on the right one."""

from __future__ import annotations

from lessons.checker import check
from lessons.checker_rules_language import sentence_limit
from tests.lessons.checker_support import CLEAN_PROFILE, lesson_text, load, of_rule

LONGEST_NOTE = "(the longest in the lesson)"
# Both over the KS2 limit; plain words, so the word counts are plain to see.
SHORTER = "Rivers carry small stones and soft mud down from the hills to the wide sea every day."
LONGER = ("Clouds drift over the cold hills and let their rain fall on the fields and woods "
          "where the water soaks into the ground.")


def test_exactly_one_finding_marks_the_longest_sentence_in_either_order():
    assert sentence_limit("KS2") < len(SHORTER.split()) < len(LONGER.split())
    for first, second in ((SHORTER, LONGER), (LONGER, SHORTER)):
        text = lesson_text(f"## A section\n\n{first}\n\n{second}\n", key_stage="KS2")
        findings = of_rule(check(load(text), CLEAN_PROFILE), "SLCN-long-sentence")
        assert len(findings) == 2, [f.message for f in findings]
        marked = [f for f in findings if LONGEST_NOTE in f.message]
        assert len(marked) == 1, [f.message for f in findings]
        longest = marked[0]
        assert f"has {len(LONGER.split())} words {LONGEST_NOTE};" in longest.message
        assert "“Clouds drift over" in longest.message
        # It points at the longer sentence's own line in the lesson file.
        assert text.splitlines()[longest.line - 1] == LONGER
        other = next(f for f in findings if f is not longest)
        assert f"has {len(SHORTER.split())} words;" in other.message
        assert "“Rivers carry" in other.message
