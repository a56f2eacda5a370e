"""Importing PowerPoint presentations (lessons/import_pptx.py): built here with python-pptx,
and one written by LibreOffice Impress (tests/lessons/files/libreoffice-rain.pptx)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches

from lessons.import_pptx import import_pptx
from lessons.importers import (
    ImportStop,
    ImportStopped,
    LessonImportError,
    import_into_folder,
    import_lesson_file,
)
from lessons.model import (
    Image,
    ListBlock,
    Paragraph,
    Span,
    Table,
    Task,
    VocabularyEntry,
    spans_text,
)
from tests.lessons.lesson_helpers import without_positions
from tests.lessons.pptx_samples import (
    BLANK,
    TITLE_AND_CONTENT,
    TITLE_ONLY,
    alt_text,
    content,
    no_bullet,
    numbered,
    painted_like_libreoffice,
    pictures,
    plants_lesson,
    spelt_out_bullet,
    text_box,
)

FILES = Path(__file__).parent / "files"


@pytest.fixture
def plants(tmp_path):
    source = plants_lesson(tmp_path / "Plants.pptx", tmp_path)
    return import_pptx(source, tmp_path / "out" / "plants.md"), tmp_path / "out"


def bare(result):
    """The imported lesson with the written file's line numbers cleared."""
    return without_positions(result.lesson)


def section(lesson, heading):
    return next(s for s in lesson.sections if s.heading == heading)


def notes(result):
    return [p.message for p in result.problems]


def deck_of(tmp_path, fill, name="Deck.pptx"):
    """A presentation of the slides ``fill(deck)`` adds, imported; the result."""
    deck = Presentation()
    fill(deck)
    path = tmp_path / name
    deck.save(str(path))
    return import_pptx(path, tmp_path / "out" / "deck.md")


def titled(deck, title, layout=TITLE_AND_CONTENT):
    slide = deck.slides.add_slide(deck.slide_layouts[layout])
    slide.shapes.title.text = title
    return slide


# -- what becomes what ------------------------------------------------------------


def test_the_first_slide_titles_the_lesson_and_the_rest_of_it_opens_the_lesson(plants):
    lesson = bare(plants[0])
    assert lesson.title == "Parts of a plant"
    opening = lesson.sections[0]
    assert opening.heading == ""
    assert [b.spans for b in opening.blocks if isinstance(b, Paragraph)] == [
        (Span("Year 1 Science"),)]
    # "LO: …" on the title slide is the lesson's learning objective.
    assert lesson.objectives == ("To name the parts of a plant.",)
    assert ("1 learning objective was taken into the lesson's details; Lesson Lab shows them "
            "under 'Learning objectives' at the top of the lesson.") in notes(plants[0])


def test_each_titled_slide_is_a_section_and_a_continued_slide_goes_on_in_it(plants):
    lesson = bare(plants[0])
    assert [s.heading for s in lesson.sections] == [
        "", "Roots", "Stem and leaves", "Quiz time", "Compare"]
    roots = section(lesson, "Roots")
    assert Paragraph((Span("Carrots are roots we can eat."),), 0) in roots.blocks


def test_content_placeholder_paragraphs_are_a_list_with_sub_points_and_bold_kept(plants):
    roots = section(bare(plants[0]), "Roots")
    assert roots.blocks[0] == ListBlock((
        (Span("Roots hold the plant in the ground."),),
        (Span("Roots take in "), Span("water", bold=True)),
        (Span("Some roots are very long."),),
    ), False, 0)


def test_one_bullet_powerpoint_added_by_itself_is_a_paragraph(plants):
    roots = section(bare(plants[0]), "Roots")
    assert not any(isinstance(b, ListBlock) and len(b.items) == 1 for b in roots.blocks)


def test_text_is_read_top_down_and_left_to_right_not_in_the_order_it_was_made(plants):
    stem = section(bare(plants[0]), "Stem and leaves")
    assert stem.blocks == (
        Paragraph((Span("The stem holds the plant up."),), 0),
        Paragraph((Span("Leaves make food."),), 0),
        ListBlock(((Span("Find a leaf."),), (Span("Draw it."),)), True, 0),
    )


def test_a_slide_with_no_title_takes_a_short_first_line_and_reads_grouped_shapes(plants):
    quiz = section(bare(plants[0]), "Quiz time")
    assert quiz.blocks == (
        Task("question", (Span("What do roots do?"),), 0),
        Paragraph((Span("Label the plant."),), 0),
    )


def test_a_slide_with_no_title_and_a_sentence_first_goes_on_in_the_section_before(tmp_path):
    def fill(deck):
        titled(deck, "Seeds", TITLE_ONLY)
        titled(deck, "Water")
        untitled = deck.slides.add_slide(deck.slide_layouts[BLANK])
        text_box(untitled, 1, 1, ["Plants need water to grow, and so do we."])
        text_box(untitled, 1, 3, ["Water them every day."])
    lesson = bare(deck_of(tmp_path, fill))
    assert [s.heading for s in lesson.sections] == ["Water"]
    assert len(lesson.sections[0].blocks) == 2


def test_a_table_keeps_its_header_row_only_when_powerpoint_marks_one(plants, tmp_path):
    compare = section(bare(plants[0]), "Compare")
    assert compare.blocks == (Table(
        ((Span("Part"),), (Span("Job"),)),
        (((Span("Root"),), (Span("Drinks water"),)), ((Span("Stem"),), (Span("Holds it up"),))),
        0),)

    def fill(deck):
        slide = titled(deck, "Sums", TITLE_ONLY)
        table = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1)).table
        table.first_row = False
        for row in range(2):
            for column in range(2):
                table.cell(row, column).text = str(row * 2 + column)
    sums = bare(deck_of(tmp_path, fill)).sections[-1].blocks[0]
    assert sums.header == () and len(sums.rows) == 2


def test_a_table_with_no_table_style_has_a_header_when_its_first_row_is_filled_apart(
        tmp_path):
    """LibreOffice's tables: no style and no "Header Row", each cell coloured instead."""
    def fill(deck):
        titled(deck, "Sums", TITLE_ONLY)
        for heading, colours in (("Header", ["B3B3B3", "CCCCCC", "E6E6E6"]),
                                 ("Banded", ["E6E6E6", "CCCCCC", "E6E6E6"]),
                                 ("Plain", ["E6E6E6", "E6E6E6", "E6E6E6"])):
            slide = titled(deck, heading, TITLE_ONLY)
            table = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(4),
                                           Inches(1)).table
            for row in range(3):
                for column in range(2):
                    table.cell(row, column).text = str(row * 2 + column)
            painted_like_libreoffice(table, colours)
    lesson = bare(deck_of(tmp_path, fill))
    header = section(lesson, "Header").blocks[0]
    assert header.header == ((Span("0"),), (Span("1"),)) and len(header.rows) == 2
    assert section(lesson, "Banded").blocks[0].header == ()
    assert section(lesson, "Plain").blocks[0].header == ()


def test_a_table_whose_first_row_is_all_bold_has_it_as_its_header(tmp_path):
    def fill(deck):
        slide = titled(deck, "Sums", TITLE_ONLY)
        table = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1)).table
        table.first_row = False
        for column, (top, below) in enumerate((("Sum", "1 + 1"), ("Answer", "2"))):
            table.cell(0, column).text = top
            table.cell(0, column).text_frame.paragraphs[0].runs[0].font.bold = True
            table.cell(1, column).text = below
    sums = bare(deck_of(tmp_path, fill)).sections[0].blocks[0]
    assert sums.header == ((Span("Sum", bold=True),), (Span("Answer", bold=True),))


def test_a_key_words_slide_becomes_the_lessons_key_words(plants):
    lesson = bare(plants[0])
    assert lesson.vocabulary == (
        VocabularyEntry("root", "the part that holds the plant in the ground"),
        VocabularyEntry("stem", "the part that holds the plant up"),
    )
    assert "Key words" not in [s.heading for s in lesson.sections]


def test_speaker_notes_become_notes_for_adults_under_their_slide_number(plants, tmp_path):
    assert bare(plants[0]).notes_for_adults == "Slide 1: Welcome the class. Show a real plant."

    def fill(deck):
        titled(deck, "Plants", TITLE_ONLY)
        for number, said in ((2, "Ask who has a garden."), (3, "")):
            slide = titled(deck, f"Part {number}")
            content(slide, [(0, "Look closely.")])
            slide.notes_slide.notes_text_frame.text = said
    assert bare(deck_of(tmp_path, fill)).notes_for_adults == "Slide 2: Ask who has a garden."


def test_pictures_are_saved_beside_the_lesson_with_their_alt_text(plants):
    result, out = plants
    roots = section(result.lesson, "Roots")
    photo = next(b for b in roots.blocks if isinstance(b, Image))
    assert photo.alt == "A carrot's root"
    assert (out / photo.src).read_bytes() == (out.parent / "root.png").read_bytes()


def test_a_file_name_given_as_alt_text_counts_as_none_so_the_lesson_asks_for_some(plants):
    result, _out = plants
    logo = next(b for b in bare(result).sections[0].blocks if isinstance(b, Image))
    assert logo.alt == ""
    assert any("has no alt text" in message for message in notes(result))


def test_a_logo_on_every_slide_is_kept_once_and_a_decorative_picture_left_out(plants):
    result, out = plants
    images = [b for s in bare(result).sections for b in s.blocks if isinstance(b, Image)]
    assert len(images) == 2 and len(list((out / "images").iterdir())) == 2
    assert "A picture on 3 slides (a logo or decoration?) was kept once, on slide 1." in notes(
        result)
    assert ("A picture on slide 8 is marked as decorative in PowerPoint, so it was left out."
            in notes(result))


def test_a_picture_on_two_slides_shows_on_both_and_is_saved_once(tmp_path):
    photo = pictures(tmp_path)[0]

    def fill(deck):
        titled(deck, "Plants", TITLE_ONLY)
        for heading in ("Before", "After"):
            slide = titled(deck, heading, TITLE_ONLY)
            alt_text(slide.shapes.add_picture(str(photo), Inches(1), Inches(2)), "A seed")
    result = deck_of(tmp_path, fill)
    shown = [b.src for s in bare(result).sections for b in s.blocks if isinstance(b, Image)]
    assert shown == ["images/deck-1.png", "images/deck-1.png"]


def test_hidden_slides_and_charts_are_left_out_and_named(plants):
    result = plants[0]
    assert "Answers" not in [s.heading for s in bare(result).sections]
    assert "Slide 6 is hidden in the presentation, so it was left out." in notes(result)
    assert ("A chart on slide 8 was left out: put what it shows into words if pupils need it."
            in notes(result))
    assert {p.line for p in result.problems if "slide 8" in p.message} == {8}


def test_footers_dates_and_slide_numbers_are_not_read(tmp_path):
    kinds = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)

    def fill(deck):
        slide = titled(deck, "Plants")
        content(slide, [(0, "Plants grow.")])
        for placeholder in slide.slide_layout.placeholders:
            if placeholder.placeholder_format.type in kinds:
                slide.shapes.clone_placeholder(placeholder)
        footers = [s for s in slide.placeholders if s.placeholder_format.type in kinds]
        assert len(footers) == 3
        for footer in footers:
            footer.text_frame.text = "Oak Primary School"
    lesson = bare(deck_of(tmp_path, fill))
    assert [b for s in lesson.sections for b in s.blocks] == [
        Paragraph((Span("Plants grow."),), 0)]


def test_sub_points_of_a_numbered_list_go_on_in_their_item_so_the_numbers_stay(tmp_path):
    def fill(deck):
        titled(deck, "Rain", TITLE_ONLY)
        frame = content(titled(deck, "Make a rain gauge"), [
            (0, "Cut the bottle."), (1, "Ask an adult to help."), (0, "Put it outside"),
            (1, "in the open"), (1, "away from trees"), (0, "Check it each day.")])
        for paragraph in frame.paragraphs[2:]:
            numbered(paragraph)  # numbered sub-points, as LibreOffice's a), b)
        numbered(frame.paragraphs[0])  # its sub-point keeps the placeholder's bullet
    steps = section(bare(deck_of(tmp_path, fill)), "Make a rain gauge").blocks
    assert steps == (ListBlock((
        (Span("Cut the bottle. Ask an adult to help."),),
        (Span("Put it outside; in the open; away from trees"),),
        (Span("Check it each day."),),
    ), True, 0),)


def test_one_bullet_spelt_out_in_a_content_placeholder_is_a_paragraph_too(tmp_path):
    """LibreOffice writes each paragraph's bullet out, where PowerPoint leaves it to the slide."""
    def fill(deck):
        titled(deck, "Plants", TITLE_ONLY)
        spelt_out_bullet(content(titled(deck, "Roots"), [(0, "Roots drink.")]).paragraphs[0])
        frame = content(titled(deck, "Stems"), [(0, "Stems hold."), (0, "Stems carry.")])
        for paragraph in frame.paragraphs:
            spelt_out_bullet(paragraph)
    lesson = bare(deck_of(tmp_path, fill))
    assert section(lesson, "Roots").blocks == (Paragraph((Span("Roots drink."),), 0),)
    assert section(lesson, "Stems").blocks == (
        ListBlock(((Span("Stems hold."),), (Span("Stems carry."),)), False, 0),)


def test_a_paragraph_told_not_to_have_a_bullet_is_a_paragraph(tmp_path):
    def fill(deck):
        slide = titled(deck, "Plants")
        frame = content(slide, [(0, "Plants need:"), (0, "water"), (0, "light")])
        no_bullet(frame.paragraphs[0])
    blocks = bare(deck_of(tmp_path, fill)).sections[0].blocks
    assert blocks == (Paragraph((Span("Plants need:"),), 0),
                      ListBlock(((Span("water"),), (Span("light"),)), False, 0))


def test_with_no_title_anywhere_the_file_name_is_used_and_said(tmp_path):
    def fill(deck):
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK])
        text_box(slide, 1, 1, ["Plants need water to grow, and so do we."])
    result = deck_of(tmp_path, fill, name="year_1-plants.pptx")
    assert result.lesson.title == "Year 1 plants"
    assert "The first slide has no title, so 'Year 1 plants' is used." in notes(result)


def test_a_presentation_libreoffice_wrote_keeps_its_bullets_numbers_and_table_header(tmp_path):
    """files/libreoffice-rain.pptx: four slides written by LibreOffice Impress 7.4.

    Made as a flat ODF presentation (.fodp) by hand, its numbered list and
    table as Impress makes them (a list style with a), b) under 1., 2.; a
    table with "Header row" ticked), then ``soffice --headless --convert-to
    pptx``. LibreOffice spells out every bullet, and writes the table with no
    table style and each cell coloured.
    """
    result = import_pptx(FILES / "libreoffice-rain.pptx", tmp_path / "rain.md")
    lesson = bare(result)
    assert lesson.title == "Rain"
    assert section(lesson, "Clouds").blocks == (Paragraph((Span("Rain falls from clouds."),), 0),)
    assert section(lesson, "Make a rain gauge").blocks == (ListBlock((
        (Span("Cut the bottle. Ask an adult to help."),), (Span("Put it outside."),),
        (Span("Check it each day."),)), True, 0),)
    assert section(lesson, "Our results").blocks == (Table(
        ((Span("Day"),), (Span("Rain (mm)"),)),
        (((Span("Monday"),), (Span("4"),)), ((Span("Tuesday"),), (Span("0"),))), 0),)


# -- files that cannot be imported ------------------------------------------------


def test_a_file_that_is_not_a_presentation_is_one_plain_sentence(tmp_path):
    fake = tmp_path / "Plants.pptx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(LessonImportError, match="^“Plants.pptx” is not a PowerPoint "
                                                "presentation Lesson Lab can read.$"):
        import_pptx(fake, tmp_path / "plants.md")
    word = tmp_path / "Renamed.pptx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(LessonImportError, match="not a PowerPoint presentation"):
        import_pptx(word, tmp_path / "renamed.md")
    assert not list(tmp_path.glob("*.md"))


def test_an_older_powerpoint_file_says_how_to_save_it_as_pptx(tmp_path):
    old = tmp_path / "Plants.ppt"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(LessonImportError, match=r"older PowerPoint presentation \(\.ppt\); "
                                                r"open it in PowerPoint and save it as \.pptx"):
        import_lesson_file(old, tmp_path / "plants.md")


def test_slides_with_no_words_are_refused_and_nothing_is_written(tmp_path):
    photo = pictures(tmp_path)[0]

    def fill(deck):
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK])
        alt_text(slide.shapes.add_picture(str(photo), Inches(1), Inches(1)), "A seed")
    with pytest.raises(LessonImportError, match="no text to make a lesson from"):
        deck_of(tmp_path, fill)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))


# -- through the importers every window uses ------------------------------------------


def test_a_presentation_imports_into_the_lessons_folder_by_its_name(tmp_path):
    source = plants_lesson(tmp_path / "Plants.pptx", tmp_path)
    target, result = import_into_folder(source, tmp_path / "lessons")
    assert target == tmp_path / "lessons" / "Plants.md"
    assert result.lesson.title == "Parts of a plant"
    assert (tmp_path / "lessons" / "images" / "Plants-1.png").is_file()


def test_a_stop_before_the_presentation_is_written_leaves_nothing(tmp_path):
    source = plants_lesson(tmp_path / "Plants.pptx", tmp_path)
    stop = ImportStop()
    stop.request()
    with pytest.raises(ImportStopped):
        import_lesson_file(source, tmp_path / "out" / "plants.md", stop=stop)
    assert not (tmp_path / "out").exists()


def test_a_bullet_that_says_task_is_a_task_of_its_own(tmp_path):
    def fill(deck):
        slide = titled(deck, "Roots")
        content(slide, [(0, "Roots drink water."), (0, "Task: label the roots."),
                        (0, "Roots hold the plant.")])
    blocks = bare(deck_of(tmp_path, fill)).sections[0].blocks
    assert blocks == (ListBlock(((Span("Roots drink water."),),), False, 0),
                      Task("task", (Span("label the roots."),), 0),
                      ListBlock(((Span("Roots hold the plant."),),), False, 0))


def test_a_numbered_step_that_says_task_stays_in_its_list_to_keep_the_numbers(tmp_path):
    def fill(deck):
        slide = titled(deck, "Roots", TITLE_ONLY)
        steps = text_box(slide, 1, 2, ["Dig up a weed.", "Task: draw its roots.", "Wash up."])
        for paragraph in steps.text_frame.paragraphs:
            numbered(paragraph)
    (steps,) = bare(deck_of(tmp_path, fill)).sections[0].blocks
    assert isinstance(steps, ListBlock) and steps.ordered and len(steps.items) == 3


def test_a_list_carried_on_to_a_continued_slide_is_one_list(tmp_path):
    def fill(deck):
        titled(deck, "Clear print", TITLE_ONLY)
        content(titled(deck, "Pitfalls"), [(0, "Colour alone"), (0, "Justified text")])
        content(titled(deck, "Pitfalls (continued)"), [(0, "Long lines"), (0, "Italics")])
    (pitfalls,) = bare(deck_of(tmp_path, fill)).sections
    (listed,) = pitfalls.blocks
    assert [spans_text(item) for item in listed.items] == [
        "Colour alone", "Justified text", "Long lines", "Italics"]


def test_a_walt_on_the_slide_after_the_title_slide_is_the_learning_objective(tmp_path):
    def fill(deck):
        first = deck.slides.add_slide(deck.slide_layouts[0])  # Title Slide
        first.shapes.title.text = "Writing a persuasive letter"
        first.placeholders[1].text = "Mrs Patel – Spring term, week 3"
        content(titled(deck, "Our learning today"), [
            (0, "WALT: use persuasive language to write a letter."),
            (0, "WILF: a clear opinion, three reasons, a strong ending.")])
        content(titled(deck, "Persuasion"), [(0, "WALT: is not read here, later on"),
                                             (0, "Adverts try to persuade.")])

    result = deck_of(tmp_path, fill)
    lesson = bare(result)
    assert lesson.objectives == ("Use persuasive language to write a letter.",)
    assert [s.heading for s in lesson.sections] == ["", "Our learning today", "Persuasion"]
    # The success criteria (WILF) are not an objective: they stay on their slide.
    (left,) = section(lesson, "Our learning today").blocks
    assert [spans_text(item) for item in left.items] == [
        "WILF: a clear opinion, three reasons, a strong ending."]
    assert "WALT: is not read here, later on" in result.lesson.body
    assert any(n.startswith("1 learning objective was taken") for n in notes(result))


def test_a_slide_with_only_its_walt_goes_once_the_walt_is_taken(tmp_path):
    def fill(deck):
        titled(deck, "Forces", layout=0)
        text_box(titled(deck, "Today", layout=TITLE_ONLY), 1, 2, ["WALT: name two forces"])
        content(titled(deck, "Push and pull"), [(0, "A push moves things away.")])

    lesson = bare(deck_of(tmp_path, fill))
    assert lesson.objectives == ("Name two forces",)
    assert [s.heading for s in lesson.sections] == ["Push and pull"]
