"""The Word export (lessons/lesson_docx.py): real .docx files, opened again with python-docx.

Every check reads the file the writer saved (styles, runs and the XML behind
them), for the Standard, Dyslexia and a high-contrast preset.
"""

from __future__ import annotations

import zipfile
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from lessons.lesson_docx import write_lesson_docx
from lessons.lesson_docx_styles import A4_PT
from lessons.loader import load_lesson
from lessons.presets import get_preset
from tests.lessons.lesson_helpers import tiny_png, write

PRESETS = ("Standard", "Dyslexia", "High contrast yellow on black")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LESSON = """\
---
title: Floating and sinking
subject: Science
key_stage: KS2
year_group: Year 3
objectives:
  - Say whether an object will float or sink.
vocabulary:
  float: To stay on top of the water.
  sink: To go down under the water.
---

Some things float and some things sink. STOP AND THINK before you guess.

## What floats?

A cork will *always* float, and a **stone** will <u>drop</u> to the bottom.

- a cork
- a leaf

1. Fill a bowl with water.
2. Drop the cork in.

| Object | What happens |
|---|---|
| Cork | It floats |
| Stone | It sinks |

![A cork floating in a glass bowl of water](cork.png)

> Task: Sort the objects into two groups.

### Try again

1. Empty the bowl.
2. Start again.
"""


@pytest.fixture
def lesson(tmp_path):
    (tmp_path / "cork.png").write_bytes(tiny_png(80, 40))
    result = load_lesson(write(tmp_path, "floating.md", LESSON))
    assert result.ok, result.problems
    return result.lesson


def _export(lesson, profile, tmp_path, **options):
    out = write_lesson_docx(lesson, profile, tmp_path / f"{profile.name[:8]}.docx", **options)
    return out, docx.Document(str(out.path))


def _rpr_value(style, tag: str) -> str | None:
    found = style.element.find(f"{W}rPr/{W}{tag}")
    return None if found is None else found.get(qn("w:val"))


@pytest.mark.parametrize("name", PRESETS)
def test_the_profile_is_in_the_styles_word_shows(lesson, tmp_path, name):
    profile = get_preset(name)
    _, document = _export(lesson, profile, tmp_path)
    c = profile.colours
    normal = document.styles["Normal"]
    fonts = normal.element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == profile.font_family
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the profile's
    assert normal.font.size.pt == profile.font_size_pt
    assert normal.font.bold is (profile.font_weight >= 600)
    assert str(normal.font.color.rgb) == c.text.lstrip("#").upper()
    assert _rpr_value(normal, "spacing") == str(round(profile.letter_spacing_em
                                                      * profile.font_size_pt * 20))
    fmt = normal.paragraph_format
    assert fmt.line_spacing == pytest.approx(profile.line_height)
    assert fmt.space_after.pt == pytest.approx(profile.paragraph_spacing_em
                                               * profile.font_size_pt, abs=0.05)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for level, scale in ((1, 1.6), (2, 1.35), (3, 1.15)):
        heading = document.styles[f"Heading {level}"]
        assert heading.font.size.pt == pytest.approx(profile.font_size_pt * scale, abs=0.25)
        assert heading.font.bold is True
        assert str(heading.font.color.rgb) == c.heading.lstrip("#").upper()
        assert heading.element.find(f"{W}rPr/{W}color").get(qn("w:themeColor")) is None
        assert heading.element.find(f"{W}rPr/{W}rFonts").get(qn("w:ascii")) == \
            profile.font_family
    background = document.element.find(f"{W}background")
    assert background.get(qn("w:color")) == c.background.lstrip("#").upper()
    assert document.settings.element.find(f"{W}displayBackgroundShape") is not None
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(qn("w:val")) == "en-GB"
    assert document.core_properties.language == "en-GB"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 'w:val="both"' not in document.element.xml  # nothing justified


@pytest.mark.parametrize("name", PRESETS)
def test_headings_lists_table_picture_and_key_words_are_real_word_parts(lesson, tmp_path,
                                                                        name):
    profile = get_preset(name)
    result, document = _export(lesson, profile, tmp_path)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Heading 1", "Floating and sinking")
    assert ("Heading 2", "What floats?") in styled and ("Heading 3", "Try again") in styled
    assert ("Heading 2", "Key words") in styled
    # Real lists: numbered paragraphs, each numbered list starting again at 1.
    numbering = document.part.numbering_part.element
    items = {p.text: p._p.pPr.numPr for p in document.paragraphs if p._p.pPr is not None
             and p._p.pPr.numPr is not None}
    assert {"a cork", "Fill a bowl with water.", "Empty the bowl."} <= set(items)
    first, second = items["Fill a bowl with water."], items["Empty the bowl."]
    assert first.numId.val != second.numId.val
    for num_id in (first.numId.val, second.numId.val):
        num = numbering.xpath(f'./w:num[@w:numId="{num_id}"]')[0]
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]
        abstract = numbering.xpath(
            f'./w:abstractNum[@w:abstractNumId="{num.abstractNumId.val}"]')[0]
        assert [f.get(qn("w:val")) for f in abstract.iter(f"{W}numFmt")] == ["decimal"]
    # The table: its header row repeats on every page and is bold.
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Object", "What happens"]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    assert table.rows[1]._tr.trPr is None or \
        table.rows[1]._tr.trPr.find(f"{W}tblHeader") is None
    # The picture, its alt text where Word and screen readers look, at the profile's scale.
    assert result.pictures == 1 and len(document.inline_shapes) == 1
    shape = document.inline_shapes[0]
    alt = shape._inline.docPr.get("descr")
    assert alt == "A cork floating in a glass bowl of water"
    assert shape.width.pt == pytest.approx(80 * 0.75 * profile.image_scale, abs=0.1)
    # Key words: in the Key Word style (bold) in the text, and a glossary of word and meaning.
    key_word = document.styles["Key Word"]
    assert key_word.font.bold is True
    marked = [r.text for p in document.paragraphs for r in p.runs
              if r.style is not None and r.style.name == "Key Word"]
    assert "float" in marked and "sink" in marked
    glossary = [p.text for p in document.paragraphs[styled.index(("Heading 2", "Key words")):]]
    assert glossary[1:] == ["float: To stay on top of the water.",
                            "sink: To go down under the water."]


@pytest.mark.parametrize("name", PRESETS)
def test_no_italics_underlining_or_capitals_where_the_profile_forbids_them(lesson, tmp_path,
                                                                           name):
    profile = get_preset(name)
    _, document = _export(lesson, profile, tmp_path)
    runs = [r for p in document.paragraphs for r in p.runs]
    italic = [r.text for r in runs if r.italic]
    underlined = [r.text for r in runs if r.underline]
    text = "\n".join(p.text for p in document.paragraphs)
    assert italic == ([] if profile.suppress_italics else ["always"])
    assert underlined == ([] if profile.suppress_underline else ["drop"])
    if profile.suppress_all_caps:
        assert "Stop and think" in text and "STOP AND THINK" not in text
    else:
        assert "STOP AND THINK" in text
    if profile.suppress_italics:  # no style the text uses is italic either
        for style in document.styles:
            italic_tag = style.element.find(f"{W}rPr/{W}i")
            used = style.name in {p.style.name for p in document.paragraphs}
            if used and italic_tag is not None:
                assert italic_tag.get(qn("w:val")) in ("0", "false")


def test_word_spacing_widens_each_space_and_letter_spacing_each_letter(lesson, tmp_path):
    dyslexia = get_preset("Dyslexia")
    _, document = _export(lesson, dyslexia, tmp_path)
    body = document.paragraphs[1]  # "Science · KS2 · Year 3"
    spaces = [r for r in body.runs if r.text == " "]
    assert spaces and body.text == "Science · KS2 · Year 3"
    expected = round((dyslexia.letter_spacing_em + dyslexia.word_spacing_em) * 14 * 20)
    assert {r._r.rPr.find(f"{W}spacing").get(qn("w:val")) for r in spaces} == {str(expected)}
    heading = document.styles["Heading 2"]
    assert _rpr_value(heading, "spacing") == str(round(0.12 * 14 * 1.35 * 20))
    _, standard = _export(lesson, get_preset("Standard"), tmp_path)
    assert standard.paragraphs[1].runs[0].text == "Science · KS2 · Year 3"  # one run


def test_the_line_length_sets_centred_margins(lesson, tmp_path):
    profile = replace(get_preset("Dyslexia"), max_line_chars=50)
    _, document = _export(lesson, profile, tmp_path, char_width_pt=7.0)
    section = document.sections[0]
    width = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
    assert width == pytest.approx(50 * 7.0, abs=0.5)
    assert section.left_margin.pt == pytest.approx(section.right_margin.pt, abs=0.1)
    table_width = sum(column.width.pt for column in document.tables[0].columns)
    assert table_width == pytest.approx(width, abs=1)
    # No limit: the PDF's 2 cm margins.
    _, plain = _export(lesson, get_preset("Standard"), tmp_path)
    assert plain.sections[0].left_margin.mm == pytest.approx(20, abs=0.1)
    assert A4_PT[0] == pytest.approx(plain.sections[0].page_width.pt, abs=0.5)


def test_a_justified_profile_is_written_left_aligned(lesson, tmp_path):
    profile = replace(get_preset("Standard"), name="Justified", alignment="justify")
    _, document = _export(lesson, profile, tmp_path)
    assert document.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert 'w:val="both"' not in document.element.xml


def test_the_file_is_well_formed_and_opens_and_saves_again(lesson, tmp_path):
    result, document = _export(lesson, get_preset("Dyslexia"), tmp_path)
    with zipfile.ZipFile(result.path) as parts:
        assert parts.testzip() is None
        for name in parts.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(parts.read(name))  # raises on malformed XML
        core = parts.read("docProps/core.xml").decode("utf-8")
    assert "python-docx" not in core
    document.add_paragraph("A teacher's own note.")
    document.save(str(tmp_path / "edited.docx"))
    assert docx.Document(str(tmp_path / "edited.docx")).paragraphs[-1].text == \
        "A teacher's own note."
    properties = document.core_properties
    assert (properties.title, properties.subject) == ("Floating and sinking", "Science")
    assert "Comic Neue" in properties.comments  # the font the document asks for


def test_an_svg_without_a_picture_source_is_described_in_words(tmp_path):
    (tmp_path / "bowl.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>', encoding="utf-8")
    text = LESSON.replace("![A cork floating in a glass bowl of water](cork.png)",
                          "![A glass bowl of water](bowl.svg)")
    loaded = load_lesson(write(tmp_path, "svg.md", text)).lesson
    result, document = _export(loaded, get_preset("Standard"), tmp_path)
    assert result.pictures == 0 and result.pictures_as_text == ("A glass bowl of water",)
    assert "[Picture: A glass bowl of water]" in [p.text for p in document.paragraphs]


def test_light_text_on_a_dark_page_comes_with_a_printing_note(lesson, tmp_path):
    dark, _ = _export(lesson, get_preset("High contrast white on black"), tmp_path)
    cream, _ = _export(lesson, get_preset("Dyslexia"), tmp_path)
    assert any("does not print" in note for note in dark.notes)
    assert cream.notes == ()


def test_characters_word_cannot_hold_are_left_out_and_the_lesson_is_saved(tmp_path):
    # The loader lets a few stray control characters through (a lesson pasted from
    # elsewhere); one of them made python-docx refuse the whole document.
    source = tmp_path / "stray.md"
    source.write_bytes(
        b'---\ntitle: "Rivers\\x01"\nsubject: "Geography\\x02"\n---\n\n## Floods\x07\n\n'
        b"Heavy\x01 rain.\x0bThe river rises.\n\n![A river\x02 in flood](river.png)\n")
    (tmp_path / "river.png").write_bytes(tiny_png())
    lesson = load_lesson(source).lesson
    out = write_lesson_docx(lesson, get_preset("Standard"), tmp_path / "stray.docx").path
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:4] == ["Rivers", "Geography", "Floods", "Heavy rain. The river rises."]
    assert "A river in flood" in texts
    assert document.core_properties.title == "Rivers"
    assert document.core_properties.subject == "Geography"


def test_no_table_row_is_cut_in_two_at_a_page_break(lesson, tmp_path):
    # In large print a row with a long cell fell across two pages ("A (lemon" at
    # the foot of one, "juice)" at the top of the next) in LibreOffice and Word.
    _, document = _export(lesson, get_preset("Low vision — large print"), tmp_path)
    rows = document.tables[0].rows
    assert len(rows) == 3
    assert all(row._tr.trPr is not None and row._tr.trPr.find(f"{W}cantSplit") is not None
               for row in rows)
