"""PowerPoint presentations built with python-pptx, as a teacher's lesson slides are."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from tests.lessons.lesson_helpers import tiny_png

TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 0, 1, 5, 6
_DECORATIVE_EXT = (
    '<a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
    'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext>"
)


def pictures(folder):
    """Three different real PNG files in ``folder``: a photo, a logo and a border."""
    made = []
    for name, size in (("root", (3, 2)), ("logo", (4, 4)), ("border", (6, 1))):
        path = folder / f"{name}.png"
        path.write_bytes(tiny_png(*size))
        made.append(path)
    return made


def alt_text(picture, text: str) -> None:
    picture._element.nvPicPr.cNvPr.set("descr", text)


def mark_decorative(picture) -> None:
    properties = picture._element.nvPicPr.cNvPr
    ext_list = etree.SubElement(properties, qn("a:extLst"))
    ext_list.append(etree.fromstring(_DECORATIVE_EXT))


def numbered(paragraph) -> None:
    """Give ``paragraph`` PowerPoint's own numbering, as the Numbering button does."""
    properties = paragraph._p.get_or_add_pPr()
    etree.SubElement(properties, qn("a:buAutoNum")).set("type", "arabicPeriod")


def spelt_out_bullet(paragraph) -> None:
    """Give ``paragraph`` its bullet in so many words, as LibreOffice writes every bullet."""
    properties = paragraph._p.get_or_add_pPr()
    etree.SubElement(properties, qn("a:buFont")).set("typeface", "Arial")
    etree.SubElement(properties, qn("a:buChar")).set("char", "•")


def no_bullet(paragraph) -> None:
    etree.SubElement(paragraph._p.get_or_add_pPr(), qn("a:buNone"))


def painted_like_libreoffice(table, row_colours: list[str]) -> None:
    """Give ``table`` no table style and fill each row's cells, as LibreOffice writes a table.

    LibreOffice (7.4) writes an empty ``a:tblPr`` (no style, no "Header Row")
    and a colour in every cell's ``a:tcPr``, its header row's darker.
    """
    properties = table._tbl.tblPr
    for name in list(properties.attrib):
        del properties.attrib[name]
    for child in list(properties):
        properties.remove(child)
    for row, colour in zip(table.rows, row_colours, strict=True):
        for cell in row.cells:
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(colour)


def text_box(slide, left: float, top: float, lines: list[str]):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(4), Inches(1))
    frame = box.text_frame
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    return box


def content(slide, lines: list[tuple[int, str]]):
    """Fill the slide's content placeholder: ``(level, text)`` a paragraph."""
    frame = slide.placeholders[1].text_frame
    for index, (level, text) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.level = level
    return frame


def plants_lesson(path, folder, images=None):
    """A Year 1 lesson as a teacher might make it, with most of what slides can hold.

    ``images``: the photo, logo and border picture files (tiny PNGs made in
    ``folder`` when not given).
    """
    photo, logo, border = images or pictures(folder)
    deck = Presentation()
    layouts = deck.slide_layouts

    first = deck.slides.add_slide(layouts[TITLE_SLIDE])
    first.shapes.title.text = "Parts of a plant"
    subtitle = first.placeholders[1].text_frame
    subtitle.text = "Year 1 Science"
    subtitle.add_paragraph().text = "LO: To name the parts of a plant."
    first.notes_slide.notes_text_frame.text = "Welcome the class.\nShow a real plant."
    first.shapes.add_picture(str(logo), Inches(9), Inches(0), Inches(0.5))

    roots = deck.slides.add_slide(layouts[TITLE_AND_CONTENT])
    roots.shapes.title.text = "Roots"
    frame = content(roots, [(0, "Roots hold the plant in the ground."),
                            (0, "Roots take in "), (1, "Some roots are very long.")])
    run = frame.paragraphs[1].add_run()
    run.text = "water"
    run.font.bold = True
    alt_text(roots.shapes.add_picture(str(photo), Inches(6), Inches(5), Inches(2)),
             "A carrot's root")
    roots.shapes.add_picture(str(logo), Inches(9), Inches(0), Inches(0.5))

    more = deck.slides.add_slide(layouts[TITLE_AND_CONTENT])
    more.shapes.title.text = "Roots (continued)"
    content(more, [(0, "Carrots are roots we can eat.")])
    more.shapes.add_picture(str(logo), Inches(9), Inches(0), Inches(0.5))

    stem = deck.slides.add_slide(layouts[TITLE_ONLY])
    stem.shapes.title.text = "Stem and leaves"
    # Made right column first, as slides often are; read left to right.
    steps = text_box(stem, 5, 2.1, ["Find a leaf.", "Draw it."]).text_frame
    for paragraph in steps.paragraphs:
        numbered(paragraph)
    text_box(stem, 0.5, 2, ["The stem holds the plant up.", "Leaves make food."])

    key_words = deck.slides.add_slide(layouts[TITLE_AND_CONTENT])
    key_words.shapes.title.text = "Key words"
    content(key_words, [(0, "root – the part that holds the plant in the ground"),
                        (0, "stem: the part that holds the plant up")])

    answers = deck.slides.add_slide(layouts[TITLE_AND_CONTENT])
    answers.shapes.title.text = "Answers"
    content(answers, [(0, "Roots, stem, leaves, flower.")])
    answers.element.set("show", "0")

    quiz = deck.slides.add_slide(layouts[BLANK])
    group = quiz.shapes.add_group_shape()
    group_box = group.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1))
    group_box.text_frame.text = "Label the plant."
    text_box(quiz, 1, 2, ["Question: What do roots do?"])
    text_box(quiz, 1, 0.5, ["Quiz time"])

    compare = deck.slides.add_slide(layouts[TITLE_ONLY])
    compare.shapes.title.text = "Compare"
    table = compare.shapes.add_table(3, 2, Inches(0.5), Inches(1.5), Inches(6),
                                     Inches(1.5)).table
    for row, (part, job) in enumerate((("Part", "Job"), ("Root", "Drinks water"),
                                       ("Stem", "Holds it up"))):
        table.cell(row, 0).text = part
        table.cell(row, 1).text = job
    data = CategoryChartData()
    data.categories = ["Bean", "Pea"]
    data.add_series("Height (cm)", (12, 8))
    compare.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(0.5), Inches(3.5),
                             Inches(4), Inches(3), data)
    mark_decorative(compare.shapes.add_picture(str(border), Inches(0), Inches(7), Inches(10)))

    deck.save(str(path))
    return path
