"""Import a PowerPoint presentation (.pptx) as a lesson, with python-pptx.

Most lessons in English schools are slides, so a teacher's own lesson is
usually a .pptx. What becomes what:

- The title is the first slide's title; failing that the presentation's
  title property, then the file name (reported). The rest of that first
  slide (a subtitle, "LO: …") opens the lesson.
- Every other slide is a section headed by its title. A slide with the
  same title as the one before, or that title with "(continued)" or
  "cont.", goes on in the same section. A slide with no title takes its
  first line as the heading when that is short (eight words or fewer, not a
  sentence) and more follows; otherwise its text goes on in the section
  before.
- Text is read in the order it shows on the slide: the title, then from the
  top down and, within a row, from the left (not the order the shapes were
  made, which is often jumbled). Grouped shapes and shapes with text in them
  (boxes, arrows, callouts) are read too. Footers, dates and slide numbers
  are not.
- In a content placeholder, which PowerPoint bullets unless told not to,
  paragraphs become a bulleted list (one bullet alone is a paragraph, also
  when the file spells the bullet out, as LibreOffice does); a
  paragraph with numbering (``a:buAutoNum``) is a numbered list item, and a
  text box's paragraph is a list item only when it has its own bullet.
  Sub-points join their list, as lessons' lists have one level: in a
  bulleted list each is an item; in a numbered list each goes on in the
  item above it, so the items keep the numbers they have on the slide.
- Bold, italic and underlined runs keep their style (the run's own setting).
  A paragraph starting ``Task:`` or ``Question:`` becomes a task.
- Tables keep their cells; the first row is the header when PowerPoint's
  "Header Row" is ticked, or every word in it is bold. A table with no table
  style (LibreOffice colours each cell instead, and does not say which row
  is the header) has its first row as the header when that row's cells share
  a fill no other row has.
- Pictures are saved into an ``images`` folder beside the lesson file, named
  after it, with their alt text (a file name given as alt text, as PowerPoint
  gives, counts as none, so the lesson asks for some). A picture marked decorative in PowerPoint
  is left out, and one on :data:`REPEATED` slides or more (a school logo) is
  kept once, where it first shows; both are reported.
- A slide titled "Key words", "Glossary" and the like becomes the lesson's
  key words, through :func:`lessons.import_key_words.take_key_words`.
- Objectives labelled "LO:", "WALT:" and the like on the title slide or on
  the slide after it ("Our learning today") become the lesson's learning
  objectives, through :func:`lessons.import_objectives.take_objectives`.
- Speaker notes become the lesson's notes for adults, each under its slide's
  number ("Slide 3: …").
- Hidden slides, charts, SmartArt, video and sound, and embedded objects are
  left out and named in the notes, so the teacher can put their content in
  words.

Notes about the presentation give the slide number in place of a line
number.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lessons.import_key_words import glossary_lines, is_key_words_heading
from lessons.import_pptx_shapes import (
    alt_text,
    has_header_row,
    is_decorative,
    is_picture,
    left_out_as,
    list_kind,
    picture_properties,
    pictures_in,
    raw_spans,
    reading_order,
    shape_kind,
    title_shape,
    title_text,
)
from lessons.importers import (
    ImportStop,
    LessonImportError,
    check_import_paths,
    finish_import,
    labelled_task,
    take_details,
    title_from_file_name,
)
from lessons.inline import normalise_spans
from lessons.model import (
    Block,
    Image,
    Inline,
    Lesson,
    ListBlock,
    LoadResult,
    Paragraph,
    Problem,
    Section,
    Span,
    Table,
    spans_text,
)

IMAGES_FOLDER = "images"
#: A picture on this many slides or more is a logo or decoration: it is kept once.
REPEATED = 3
#: The most words a line may have to be taken as the heading of a slide with no title.
HEADING_WORDS = 8
_CONTINUED = ("(continued)", "(cont.)", "(cont)", "continued", "cont.", "cont'd", "contd")


def import_pptx(source: str | Path, out: str | Path, *, overwrite: bool = False,
                stop: ImportStop | None = None) -> LoadResult:
    """Import ``source`` (.pptx) and write it as the lesson file ``out``.

    Pictures are written to ``images/`` beside ``out``. Returns the
    :class:`LoadResult` of the written lesson. Raises LessonImportError with
    one plain sentence when the presentation cannot be imported,
    ImportStopped when ``stop`` is requested before anything is written.
    """
    source, out = Path(source), Path(out)
    check_import_paths(source, out, overwrite=overwrite)
    lesson, notes, pictures = pptx_to_lesson(source, out, stop)
    return finish_import(lesson, out, overwrite=overwrite, notes=notes, pictures=pictures,
                         stop=stop)


def pptx_to_lesson(source: Path, out: Path, stop: ImportStop | None = None
                   ) -> tuple[Lesson, list[Problem], dict[str, bytes]]:
    """Read a .pptx into a lesson, notes about it, and its pictures (written by the caller)."""
    from pptx import Presentation  # python-pptx; imported here so the loader does not need it

    try:
        presentation = Presentation(str(source))
    except OSError as error:
        raise LessonImportError(
            f"“{source.name}” cannot be read ({error.strerror or error})."
        ) from error
    except Exception as error:  # noqa: BLE001 - python-pptx fails on a damaged package in many ways
        raise LessonImportError(
            f"“{source.name}” is not a PowerPoint presentation Lesson Lab can read."
        ) from error
    reader = _SlidesReader(presentation, source, out, stop)
    lesson, notes = take_details(reader.read(), str(source), slides=True)
    return lesson, reader.notes + notes, reader.pictures


class _SlidesReader:
    def __init__(self, presentation, source: Path, out: Path,
                 stop: ImportStop | None) -> None:
        self.presentation = presentation
        self.source = source
        self.out = out
        self.stop = stop
        self.notes: list[Problem] = []
        self.saved: dict[str, str] = {}  # picture's SHA-1 -> image src
        self.pictures: dict[str, bytes] = {}  # image src -> its bytes
        self.on_slides: Counter[str] = Counter()  # picture's SHA-1 -> slides it is on
        self.adult_notes: list[str] = []

    def note(self, number: int, message: str) -> None:
        self.notes.append(Problem(str(self.source), number, message, "warning"))

    # -- the presentation, slide by slide -------------------------------------
    def read(self) -> Lesson:
        slides = [(number, slide) for number, slide in enumerate(self.presentation.slides, 1)
                  if not self.hidden(slide, number)]
        for _number, slide in slides:
            self.on_slides.update({sha1 for sha1, _shape in pictures_in(slide.shapes)})
        title = title_text(slides[0][1]) if slides else ""
        if not title:
            title = self.fallback_title()
        sections: list[Section] = []
        for index, (number, slide) in enumerate(slides):
            if self.stop is not None:
                self.stop.check()
            heading, blocks = self.slide(slide, number)
            if index == 0 and heading == title:
                heading = ""  # the lesson's own title: its slide opens the lesson
            _add(sections, heading, blocks, number)
        return Lesson(title=title, sections=tuple(s for s in sections if s.heading or s.blocks),
                      notes_for_adults="\n".join(self.adult_notes))

    def hidden(self, slide, number: int) -> bool:
        if slide.element.get("show") not in ("0", "false"):
            return False
        self.note(number, f"Slide {number} is hidden in the presentation, so it was left out.")
        return True

    def fallback_title(self) -> str:
        core = " ".join((self.presentation.core_properties.title or "").split())
        if core:
            return core
        fallback = title_from_file_name(self.source)
        self.note(1, f"The first slide has no title, so '{fallback}' is used.")
        return fallback

    def slide(self, slide, number: int) -> tuple[str, list[Block]]:
        """The slide's heading (its title, or a short first line) and its blocks."""
        title = title_shape(slide)
        heading = title_text(slide)
        glossary = is_key_words_heading(heading)
        blocks: list[Block] = []
        others = (s for s in slide.shapes if title is None or s.shape_id != title.shape_id)
        for shape in reading_order(others):
            self.shape(shape, number, blocks, glossary)
        if not heading and len(blocks) > 1 and _could_be_heading(blocks[0]):
            heading = spans_text(blocks.pop(0).spans)
        self.speaker_notes(slide, number)
        return heading, blocks

    def speaker_notes(self, slide, number: int) -> None:
        if not slide.has_notes_slide:
            return
        frame = slide.notes_slide.notes_text_frame
        text = " ".join(frame.text.split()) if frame is not None else ""
        if text:
            self.adult_notes.append(f"Slide {number}: {text}")

    # -- shapes ------------------------------------------------------------------
    def shape(self, shape, number: int, blocks: list[Block], glossary: bool) -> None:
        from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

        kind = shape_kind(shape)
        if kind == MSO_SHAPE_TYPE.GROUP:
            for inner in reading_order(shape.shapes):
                self.shape(inner, number, blocks, glossary)
        elif shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.HEADER,
                PP_PLACEHOLDER.SLIDE_NUMBER):
            return
        elif is_picture(shape):
            image = self.picture(shape, number)
            if image is not None:
                blocks.append(image)
        elif getattr(shape, "has_table", False) and shape.has_table:
            blocks.append(self.table(shape.table, number))
        elif left_out := left_out_as(shape, kind):
            self.note(number, f"{left_out} on slide {number} was left out: "
                              "put what it shows into words if pupils need it.")
        elif shape.has_text_frame:
            self.text(shape, number, blocks, glossary)

    def text(self, shape, number: int, blocks: list[Block], glossary: bool) -> None:
        """The paragraphs of a shape's text as paragraphs, tasks and lists."""
        from pptx.enum.shapes import PP_PLACEHOLDER

        bulleted = shape.is_placeholder and shape.placeholder_format.type in (
            PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
            PP_PLACEHOLDER.VERTICAL_OBJECT)
        read: list[tuple[bool | None, bool, int, list[Span]]] = []
        for paragraph in shape.text_frame.paragraphs:
            spans = raw_spans(paragraph)
            kind, inherited = list_kind(paragraph, bulleted)
            if spans_text(spans).strip():
                read.append((kind, inherited, paragraph.level, spans))
        # One bullet the placeholder gives by itself reads as a paragraph, not a list of one.
        if sum(kind is not None for kind, _i, _l, _s in read) == 1 and all(
                inherited for kind, inherited, _l, _s in read if kind is not None):
            read = [(None, False, level, spans) for _k, _i, level, spans in read]
        listed = False  # whether the paragraph before, in this shape, was a list item
        for kind, _inherited, level, spans in read:
            if glossary:  # a key-words slide: one entry a line, for take_key_words
                blocks.extend(Paragraph(line, number) for line in glossary_lines(spans))
                continue
            inline = normalise_spans(spans)
            last = blocks[-1] if blocks else None
            if kind is not None and level and listed and isinstance(last, ListBlock):
                blocks[-1] = _with_sub_point(last, inline)
            elif kind is None:
                blocks.append(_text_block(inline, number))
            elif isinstance(last, ListBlock) and last.ordered == kind and last.line == number:
                blocks[-1] = ListBlock(last.items + (inline,), kind, last.line)
            else:
                blocks.append(ListBlock((inline,), kind, number))
            listed = kind is not None

    def table(self, table, number: int) -> Table:
        rows: list[tuple[Inline, ...]] = []
        for row in table.rows:
            cells: list[Inline] = []
            for cell in row.cells:
                if cell.is_spanned:  # covered by a merged cell: shown once, where it starts
                    cells.append(())
                    continue
                parts: list[Span] = []
                for paragraph in cell.text_frame.paragraphs:
                    parts.extend(raw_spans(paragraph))
                    parts.append(Span(" "))
                cells.append(normalise_spans(parts))
            rows.append(tuple(cells))
        if len(rows) > 1 and has_header_row(table):
            return Table(rows[0], tuple(rows[1:]), number)
        return Table((), tuple(rows), number)

    # -- pictures ----------------------------------------------------------------
    def picture(self, shape, number: int) -> Image | None:
        properties = picture_properties(shape)
        if is_decorative(properties):
            self.note(number, f"A picture on slide {number} is marked as decorative in "
                              "PowerPoint, so it was left out.")
            return None
        try:
            image = shape.image
            sha1, blob, extension = image.sha1, image.blob, (image.ext or "png").lower()
        except (AttributeError, KeyError, ValueError):
            self.note(number, f"A picture on slide {number} could not be read from the "
                              "presentation and was left out.")
            return None
        repeated = self.on_slides[sha1] >= REPEATED
        if sha1 in self.saved:
            return None if repeated else Image(self.saved[sha1], alt_text(properties), number)
        if repeated:
            self.note(number, f"A picture on {self.on_slides[sha1]} slides (a logo or "
                              f"decoration?) was kept once, on slide {number}.")
        src = f"{IMAGES_FOLDER}/{self.out.stem}-{len(self.saved) + 1}.{extension}"
        self.saved[sha1] = src
        self.pictures[src] = blob
        return Image(src=src, alt=alt_text(properties), line=number)


# -- sections --------------------------------------------------------------------


def _add(sections: list[Section], heading: str, blocks: list[Block], number: int) -> None:
    """Add one slide to ``sections``: a new section, or more of the one before."""
    last = sections[-1] if sections else None
    if last is not None and (not heading or _continues(heading, last.heading)):
        before, blocks = list(last.blocks), list(blocks)
        if (before and blocks and isinstance(before[-1], ListBlock)
                and isinstance(blocks[0], ListBlock) and before[-1].ordered == blocks[0].ordered):
            # A list carried on from the slide before is one list, not two with a gap.
            before[-1] = ListBlock(before[-1].items + blocks.pop(0).items, before[-1].ordered,
                                   before[-1].line)
        sections[-1] = Section(last.heading, last.level, tuple(before + blocks), last.line)
    else:
        sections.append(Section(heading, 2, tuple(blocks), number))


def _continues(heading: str, before: str) -> bool:
    """Whether a slide titled ``heading`` goes on with the section ``before``."""
    words = heading.casefold().split()
    while words and words[-1] in _CONTINUED:
        words.pop()
    return bool(before) and " ".join(words) == " ".join(before.casefold().split())


def _could_be_heading(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = spans_text(block.spans)
    return len(text.split()) <= HEADING_WORDS and text.rstrip()[-1:] not in ".,;"


def _with_sub_point(listed: ListBlock, sub_point: Inline) -> ListBlock:
    """``listed`` with a sub-point: an item of its own in a bulleted list; in a numbered
    list, more of the item above it, so the items keep the numbers they have on the slide.
    """
    if not listed.ordered:
        return ListBlock(listed.items + (sub_point,), False, listed.line)
    above = listed.items[-1]
    joint = " " if spans_text(above).rstrip()[-1:] in tuple(".!?:;") else "; "
    item = normalise_spans([*above, Span(joint), *sub_point])
    return ListBlock(listed.items[:-1] + (item,), True, listed.line)


def _text_block(spans: Inline, number: int) -> Block:
    return labelled_task(spans, number) or Paragraph(spans, number)
