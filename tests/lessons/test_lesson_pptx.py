"""PowerPoint export without Qt (lessons/lesson_pptx.py): the profile's look in the XML,
the size rule, and long sections going on to "(continued)" slides that hold what they say.

Files are written by python-pptx and read back with python-pptx and our own importer.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image as PillowImage
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from lessons.import_pptx import pptx_to_lesson
from lessons.lesson_pptx import write_lesson_pptx
from lessons.lesson_pptx_layout import (
    BOTTOM_PT,
    SLIDE_PT,
    Layout,
    Para,
    Run,
    Sizes,
    body_size_pt,
    line_starts,
    split_runs,
)
from lessons.lesson_pptx_lines import EstimatedMeasure
from lessons.loader import load_lesson
from lessons.model import (
    Image,
    Lesson,
    ListBlock,
    Paragraph,
    Section,
    Span,
    Table,
    Task,
    VocabularyEntry,
)
from lessons.presets import get_preset

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
PT = 12700


def _sentences(count: int) -> str:
    return " ".join(f"Sentence number {n} tells the class one more thing about rivers."
                    for n in range(1, count + 1))


def _long_lesson(tmp_path: Path) -> Lesson:
    picture = tmp_path / "diagram.png"
    PillowImage.new("RGB", (480, 320), "#3366aa").save(picture)
    blocks = (
        Paragraph((Span(_sentences(12)),), 1),
        ListBlock(tuple((Span(f"Step {n}: look closely at the river bank."),)
                        for n in range(1, 9)), True, 2),
        Table((((Span("Place"),), (Span("What you see"),))),
              tuple(((Span(f"Spot {n}"),), (Span("Water running over stones"),))
                    for n in range(1, 14)), 3),
        Image("diagram.png", "A river from its source to the sea", 4, picture),
        Task("task", (Span("Draw the river and label its parts."),), 5),
    )
    return Lesson(
        title="Rivers", subject="Geography", key_stage="KS2", year_group="Year 5",
        objectives=("Name the parts of a river.",),
        vocabulary=(VocabularyEntry("source", "Where a river starts."),),
        notes_for_adults="Take the class to the stream only with two adults.",
        sections=(Section("A very long section", 2, blocks, 1),))


def test_the_size_rule():
    sizes = {name: body_size_pt(get_preset(name)) for name in (
        "Standard", "Dyslexia", "High contrast yellow on black",
        "Low vision — large print", "Very low vision / projector")}
    assert sizes == {"Standard": 24, "Dyslexia": 24, "High contrast yellow on black": 24,
                     "Low vision — large print": 27, "Very low vision / projector": 44}
    standard = get_preset("Standard")
    assert body_size_pt(replace(standard, font_size_pt=6)) == 24
    assert body_size_pt(replace(standard, font_size_pt=60)) == 60  # its own size
    assert body_size_pt(replace(standard, font_size_pt=200)) == 72
    big = Sizes.of(replace(standard, font_size_pt=60))
    assert big.body < big.title <= big.body + 8 and big.title < big.lesson_title


def test_lines_wrap_at_words_and_a_cut_keeps_every_word():
    runs = (Run("one two "), Run("three", key_word=True), Run(" four five six"))
    measure = EstimatedMeasure(get_preset("Standard"))
    line = measure.width("four five", 24, False)
    starts = line_starts(runs, line + 1, 24, measure)
    text = "".join(r.text for r in runs)
    assert [text[s:].split()[0] for s in starts] == ["one", "three", "four", "six"]
    before, after = split_runs(runs, starts[2])
    assert "".join(r.text for r in before) == "one two three"
    assert "".join(r.text for r in after) == "four five six"
    assert before[-1].key_word


def test_the_profile_s_look_reaches_the_slides(tmp_path):
    lesson = load_lesson(WATER).lesson
    shouting = replace(lesson, sections=lesson.sections + (Section(
        "Remember", 2, (Paragraph((Span("STOP AND THINK before you "), Span(
            "answer", italic=True, underline=True), Span(" about the BBC.")), 1),), 1),))
    profile = get_preset("Dyslexia")
    assert profile.suppress_italics and profile.suppress_underline and profile.suppress_all_caps
    result = write_lesson_pptx(shouting, profile, tmp_path / "water.pptx")
    deck = Presentation(str(result.path))
    assert (deck.slide_width, deck.slide_height) == (Emu(SLIDE_PT[0] * PT),
                                                     Emu(SLIDE_PT[1] * PT))
    assert deck.slide_width * 9 == deck.slide_height * 16
    background = deck.slide_master.background.fill.fore_color.rgb
    assert str(background) == profile.colours.background.lstrip("#").upper()
    runs = [r for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        properties = run._r.find(A + "rPr")
        assert properties.find(A + "latin").get("typeface") == "Comic Neue"
        assert int(properties.get("sz")) >= 2400
        assert properties.get("i") == "0" and properties.get("u") == "none"
        size = int(properties.get("sz")) / 100  # letter spacing: 0.12 em, in 1/100 pt
        em = 0.12 + (0.42 if run.text == " " else 0)  # word spacing: widened spaces
        assert int(properties.get("spc")) == round(em * size * 100)
    colours = {r._r.find(A + "rPr").find(A + "solidFill")[0].get("val") for r in runs}
    runs = [r for r in runs if r.text.strip()]
    assert colours >= {"1A1A1A", "1F3A5F", "0B4A8F"}  # text, headings, key words
    text = " ".join(r.text for r in runs)
    assert "Stop and think before you answer about the BBC." in text
    assert "STOP" not in text
    # Left aligned, the profile's line spacing and space after paragraphs.
    body = [p for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs if p.runs]
    for paragraph in body:
        properties = paragraph._p.find(A + "pPr")
        assert properties.get("algn") == "l"
        assert properties.find(A + "lnSpc")[0].get("val") in ("150000", "115000")
    gaps = {int(p._p.find(A + "pPr").find(A + "spcAft")[0].get("val")) for p in body}
    assert round(1.5 * 24 * 100) in gaps


def test_key_words_are_marked_by_more_than_colour(tmp_path):
    lesson = load_lesson(WATER).lesson
    for name, mark in (("Standard", "dotted"), ("Low vision — large print", None)):
        profile = get_preset(name)
        deck = Presentation(str(write_lesson_pptx(lesson, profile, tmp_path / "k.pptx").path))
        key_words = [r for slide in deck.slides for shape in slide.shapes
                     if shape.has_text_frame for p in shape.text_frame.paragraphs
                     for r in p.runs if r.text.lower() == "evaporation"]
        assert key_words
        for run in key_words:
            properties = run._r.find(A + "rPr")
            assert properties.get("b") == "1"
            highlighted = properties.find(A + "highlight") is not None
            assert highlighted == profile.highlight_vocabulary
            if mark and not highlighted:
                assert properties.get("u") == mark


def test_slides_in_order_with_real_titles_lists_tables_and_pictures(tmp_path):
    lesson = _long_lesson(tmp_path)
    result = write_lesson_pptx(lesson, get_preset("Standard"), tmp_path / "rivers.pptx")
    assert result.pictures == 1 and result.pictures_as_text == ()
    deck = Presentation(str(result.path))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[:3] == ["Rivers", "Learning objectives", "A very long section"]
    assert titles[3:-1] == ["A very long section (continued)"] * (len(titles) - 4)
    assert titles[-1] == "Key words"
    first = deck.slides[0]
    assert first.shapes.title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    assert first.notes_slide.notes_text_frame.text == lesson.notes_for_adults
    assert "Geography · KS2 · Year 5" in [s.text_frame.text for s in first.placeholders]
    numbers = [p._p.find(A + "pPr").find(A + "buAutoNum") for slide in deck.slides
               for shape in slide.shapes if shape.has_text_frame
               for p in shape.text_frame.paragraphs]
    starts = [int(n.get("startAt")) for n in numbers if n is not None]
    assert starts == list(range(1, 9))  # one list, numbered on across slides
    tables = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    assert all(t.first_row for t in tables)
    assert tables[-1].cell(0, 0).text == "Key word"
    places = [t.cell(r, 0).text for t in tables[:-1] for r in range(1, len(t.rows))]
    assert places == [f"Spot {n}" for n in range(1, 14)]  # every row once, in order
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [
        "A river from its source to the sea"]
    # The importer reads it all back, in order.
    back, _notes, _pictures = pptx_to_lesson(result.path, tmp_path / "back.md")
    assert back.title == "Rivers"
    assert [s.heading for s in back.sections][1:] == ["A very long section"]
    assert back.objectives  # the objectives' slide is the lesson's objectives again
    assert [v.word for v in back.vocabulary] == ["source"]
    assert any(isinstance(b, Task) for b in back.sections[-1].blocks)


@pytest.mark.parametrize("preset", ["Standard", "Dyslexia", "Very low vision / projector"])
def test_no_slide_holds_more_than_its_text_area(tmp_path, preset):
    """Every text box is as tall as the text measured in it, and ends above the margin."""
    profile = get_preset(preset)
    result = write_lesson_pptx(_long_lesson(tmp_path), profile, tmp_path / "r.pptx")
    deck = Presentation(str(result.path))
    layout = Layout(Sizes.of(profile), EstimatedMeasure(profile))
    bottom = (SLIDE_PT[1] - BOTTOM_PT) * PT
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            if _is_slide_number(shape):
                continue  # in the foot margin, by design (test_every_slide_but_the_title_...)
            assert shape.top + shape.height <= bottom + 1
            if not shape.has_text_frame or shape == slide.shapes.title:
                continue
            paras = []
            for paragraph in shape.text_frame.paragraphs:
                properties = paragraph._p.find(A + "pPr")
                kind = "number" if properties.find(A + "buAutoNum") is not None else (
                    "bullet" if properties.find(A + "buChar") is not None else (
                        "quote" if int(properties.get("marL")) else "text"))
                runs = tuple(Run(r.text, bold=r.font.bold) for r in paragraph.runs)
                after = int(properties.find(A + "spcAft")[0].get("val")) / 100
                paras.append(Para(runs, kind, after=after))
            measured = layout.frame_height(paras, shape.width / PT)
            assert measured <= shape.height / PT + 0.5


def _is_slide_number(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER


@pytest.mark.parametrize("preset", ["Dyslexia", "Very low vision / projector"])
def test_every_slide_but_the_title_slide_is_numbered_in_its_foot(tmp_path, preset):
    profile = get_preset(preset)
    result = write_lesson_pptx(_long_lesson(tmp_path), profile, tmp_path / "r.pptx")
    slides = list(Presentation(str(result.path)).slides)
    assert not any(_is_slide_number(shape) for shape in slides[0].shapes)
    foot = (SLIDE_PT[1] - BOTTOM_PT) * PT
    for number, slide in enumerate(slides[1:], 2):
        (mark,) = [shape for shape in slide.shapes if _is_slide_number(shape)]
        assert mark.text_frame.text == str(number)
        # PowerPoint's own field, so the number follows when slides are moved about.
        field = mark.text_frame.paragraphs[0]._p.find(A + "fld")
        assert field.get("type") == "slidenum"
        colour = field.find(A + "rPr").find(A + "solidFill")[0].get("val")
        assert colour.lower() == profile.colours.text.lstrip("#").lower()
        # In the foot margin at the right, below everything else on the slide.
        assert foot - 1 <= mark.top and mark.top + mark.height <= SLIDE_PT[1] * PT
        assert mark.left + mark.width <= (SLIDE_PT[0] - 30) * PT
        assert all(other.top + other.height <= mark.top + 1 for other in slide.shapes
                   if other.shape_id != mark.shape_id)


def test_a_picture_that_cannot_be_placed_is_words_and_said_once(tmp_path):
    lesson = Lesson(title="Pets", sections=(Section("Dogs", 2, (
        Image(src="images/missing.png", alt="A dog asleep", line=1),), 1),))
    result = write_lesson_pptx(lesson, get_preset("Standard"), tmp_path / "pets.pptx")
    assert result.pictures_as_text == ("A dog asleep",)
    assert result.notes == ("A picture PowerPoint could not take is described in words instead.",)
