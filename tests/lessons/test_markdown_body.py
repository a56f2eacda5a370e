"""The Markdown body parser: blocks, sections, inline styles and exact line numbers."""

from __future__ import annotations

import textwrap

import pytest

from lessons.inline import parse_inline
from lessons.markdown_body import parse_body, split_cells
from lessons.model import Image, ListBlock, Paragraph, Quote, Span, Task, spans_text


def body(text: str, first_line: int = 1):
    return parse_body(textwrap.dedent(text).lstrip("\n"), first_line=first_line, file="l.md")


def only_blocks(text: str):
    result = body(text)
    return [block for section in result.sections for block in section.blocks]


# -- inline -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", [Span("plain words")]),
        ("a **bold** word", [Span("a "), Span("bold", bold=True), Span(" word")]),
        ("an *italic* word", [Span("an "), Span("italic", italic=True), Span(" word")]),
        ("an _italic_ word", [Span("an "), Span("italic", italic=True), Span(" word")]),
        ("<u>under</u>line", [Span("under", underline=True), Span("line")]),
        ("***both***", [Span("both", bold=True, italic=True)]),
        (
            "**bold *and italic***",
            # Spaces at the edge of a style move outside it (the canonical form).
            [Span("bold", bold=True), Span(" "), Span("and italic", bold=True, italic=True)],
        ),
        ("<u>**x**</u>", [Span("x", bold=True, underline=True)]),
        ("snake_case_name stays", [Span("snake_case_name stays")]),
        ("2 * 3 = 6", [Span("2 * 3 = 6")]),
        ("an *unclosed marker", [Span("an *unclosed marker")]),
        ("**never closed", [Span("**never closed")]),
        ("a </u> alone", [Span("a </u> alone")]),
        (r"escaped \*stars\* and \\ slash", [Span(r"escaped *stars* and \ slash")]),
        ("many    spaces\tand tab", [Span("many spaces and tab")]),
        ("", []),
    ],
)
def test_inline_styles(text, expected):
    assert list(parse_inline(text)) == expected


def test_bold_spaces_move_outside_the_style():
    assert parse_inline("**a** **b**") == (Span("a", bold=True), Span(" "), Span("b", bold=True))


# -- sections and headings --------------------------------------------------------


def test_sections_have_levels_headings_and_file_lines():
    result = body(
        """
        An introduction.

        ## First section

        Text one.

        ### A sub-section ##

        Text two.
        """,
        first_line=20,
    )
    assert result.problems == ()
    headings = [(s.heading, s.level, s.line) for s in result.sections]
    assert headings == [("", 2, 20), ("First section", 2, 22), ("A sub-section", 3, 26)]
    assert result.sections[0].blocks[0].line == 20
    assert result.sections[2].blocks == (Paragraph((Span("Text two."),), 28),)


def test_hash_heading_is_reported_on_its_line_and_kept_as_a_section():
    result = body(
        """
        ## Fine

        # Not the place for a title
        """,
        first_line=5,
    )
    assert [(p.line, p.severity) for p in result.problems] == [(7, "warning")]
    assert "'#' heading" in result.problems[0].message
    assert result.sections[1].heading == "Not the place for a title"
    assert result.sections[1].level == 2


def test_deep_heading_becomes_a_sub_section_and_is_reported():
    result = body("#### Deep\n")
    assert result.sections[0].level == 3
    assert result.problems[0].line == 1


def test_hashtag_without_space_is_text_and_inline_markup_leaves_headings():
    result = body("#hashtag\n\n## A *styled* heading\n")
    assert result.sections[0].blocks[0] == Paragraph((Span("#hashtag"),), 1)
    assert result.sections[1].heading == "A styled heading"


# -- blocks ---------------------------------------------------------------------


def test_paragraph_lines_join_and_blocks_interrupt_them():
    blocks = only_blocks(
        """
        First line
        second line.
        - an item straight after
        """
    )
    assert blocks[0] == Paragraph((Span("First line second line."),), 1)
    assert blocks[1] == ListBlock(((Span("an item straight after"),),), False, 3)


def test_lists_bulleted_numbered_continued_and_loose():
    blocks = only_blocks(
        """
        - one
        * two
          goes on
        + three

        - four, after a blank line

        1. first
        2) second
        """
    )
    assert blocks[0].ordered is False and blocks[0].line == 1
    assert [spans_text(item) for item in blocks[0].items] == [
        "one",
        "two goes on",
        "three",
        "four, after a blank line",
    ]
    assert blocks[1] == ListBlock(((Span("first"),), (Span("second"),)), True, 8)


def test_nested_list_is_flattened_and_reported():
    result = body("- outer\n  - inner\n- outer again\n")
    (block,) = result.sections[0].blocks
    assert len(block.items) == 3
    assert [p.line for p in result.problems] == [2]


def test_table_with_header_row():
    (table,) = only_blocks(
        """
        | Stage | What *happens* |
        |:---|---:|
        | Evaporation | The sun \\| warms the sea. |
        """
    )
    assert table.line == 1
    assert [spans_text(cell) for cell in table.header] == ["Stage", "What happens"]
    assert table.header[1][1] == Span("happens", italic=True)
    assert [[spans_text(c) for c in row] for row in table.rows] == [
        ["Evaporation", "The sun | warms the sea."]
    ]


def test_table_without_separator_has_no_header_and_ragged_rows_are_reported():
    result = body("| a | b |\n| c | d | e |\n| | f |\n", first_line=3)
    (table,) = result.sections[0].blocks
    assert table.header == ()
    assert [[spans_text(c) for c in row] for row in table.rows] == [
        ["a", "b"],
        ["c", "d", "e"],
        ["", "f"],
    ]
    assert [p.line for p in result.problems] == [4]


def test_split_cells_handles_missing_outer_pipes():
    assert split_cells("| a | b") == ["a", "b"]
    assert split_cells("|a|b|") == ["a", "b"]
    assert split_cells("| |") == [""]


def test_images_alone_on_a_line():
    blocks = only_blocks(
        """
        ![A diagram of the water cycle](images/water-cycle.svg)
        ![](images/no-alt.png)
        ![Spaces](<images/a picture.png> "a title")
        """
    )
    assert blocks == [
        Image("images/water-cycle.svg", "A diagram of the water cycle", 1),
        Image("images/no-alt.png", "", 2),
        Image("images/a picture.png", "Spaces", 3),
    ]


def test_image_inside_a_paragraph_is_reported():
    result = body("Look at ![this](x.png) now.\n")
    assert isinstance(result.sections[0].blocks[0], Paragraph)
    assert [p.line for p in result.problems] == [1]
    assert "'x.png'" in result.problems[0].message


def test_tasks_questions_and_quotes():
    blocks = only_blocks(
        """
        > Task: Draw the **water** cycle.

        > question: Why do puddles
        > disappear?

        > **Task:** Label it.

        > A famous saying
        carried on lazily.
        """
    )
    assert blocks[0] == Task(
        "task", (Span("Draw the "), Span("water", bold=True), Span(" cycle.")), 1
    )
    assert blocks[1] == Task("question", (Span("Why do puddles disappear?"),), 3)
    assert blocks[2] == Task("task", (Span("Label it."),), 6)
    assert blocks[3] == Quote((Span("A famous saying carried on lazily."),), 8)


def test_comments_and_rules_are_skipped():
    result = body("<!-- a note\nfor teachers -->\nText.\n\n---\n\nMore.\n")
    assert [b.line for b in result.sections[0].blocks] == [3, 7]
    assert result.problems == ()


def test_unclosed_comment_is_reported_and_kept():
    result = body("Before.\n\n<!-- never closed\n")
    assert [p.line for p in result.problems] == [3]
    assert len(result.sections[0].blocks) == 2


def test_windows_line_endings_keep_line_numbers():
    result = parse_body("## One\r\n\r\nText.\r\n", first_line=1)
    assert result.sections[0].blocks[0].line == 3


def test_empty_body_has_no_sections():
    assert body("\n\n").sections == ()
