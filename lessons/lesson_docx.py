"""An adapted lesson as an editable Word document (.docx), in the profile's clear print.

Teachers in English schools share worksheets as Word documents and tweak
them before printing; the PDF export cannot be edited. This writes the same
content as the lesson view and the PDF (title, subject line, learning
objectives, every section, and a "Key words" glossary of word and meaning),
styled as the profile says, as far as Word can say it:

- Font family, size, weight (Word has bold or not: 600 and over is bold),
  letter spacing (``w:spacing`` on the styles, in twips), colours, line
  spacing (Word's "Multiple", so 1.5 is Word's "1.5 lines"), the space after
  paragraphs, and left alignment. A profile that asks for justified text gets
  left-aligned text: justification opens uneven gaps between words, which
  clear-print guidance (RNIB, BDA) warns against, and Word's justification
  would stretch the word spacing below as well.
- The font is named, not embedded: Word uses another font on a computer that
  does not have it (the document's comments say which font it asks for).
- Word has no word spacing. Each space between words is a run of its own,
  widened by the profile's word spacing, so the sheet prints as the profile
  says; a space a teacher types later is an ordinary one.
- The line length sets the side margins: the text column is as wide as the
  profile's characters per line (measured by the caller, else estimated),
  centred on A4 like the PDF, never narrower than 2 cm margins allow.
- No italics, underlining or blocks of capitals where the profile forbids
  them (capitals are written in sentence case, by the view's own rule).
- The page colour is the document background, shown on screen; Word does
  not print page colour unless "Print background colours and images" is
  ticked in its options, which is fine for a cream tint but turns light text
  on a dark page into light text on white paper: print such profiles in
  black on white (``colours``).
- Headings are Word's Heading 1-3 (the navigation pane and screen readers
  find them), lists are real lists, tables have a header row that repeats on
  every page, pictures have their alt text (lessons/lesson_docx_pictures.py).
- Key words are in the Key Word character style: bold, with the view's
  dotted underline or the profile's highlight, so colour is never the only
  sign. On a profile whose text is already bold and which forbids underlining,
  only the link colour marks them (as in the view); the glossary lists them.

The reading ruler, overlay tint and focus mode are for screens, not paper:
they are left out, as in the PDF. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from lessons.contrast import contrast_ratio
from lessons.lesson_docx_lists import Lists, number_paragraph
from lessons.lesson_docx_pictures import PictureSource, add_picture
from lessons.lesson_docx_styles import (
    CAPTION,
    HEADING_SCALE,
    KEY_WORD,
    LIST,
    PICTURE,
    QUOTE,
    TABLE_TEXT,
    TASK,
    Look,
    apply_page,
    apply_styles,
    estimated_char_width_pt,
    set_run_child,
    text_width_pt,
)
from lessons.model import Image, Inline, Lesson, ListBlock, Paragraph, Quote, Span, Table, Task
from lessons.profile import Colours, Profile
from lessons.text_rules import marked_pieces, vocabulary_pattern
from lessons.word_document import british_document, save_document, word_text

_SPACES = re.compile(r"( +)")
LEGIBLE_ON_PAPER = 4.5  # WCAG's contrast for body text, here the text against white paper


@dataclass(frozen=True)
class DocxResult:
    """What was written: the file, pictures placed, and any shown as words instead."""

    path: Path
    pictures: int = 0
    pictures_as_text: tuple[str, ...] = ()  # alt text of pictures that could not be placed
    notes: tuple[str, ...] = ()  # plain sentences for the person exporting


def lesson_docx(lesson: Lesson, profile: Profile, *, colours: Colours | None = None,
                pictures: PictureSource | None = None, char_width_pt: float | None = None):
    """The adapted lesson as a python-docx ``Document`` and a :class:`DocxResult` draft.

    ``colours`` replaces the profile's (black on white for paper); ``pictures``
    draws SVG pictures; ``char_width_pt`` is the measured average width of a
    character in the profile's font and spacing, for the line length.
    """
    writer = _Writer(lesson, profile, colours or profile.colours, pictures,
                     char_width_pt or estimated_char_width_pt(profile))
    writer.write()
    return writer.document, DocxResult(Path(), writer.placed, tuple(writer.as_text),
                                       _notes(colours or profile.colours))


def write_lesson_docx(lesson: Lesson, profile: Profile, path: str | Path, *,
                      colours: Colours | None = None, pictures: PictureSource | None = None,
                      char_width_pt: float | None = None) -> DocxResult:
    """Write ``lesson`` adapted with ``profile`` to ``path`` as a .docx, whole or not at all.

    Raises ``OSError`` when the file cannot be written.
    """
    document, result = lesson_docx(lesson, profile, colours=colours, pictures=pictures,
                                   char_width_pt=char_width_pt)
    saved = save_document(document, path)
    return replace(result, path=saved)


def _notes(colours: Colours) -> tuple[str, ...]:
    if contrast_ratio(colours.text, "#ffffff") >= LEGIBLE_ON_PAPER:
        return ()
    return ("Word shows the page colour but does not print it unless asked to, so this "
            "light text would print on white paper; for paper, export in black on white.",)


class _Writer:
    def __init__(self, lesson: Lesson, profile: Profile, colours: Colours,
                 pictures: PictureSource | None, char_width_pt: float) -> None:
        self.lesson, self.profile, self.pictures = lesson, profile, pictures
        self.look = Look(profile, colours)
        self.document = british_document(lesson.title)
        self.width_pt = text_width_pt(profile, char_width_pt)
        apply_styles(self.document, self.look)
        apply_page(self.document, self.look, self.width_pt)
        self.lists = Lists(self.document, profile.font_family, profile.font_size_pt,
                           colours.text)
        self._words = [v.word for v in lesson.vocabulary]
        self._pattern = vocabulary_pattern(self._words)
        self.placed = 0
        self.as_text: list[str] = []
        self._properties()

    def _properties(self) -> None:
        properties = self.document.core_properties
        properties.subject = word_text(self.lesson.subject)
        properties.keywords = word_text("; ".join(
            p for p in (self.lesson.key_stage, self.lesson.year_group, self.profile.name) if p))
        properties.category = "Lesson"
        properties.comments = (
            f"Adapted with Lesson Lab's {self.profile.name} profile. It asks for the font "
            f"{self.profile.font_family}; a computer without that font shows another one.")

    # ----- the lesson, in the view's order ---------------------------------------------

    def write(self) -> None:
        body = self.document.element.body
        for paragraph in body.findall("{*}p"):  # the template's one empty paragraph
            body.remove(paragraph)
        lesson = self.lesson
        self.heading(lesson.title, 1)
        details = " · ".join(p for p in (lesson.subject, lesson.key_stage, lesson.year_group)
                             if p)
        if details:
            self.paragraph((Span(details),), vocab=False)
        if lesson.objectives:
            self.heading("Learning objectives", 3)
            self.list(tuple((Span(o),) for o in lesson.objectives), ordered=False)
        for section in lesson.sections:
            if section.heading:
                self.heading(section.heading, 3 if section.level >= 3 else 2)
            for block in section.blocks:
                self.block(block)
        if lesson.vocabulary:
            self.glossary()

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block.spans)
        elif isinstance(block, ListBlock):
            self.list(block.items, block.ordered)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Task):
            paragraph = self.document.add_paragraph(style=TASK)
            label = "Question:" if block.kind == "question" else "Task:"
            self._run(paragraph, label + " ", self.look.size, bold=True)
            self.spans(paragraph, block.spans)
        elif isinstance(block, Quote):
            self.spans(self.document.add_paragraph(style=QUOTE), block.spans)

    def heading(self, text: str, level: int) -> None:
        paragraph = self.document.add_paragraph(style=f"Heading {level}")
        self.spans(paragraph, (Span(text),), vocab=False,
                   size=self.look.size * HEADING_SCALE[level])

    def paragraph(self, spans: Inline, style: str | None = None, vocab: bool = True) -> None:
        self.spans(self.document.add_paragraph(style=style), spans, vocab=vocab)

    def list(self, items: tuple[Inline, ...], ordered: bool) -> None:
        num_id = self.lists.new_list(ordered)
        paragraph = None
        for item in items:
            paragraph = self.document.add_paragraph(style=LIST)
            number_paragraph(paragraph, num_id)
            self.spans(paragraph, item)
        self._end_list(paragraph)

    def _end_list(self, paragraph) -> None:
        """The last item keeps a paragraph's space below it, as in the view."""
        if paragraph is not None:
            from docx.shared import Pt

            paragraph.paragraph_format.space_after = Pt(self.look.gap_pt)

    def table(self, table: Table) -> None:
        rows = ((table.header,) if table.header else ()) + table.rows
        columns = max((len(r) for r in rows), default=0)
        if not rows or not columns:
            return
        word_table = self.document.add_table(rows=len(rows), cols=columns)
        word_table.style = self.document.styles["Table Grid"]
        properties = word_table._tbl.tblPr
        for old in properties.findall("{*}tblW"):
            properties.remove(old)
        set_table_width(properties)
        from docx.shared import Pt

        column = Pt(self.width_pt / columns)  # python-docx sized them for 2 cm margins
        for index in range(columns):
            word_table.columns[index].width = column
        for r, row in enumerate(rows):
            header = bool(table.header) and r == 0
            # A row is never cut in two at a page break (a word of a cell left on
            # the page before), as in the PDF export.
            word_table.rows[r]._tr.get_or_add_trPr().append(_on("w:cantSplit"))
            if header:  # the header row repeats at the top of every page the table runs onto
                word_table.rows[r]._tr.get_or_add_trPr().append(_on("w:tblHeader"))
            for c, cell in enumerate(word_table.rows[r].cells):
                cell.width = column
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles[TABLE_TEXT]
                self.spans(paragraph, row[c] if c < len(row) else (), bold=header)
        # A paragraph between a table and what follows, as Word needs and the view shows.
        spacer = self.document.add_paragraph()
        spacer.paragraph_format.space_after = 0
        spacer.paragraph_format.line_spacing = 1.0

    def image(self, image: Image) -> None:
        placed = None
        if image.path is not None:
            paragraph = self.document.add_paragraph(style=PICTURE)
            placed = add_picture(paragraph.add_run(), image.path, word_text(image.alt),
                                 self.profile.image_scale, self.width_pt, self.pictures)
            if placed is None:
                paragraph._p.getparent().remove(paragraph._p)
        if placed is None:
            self.as_text.append(image.alt or image.src)
            self.paragraph((Span(f"[Picture: {image.alt or image.src}]"),), CAPTION, False)
            return
        self.placed += 1
        if image.alt:
            self.paragraph((Span(image.alt),), CAPTION, vocab=False)

    def glossary(self) -> None:
        self.heading("Key words", 2)
        paragraph = None
        for entry in self.lesson.vocabulary:
            paragraph = self.document.add_paragraph(style=LIST)
            self._run(paragraph, entry.word, self.look.size, key_word=True)
            self._run(paragraph, ": ", self.look.size)
            self.spans(paragraph, (Span(entry.definition),), vocab=False)
        self._end_list(paragraph)

    # ----- runs --------------------------------------------------------------------------

    def spans(self, paragraph, spans: Inline, vocab: bool = True, bold: bool = False,
              size: float | None = None) -> None:
        size = size or self.look.size
        # Characters Word cannot hold left out; its pasted line breaks are spaces here.
        for text, span, key_word in marked_pieces(
                spans, self._pattern, self._words, suppress_caps=self.profile.suppress_all_caps,
                vocab=vocab, clean=word_text):
            self._run(paragraph, text, size, bold=span.bold or bold, italic=span.italic,
                      underline=span.underline, key_word=key_word)

    def _run(self, paragraph, text: str, size: float, *, bold: bool = False,
             italic: bool = False, underline: bool = False, key_word: bool = False) -> None:
        text = word_text(text)
        if not text:
            return
        pieces = _SPACES.split(text) if self.profile.word_spacing_em > 0 else [text]
        for piece in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece, style=KEY_WORD if key_word else None)
            if bold:
                run.bold = True
            if italic and not self.profile.suppress_italics:
                run.italic = True
            if underline and not self.profile.suppress_underline:
                run.underline = True
            if piece[0] == " " and len(pieces) > 1:
                set_run_child(run._r.get_or_add_rPr(), "w:spacing",
                              val=self.look.space_twips(size))


def _on(tag: str):
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def set_table_width(properties) -> None:
    """The table as wide as the text (5000 fiftieths of a per cent), in its proper place."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), "5000")
    width.set(qn("w:type"), "pct")
    style = properties.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(width)
    else:
        properties.insert(0, width)
