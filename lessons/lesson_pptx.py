"""An adapted lesson as PowerPoint slides (.pptx), to teach from, in the profile's look.

Most teachers in England teach from slides, and Lesson Lab imports them
(lessons/import_pptx.py); this takes the adapted lesson back. The slides hold
what the lesson view, the PDF and the Word export hold, in slide form:

- a title slide (the lesson's title; subject · key stage · year beneath it),
  with the lesson's notes for adults as its speaker notes;
- a "Learning objectives" slide when there are objectives;
- each section as slides titled by its heading (the text before the first
  heading under the lesson's title): paragraphs; bulleted lists; numbered
  lists in PowerPoint's own numbering (``a:buAutoNum``, so it renumbers
  as the teacher edits); tasks and questions with a bold "Task:" or
  "Question:" label; quotations, indented; tables as real tables with the
  first row ticked as the "Header Row"; pictures with their alt text as the
  picture's description, at the profile's picture size (grown with the text,
  so as big beside it as in the lesson view) but never larger than the slide
  (SVG drawings as PNG, with the SVG beside it for PowerPoint 2016
  and later, as the Word export does);
- a "Key words" slide (or slides) at the end: a table of word and meaning.

Every title is the slide's title placeholder, so PowerPoint's outline, a
screen reader's list of slides and our own importer find it.

The look is the profile's, as far as PowerPoint can say it (as in the Word
export, lessons/lesson_docx.py): the page colour is the slide background;
text, heading and link colours; the font family, named not embedded (a
computer without it shows another: the result's notes say so when this one
lacks it); weight (600 and over is bold); letter spacing (``spc``); word
spacing as widened spaces; line spacing (PowerPoint's "Multiple"); the space
after paragraphs; left alignment, never justified; no italics, underlining
or blocks of capitals where the profile forbids them (lessons/text_rules.py,
the view's own rules). Key words are bold and underlined (dotted) or
highlighted, as in the Word export, so colour is never the only sign.

Text is big enough for a room and is never shrunk to fit: the size rule and
how a long section goes on to "Heading (continued)" slides are in
lessons/lesson_pptx_layout.py. The line length, reading ruler, overlay and
focus mode are the lesson view's, not the slides'. No Qt here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from lessons.lesson_docx_pictures import PRINT_DPI, WORD_TAKES, PictureSource
from lessons.lesson_docx_styles import Look
from lessons.lesson_pptx_layout import (
    BOTTOM_PT,
    CONTENT_WIDTH,
    LIST_GAP,
    NUMBER_WIDTH_PT,
    SIDE_PT,
    SLIDE_PT,
    TOP_PT,
    Layout,
    Para,
    PictureUnit,
    Placed,
    Run,
    Sizes,
    SlidePlan,
    TableUnit,
    Unit,
)
from lessons.lesson_pptx_lines import EstimatedMeasure, Measure
from lessons.lesson_pptx_xml import LANGUAGE, Writer, emu, set_up_presentation
from lessons.model import Image, Inline, Lesson, ListBlock, Paragraph, Quote, Span, Table, Task
from lessons.profile import Colours, Profile
from lessons.text_rules import capital_runs, marked_pieces, vocabulary_pattern
from lessons.word_document import save_document

TITLE_SLIDE, CONTENT_SLIDE = 0, 1  # python-pptx's own layouts
OBJECTIVES, KEY_WORDS = "Learning objectives", "Key words"
KEY_WORDS_HEADER = ("Key word", "Meaning")
LARGEST_PNG = 3000
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


@dataclass(frozen=True)
class PptxResult:
    """What was written: the file, its slides, pictures placed and any shown as words."""

    path: Path
    slides: int = 0
    pictures: int = 0
    pictures_as_text: tuple[str, ...] = ()  # alt text of pictures that could not be placed
    notes: tuple[str, ...] = ()  # plain sentences for the person exporting


def lesson_pptx(lesson: Lesson, profile: Profile, *, colours: Colours | None = None,
                pictures: PictureSource | None = None, measure: Measure | None = None):
    """The adapted lesson as a python-pptx ``Presentation`` and a :class:`PptxResult` draft.

    ``colours`` replaces the profile's; ``pictures`` draws SVG pictures;
    ``measure`` measures text in the profile's font (else it is estimated).
    """
    writer = _Slides(lesson, profile, colours or profile.colours, pictures,
                     measure or EstimatedMeasure(profile))
    writer.write()
    notes: tuple[str, ...] = ()
    if writer.layout.tables_as_lists:
        notes += ("At this text size a table's rows are taller than a slide, so the table "
                  "is shown row by row as a list.",)
    if writer.as_text:
        notes += ("A picture PowerPoint could not take is described in words instead.",)
    result = PptxResult(Path(), len(writer.presentation.slides), writer.placed,
                        tuple(writer.as_text), notes)
    return writer.presentation, result


def write_lesson_pptx(lesson: Lesson, profile: Profile, path: str | Path, *,
                      colours: Colours | None = None, pictures: PictureSource | None = None,
                      measure: Measure | None = None) -> PptxResult:
    """Write ``lesson`` adapted with ``profile`` to ``path`` as a .pptx, whole or not at all.

    Raises ``OSError`` when the file cannot be written.
    """
    presentation, result = lesson_pptx(lesson, profile, colours=colours, pictures=pictures,
                                       measure=measure)
    return replace(result, path=save_document(presentation, path))


def lesson_plans(lesson: Lesson, profile: Profile, measure: Measure | None = None,
                 pictures: PictureSource | None = None) -> list[SlidePlan]:
    """The slides after the title slide, planned but not written (for tests and checks)."""
    writer = _Slides(lesson, profile, profile.colours, pictures,
                     measure or EstimatedMeasure(profile))
    return writer.plans()


class _Slides:
    def __init__(self, lesson: Lesson, profile: Profile, colours: Colours,
                 pictures: PictureSource | None, measure: Measure) -> None:
        from pptx import Presentation

        self.lesson, self.profile, self.pictures = lesson, profile, pictures
        self.look = Look(profile, colours)
        self.sizes = Sizes.of(profile, measure.line_ratio)
        self.layout = Layout(self.sizes, measure)
        self.xml = Writer(self.look, self.sizes)
        self.presentation = Presentation()
        self._words = [v.word for v in lesson.vocabulary]
        self._pattern = vocabulary_pattern(self._words)
        self.placed = 0
        self.as_text: list[str] = []

    # ----- what goes on the slides ------------------------------------------------------

    def plans(self) -> list[SlidePlan]:
        lesson = self.lesson
        plans: list[SlidePlan] = []
        if lesson.objectives:
            plans += self.layout.slides(OBJECTIVES, self.list_items(
                tuple((Span(o),) for o in lesson.objectives), ordered=False))
        for section in lesson.sections:
            units = [unit for block in section.blocks for unit in self.units(block)]
            if units or section.heading:
                plans += self.layout.slides(section.heading or lesson.title, units)
        if lesson.vocabulary:
            rows = tuple(((Run(self.cased(v.word), key_word=True),),
                          self.runs((Span(v.definition),), vocab=False))
                         for v in lesson.vocabulary)
            header = tuple((Run(h),) for h in KEY_WORDS_HEADER)
            plans += self.layout.slides(KEY_WORDS, [TableUnit(header, rows)])
        return plans

    def units(self, block) -> list[Unit]:
        gap = self.sizes.gap
        if isinstance(block, Paragraph):
            return [Para(self.runs(block.spans), after=gap)]
        if isinstance(block, ListBlock):
            return self.list_items(block.items, block.ordered)
        if isinstance(block, Task):
            label = "Question:" if block.kind == "question" else "Task:"
            runs = (Run(label, bold=True), Run(" ")) + self.runs(block.spans)
            return [Para(runs, "task", after=gap)]
        if isinstance(block, Quote):
            return [Para(self.runs(block.spans), "quote", after=gap)]
        if isinstance(block, Table):
            rows = tuple(tuple(self.runs(cell) for cell in row) for row in block.rows)
            header = tuple(self.runs(cell, vocab=False) for cell in block.header)
            return [TableUnit(header, rows)] if rows or header else []
        if isinstance(block, Image):
            picture = self.picture(block)
            if picture is not None:
                return [picture]
            self.as_text.append(block.alt or block.src)
            return [Para((Run(f"[Picture: {block.alt or block.src}]"),), after=gap)]
        return []

    def list_items(self, items: tuple[Inline, ...], ordered: bool) -> list[Unit]:
        kind, gap = ("number" if ordered else "bullet"), self.sizes.gap
        return [Para(self.runs(item), kind, number, after=gap if number == len(items)
                     else gap * LIST_GAP) for number, item in enumerate(items, 1)]

    def cased(self, text: str) -> str:
        """``text`` (a title or a key word, on its own) with blocks of capitals in sentence
        case when the profile forbids them."""
        if self.profile.suppress_all_caps:
            for start, sentence in capital_runs(text):
                text = text[:start] + sentence + text[start + len(sentence):]
        return text

    def runs(self, spans: Inline, vocab: bool = True) -> tuple[Run, ...]:
        """Spans as runs: capitals rule applied, key words marked."""
        return tuple(Run(text, bold=span.bold, italic=span.italic, underline=span.underline,
                         key_word=key_word)
                     for text, span, key_word in marked_pieces(
                         spans, self._pattern, self._words,
                         suppress_caps=self.profile.suppress_all_caps, vocab=vocab))

    def picture(self, image: Image) -> PictureUnit | None:
        """The picture's bytes and shown size (natural at 96 to the inch, times the scale)."""
        path = image.path
        if path is None:
            return None
        # As big beside the slide's text as beside the view's: natural size at 96 to
        # the inch, times the picture size, grown as the text grew for the slides.
        grown = self.sizes.body / self.profile.font_size_pt
        scale = self.profile.image_scale * grown * 72 / 96
        if path.suffix.lower() in WORD_TAKES:
            from pptx.parts.image import Image as PptxImage

            try:
                blob = path.read_bytes()
                width, height = PptxImage.from_blob(blob).size
            except Exception:  # noqa: BLE001 - a damaged picture fails in many ways
                return None
            return PictureUnit(image.alt, width * scale, height * scale, blob, path) \
                if width and height else None
        source = self.pictures
        natural = source.natural_size(path) if source is not None else None
        if not natural or min(natural) <= 0:
            return None
        width, height = natural[0] * scale, natural[1] * scale
        fitted = min(1.0, CONTENT_WIDTH / width, SLIDE_PT[1] / height)
        factor = min(PRINT_DPI / 72, LARGEST_PNG / max(width, height)) * fitted
        blob = source.png(path, max(1, round(width * factor)), max(1, round(height * factor)))
        if not blob:
            return None
        svg = None
        if path.suffix.lower() == ".svg":
            try:
                svg = path.read_bytes()
            except OSError:
                svg = None
        return PictureUnit(image.alt, width, height, blob, path, svg)

    # ----- writing the slides -----------------------------------------------------------

    def write(self) -> None:
        set_up_presentation(self.presentation, self.look, self.sizes)
        self.properties()
        self.title_slide()
        for number, plan in enumerate(self.plans(), 2):
            slide = self.slide(plan)
            # Numbered at the foot, on the right, as teachers number slides ("turn to
            # slide 5"); the title slide, as usual, is not.
            self.xml.slide_number(slide, number, (
                SLIDE_PT[0] - SIDE_PT - NUMBER_WIDTH_PT, SLIDE_PT[1] - BOTTOM_PT,
                NUMBER_WIDTH_PT, BOTTOM_PT - 4))

    def properties(self) -> None:
        properties = self.presentation.core_properties
        lesson, profile = self.lesson, self.profile
        properties.title = lesson.title
        properties.subject = lesson.subject
        properties.keywords = "; ".join(
            p for p in (lesson.key_stage, lesson.year_group, profile.name) if p)
        properties.category = "Lesson"
        properties.author = properties.last_modified_by = ""
        properties.language = LANGUAGE
        properties.comments = (
            f"Adapted with Lesson Lab's {profile.name} profile. It asks for the font "
            f"{profile.font_family}; a computer without that font shows another one.")
        now = datetime.now(timezone.utc).replace(microsecond=0)
        properties.created = properties.modified = now
        properties.revision = 1

    def title_slide(self) -> None:
        lesson, sizes = self.lesson, self.sizes
        slide = self.presentation.slides.add_slide(
            self.presentation.slide_layouts[TITLE_SLIDE])
        title, subtitle = slide.placeholders[0], slide.placeholders[1]
        heading = Para((Run(self.cased(lesson.title), bold=True),), size=sizes.lesson_title,
                       heading=True)
        details = " · ".join(p for p in (lesson.subject, lesson.key_stage, lesson.year_group)
                             if p)
        title_height = self.layout.frame_height([heading])
        line = Para((Run(self.cased(details)),))
        details_height = self.layout.frame_height([line]) if details else 0.0
        gap = sizes.gap if details else 0.0
        top = max(0.0, (SLIDE_PT[1] - title_height - gap - details_height) * 0.45)
        self.box(title, top, title_height)
        self.xml.text_body(title.text_frame._txBody, [heading],
                           colour=self.look.colours.heading, bold=True, anchor="b")
        if details:
            self.box(subtitle, top + title_height + gap, details_height)
            self.xml.text_body(subtitle.text_frame._txBody, [line])
        else:
            subtitle.element.getparent().remove(subtitle.element)
        if lesson.notes_for_adults.strip():
            slide.notes_slide.notes_text_frame.text = lesson.notes_for_adults.strip()

    def slide(self, plan: SlidePlan):
        slide = self.presentation.slides.add_slide(
            self.presentation.slide_layouts[CONTENT_SLIDE])
        title, body = slide.placeholders[0], slide.placeholders[1]
        self.box(title, TOP_PT, plan.title_height)
        heading = Para((Run(self.cased(plan.title), bold=True),), size=self.sizes.title,
                       heading=True)
        self.xml.text_body(title.text_frame._txBody, [heading],
                           colour=self.look.colours.heading, bold=True)
        first = plan.placed[0] if plan.placed else None
        if first is None or first.kind != "text":  # the body placeholder holds text only
            body.element.getparent().remove(body.element)
            body = None
        for placed in plan.placed:
            if placed.kind == "text":
                shape = body if body is not None else slide.shapes.add_textbox(
                    emu(placed.left), emu(placed.top), emu(placed.width), emu(placed.height))
                body = None
                self.box(shape, placed.top, placed.height, placed.left, placed.width)
                self.xml.text_body(shape.text_frame._txBody, placed.paras)
            elif placed.kind == "table":
                self.table(slide, placed)
            else:
                self.picture_shape(slide, placed)
        return slide

    @staticmethod
    def box(shape, top: float, height: float, left: float = SIDE_PT,
            width: float = CONTENT_WIDTH) -> None:
        shape.left, shape.top = emu(left), emu(top)
        shape.width, shape.height = emu(width), emu(height)

    def table(self, slide, placed: Placed) -> None:
        from pptx.util import Emu

        table = placed.table
        rows = ((table.header,) if table.header else ()) + table.rows
        count = len(placed.columns)
        frame = slide.shapes.add_table(len(rows), count, emu(placed.left), emu(placed.top),
                                       emu(placed.width), emu(placed.height))
        grid = frame.table
        grid.first_row = bool(table.header)  # PowerPoint's "Header Row"
        grid.horz_banding = False
        for index, width in enumerate(placed.columns):
            grid.columns[index].width = Emu(emu(width))
        for r, row in enumerate(rows):
            grid.rows[r].height = Emu(emu(placed.row_heights[r]))
            for c in range(count):
                cell = row[c] if c < len(row) else ()
                self.xml.cell(grid.cell(r, c), cell, header=bool(table.header) and r == 0)
        if self.lesson.vocabulary and table.header and \
                tuple(r[0].text for r in table.header if r) == KEY_WORDS_HEADER:
            frame.name = "Key words"

    def picture_shape(self, slide, placed: Placed) -> None:
        picture = placed.picture
        shape = slide.shapes.add_picture(io.BytesIO(picture.blob), emu(placed.left),
                                         emu(placed.top), emu(placed.width),
                                         emu(placed.height))
        properties = shape._element.nvPicPr.cNvPr
        properties.set("descr", picture.alt)
        properties.set("name", picture.path.name)
        if picture.svg is not None:
            _add_svg(slide.part, shape._element, picture.svg)
        self.placed += 1


def _add_svg(slide_part, picture, svg: bytes) -> None:
    """Give the picture its SVG original (PowerPoint 2016+); the PNG stays for other programs."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.oxml.ns import qn

    package = slide_part.package
    partname = package.next_partname("/ppt/media/image%d.svg")
    part = Part(PackURI(partname), "image/svg+xml", package, svg)
    rel_id = slide_part.relate_to(part, RT.IMAGE)
    blip = picture.xpath("./p:blipFill/a:blip")[0]
    extensions = etree.SubElement(blip, qn("a:extLst"))
    extension = etree.SubElement(extensions, qn("a:ext"))
    extension.set("uri", SVG_EXTENSION)
    svg_blip = etree.SubElement(extension, f"{{{SVG_NAMESPACE}}}svgBlip",
                                nsmap={"asvg": SVG_NAMESPACE})
    svg_blip.set(qn("r:embed"), rel_id)
