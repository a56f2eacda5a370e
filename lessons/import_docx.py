"""Import a Word document (.docx) as a lesson, with python-docx.

What becomes what:

- The title is the first paragraph when its style is ``Title`` or
  ``Heading 1``; failing that the document's title property, then the file
  name (reported).
- Headings become sections. When the body still uses ``Heading 1`` (many
  teachers use it for every section), Heading 1 is a section and Heading 2
  and below are sub-sections; otherwise Heading 2 is a section and Heading 3
  and below are sub-sections.
- ``List Bullet…`` and ``List Number…`` paragraphs, and paragraphs with
  Word numbering (the numbering format says bullet or number), become lists.
- ``Quote`` and ``Intense Quote`` paragraphs become quotations; a paragraph
  starting ``Task:`` or ``Question:`` becomes a task.
- Bold, italic and underlined runs keep their style (a run's own setting,
  else its character style's; not the paragraph style's, see ``DocxStyles.run_has``).
- Tables keep their cells. The first row is the header when Word marks it
  as one: "Repeat as header row" (``w:tblHeader``), a table style with
  first-row formatting switched on (``w:tblLook`` first row), or every word
  in the first row bold. A table with one row has no header.
- A key-words list (under a heading such as "Key words", or after a
  paragraph that says only that) becomes the lesson's key words, through
  :func:`lessons.import_key_words.take_key_words`; there a paragraph broken
  into lines (Shift+Enter) is read line by line, and a tab between a word
  and its meaning reads as " – ".
- Pictures are saved into an ``images`` folder beside the lesson file, named
  after it, with their alt text (``wp:docPr/@descr``, else its title). A
  picture with no alt text is kept and reported, as in any lesson. Pictures
  that LibreOffice saved inside ``mc:AlternateContent`` are read too; a
  drawing that is not a picture (a shape, a chart) is left out and named.
- A text box's paragraphs (a "Safety first!" box) come after the paragraph
  it is anchored in, as ordinary paragraphs and lists.
- Page headers and footers (the school's name, "Page 2") are left out, as a
  lesson has no pages; when they hold anything the notes say so, quoting it
  (lessons/import_docx_headers.py).

Problems about the document give the paragraph number (tables count as
one) in place of a line number.

Before python-docx reads the document, the text of ``word/document.xml``
is counted as it streams past (:func:`check_text_length`): a document with
well over a lesson's worth of words is refused at once, not after reading
it all. Only words count, so a document full of pictures is not refused for
its size. Style look-ups are remembered per style (python-docx searches the
whole style sheet on every call, which made a long document take minutes).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lessons.docx_styles import DocxStyles
from lessons.import_docx_headers import headers_and_footers_note
from lessons.import_key_words import (
    glossary_lines,
    is_key_words_heading,
    looks_like_entry,
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
from lessons.loader import MAX_LESSON_BYTES
from lessons.model import (
    Block,
    Image,
    Inline,
    Lesson,
    ListBlock,
    LoadResult,
    Paragraph,
    Problem,
    Quote,
    Section,
    Span,
    Table,
)

IMAGES_FOLDER = "images"
_HEADING = re.compile(r"^heading (\d)$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_HOLDERS = (_W + "p", _W + "hyperlink")  # where the runs the importer reads sit
_SPACES = re.compile(r"\s+")
# Refused before reading only with a quarter as much text again as a lesson may
# have: the count below is close to the lesson's text, not exact (content
# controls count here but are not imported; spaces are collapsed per
# piece of text, not per paragraph), and the lesson's Markdown adds to the text.
# Nearer the limit, the lesson itself is measured after reading (finish_import).
TOO_MUCH_TEXT = MAX_LESSON_BYTES * 5 // 4


def import_docx(source: str | Path, out: str | Path, *, overwrite: bool = False,
                stop: ImportStop | None = None) -> LoadResult:
    """Import ``source`` (.docx) and write it as the lesson file ``out``.

    Pictures are written to ``images/`` beside ``out``. Returns the
    :class:`LoadResult` of the written lesson. Raises LessonImportError with
    one plain sentence when the document cannot be imported, ImportStopped
    when ``stop`` is requested before anything is written.
    """
    source, out = Path(source), Path(out)
    check_import_paths(source, out, overwrite=overwrite)
    check_text_length(source, stop)
    lesson, notes, pictures = docx_to_lesson(source, out, stop)
    return finish_import(lesson, out, overwrite=overwrite, notes=notes, pictures=pictures,
                         stop=stop)


def check_text_length(source: Path, stop: ImportStop | None = None) -> None:
    """Refuse a document with far more text than one lesson can hold, without reading it all.

    Counts the bytes of text in the runs of ``word/document.xml`` as it
    streams past (about a twentieth of the time python-docx takes to read
    it), stopping as soon as there is too much. Pictures are not counted, so
    a document full of them is never refused here. Anything this cannot read
    is left to python-docx, which says so in its own words.
    """
    from lxml import etree

    counted = 0
    try:
        with zipfile.ZipFile(source) as archive, archive.open("word/document.xml") as xml:
            pieces = etree.iterparse(xml, tag=_W + "t", resolve_entities=False)
            for number, (_event, element) in enumerate(pieces):
                run = element.getparent()
                holder = run.getparent() if run is not None else None
                if element.text and holder is not None and holder.tag in _RUN_HOLDERS:
                    counted += len(_SPACES.sub(" ", element.text).encode("utf-8"))
                element.clear()
                if counted > TOO_MUCH_TEXT:
                    raise LessonImportError(
                        f"This document is too long for one lesson (over "
                        f"{TOO_MUCH_TEXT / (1024 * 1024):.1f} MB of text; Lesson Lab opens "
                        f"lessons up to {MAX_LESSON_BYTES // (1024 * 1024)} MB): "
                        "split it into smaller documents.")
                if stop is not None and number % 4096 == 0:
                    stop.check()
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return


def docx_to_lesson(source: Path, out: Path, stop: ImportStop | None = None
                   ) -> tuple[Lesson, list[Problem], dict[str, bytes]]:
    """Read a .docx into a lesson, notes about it, and its pictures.

    The pictures map their paths beside ``out`` (``images/<name>``) to their
    bytes; nothing is written here.
    """
    import docx  # python-docx; imported here so the loader does not need it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(source))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            XMLSyntaxError) as error:
        raise LessonImportError(
            f"“{Path(source).name}” is not a Word document Lesson Lab can read."
        ) from error
    except OSError as error:
        raise LessonImportError(
            f"“{Path(source).name}” cannot be read ({error.strerror or error})."
        ) from error
    reader = _DocxReader(document, source, out, stop)
    lesson, notes = take_details(reader.read(), str(source))
    margins = headers_and_footers_note(document)
    if margins:
        notes.append(Problem(str(source), 1, margins, "warning"))
    return lesson, reader.notes + notes, reader.pictures


class _DocxReader:
    def __init__(self, document, source: Path, out: Path,
                 stop: ImportStop | None = None) -> None:
        self.document = document
        self.source = source
        self.out = out
        self.stop = stop
        self.notes: list[Problem] = []
        self.saved: dict[str, str] = {}  # relationship id -> image src
        self.pictures: dict[str, bytes] = {}  # image src -> its bytes, written by finish_import
        self.styles = DocxStyles(document)

    def note(self, number: int, message: str) -> None:
        self.notes.append(Problem(str(self.source), number, message, "warning"))

    # -- the document, block by block ---------------------------------------
    def read(self) -> Lesson:
        from docx.table import Table as DocxTable

        items = list(self.document.iter_inner_content())
        title, start = self.title(items)
        body_h1 = any(self.heading_level(item) == 1 for item in items[start:])
        sections: list[Section] = []
        heading: tuple[str, int, int] | None = None
        blocks: list[Block] = []
        under_heading = after_label = False  # in a key-words list: see paragraph()

        def close() -> None:
            if heading is not None:
                sections.append(Section(heading[0], heading[1], tuple(blocks), heading[2]))
            elif blocks:
                sections.append(Section("", 2, tuple(blocks), blocks[0].line))
            blocks.clear()

        for number, item in enumerate(items[start:], start=start + 1):
            if self.stop is not None:
                self.stop.check()
            if isinstance(item, DocxTable):
                table = self.table(item, number)
                if table is not None:
                    blocks.append(table)
                continue
            level = self.heading_level(item)
            if level is not None:
                text = " ".join(item.text.split())
                if text:
                    close()
                    shifted = level + 1 if body_h1 else level
                    heading = (text, min(3, max(2, shifted)), number)
                    under_heading, after_label = is_key_words_heading(text), False
                continue
            label = is_key_words_heading(item.text)
            self.paragraph(item, number, blocks, glossary=under_heading or after_label or label)
            # After a "Key words:" paragraph the list goes on while its paragraphs are entries.
            after_label = label or (after_label and (
                not item.text.strip() or looks_like_entry(item.text)
                or self.list_kind(item) is not None))
        close()
        return Lesson(title=title, sections=tuple(sections))

    def title(self, items: list) -> tuple[str, int]:
        """The title, and the index of the first item after it."""
        for index, item in enumerate(items):
            if not _is_paragraph(item):
                break
            text = " ".join(item.text.split())
            if not text:
                if _drawings(item):
                    break
                continue  # empty paragraphs before the title
            if self.styles.paragraph_name(item) in ("title", "heading 1"):
                return text, index + 1
            break
        core = (self.document.core_properties.title or "").strip()
        if core:
            return " ".join(core.split()), 0
        fallback = title_from_file_name(self.source)
        self.note(
            1,
            "The document has no title (a first paragraph in the 'Title' or "
            f"'Heading 1' style), so '{fallback}' is used.",
        )
        return fallback, 0

    def heading_level(self, item) -> int | None:
        if not _is_paragraph(item):
            return None
        match = _HEADING.match(self.styles.paragraph_name(item))
        return int(match.group(1)) if match else None

    def paragraph(self, paragraph, number: int, blocks: list[Block],
                  glossary: bool = False) -> None:
        """Add the blocks of ``paragraph``; in a key-words list (``glossary``) one a line."""
        kind = self.list_kind(paragraph)
        spans = () if glossary and kind is None else self.spans(paragraph)
        if glossary and kind is None:
            for line in glossary_lines(self.raw_spans(paragraph)):
                blocks.append(self.text_block(paragraph, line, number))
        elif spans and kind is not None:
            last = blocks[-1] if blocks else None
            if isinstance(last, ListBlock) and last.ordered == kind:
                blocks[-1] = ListBlock(last.items + (spans,), kind, last.line)
            else:
                blocks.append(ListBlock((spans,), kind, number))
        elif spans:
            blocks.append(self.text_block(paragraph, spans, number))
        for drawing in _drawings(paragraph):
            boxed = _text_box_paragraphs(drawing, paragraph)
            if boxed:
                # A text box ("Safety first!") is read after the paragraph it is anchored in.
                for inner in boxed:
                    self.paragraph(inner, number, blocks)
                continue
            image = self.image(drawing, number)
            if image is not None:
                blocks.append(image)

    def text_block(self, paragraph, spans: Inline, number: int) -> Block:
        task = labelled_task(spans, number)
        if task is not None:
            return task
        if "quote" in self.styles.paragraph_name(paragraph):
            return Quote(spans, number)
        return Paragraph(spans, number)

    # -- runs ----------------------------------------------------------------
    def spans(self, paragraph) -> Inline:
        return normalise_spans(self.raw_spans(paragraph))

    def raw_spans(self, paragraph) -> list[Span]:
        """The paragraph's runs as they are, line breaks and tabs too."""
        from docx.text.hyperlink import Hyperlink

        spans: list[Span] = []
        for content in paragraph.iter_inner_content():
            runs = content.runs if isinstance(content, Hyperlink) else [content]
            for run in runs:
                if run.text:
                    spans.append(
                        Span(
                            run.text,
                            bold=self.styles.run_has(run, "bold"),
                            italic=self.styles.run_has(run, "italic"),
                            underline=self.styles.run_has(run, "underline"),
                        )
                    )
        return spans

    def list_kind(self, paragraph) -> bool | None:
        """True for a numbered list item, False for a bullet, None for neither."""
        name = self.styles.paragraph_name(paragraph)
        if name.startswith("list bullet"):
            return False
        if name.startswith("list number"):
            return True
        num_id, level = self.styles.numbering(paragraph)
        if num_id is None or num_id == "0":
            return None
        return self.number_format(num_id, level) != "bullet"

    def number_format(self, num_id: str, level: str) -> str:
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return "bullet"
        abstract = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return "bullet"
        formats = numbering.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]'
            f'/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
        )
        return formats[0] if formats else "bullet"

    # -- tables ----------------------------------------------------------------
    def table(self, table, number: int) -> Table | None:
        rows: list[tuple[Inline, ...]] = []
        for row in table.rows:
            cells: list[Inline] = []
            previous = None
            for cell in row.cells:
                # A merged cell appears once per column it covers; keep it once.
                if previous is not None and cell._tc is previous:
                    cells.append(())
                    continue
                previous = cell._tc
                parts: list[Span] = []
                for paragraph in cell.paragraphs:
                    parts.extend(self.spans(paragraph))
                    parts.append(Span(" "))
                    if _drawings(paragraph):
                        self.note(number, "A picture inside a table was left out.")
                cells.append(normalise_spans(parts))
            rows.append(tuple(cells))
        if not rows:
            return None
        if len(rows) > 1 and _has_header_row(table, self.styles):
            return Table(rows[0], tuple(rows[1:]), number)
        return Table((), tuple(rows), number)

    # -- pictures ----------------------------------------------------------------
    def image(self, drawing, number: int) -> Image | None:
        from docx.oxml.ns import qn

        properties = drawing.xpath(".//wp:docPr")
        alt = ""
        if properties:
            alt = properties[0].get("descr") or properties[0].get("title") or ""
        alt = " ".join(alt.split())
        blips = drawing.xpath(".//a:blip")
        embed = blips[0].get(qn("r:embed")) if blips else None
        if not blips and not drawing.xpath(".//pic:pic"):
            self.note(number, "A drawing that is not a picture (a shape, text box or "
                              "chart) was left out.")
            return None
        if not embed:
            self.note(number, "A picture linked from outside the document was left out.")
            return None
        src = self.saved.get(embed)
        if src is None:
            src = self.save_image(embed, number)
            if src is None:
                return None
        return Image(src=src, alt=alt, line=number)

    def save_image(self, embed: str, number: int) -> str | None:
        try:
            part = self.document.part.related_parts[embed]
            blob = part.blob
            extension = part.partname.ext.lower() or "png"
        except (KeyError, AttributeError):
            self.note(number, "A picture could not be read from the document and was left out.")
            return None
        name = f"{self.out.stem}-{len(self.saved) + 1}.{extension}"
        src = f"{IMAGES_FOLDER}/{name}"
        self.saved[embed] = src
        self.pictures[src] = blob
        return src


def _is_paragraph(item) -> bool:
    from docx.text.paragraph import Paragraph as DocxParagraph

    return isinstance(item, DocxParagraph)


# Where a paragraph's drawings sit. LibreOffice (and Word, for text boxes and
# shapes) wraps a drawing in ``mc:AlternateContent``: its ``mc:Choice`` is the
# drawing, its ``mc:Fallback`` an old VML copy of the same thing, never read.
_DRAWINGS = (
    "./w:r/w:drawing | ./w:hyperlink/w:r/w:drawing"
    " | ./w:r/mc:AlternateContent/mc:Choice/w:drawing"
    " | ./w:hyperlink/w:r/mc:AlternateContent/mc:Choice/w:drawing"
)
_DRAWING_NAMESPACES = {
    "w": _W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}


def _drawings(paragraph) -> list:
    from lxml import etree

    return etree.ElementBase.xpath(paragraph._p, _DRAWINGS, namespaces=_DRAWING_NAMESPACES)


def _text_box_paragraphs(drawing, paragraph) -> list:
    """The paragraphs of a text box drawn in ``paragraph``; empty for any other drawing."""
    from docx.text.paragraph import Paragraph as DocxParagraph
    from lxml import etree

    found = etree.ElementBase.xpath(
        drawing, ".//wps:txbx/w:txbxContent/w:p", namespaces=_DRAWING_NAMESPACES)
    return [DocxParagraph(inner, paragraph._parent) for inner in found]


def _has_header_row(table, styles: DocxStyles) -> bool:
    """Whether Word marks the first row as a header (see the module docstring)."""
    first = table.rows[0]._tr
    repeat = first.xpath("./w:trPr/w:tblHeader")
    if repeat and repeat[0].get(_w("val"), "true") not in ("0", "false", "off"):
        return True
    if _style_formats_first_row(table) and _look_first_row(table):
        return True
    runs = [
        run
        for cell in table.rows[0].cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text.strip()
    ]
    return bool(runs) and all(styles.run_has(run, "bold") for run in runs)


def _style_formats_first_row(table) -> bool:
    style = table.style
    while style is not None:
        if style.element.xpath('./w:tblStylePr[@w:type="firstRow"]'):
            return True
        style = style.base_style
    return False


def _look_first_row(table) -> bool:
    looks = table._tbl.xpath("./w:tblPr/w:tblLook")
    if not looks:
        return False
    look = looks[0]
    first_row = look.get(_w("firstRow"))
    if first_row is not None:
        return first_row in ("1", "true", "on")
    value = look.get(_w("val"))
    return bool(value) and bool(int(value, 16) & 0x0020)


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{name}")

