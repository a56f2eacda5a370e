"""A lesson as a QTextDocument, built once and restyled in place.

Why this shape: a profile change must re-style a long lesson at once (a
10,000-word lesson in well under 100 ms, measured by ``lesson-lab bench
views``). Rebuilding the document from the lesson (or from HTML) every time
would be slow, so the text and its structure are inserted once, remembering
what each run of text *is* (body, heading, bold, key word, …). ``apply()``
then re-applies fonts, colours and spacing in one edit block: one merge over
the whole document for the body, then a merge for each run that differs.

Positions never move after the build: the only text change a profile makes,
ALL CAPS shown in sentence case, swaps a run for one of the same length.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QImageReader,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from lessons.contrast import contrast_ratio
from lessons.document_positions import position_length
from lessons.model import (
    Image,
    Inline,
    Lesson,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    Task,
)
from lessons.profile import Colours, Profile
from widgets.lesson_pages import Page, whole_lesson
from widgets.lesson_style import base_font, clamp_weight, natural_line_ratio
from widgets.text_rules import capital_runs, vocabulary_matches, vocabulary_pattern

# What a block is; kept in QTextBlock.userState() too, so views can ask.
(BODY, TITLE, HEADING2, HEADING3, DETAILS, LIST_ITEM, LIST_END, CELL, TASK, QUOTE, IMAGE,
 CAPTION) = range(12)
HEADING_SCALE = {TITLE: 1.6, HEADING2: 1.35, HEADING3: 1.15}
VOCAB_SCHEME = "vocab"

def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonDocument", text)


@dataclass(frozen=True)
class Role:
    """What a run of text is, whatever the profile: the key of its format."""

    kind: int = BODY
    bold: bool = False
    italic: bool = False
    underline: bool = False
    vocab: int = -1  # index into lesson.vocabulary, or -1


class LessonDocument:
    """One page of a lesson (or the whole lesson) in a QTextDocument.

    Build it once with the lesson; call ``apply(profile)`` as often as the
    profile changes. ``document`` is the QTextDocument to show or print.
    """

    def __init__(self, lesson: Lesson, page: Page | None = None, parent=None) -> None:
        self.lesson = lesson
        self.page = page or whole_lesson(lesson)
        self.document = QTextDocument(parent)
        self.document.setUndoRedoEnabled(False)  # read-only text: no history to keep
        self._runs: list[tuple[int, int, Role]] = []
        self._blocks: list[tuple[int, int]] = []  # (position, kind) of blocks not BODY
        self._images: list[tuple[int, QSizeF]] = []
        self._caps: list[tuple[int, str, str]] = []  # (position, original, sentence case)
        self._tables: list[QTextTable] = []
        self._caps_shown = False
        self._image_limit = 0.0
        self._dpi = 96.0
        self._formats: dict[Role, QTextCharFormat] = {}
        self._block_formats: dict[int, QTextBlockFormat] = {}
        self._vocab_words = [v.word for v in lesson.vocabulary]
        self._vocab_pattern = vocabulary_pattern(self._vocab_words)
        self._vocab_index = {
            " ".join(w.lower().split()): i for i, w in enumerate(self._vocab_words)
        }
        self._cursor = QTextCursor(self.document)
        self._reuse_block = True
        self.profile: Profile | None = None
        self._build()

    # ----- building (once) -------------------------------------------------

    def _build(self) -> None:
        lesson, page = self.lesson, self.page
        self._cursor.beginEditBlock()
        if page.front:
            self._heading(lesson.title, TITLE)
            parts = (lesson.subject, lesson.key_stage, lesson.year_group)
            details = " · ".join(p for p in parts if p)
            if details:
                self._paragraph((Span(details),), DETAILS, vocab=False)
            if lesson.objectives:
                self._heading(_tr("Learning objectives"), HEADING3)
                self._list(tuple((Span(o),) for o in lesson.objectives), ordered=False)
        for section in page.sections:
            self._section(section)
        if page.glossary:
            self._heading(_tr("Key words"), HEADING2)
            for index, entry in enumerate(lesson.vocabulary):
                self._new_block(LIST_ITEM)
                self._insert(entry.word, Role(LIST_ITEM, bold=True, vocab=index))
                self._insert(": ", Role(LIST_ITEM))
                self._inline((Span(entry.definition),), LIST_ITEM, vocab=False)
            self._end_list()
        self._cursor.endEditBlock()

    def _section(self, section: Section) -> None:
        if section.heading:
            self._heading(section.heading, HEADING3 if section.level >= 3 else HEADING2)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                self._paragraph(block.spans, BODY)
            elif isinstance(block, ListBlock):
                self._list(block.items, block.ordered)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Image):
                self._image(block)
            elif isinstance(block, Task):
                label = _tr("Question:") if block.kind == "question" else _tr("Task:")
                self._new_block(TASK)
                self._insert(label + " ", Role(TASK, bold=True))
                self._inline(block.spans, TASK)
            elif isinstance(block, Quote):
                self._paragraph(block.spans, QUOTE)

    def _new_block(self, kind: int) -> None:
        if self._reuse_block:
            self._reuse_block = False
        else:
            self._cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if self._cursor.currentList() is not None:
            self._cursor.currentList().remove(self._cursor.block())
            self._cursor.setBlockFormat(QTextBlockFormat())
        self._cursor.block().setUserState(kind)
        if kind != BODY:
            self._blocks.append((self._cursor.block().position(), kind))

    def _heading(self, text: str, kind: int) -> None:
        self._new_block(kind)
        self._inline((Span(text),), kind, vocab=False)

    def _paragraph(self, spans: Inline, kind: int, vocab: bool = True) -> None:
        self._new_block(kind)
        self._inline(spans, kind, vocab)

    def _list(self, items: tuple[Inline, ...], ordered: bool) -> None:
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        text_list = None
        for item in items:
            self._new_block(LIST_ITEM)
            if text_list is None:
                fmt = QTextListFormat()
                fmt.setStyle(style)
                fmt.setIndent(1)
                text_list = self._cursor.createList(fmt)
            else:
                text_list.add(self._cursor.block())
            self._inline(item, LIST_ITEM)
        self._end_list()

    def _end_list(self) -> None:
        """The last item of a list keeps a paragraph's space below it."""
        if self._blocks and self._blocks[-1][1] == LIST_ITEM:
            position = self._blocks[-1][0]
            self._blocks[-1] = (position, LIST_END)
            self.document.findBlock(position).setUserState(LIST_END)

    def _table(self, table: Table) -> None:
        rows = ((table.header,) if table.header else ()) + table.rows
        columns = max((len(r) for r in rows), default=0)
        if not rows or not columns:
            return
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1 if table.header else 0)
        # The table follows the current block, which keeps its text.
        self._reuse_block = False
        qtable = self._cursor.insertTable(len(rows), columns, fmt)
        self._tables.append(qtable)
        for r, row in enumerate(rows):
            for c in range(columns):
                cell = qtable.cellAt(r, c)
                self._cursor = cell.firstCursorPosition()
                self._cursor.block().setUserState(CELL)
                self._blocks.append((self._cursor.block().position(), CELL))
                spans = row[c] if c < len(row) else ()
                self._inline(spans, CELL, bold=bool(table.header) and r == 0)
        self._cursor = QTextCursor(self.document)
        self._cursor.setPosition(qtable.lastPosition() + 1)
        self._reuse_block = True  # Qt keeps an empty block after every table

    def _image(self, image: Image) -> None:
        loaded = _load_image(image.path) if image.path else None
        if loaded is None:
            self._paragraph((Span(_tr("[Picture: {alt}]").format(alt=image.alt or image.src)),),
                            CAPTION, vocab=False)
            return
        picture, natural = loaded
        name = f"lesson-image-{len(self._images)}"
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
        self._new_block(IMAGE)
        fmt = QTextImageFormat()
        fmt.setName(name)
        fmt.setWidth(natural.width())
        fmt.setHeight(natural.height())
        self._images.append((self._cursor.position(), natural))
        self._cursor.insertImage(fmt)
        if image.alt:
            self._paragraph((Span(image.alt),), CAPTION, vocab=False)

    def _inline(self, spans: Inline, kind: int, vocab: bool = True, bold: bool = False) -> None:
        said = ""  # the paragraph so far: a run of capitals after it may be mid-sentence
        for span in spans:
            text = span.text.replace("\n", " ")
            start = self._cursor.position()
            for offset, sentence in capital_runs(text, said):
                length = len(sentence)  # positions: an emoji before the run counts twice
                self._caps.append((start + position_length(text[:offset]),
                                   text[offset : offset + length], sentence))
            said += text
            role = Role(kind, span.bold or bold, span.italic, span.underline)
            matches = (
                vocabulary_matches(text, self._vocab_pattern, self._vocab_words) if vocab else []
            )
            done = 0
            for m_start, m_end, word in matches:
                self._insert(text[done:m_start], role)
                index = self._vocab_index.get(" ".join(word.lower().split()), -1)
                self._insert(text[m_start:m_end], replace(role, vocab=index))
                done = m_end
            self._insert(text[done:], role)

    def _insert(self, text: str, role: Role) -> None:
        if not text:
            return
        start = self._cursor.position()
        self._cursor.insertText(text, QTextCharFormat())
        if role != Role():
            self._runs.append((start, self._cursor.position(), role))

    # ----- restyling (every profile change) ----------------------------------

    def apply(self, profile: Profile, dpi: float = 96.0, colours: Colours | None = None) -> None:
        """Re-style the whole document for ``profile`` in one edit block.

        ``dpi`` is the resolution the document is laid out at (the screen, or
        the PDF writer); ``colours`` overrides the profile's colours (printing).
        """
        self.profile = profile
        self._dpi = dpi
        colours = colours or profile.colours
        self._formats.clear()
        self._block_formats.clear()
        font = base_font(profile, dpi)
        px = profile.font_size_pt * dpi / 72.0
        self.document.setDefaultFont(font)
        self.document.setIndentWidth(px * 1.6)
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        self._show_caps_as_sentences(cursor, profile.suppress_all_caps)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(self._char_format(Role(), profile, font, colours))
        cursor.mergeBlockFormat(self._block_format(BODY, profile, font, px))
        for position, kind in self._blocks:
            cursor.setPosition(position)
            cursor.mergeBlockFormat(self._block_format(kind, profile, font, px))
        for start, end, role in self._runs:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._char_format(role, profile, font, colours))
        self._apply_images(cursor, profile, dpi)
        self._apply_tables(colours, px)
        cursor.endEditBlock()

    def _show_caps_as_sentences(self, cursor: QTextCursor, sentences: bool) -> None:
        if sentences == self._caps_shown:
            return
        for position, original, sentence in self._caps:
            cursor.setPosition(position + 1)
            fmt = cursor.charFormat()
            cursor.setPosition(position)
            cursor.setPosition(position + position_length(original),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(sentence if sentences else original, fmt)
        self._caps_shown = sentences

    def _char_format(self, role: Role, profile: Profile, font: QFont, colours: Colours):
        cached = self._formats.get(role)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        fmt.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
        fmt.setForeground(QColor(colours.text))
        fmt.setBackground(QBrush(Qt.BrushStyle.NoBrush))
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.setFontUnderline(False)
        fmt.setFontItalic(False)
        if role.kind in HEADING_SCALE:
            fmt.setFontPointSize(profile.font_size_pt * HEADING_SCALE[role.kind])
            fmt.setFontWeight(max(700, clamp_weight(profile.font_weight)))
            fmt.setForeground(QColor(colours.heading))
        if role.bold:
            fmt.setFontWeight(max(700, clamp_weight(profile.font_weight + 300)))
        if role.italic and not profile.suppress_italics:
            fmt.setFontItalic(True)
        if role.underline and not profile.suppress_underline:
            fmt.setFontUnderline(True)
        if role.vocab >= 0:
            self._vocab_format(fmt, role, profile, colours)
        self._formats[role] = fmt
        return fmt

    def _vocab_format(self, fmt: QTextCharFormat, role: Role, profile: Profile, colours: Colours):
        """Key words are links to their definition; highlighted, never by colour alone."""
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{VOCAB_SCHEME}:{role.vocab}")
        if profile.highlight_vocabulary:
            fmt.setBackground(QColor(colours.highlight))
            # Bold as well as the highlight, so the marker is not colour alone.
            fmt.setFontWeight(max(700, clamp_weight(profile.font_weight + 300)))
            best = max((colours.text, colours.background),
                       key=lambda c: contrast_ratio(c, colours.highlight))
            fmt.setForeground(QColor(best))
        elif role.kind not in HEADING_SCALE:
            fmt.setForeground(QColor(colours.link))
            if not profile.suppress_underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)

    def _block_format(self, kind: int, profile: Profile, font: QFont, px: float):
        cached = self._block_formats.get(kind)
        if cached is not None:
            return cached
        fmt = QTextBlockFormat()
        self._block_formats[kind] = fmt
        scale = HEADING_SCALE.get(kind, 1.0)
        ratio = natural_line_ratio(font)
        fmt.setLineHeight(
            100.0 * profile.line_height / ratio,
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
        )
        align = {
            "left": Qt.AlignmentFlag.AlignLeft,
            "justify": Qt.AlignmentFlag.AlignJustify,
            "centre": Qt.AlignmentFlag.AlignHCenter,
            "right": Qt.AlignmentFlag.AlignRight,
        }[profile.alignment]
        fmt.setAlignment(align)
        gap = profile.paragraph_spacing_em * px
        fmt.setTopMargin(0)
        fmt.setBottomMargin(gap)
        fmt.setLeftMargin(0)
        if kind in HEADING_SCALE:
            fmt.setTopMargin(gap * 0.75 * scale)
            fmt.setBottomMargin(gap * 0.5)
        elif kind == LIST_END:
            pass  # a paragraph's space after the list
        elif kind in (LIST_ITEM, CELL):
            fmt.setBottomMargin(gap * 0.4)
        elif kind in (TASK, QUOTE):
            fmt.setLeftMargin(px * 1.5)
        elif kind == IMAGE:
            # A picture's "line" is the picture: no extra line spacing around it.
            fmt.setLineHeight(100.0, QTextBlockFormat.LineHeightTypes.SingleHeight.value)
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setBottomMargin(gap * 0.25)
        elif kind == CAPTION:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return fmt

    def fit_images(self, max_width: float) -> None:
        """Never draw a picture wider than ``max_width`` pixels (0: no limit)."""
        if max_width == self._image_limit:
            return
        self._image_limit = max_width
        if self.profile is not None and self._images:
            cursor = QTextCursor(self.document)
            cursor.beginEditBlock()
            self._apply_images(cursor, self.profile, self._dpi)
            cursor.endEditBlock()

    def _apply_images(self, cursor: QTextCursor, profile: Profile, dpi: float) -> None:
        for position, natural in self._images:
            fmt = QTextImageFormat()
            scale = profile.image_scale * dpi / 96.0
            if self._image_limit > 0 and natural.width() * scale > self._image_limit:
                scale = self._image_limit / natural.width()
            fmt.setWidth(natural.width() * scale)
            fmt.setHeight(natural.height() * scale)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _apply_tables(self, colours: Colours, px: float) -> None:
        for table in self._tables:
            fmt = table.format()
            fmt.setBorder(max(1.0, px / 12))
            fmt.setBorderBrush(QColor(colours.text))
            fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setCellPadding(px * 0.4)
            fmt.setCellSpacing(0)
            fmt.setBorderCollapse(True)
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            fmt.setBottomMargin(px)
            table.setFormat(fmt)

    # ----- questions the views ask ---------------------------------------------

    def vocabulary_entry(self, href: str):
        """The key word and definition behind a ``vocab:N`` link, or None."""
        scheme, _, index = href.partition(":")
        if scheme != VOCAB_SCHEME or not index.isdigit():
            return None
        i = int(index)
        return self.lesson.vocabulary[i] if i < len(self.lesson.vocabulary) else None

    def vocabulary_ranges(self) -> list[tuple[int, int, int]]:
        """``(start, end, vocabulary index)`` of every key word in the text."""
        return [(s, e, r.vocab) for s, e, r in self._runs if r.vocab >= 0]


def _load_image(path: Path) -> tuple[QImage, QSizeF] | None:
    """The picture and its natural size in pixels at 96 dpi, or None."""
    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid():
        return None
    natural = QSizeF(size)
    if bytes(reader.format()).lower() == b"svg":
        # Vector art is drawn at twice its size so it stays sharp when enlarged.
        reader.setScaledSize(size * 2)
    picture = reader.read()
    if picture.isNull():
        return None
    return picture, natural
