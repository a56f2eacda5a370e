"""Word export with Qt's help (app/docx_export.py): built-in lessons, drawings, line length."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtGui import QImage

from app.docx_export import export_docx
from lessons.lesson_docx_styles import A4_PT, MARGIN_PT
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.presets import get_preset
from widgets.lesson_style import average_char_width

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"


@pytest.fixture(scope="module")
def water_cycle():
    return load_lesson(WATER).lesson


def test_a_built_in_lesson_with_a_table_and_a_drawing_keeps_both(qapp, tmp_path, water_cycle):
    profile = get_preset("Dyslexia")
    result = export_docx(water_cycle, profile, tmp_path / "water.docx")
    assert result.pictures == 1 and result.pictures_as_text == ()
    document = docx.Document(str(result.path))
    assert len(document.tables) == 1
    assert document.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    (shape,) = document.inline_shapes
    assert shape._inline.docPr.get("descr").startswith("The water cycle: water evaporates")
    # The SVG itself (Office 2016 and later) with a PNG copy for older programs.
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    png_part = document.part.related_parts[blip.embed]
    svg_ids = [e.get(qn("r:embed")) for e in blip.iter(SVG_BLIP)]
    assert len(svg_ids) == 1
    svg_part = document.part.related_parts[svg_ids[0]]
    assert svg_part.content_type == "image/svg+xml" and b"<svg" in svg_part.blob
    picture = QImage.fromData(png_part.blob, "PNG")
    assert not picture.isNull()
    # Drawn sharp for print: about 200 pixels to the inch at the size shown.
    assert picture.width() == pytest.approx(shape.width.inches * 200, rel=0.02)
    with zipfile.ZipFile(result.path) as parts:
        types = parts.read("[Content_Types].xml").decode("utf-8")
    assert 'ContentType="image/svg+xml"' in types


def test_the_line_length_is_measured_as_the_pdf_measures_it(qapp, tmp_path, water_cycle):
    profile = get_preset("Speech, language and communication needs")  # 50 characters
    result = export_docx(water_cycle, profile, tmp_path / "slcn.docx")
    section = docx.Document(str(result.path)).sections[0]
    width = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
    expected = profile.max_line_chars * average_char_width(profile, 72.0)
    assert expected < A4_PT[0] - 2 * MARGIN_PT  # the limit really narrows the column
    assert width == pytest.approx(expected, abs=0.5)


def test_black_on_white_for_paper(qapp, tmp_path, water_cycle):
    profile = get_preset("High contrast yellow on black")
    dark = export_docx(water_cycle, profile, tmp_path / "dark.docx")
    paper = export_docx(water_cycle, profile, tmp_path / "paper.docx", colours="black-on-white")
    assert any("does not print" in note for note in dark.notes)
    assert not any("does not print" in note for note in paper.notes)
    document = docx.Document(str(paper.path))
    assert str(document.styles["Normal"].font.color.rgb) == "000000"
    assert document.element.find(qn("w:background")).get(qn("w:color")) == "FFFFFF"
    with pytest.raises(ValueError):
        export_docx(water_cycle, profile, tmp_path / "x.docx", colours="purple")


@pytest.mark.slow
def test_every_built_in_lesson_exports_and_opens_again(qapp, tmp_path):
    profile = replace(get_preset("Dyslexia"), image_scale=2.0)
    lessons = sorted(builtin_folder().glob("*.md"))
    assert len(lessons) >= 10
    pictures = 0
    for path in lessons:
        lesson = load_lesson(path).lesson
        result = export_docx(lesson, profile, tmp_path / f"{path.stem}.docx")
        document = docx.Document(str(result.path))
        assert document.paragraphs[0].text == lesson.title
        assert result.pictures_as_text == ()
        pictures += result.pictures
        for shape in document.inline_shapes:  # never wider than the text column
            section = document.sections[0]
            assert shape.width <= section.page_width - section.left_margin \
                - section.right_margin
    assert pictures == sum(p.read_text(encoding="utf-8").count("![") for p in lessons)
