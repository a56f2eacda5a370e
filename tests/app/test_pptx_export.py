"""PowerPoint export with Qt's help (app/pptx_export.py): every built-in lesson goes there and
back through our own importer, drawings become pictures, and Qt's measure keeps text on
its slide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtGui import QImage

from app.pptx_export import QtMeasure, export_pptx
from lessons.import_key_words import MAX_WORDS
from lessons.import_pptx import pptx_to_lesson
from lessons.lesson_pptx import lesson_plans
from lessons.lesson_pptx_layout import BOTTOM_PT, SLIDE_PT, Layout, Sizes
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.model import Image, Lesson, Table, Task, block_text
from lessons.presets import get_preset

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
PRESETS = ("Standard", "Dyslexia", "High contrast yellow on black")


def _words(text: str) -> list[str]:
    return text.casefold().split()


def _body_words(lesson: Lesson, skip_headings: set[str]) -> list[str]:
    """The words of the sections in order; tables that go on from one slide to the next
    (the same header row) count once, and pictures by their alt text elsewhere."""
    words: list[str] = []
    for section in lesson.sections:
        if section.heading and section.heading.casefold() not in skip_headings:
            words += _words(section.heading)
        header = None
        for block in section.blocks:
            if isinstance(block, Image):
                continue
            shown = block
            if isinstance(block, Table) and block.header and block.header == header:
                shown = Table((), block.rows, block.line)  # the header row shown again
            header = block.header if isinstance(block, Table) else None
            words += _words(block_text(shown))
    return words


def _alts(lesson: Lesson) -> list[str]:
    return [b.alt for s in lesson.sections for b in s.blocks if isinstance(b, Image)]


def _round_trip(path: Path, preset: str, tmp_path: Path) -> None:
    lesson = load_lesson(path).lesson
    result = export_pptx(lesson, get_preset(preset), tmp_path / f"{path.stem}.pptx")
    assert result.pictures_as_text == () and not result.notes
    back, _notes, pictures = pptx_to_lesson(result.path, tmp_path / "back.md")
    assert back.title.casefold() == lesson.title.casefold()
    # The furniture the slides add: the subject line under the title, and the lesson's
    # title over the text before any heading. The "Learning objectives" slide comes
    # back as the lesson's objectives (lessons/import_objectives.py).
    opening, *rest = back.sections
    details = " · ".join(p for p in (lesson.subject, lesson.key_stage, lesson.year_group) if p)
    assert _words(block_text(opening.blocks[0])) == _words(details)
    assert [_words(o) for o in back.objectives] == [_words(o) for o in lesson.objectives]
    # Our importer takes key words of up to MAX_WORDS words; a longer key phrase
    # ("free at the point of use") stays in a table under "Key words".
    taken = [v for v in lesson.vocabulary if len(v.word.split()) <= MAX_WORDS]
    if len(taken) < len(lesson.vocabulary):
        assert rest[-1].heading == "Key words"
        rest = rest[:-1]
    headings = [s.heading for s in lesson.sections if s.heading]
    title = {lesson.title.casefold()} if not lesson.sections[0].heading else set()
    assert [s.heading for s in rest if s.heading.casefold() not in title] == headings
    got = Lesson(back.title, sections=tuple(rest))
    assert _body_words(got, title) == _body_words(lesson, set())
    assert _alts(got) == _alts(lesson) and len(pictures) == len(_alts(lesson))
    assert [(v.word.casefold(), _words(v.definition)) for v in back.vocabulary] == \
        [(v.word.casefold(), _words(v.definition)) for v in taken]
    notes = " ".join(lesson.notes_for_adults.split())
    assert notes in back.notes_for_adults


def test_a_built_in_lesson_goes_there_and_back(qapp, tmp_path):
    _round_trip(WATER, "Dyslexia", tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("preset", PRESETS)
def test_every_built_in_lesson_goes_there_and_back(qapp, tmp_path, preset):
    lessons = sorted(builtin_folder().glob("*.md"))
    assert len(lessons) >= 10
    for path in lessons:
        _round_trip(path, preset, tmp_path)


def test_a_drawing_is_a_picture_with_its_svg_and_alt_text(qapp, tmp_path):
    lesson = load_lesson(WATER).lesson
    result = export_pptx(lesson, get_preset("Standard"), tmp_path / "water.pptx")
    assert result.pictures == 1
    deck = Presentation(str(result.path))
    (picture,) = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert picture._element.nvPicPr.cNvPr.get("descr").startswith("The water cycle:")
    assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
    assert picture.top + picture.height <= deck.slide_height
    png = QImage.fromData(picture.image.blob, "PNG")
    assert not png.isNull() and png.width() >= picture.width.pt  # sharp on a projector
    blip = picture._element.xpath("./p:blipFill/a:blip")[0]
    (svg,) = [e.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
                    "embed") for e in blip.iter(SVG_BLIP)]
    part = picture.part.related_part(svg)
    assert part.content_type == "image/svg+xml" and b"<svg" in part.blob


def test_print_colours_and_a_missing_font(qapp, tmp_path):
    lesson = load_lesson(WATER).lesson
    profile = get_preset("High contrast yellow on black")
    light = export_pptx(lesson, profile, tmp_path / "white.pptx", colours="black-on-white")
    deck = Presentation(str(light.path))
    assert str(deck.slide_master.background.fill.fore_color.rgb) == "FFFFFF"
    with pytest.raises(ValueError):
        export_pptx(lesson, profile, tmp_path / "x.pptx", colours="purple")
    from dataclasses import replace

    missing = replace(profile, font_family="No Such Font Sans")
    result = export_pptx(lesson, missing, tmp_path / "missing.pptx")
    assert any("No Such Font Sans" in note for note in result.notes)
    runs = [r for s in Presentation(str(result.path)).slides[1].shapes if s.has_text_frame
            for p in s.text_frame.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} == {"No Such Font Sans"}  # named, not replaced


@pytest.mark.parametrize("preset", ["Standard", "Dyslexia", "Very low vision / projector"])
def test_measured_in_the_real_font_no_slide_overflows(qapp, tmp_path, preset):
    """A long section goes on to "(continued)" slides, and on every slide the text Qt
    measures fits in its box, above the bottom margin."""
    profile = get_preset(preset)
    lesson = load_lesson(LIBRARY / "ks2-year6-history-anglo-saxons-and-vikings.md").lesson
    measure = QtMeasure(profile)
    plans = lesson_plans(lesson, profile, measure)
    assert any(plan.title.endswith("(continued)") for plan in plans)
    layout = Layout(Sizes.of(profile, measure.line_ratio), measure)
    for plan in plans:
        assert plan.title_height >= layout.title_height(plan.title, layout.sizes.title)
        for placed in plan.placed:
            assert plan.content_top <= placed.top
            assert placed.top + placed.height <= SLIDE_PT[1] - BOTTOM_PT + 1e-6
            if placed.kind == "text":
                assert layout.frame_height(placed.paras) <= placed.height + 1e-6
    # Every block once, in order: the words on the slides are the lesson's. (At 44 pt a
    # table with narrow columns is a list, a row an item, each cell after its column's
    # name, and the export says so.)
    if preset == "Very low vision / projector":
        result = export_pptx(lesson, profile, tmp_path / "big.pptx")
        assert any("shown row by row as a list" in note for note in result.notes)
    else:
        assert _plan_words(plans) == _lesson_words(lesson)


def _plan_words(plans) -> list[str]:
    words: list[str] = []
    header = None
    for plan in plans:
        for placed in plan.placed:
            cells = []
            if placed.kind == "table":
                again = plan.title.endswith("(continued)") and placed.table.header == header
                header = placed.table.header
                rows = (() if again else (header,)) + placed.table.rows
                cells = [cell for row in rows for cell in row]
            for runs in [p.runs for p in placed.paras] + cells:
                words += re.findall(r"\w+", "".join(run.text for run in runs).casefold())
    return words


def _lesson_words(lesson: Lesson) -> list[str]:
    text = list(lesson.objectives)
    for section in lesson.sections:
        for block in section.blocks:
            if isinstance(block, Task):
                text.append(block.kind)
            if not isinstance(block, Image):
                text.append(block_text(block))
    if lesson.vocabulary:
        text.append("Key word Meaning")
    text += [f"{entry.word} {entry.definition}" for entry in lesson.vocabulary]
    return re.findall(r"\w+", " ".join(text).casefold())
