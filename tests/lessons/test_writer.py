"""The writer: lessons written out read back as the same lesson."""

from __future__ import annotations

import random

import pytest

from lessons.inline import normalise_spans
from lessons.library import builtin_folder, lesson_files
from lessons.loader import load_lesson, parse_lesson_text
from lessons.model import (
    Image,
    Lesson,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    Task,
    VocabularyEntry,
)
from lessons.writer import lesson_to_markdown, write_lesson
from tests.lessons.lesson_helpers import without_positions


def tricky_lesson() -> Lesson:
    """A lesson whose text is full of characters that mean something in Markdown.

    Its spans are in the canonical form the loader and importers produce.
    """
    p = lambda *spans: normalise_spans(spans)  # noqa: E731 - short and local
    return Lesson(
        title="1984: a *novel* | study",
        subject="English",
        key_stage="KS3",
        year_group="Year 9",
        duration_minutes=50,
        objectives=("Explain why: it matters.", "- starts with a dash", "yes"),
        vocabulary=(
            VocabularyEntry("yes", "A word YAML would read as true."),
            VocabularyEntry("colon: word", "Has # and : inside."),
            VocabularyEntry("empty", ""),
        ),
        notes_for_adults="Line one.\nLine two with  two spaces.\n\nAfter a blank line.",
        sections=(
            Section(
                "",
                2,
                (
                    Paragraph(p(Span("# not a heading, and 2 * 3 = 6 with snake_case")), 0),
                    Paragraph(p(Span("1. not a list"), Span(" bold", bold=True)), 0),
                    Paragraph(p(Span("> not a quote <u>not underline</u> \\ slash")), 0),
                    Paragraph(p(Span("| not a table")), 0),
                    Paragraph(p(Span("![not](an image)")), 0),
                    Paragraph(p(Span("---")), 0),
                    Paragraph(p(Span("<!-- not a comment -->")), 0),
                    Paragraph(p(Span("- not a bullet"), Span("!", italic=True)), 0),
                ),
                0,
            ),
            Section(
                "Heading ending in #",
                2,
                (
                    ListBlock((p(Span("a")), p(Span("b", italic=True))), False, 0),
                    ListBlock((p(Span("another list of the same kind")),), False, 0),
                    ListBlock((p(Span("one")), p(Span("two"))), True, 0),
                    Table(
                        (p(Span("Word")), p(Span("a|b", bold=True))),
                        ((p(Span("---")), p()), (p(Span("x")), p(Span("y \\| z")))),
                        0,
                    ),
                    Table((), ((p(Span("no")), p(Span("header"))),), 0),
                ),
                0,
            ),
            Section(
                "Sub *section* ###",
                3,
                (
                    Image("images/a picture (1).png", "A [bracketed] alt", 0),
                    Image("images/x.png", "", 0),
                    Task("task", p(Span("Draw it.")), 0),
                    Task("question", p(Span("Why?"), Span(" really", underline=True)), 0),
                    Quote(p(Span("Task: this is only a quotation")), 0),
                    Quote(p(Span("A ", italic=True), Span("mixed", bold=True, italic=True)), 0),
                ),
                0,
            ),
        ),
    )


def test_a_tricky_lesson_round_trips():
    lesson = tricky_lesson()
    result = parse_lesson_text(lesson_to_markdown(lesson))
    assert result.lesson is not None, result.problems
    assert without_positions(result.lesson) == without_positions(lesson)
    # Only the deliberate problems: a word with no definition, an image with no alt text.
    assert [p.message for p in result.problems] == [
        "The word 'empty' has no definition.",
        "The image 'images/x.png' has no alt text, so a screen reader cannot describe it.",
    ]


@pytest.mark.parametrize("path", lesson_files(builtin_folder()), ids=lambda p: p.name)
def test_every_built_in_lesson_round_trips(path):
    original = load_lesson(path)
    assert original.lesson is not None
    again = parse_lesson_text(lesson_to_markdown(original.lesson), path)
    assert without_positions(again.lesson) == without_positions(original.lesson)
    assert [p.message for p in again.problems] == [p.message for p in original.problems]


def test_random_styled_text_round_trips():
    # Spans built from the characters most likely to confuse the inline parser.
    alphabet = ["a", "b", " ", "*", "_", "\\", "<u>", "</u>", "|", "word", "x_y", "!", "["]
    rng = random.Random(12345)
    for _ in range(400):
        spans = [
            Span(
                "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))),
                bold=rng.random() < 0.4,
                italic=rng.random() < 0.4,
                underline=rng.random() < 0.3,
            )
            for _ in range(rng.randint(1, 5))
        ]
        expected = normalise_spans(spans)
        if not expected:
            continue
        lesson = Lesson("T", sections=(Section("", 2, (Paragraph(expected, 0),), 0),))
        loaded = parse_lesson_text(lesson_to_markdown(lesson)).lesson
        assert loaded.sections[0].blocks[0].spans == expected, lesson_to_markdown(lesson)


def test_front_matter_leaves_out_empty_fields():
    text = lesson_to_markdown(Lesson("Only a title"))
    assert text == "---\ntitle: Only a title\n---\n\n\n"


def test_write_lesson_refuses_to_replace_a_file_unless_asked(tmp_path):
    path = tmp_path / "sub" / "lesson.md"
    write_lesson(Lesson("First"), path)
    with pytest.raises(FileExistsError):
        write_lesson(Lesson("Second"), path)
    assert load_lesson(path).lesson.title == "First"
    write_lesson(Lesson("Second"), path, overwrite=True)
    assert load_lesson(path).lesson.title == "Second"
    assert [p.name for p in path.parent.iterdir()] == ["lesson.md"]  # no temporary left
