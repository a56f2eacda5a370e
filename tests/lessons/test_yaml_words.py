"""YAML mistakes in words a teacher can act on (lessons/yaml_words.py)."""

from __future__ import annotations

import pytest
import yaml

from lessons.yaml_words import plain_yaml_problem, yaml_problem_line


def problem_of(text: str) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    return caught.value


@pytest.mark.parametrize(("text", "words"), [
    ("objectives: [Name the stages",
     "a list in square brackets is not closed (add the missing ']')"),
    ("vocabulary: {cloud: water", "a '{' is not closed (add the missing '}')"),
    ('title: "The water cycle', "a quotation mark is not closed (add the missing quotation mark)"),
    ("subject: Science: forces", "a value has a colon in it (put the value in quotes)"),
    ("needs:\n\t- dyslexia", "a line starts with a tab (use spaces, not tabs)"),
    ("title: Rain\n  subject: Science\n - x", None),
    ("notes: *important", "a value starts with '*' (put the value in quotes)"),
    ("notes: !!remember this", "a value starts with '!' (put the value in quotes)"),
    ("title: Plants\nyear: [", "a value is not finished (a ']', '}' or quotation mark may be "
     "missing)"),
    ("title: Plants\nvocabulary: {", "a value is not finished (a ']', '}' or quotation mark "
     "may be missing)"),
])
def test_common_mistakes_say_what_to_change(text, words):
    plain = plain_yaml_problem(problem_of(text))
    if words is None:
        assert plain and "<" not in plain and "expected" not in plain, plain
    else:
        assert plain == words
    assert "<stream end>" not in plain


def test_anything_else_keeps_the_parsers_words():
    error = yaml.YAMLError("something odd")
    assert plain_yaml_problem(error) == "something odd"
    assert yaml_problem_line(error) == 0


def test_the_line_is_where_the_parser_stopped():
    assert yaml_problem_line(problem_of("title: Rain\nsubject: Science: forces\n")) == 1
