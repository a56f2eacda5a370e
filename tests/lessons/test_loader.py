"""Loading good lesson files: every front matter field, images checked on disk."""

from __future__ import annotations

import pytest

from lessons.loader import load_lesson, parse_lesson_text
from lessons.model import Image, Paragraph, VocabularyEntry
from tests.lessons.lesson_helpers import GOOD_FRONT_MATTER, tiny_png, write


def test_a_good_lesson_loads_every_field(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cycle.png").write_bytes(tiny_png())
    text = GOOD_FRONT_MATTER + "\nIntro.\n\n## Rain\n\n![The water cycle](images/cycle.png)\n"
    path = write(tmp_path, "water.md", text)

    result = load_lesson(path)

    assert result.ok and result.problems == ()
    lesson = result.lesson
    assert lesson.title == "The water cycle"
    assert (lesson.subject, lesson.key_stage, lesson.year_group) == ("Geography", "KS2", "Year 4")
    assert lesson.duration_minutes == 60
    assert lesson.objectives == ("Describe the four stages of the water cycle.",)
    assert lesson.vocabulary == (
        VocabularyEntry("evaporation", "When water warms up and turns into a gas."),
    )
    assert lesson.notes_for_adults.startswith("Pupils who find the diagram")
    assert lesson.source == path
    assert lesson.body == "\nIntro.\n\n## Rain\n\n![The water cycle](images/cycle.png)\n"
    intro, rain = lesson.sections
    assert intro.blocks == (Paragraph(intro.blocks[0].spans, 15),)
    image = rain.blocks[0]
    assert isinstance(image, Image) and image.line == 19
    assert image.path == tmp_path / "images" / "cycle.png"


def test_field_names_and_values_written_the_way_teachers_write_them():
    result = parse_lesson_text(
        "---\nTitle: Fractions\nKey stage: key stage 2\nyear group: 3\n"
        "duration: 45 minutes\nlearning objectives: Find half of a shape.\n---\nText.\n"
    )
    assert result.problems == ()
    lesson = result.lesson
    assert (lesson.title, lesson.key_stage, lesson.year_group) == ("Fractions", "KS2", "Year 3")
    assert lesson.duration_minutes == 45
    assert lesson.objectives == ("Find half of a shape.",)


def test_numbers_and_dates_in_text_fields_become_text():
    result = parse_lesson_text("---\ntitle: 1984\nsubject: 2024-01-05\n---\nText.\n")
    assert (result.lesson.title, result.lesson.subject) == ("1984", "2024-01-05")


def test_unknown_field_is_a_warning_with_a_suggestion():
    result = parse_lesson_text("---\ntitle: T\nsubjct: Maths\n---\nText.\n", "x.md")
    (problem,) = result.problems
    assert (problem.line, problem.severity) == (3, "warning")
    assert "'subject'" in problem.message
    assert result.ok


def test_objective_with_a_colon_is_kept_and_reported_on_its_line():
    result = parse_lesson_text(
        "---\ntitle: T\nobjectives:\n  - Plain one.\n  - Explain why: it rains\n---\nText.\n"
    )
    assert result.lesson.objectives == ("Plain one.", "Explain why: it rains")
    assert [(p.line, p.severity) for p in result.problems] == [(5, "warning")]


def test_word_with_no_definition_is_reported_on_its_line():
    result = parse_lesson_text("---\ntitle: T\nvocabulary:\n  rain: Water.\n  cloud:\n---\nx\n")
    assert result.lesson.vocabulary[1] == VocabularyEntry("cloud", "")
    assert [p.line for p in result.problems] == [5]


def test_unknown_key_stage_is_kept_and_reported():
    result = parse_lesson_text("---\ntitle: T\nkey_stage: Nursery\n---\nText.\n")
    assert result.lesson.key_stage == "Nursery"
    assert result.problems[0].line == 3


def test_image_on_the_internet_is_reported(tmp_path):
    text = "---\ntitle: T\n---\n![A cat](https://example.org/cat.png)\n"
    result = load_lesson(write(tmp_path, "l.md", text))
    (problem,) = result.problems
    assert problem.line == 4 and "offline" in problem.message


def test_image_path_with_spaces_and_escapes_resolves(tmp_path):
    (tmp_path / "my pics").mkdir()
    (tmp_path / "my pics" / "a b.png").write_bytes(tiny_png())
    text = "---\ntitle: T\n---\n![One](<my pics/a b.png>)\n\n![Two](my%20pics/a%20b.png)\n"
    result = load_lesson(write(tmp_path, "l.md", text))
    assert result.problems == ()
    images = result.lesson.sections[0].blocks
    assert all(image.path == tmp_path / "my pics" / "a b.png" for image in images)


def test_text_without_a_source_does_not_check_image_files():
    result = parse_lesson_text("---\ntitle: T\n---\n![Alt](images/none.png)\n")
    assert result.problems == ()


def test_byte_order_mark_and_windows_line_endings(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n\r\n# Heading\r\n")
    result = load_lesson(path)
    assert result.lesson.title == "T"
    assert [p.line for p in result.problems] == [5]


def test_leading_blank_lines_before_the_front_matter_are_allowed():
    result = parse_lesson_text("\n\n---\ntitle: T\nbad: [\n---\n")
    assert result.lesson is None
    assert result.problems[0].line == 5  # 'bad: [' is the fifth line of the file


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_unicode_from_notepad_utf16_with_its_byte_order_mark_loads(tmp_path, codec):
    # Notepad's "Unicode" and "Unicode big endian": two bytes a character, many of them zero.
    path = tmp_path / "unicode.md"
    text = "---\r\ntitle: Café culture\r\n---\r\n\r\n## Menus\r\n\r\nCrème brûlée – £3.\r\n"
    path.write_bytes("\ufeff".encode(codec) + text.encode(codec))
    result = load_lesson(path)
    assert result.problems == ()
    assert result.lesson.title == "Café culture"
    assert result.lesson.sections[0].blocks[0].spans[0].text == "Crème brûlée – £3."


def test_damaged_utf16_names_its_line_and_is_not_called_binary(tmp_path):
    path = tmp_path / "damaged.md"
    good = "---\r\ntitle: T\r\n---\r\n".encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + good + b"\x00\xdc" + "after".encode("utf-16-le"))
    (problem,) = load_lesson(path).problems
    assert problem.line == 4
    assert problem.message == (
        "This file is saved as Unicode (UTF-16) text, but this line is damaged, so Lesson "
        "Lab cannot read it; save the file as UTF-8 and try again.")
    only_the_mark = tmp_path / "empty.md"
    only_the_mark.write_bytes(b"\xff\xfe")
    assert [p.message for p in load_lesson(only_the_mark).problems] == ["This file is empty."]
