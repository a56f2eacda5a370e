"""Importing plain text files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.import_text import import_text, text_to_lesson
from lessons.importers import LessonImportError
from lessons.model import Lesson, ListBlock, Paragraph, Section, Span, Task, spans_text
from tests.lessons.lesson_helpers import without_positions

TEXT = """\
The Water Cycle

Rain falls from clouds.
It fills the rivers and the sea.

WHERE DOES RAIN GO
Water runs down to the sea.

What you need

- a clear cup
- cold water
  from the tap
• ice cubes

1. Pour the water.
2) Watch the outside of the cup.

Task: Draw what you see.
Question: Where did the drops come from?

This short line ends with a full stop.

Why is the sea salty?
"""


def test_text_becomes_sections_paragraphs_lists_and_tasks(tmp_path):
    source = tmp_path / "water.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "water.md"

    result = import_text(source, out)

    def para(text):
        return Paragraph((Span(text),), 0)

    def items(*texts):
        return tuple((Span(text),) for text in texts)

    expected = Lesson(
        title="The Water Cycle",
        sections=(
            Section("", 2, (para("Rain falls from clouds. It fills the rivers and the sea."),), 0),
            Section("WHERE DOES RAIN GO", 2, (para("Water runs down to the sea."),), 0),
            Section(
                "What you need",
                2,
                (
                    ListBlock(
                        items("a clear cup", "cold water from the tap", "ice cubes"), False, 0
                    ),
                    ListBlock(items("Pour the water.", "Watch the outside of the cup."), True, 0),
                    Task("task", (Span("Draw what you see."),), 0),
                    Task("question", (Span("Where did the drops come from?"),), 0),
                    para("This short line ends with a full stop."),
                ),
                0,
            ),
            Section("Why is the sea salty?", 2, (), 0),
        ),
    )
    assert result.problems == ()
    assert without_positions(result.lesson) == expected
    # Line numbers point into the written lesson file.
    lines = out.read_text(encoding="utf-8").split("\n")
    rain = result.lesson.sections[1]
    assert lines[rain.line - 1] == "## WHERE DOES RAIN GO"


def test_line_numbers_of_the_model_follow_the_text_file():
    lesson, notes = text_to_lesson(TEXT)
    assert notes == []
    assert [s.line for s in lesson.sections] == [3, 6, 9, 24]
    assert [b.line for b in lesson.sections[2].blocks] == [11, 16, 19, 20, 22]


def test_a_bullet_broken_over_two_lines_by_an_email_stays_one_item():
    # Pasted from an email: the line break came from the phone, not the teacher.
    lesson, _ = text_to_lesson(
        "Fractions\r\n\r\nStarter (10 mins)\r\n"
        "- Show a pizza cut into 8 slices, ask how many slices\r\n"
        "are left if we eat 3\r\n"
        "- Quick recap: numerator = top number\r\n"
        "Then the main activity.\r\n"
    )
    (section,) = lesson.sections
    blocks = section.blocks
    assert section.heading == "Starter (10 mins)"  # a heading written straight above a list
    assert [type(block) for block in blocks] == [ListBlock, Paragraph]
    assert blocks[0].items == (
        (Span("Show a pizza cut into 8 slices, ask how many slices are left if we eat 3"),),
        (Span("Quick recap: numerator = top number"),),
    )
    assert blocks[1].spans == (Span("Then the main activity."),)


def test_windows_1252_text_still_imports(tmp_path):
    source = tmp_path / "old.txt"
    source.write_bytes(b"Caf\xe9 culture\r\n\r\nA paragraph \x96 with a dash.\r\n")
    result = import_text(source, tmp_path / "old.md")
    assert result.lesson.title == "Café culture"
    assert result.lesson.sections[0].blocks[0].spans == (Span("A paragraph – with a dash."),)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_unicode_text_from_notepad_imports(tmp_path, codec):
    # Notepad's "Unicode" (UTF-16 with its byte-order mark) is text, not binary data.
    source = tmp_path / "x.txt"
    text = "Café culture\r\n\r\nA paragraph – with a dash and £3.\r\n"
    source.write_bytes("\ufeff".encode(codec) + text.encode(codec))
    result = import_text(source, tmp_path / "x.md")
    assert result.lesson.title == "Café culture"
    assert result.lesson.sections[0].blocks[0].spans == (
        Span("A paragraph – with a dash and £3."),)


def test_damaged_unicode_text_is_said_plainly(tmp_path):
    source = tmp_path / "x.txt"
    source.write_bytes(b"\xff\xfe" + "Title".encode("utf-16-le") + b"\x00")  # half a pair
    with pytest.raises(LessonImportError) as refused:
        import_text(source, tmp_path / "x.md")
    assert str(refused.value) == (
        "“x.txt” is saved as Unicode (UTF-16) text, but part of it is damaged; save it as "
        "UTF-8 and try again.")
    assert not (tmp_path / "x.md").exists()


def test_markdown_characters_in_text_stay_as_text(tmp_path):
    source = tmp_path / "stars.txt"
    source.write_text("Sums\n\n2 * 3 = 6 and a_b and # hash\n> not a quote\n", encoding="utf-8")
    result = import_text(source, tmp_path / "stars.md")
    (paragraph,) = result.lesson.sections[0].blocks
    assert paragraph.spans == (Span("2 * 3 = 6 and a_b and # hash > not a quote"),)


def test_an_overlong_first_line_is_kept_as_text():
    lesson, notes = text_to_lesson("word " * 40)
    assert lesson.title == "Untitled lesson"
    assert notes and notes[0].line == 1
    assert lesson.sections[0].blocks[0].line == 1


def test_empty_and_binary_files_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(LessonImportError, match="empty"):
        import_text(tmp_path / "empty.txt", tmp_path / "a.md")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(LessonImportError, match="not a plain text file"):
        import_text(tmp_path / "binary.txt", tmp_path / "b.md")
    assert not (tmp_path / "a.md").exists() and not (tmp_path / "b.md").exists()


EMAIL = """\
Hi all,

Here's the plan for Thursday's Year 5 maths - typed on my phone!

Lesson: Adding fractions with the same
denominator

LO: to add two fractions with the same denominator.

Starter
- Show a pizza cut into 8 slices
"""


def test_an_emails_greeting_is_not_the_title_a_lesson_label_is(tmp_path):
    source = tmp_path / "Thursday maths.txt"
    source.write_text(EMAIL, encoding="utf-8")
    result = import_text(source, tmp_path / "maths.md")
    lesson = result.lesson
    assert lesson.title == "Adding fractions with the same denominator"
    assert result.problems[0].message == (
        "The first line, 'Hi all,', is a greeting, so it was left out; the title was taken "
        "from 'Lesson:' on line 5.")
    assert result.problems[0].line == 1
    assert "Hi all" not in lesson.body and "Lesson:" not in lesson.body
    assert lesson.body.lstrip().startswith("Here's the plan for Thursday's Year 5 maths")
    # With the "Lesson:" line gone, the LO is at the top again and is the objective.
    assert lesson.objectives == ("To add two fractions with the same denominator.",)


@pytest.mark.parametrize(("text", "title", "said"), [
    ("Dear Year 5 team,\n\nFractions\n\nWe start with pizzas.\n", "Fractions",
     "The first line, 'Dear Year 5 team,', is a greeting, so it was left out; the next line, "
     "'Fractions', was taken as the title."),
    ("Morning,\nTitle: Fractions of shapes\n\nWe start with pizzas.\n", "Fractions of shapes",
     "The first line, 'Morning,', is a greeting, so it was left out; the title was taken "
     "from 'Title:' on line 2."),
    ("Good afternoon everyone,\n\nHere is the plan for next week.\n\nWe start with pizzas.\n",
     "Thursday maths",
     "The first line, 'Good afternoon everyone,', is a greeting, so it was left out; the "
     "title 'Thursday maths' was made from the file name."),
    ("After the trip to the bakery last week, the children cut pizzas,\ncakes and bread.\n",
     "Thursday maths",
     "The first line, 'After the trip to the bakery last week, the children cut pi…', "
     "ends in a comma, so it is not a title and was kept as text; the title 'Thursday "
     "maths' was made from the file name."),
])
def test_a_first_line_ending_in_a_comma_is_never_the_title(text, title, said):
    lesson, notes = text_to_lesson(text, source=Path("Thursday maths.txt"))
    assert lesson.title == title
    assert [note.message for note in notes][0] == said
    shown = " ".join(spans_text(block.spans) for section in lesson.sections
                     for block in section.blocks if isinstance(block, Paragraph))
    assert (text.split("\n")[0] in shown) is ("kept as text" in said)


def test_a_title_with_no_comma_is_still_the_title():
    lesson, notes = text_to_lesson("Dear Zoo\n\nWe read the book together.\n")
    assert lesson.title == "Dear Zoo" and notes == []


@pytest.mark.parametrize(("ending", "left_out", "said"), [
    ("Plenary: exit ticket.\n\nBest wishes,\nJo\n\nJo Smith | Maths Lead | Oakfield Primary\n"
     "Sent from my iPhone\n", "Best wishes",
     "'Best wishes,' on line 7 and the 3 lines below it are the email's sign-off, so they "
     "were left out of the lesson."),
    ("Plenary: exit ticket. Many thanks, Jo\n", "Many thanks",
     "'Many thanks, Jo' on line 5 is the email's sign-off, so it was left out of the "
     "lesson."),
    ("Plenary: exit ticket.\n\nJo\n", "Jo",
     "'Jo' on line 7 is the email's sign-off, so it was left out of the lesson."),
])
def test_an_emails_sign_off_is_left_out_with_a_note(ending, left_out, said):
    lesson, notes = text_to_lesson("Hi all,\n\nFractions\n\n" + ending)
    texts = [spans_text(block.spans) for section in lesson.sections
             for block in section.blocks]
    assert texts == ["Plenary: exit ticket."]
    assert said in [note.message for note in notes]
    assert not any(left_out in text for text in texts)


def test_thanks_in_a_lessons_own_text_stays():
    text = ("Manners\n\nWhen someone helps you, say:\n\nThank you\n\nThen we write a card to "
            "the visitor to say thank you for coming in and reading to us today, a long line.\n")
    lesson, notes = text_to_lesson(text)
    assert notes == []
    assert "Thank you" in [s.heading for s in lesson.sections]


def test_only_the_sign_off_at_the_end_of_a_line_is_cut():
    lesson, notes = text_to_lesson("Hi all,\n\nFractions\n\n"
                                   "Plenary: Thanks, Sam, for the exit tickets. Thanks, Jo\n")
    (block,) = lesson.sections[0].blocks
    assert spans_text(block.spans) == "Plenary: Thanks, Sam, for the exit tickets."


@pytest.mark.parametrize("ending", ["Thank you everyone.", "Plenary: exit ticket. Thanks all!"])
def test_a_thank_you_said_to_the_class_stays_in_a_lesson_that_is_no_email(ending):
    lesson, notes = text_to_lesson(f"Fractions\n\nWe share a pizza.\n\n{ending}\n")
    texts = [spans_text(block.spans) for section in lesson.sections
             for block in section.blocks]
    assert texts[-1] == ending and notes == []


def test_a_thank_you_with_a_name_still_signs_off_a_lesson_that_is_no_email():
    lesson, notes = text_to_lesson("Fractions\n\nWe share a pizza.\n\nThanks, Jo\n")
    texts = [spans_text(block.spans) for section in lesson.sections
             for block in section.blocks]
    assert texts == ["We share a pizza."] and len(notes) == 1


def test_a_heading_written_straight_above_a_list_or_a_sentence_is_a_heading():
    lesson, notes = text_to_lesson(
        "Fractions\n\nStarter\n- cut a pizza\n- share it\n\nMain activity\nWe add halves.\n"
        "\nWe will look at how\nhalves and quarters add up.\n")
    assert notes == []
    assert [section.heading for section in lesson.sections] == ["Starter", "Main activity"]
    assert [spans_text(block.spans) for block in lesson.sections[1].blocks] == [
        "We add halves.", "We will look at how halves and quarters add up."]


@pytest.mark.parametrize("objectives", [
    "Learning objectives\nSay what a volcano is.",  # straight under the heading
    "Learning objectives\n\n- Say what a volcano is.",  # a list after a blank line
])
def test_the_text_after_the_learning_objectives_stays_in_the_lesson(objectives):
    # The review found the first made the paragraph below a second objective, and the
    # lesson empty ("no text to make a lesson from"); the second did so before too.
    lesson, _notes = text_to_lesson(f"Volcanoes\n\n{objectives}\n\n"
                                    "A volcano is an opening in the crust.\n")
    assert lesson.objectives == ("Say what a volcano is.",)
    assert [(section.heading, [spans_text(block.spans) for block in section.blocks])
            for section in lesson.sections] == [
        ("", ["A volcano is an opening in the crust."])]
