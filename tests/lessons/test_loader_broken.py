"""Broken lesson files: a plain, line-numbered problem every time, never an exception."""

from __future__ import annotations

import random

import pytest

import lessons.loader as loader
from lessons.loader import MAX_LESSON_BYTES, load_lesson, parse_lesson_text
from tests.lessons.lesson_helpers import GOOD_FRONT_MATTER, tiny_png, write


def single_problem(result):
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def test_bad_yaml_gives_the_real_line_in_the_file(tmp_path):
    text = "---\ntitle: Rain\nsubject: Geography\nobjectives: [unclosed\nyear_group: Year 4\n---\n"
    problem = single_problem(load_lesson(write(tmp_path, "bad.md", text)))
    assert problem.message.startswith(
        "The details at the top of the file (between the '---' lines) could not be read: ")
    assert problem.line == 5  # yaml's mark is 0-based and counts from after '---'
    assert problem.file == str(tmp_path / "bad.md")


def test_colon_in_a_value_gets_a_hint_and_its_line(tmp_path):
    text = "---\ntitle: Rain\nsubject: Science: forces\n---\n"
    result = load_lesson(write(tmp_path, "colon.md", text))
    problem = single_problem(result)
    assert result.lesson is None
    assert problem.line == 3
    assert "put the value in quotes" in problem.message


def test_missing_title(tmp_path):
    result = load_lesson(write(tmp_path, "untitled.md", "---\nsubject: Maths\n---\nText.\n"))
    problem = single_problem(result)
    assert result.lesson is None
    assert (problem.line, problem.message) == (1, "This lesson has no title.")


def test_empty_title_is_reported_on_its_own_line(tmp_path):
    result = load_lesson(write(tmp_path, "t.md", "---\nsubject: Maths\ntitle:\n---\nText.\n"))
    assert single_problem(result).line == 3


def test_image_file_that_does_not_exist(tmp_path):
    text = GOOD_FRONT_MATTER + "\n## Rain\n\n![A cloud](images/x.png)\n"
    result = load_lesson(write(tmp_path, "l.md", text))
    problem = single_problem(result)
    assert problem.message == "The image file 'images/x.png' cannot be found."
    assert problem.line == 17
    assert result.lesson is not None


def test_image_with_no_alt_text(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "x.png").write_bytes(tiny_png())
    text = GOOD_FRONT_MATTER + "\nText.\n\n![](images/x.png)\n"
    problem = single_problem(load_lesson(write(tmp_path, "l.md", text)))
    assert problem.message == (
        "The image 'images/x.png' has no alt text, so a screen reader cannot describe it."
    )
    assert problem.line == 17


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.md"
    path.write_bytes(random.Random(7).randbytes(4000))
    result = load_lesson(path)
    problem = single_problem(result)
    assert result.lesson is None
    assert problem.line >= 1
    assert "not a text file" in problem.message or "UTF-8" in problem.message


def test_binary_data_after_good_lines_names_the_line(tmp_path):
    path = tmp_path / "png-inside.md"
    path.write_bytes(b"---\ntitle: T\n---\nline four\n\x00\x01\x02 binary")
    problem = single_problem(load_lesson(path))
    assert "binary data" in problem.message
    assert problem.line == 5


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    problem = single_problem(load_lesson(path))
    assert (problem.line, problem.message) == (1, "This file is empty.")


def test_five_megabyte_file_is_refused_cleanly(tmp_path):
    path = tmp_path / "huge.md"
    line = b"A long line of lesson text that goes on and on.\n"
    path.write_bytes(b"---\ntitle: Huge\n---\n" + line * (5 * 1024 * 1024 // len(line) + 1))
    problem = single_problem(load_lesson(path))
    assert problem.line == 1
    assert "too big" in problem.message and "5.0 MB" in problem.message


def test_five_megabyte_text_is_refused_cleanly():
    text = "---\ntitle: Huge\n---\n" + "word " * (1024 * 1024 + 1)
    problem = single_problem(parse_lesson_text(text, "buffer.md"))
    assert problem.line == 1 and "too big" in problem.message


def test_a_lesson_just_under_the_limit_loads(tmp_path):
    paragraph = "Some words in a paragraph of a long lesson.\n\n"
    count = (MAX_LESSON_BYTES - 200) // len(paragraph)
    path = write(tmp_path, "long.md", "---\ntitle: Long\n---\n" + paragraph * count)
    result = load_lesson(path)
    assert result.ok
    assert len(result.lesson.sections[0].blocks) == count


def test_not_utf8_names_the_line_with_the_bad_character(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Café\n---\n\nThe café.\n".encode("latin-1"))
    problem = single_problem(load_lesson(path))
    assert problem.line == 2
    assert "UTF-8" in problem.message


def test_missing_closing_line(tmp_path):
    path = write(tmp_path, "open.md", "\n---\ntitle: T\nsubject: Maths\n\n## Body\n")
    problem = single_problem(load_lesson(path))
    assert problem.line == 2
    assert "no closing '---'" in problem.message


def test_no_front_matter_at_all(tmp_path):
    problem = single_problem(load_lesson(write(tmp_path, "plain.md", "## Just text\n")))
    assert problem.line == 1 and "no details at the top" in problem.message


def test_vocabulary_given_as_a_list(tmp_path):
    text = "---\ntitle: T\nvocabulary:\n  - evaporation\n  - condensation\n---\nText.\n"
    result = load_lesson(write(tmp_path, "v.md", text))
    problem = single_problem(result)
    assert problem.line == 3 and problem.severity == "error"
    assert "not a list with dashes" in problem.message
    assert result.lesson is not None and result.lesson.vocabulary == ()
    assert not result.ok


def test_vocabulary_list_of_word_definition_pairs_is_kept_with_a_warning(tmp_path):
    text = "---\ntitle: T\nvocabulary:\n  - rain: Water from clouds.\n---\nText.\n"
    result = load_lesson(write(tmp_path, "v.md", text))
    assert single_problem(result).severity == "warning"
    assert result.lesson.vocabulary[0].definition == "Water from clouds."


def test_hash_heading_in_the_body(tmp_path):
    text = "---\ntitle: T\n---\n\nIntro.\n\n# The title again\n"
    problem = single_problem(load_lesson(write(tmp_path, "h.md", text)))
    assert problem.line == 7 and "'#' heading" in problem.message


def test_front_matter_that_is_not_a_mapping(tmp_path):
    problem = single_problem(load_lesson(write(tmp_path, "l.md", "---\n- a\n- b\n---\nx\n")))
    assert problem.line == 2 and "name: value" in problem.message


def test_wrong_types_keep_the_lesson_and_report_each_field(tmp_path):
    text = "---\ntitle: T\nsubject: [a, b]\nduration_minutes: an hour\nobjectives: {a: 1}\n---\nx\n"
    result = load_lesson(write(tmp_path, "l.md", text))
    assert [p.line for p in result.problems] == [3, 4, 5]
    assert result.lesson.subject == "" and result.lesson.duration_minutes is None
    assert not result.ok


def test_deeply_nested_yaml_is_a_problem_not_a_crash():
    text = "---\ntitle: T\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    result = parse_lesson_text(text, "deep.md")
    assert result.lesson is None
    assert "nested too deeply" in single_problem(result).message


@pytest.mark.parametrize(
    ("name", "message"),
    [("lesson.docx", "Word document"), ("lesson.pdf", "a PDF")],
)
def test_documents_that_need_importing(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04")
    assert message in single_problem(load_lesson(path)).message


def test_missing_file_and_folder(tmp_path):
    assert "cannot be found" in single_problem(load_lesson(tmp_path / "none.md")).message
    assert "folder" in single_problem(load_lesson(tmp_path)).message


def test_an_unexpected_error_still_comes_back_as_a_problem(tmp_path, monkeypatch):
    # The last-resort wrapper: force a failure deep inside the parser.
    def broken(*args, **kwargs):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(loader, "parse_body", broken)
    path = write(tmp_path, "l.md", GOOD_FRONT_MATTER + "Text.\n")
    problem = single_problem(load_lesson(path))
    assert "unexpected error" in problem.message and "simulated fault" in problem.message


def test_damaged_copies_of_a_lesson_never_raise(tmp_path):
    good = (GOOD_FRONT_MATTER + "\n## A\n\n- x\n\n| a | b |\n|---|\n> Task: y\n").encode()
    rng = random.Random(20240501)
    path = tmp_path / "damaged.md"
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 6)):
            position = rng.randrange(len(data))
            choice = rng.random()
            if choice < 0.4:
                data[position] = rng.choice(b"-:|*_>#[]!()\n \t\"'\\{}")
            elif choice < 0.7:
                del data[position : position + rng.randint(1, 20)]
            else:
                data[position:position] = bytes([rng.randrange(256)])
        path.write_bytes(bytes(data))
        result = load_lesson(path)
        assert result.lesson is not None or result.problems
        assert all(problem.line >= 1 for problem in result.problems)
        assert not any("unexpected error" in problem.message for problem in result.problems)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "line",
    [
        "## a" + " " * 100_000 + "x",  # a heading with closing hashes to look for
        "| a |\n|---" + " " * 100_000 + "x",  # a table separator that is not one
        "Text " + "![" * 100_000,  # images that never close, in a paragraph
        "---" + " " * 100_000 + "x",  # a rule that is not one
        "![alt](src" + " " * 100_000 + "x",  # an image line that is not one
        "*a " * 100_000,  # emphasis that never closes
    ],
    ids=["heading", "separator", "inline-images", "rule", "image", "stars"],
)
def test_pathological_long_lines_load_without_hanging(line):
    # Each case took quadratic time with a naive pattern; now each is linear.
    result = parse_lesson_text("---\ntitle: T\n---\n" + line + "\n", "long.md")
    assert result.lesson is not None
    assert len(result.lesson.sections) == 1
