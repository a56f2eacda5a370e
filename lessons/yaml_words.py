"""What a YAML mistake means, in words a teacher can act on.

A lesson's details and a practice scenario are written as YAML, and the
parser's own words ("expected ',' or ']', but got '<stream end>'") mean
nothing to most teachers. Here the common mistakes are named by what to
change: a bracket or quotation mark not closed, a colon in a value, a tab,
an indent out of line. Anything else keeps the parser's words. No Qt here.
"""

from __future__ import annotations

import yaml

# (words in the parser's problem, words in its context or "", what to tell the teacher)
_PLAIN = (
    ("mapping values are not allowed here", "",
     "a value has a colon in it (put the value in quotes)"),
    ("'\\t'", "", "a line starts with a tab (use spaces, not tabs)"),
    ("expected ',' or ']'", "", "a list in square brackets is not closed (add the missing ']')"),
    ("expected ',' or '}'", "", "a '{' is not closed (add the missing '}')"),
    ("end of stream", "quoted scalar",
     "a quotation mark is not closed (add the missing quotation mark)"),
    ("expected <block end>", "",
     "a line is indented differently from the lines around it, or a bracket is left over"),
    ("could not find expected ':'", "",
     "a line has no ':' between the name and its value"),
    ("undefined alias", "", "a value starts with '*' (put the value in quotes)"),
    # "year: [" as the last detail: the bracket is opened and nothing follows.
    ("expected the node content", "",
     "a value is not finished (a ']', '}' or quotation mark may be missing)"),
    ("could not determine a constructor", "", "a value starts with '!' (put the value in quotes)"),
)


def plain_yaml_problem(error: yaml.YAMLError) -> str:
    """What is wrong, as words to follow "could not be read: " (no full stop)."""
    problem = str(getattr(error, "problem", None) or "").strip()
    context = str(getattr(error, "context", None) or "").strip()
    for found, around, words in _PLAIN:
        if found in problem and around in context:
            return words
    return problem or context or str(error).strip()


def yaml_problem_line(error: yaml.YAMLError) -> int:
    """The line (from 0) the parser stopped at, or 0 when it does not say."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line if mark is not None else 0
