"""The pure text rules the lesson view applies now live in lessons/text_rules.py.

They moved below the widgets so the Word export (lessons/lesson_docx.py), which
may not import Qt or widgets, applies the very same ALL CAPS and key-word
rules as the view. This name stays so existing imports keep working.
"""

from lessons.text_rules import capital_runs, vocabulary_matches, vocabulary_pattern

__all__ = ["capital_runs", "vocabulary_matches", "vocabulary_pattern"]
