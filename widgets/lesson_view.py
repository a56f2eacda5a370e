"""The lesson view: a lesson shown through an adaptation profile.

A read-only QTextBrowser with caret browsing. The lesson's document is built
once (widgets/lesson_document.py); a profile change only re-applies formats,
so even a long lesson re-styles at once. On top of the text the view paints
the reading ruler (which follows the caret and the mouse) and the overlay
tint (widgets/reading_ruler.py).

Keyboard: arrows, Page Up/Down, Home/End move the caret; Tab and Shift+Tab
leave the view in one press, like any other document view; F3 and Shift+F3
move the caret to the next or previous key word, and Enter (or a click)
shows the meaning of the key word at the caret; Ctrl+= / Ctrl+- / Ctrl+0 and
Ctrl+wheel zoom; in focus mode Ctrl+Page Down / Ctrl+Page Up turn to the
next or previous section. The key-word keys are actions on the view, so the
window's keyboard shortcuts list shows them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from lessons.model import Lesson
from lessons.profile import Profile
from widgets.fonts import resolve_family
from widgets.key_word_spans import key_word_spans, next_span
from widgets.lesson_document import LessonDocument
from widgets.lesson_pages import Page, lesson_pages, whole_lesson
from widgets.lesson_style import line_text_width, page_palette
from widgets.reading_ruler import ReadingRuler, line_geometry
from widgets.vocabulary_popup import VocabularyPopup

NEXT_KEY_WORD = "F3"
PREVIOUS_KEY_WORD = "Shift+F3"
ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


class LessonView(QTextBrowser):
    """Shows a lesson with a profile and re-styles in place when it changes.

    Signals: ``profile_applied(Profile)`` after every re-style (with the
    zoomed profile actually shown), ``section_changed(index, count)`` when
    focus mode turns a page, ``vocabulary_activated(word, definition)`` when
    a key word is clicked or chosen with Enter, ``zoom_changed(factor)``.
    """

    profile_applied = Signal(object)
    section_changed = Signal(int, int)
    vocabulary_activated = Signal(str, str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.viewport().setMouseTracking(True)
        # Lines always wrap to the view and pictures are kept within it, so a
        # sideways scroll bar would only ever move the text by a pixel or two.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Lesson"))
        self.setAccessibleDescription(self.tr(
            "The lesson text. Arrow keys move through it; F3 goes to the next key word "
            "and Enter shows its meaning; Tab leaves the lesson."))
        self._lesson: Lesson | None = None
        self._profile = Profile()
        self._zoom = 1.0
        self._pages: list[Page] = []
        self._page_index = 0
        self._documents: dict[int, LessonDocument] = {}  # page index (-1: whole lesson)
        self._current: LessonDocument | None = None
        self._ruler = ReadingRuler()
        self._ruler_position = 0  # document position of the line the ruler is on
        self._margin = -1.0
        self._swapping = False
        self._last_place = (0, 0)  # (text position at the top, scroll bar value)
        self._empty = QTextDocument(self)
        self.show_definitions = True  # a popup on activation; off when a parent shows it
        self.popup: VocabularyPopup | None = None
        self.anchorClicked.connect(self._on_anchor)
        self.cursorPositionChanged.connect(self._follow_caret)
        self.key_word_actions = [
            self._key(self.tr("Next key word"), [NEXT_KEY_WORD], lambda: self.go_to_key_word(1)),
            self._key(self.tr("Previous key word"), [PREVIOUS_KEY_WORD],
                      lambda: self.go_to_key_word(-1)),
            self._key(self.tr("Show the meaning of the key word at the caret"),
                      ["Return", "Enter"], self.activate_vocabulary_at_caret),
        ]
        self._apply_palette()

    # ----- public API -------------------------------------------------------

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Show ``lesson`` (or nothing) from its first section."""
        self._lesson = lesson
        for document in self._documents.values():
            document.document.deleteLater()
        self._documents.clear()
        self._pages = lesson_pages(lesson) if lesson else []
        self._page_index = 0
        self._show_current()

    def lesson(self) -> Lesson | None:
        """The lesson shown, or None."""
        return self._lesson

    def set_profile(self, profile: Profile) -> None:
        """Re-style the lesson for ``profile`` (keeps the zoom and reading place)."""
        focus_changed = profile.focus_mode != self._profile.focus_mode
        self._profile = profile
        if focus_changed:
            self._show_current()
        else:
            self._restyle()

    def profile(self) -> Profile:
        """The profile chosen (without the zoom)."""
        return self._profile

    def shown_profile(self) -> Profile:
        """The profile as shown: the chosen one with the zoom applied."""
        p = self._profile
        if self._zoom == 1.0:
            return p
        size = max(6.0, min(200.0, p.font_size_pt * self._zoom))
        return replace(p, font_size_pt=size, image_scale=p.image_scale * self._zoom)

    def font_note(self) -> str:
        """A plain sentence when the profile's font is missing and another stands in."""
        return resolve_family(self._profile.font_family).note

    def lesson_document(self) -> LessonDocument | None:
        """The document builder behind what is shown (for tests and printing)."""
        return self._current

    # Focus mode: one section at a time.

    def section_count(self) -> int:
        """Pages in focus mode (front, each section, key words); 0 without a lesson."""
        return len(self._pages)

    def section_index(self) -> int:
        """The page shown in focus mode, from 0."""
        return self._page_index

    def go_to_section(self, index: int) -> None:
        """Show page ``index`` in focus mode (clamped to the lesson).

        Out of focus mode the page is only remembered, for when focus mode
        comes on: the whole lesson stays where the reader has it.
        """
        if not self._pages:
            return
        index = max(0, min(index, len(self._pages) - 1))
        if index != self._page_index:
            self._page_index = index
            if self._profile.focus_mode:
                self._show_current()

    def next_section(self) -> bool:
        """Turn to the next page; False at the end."""
        before = self._page_index
        self.go_to_section(before + 1)
        return self._page_index != before

    def previous_section(self) -> bool:
        """Turn to the previous page; False at the start."""
        before = self._page_index
        self.go_to_section(before - 1)
        return self._page_index != before

    # Zoom.

    def zoom(self) -> float:
        """The zoom factor, 1.0 at the profile's own size."""
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (0.5 to 4)."""
        factor = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        if factor != self._zoom:
            self._zoom = factor
            self._restyle()
            self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        """One step larger."""
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        """One step smaller."""
        smaller = [z for z in ZOOM_STEPS if z < self._zoom - 1e-6]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def reset_zoom(self) -> None:
        """Back to the profile's own size."""
        self.set_zoom(1.0)

    # Key words.

    def go_to_key_word(self, step: int = 1) -> bool:
        """Select the next (1) or previous (-1) key word after the caret, wrapping
        round; False when the lesson shown has none."""
        spans = key_word_spans(self.document())
        if not spans:
            return False
        cursor = self.textCursor()
        after = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
        start, end = next_span(spans, after, cursor.selectionStart(), step)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def activate_vocabulary_at_caret(self) -> bool:
        """Show the meaning of the key word at the caret; False when there is none."""
        href = self._anchor_near(self.textCursor().position())
        if not href:
            return False
        self._on_anchor(QUrl(href))
        return True

    def ruler_band(self) -> QRectF | None:
        """Where the reading ruler band is, in viewport coordinates (None when off)."""
        if not self._ruler.active or self._current is None:
            return None
        geometry = line_geometry(self.document(), self._ruler_position)
        if geometry is None:
            return None
        line, pitch = geometry
        line.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        band = self._ruler.band(line, pitch)
        band.setWidth(self.viewport().width())
        return band

    # ----- building and styling ------------------------------------------------

    def _show_current(self) -> None:
        if self._lesson is None:
            self._current = None
            self.setDocument(self._empty)
            self._apply_palette()
            return
        key = self._page_index if self._profile.focus_mode else -1
        document = self._documents.get(key)
        if document is None:
            page = self._pages[key] if key >= 0 else whole_lesson(self._lesson)
            document = LessonDocument(self._lesson, page, parent=self)
            self._documents[key] = document
        self._current = document
        self._ruler_position = 0
        self._restyle(keep_place=False)
        if self._profile.focus_mode:
            self.section_changed.emit(self._page_index, len(self._pages))

    def _restyle(self, keep_place: bool = True) -> None:
        shown = self.shown_profile()
        self._ruler.configure(shown)
        self._apply_palette()
        if self._current is not None:
            place, anchor, position = 0, 0, 0
            if keep_place:
                place = self._reading_place()
                anchor, position = self.textCursor().anchor(), self.textCursor().position()
            document = self._current.document
            # Re-styling the document on show would lay all of it out at once
            # (over 100 ms for 10,000 words). Taken off the view and without
            # a layout, only its formats change; shown again, the view lays
            # out what is on screen first and the rest when it is idle.
            self._swapping = True  # the scroll bar comes and goes: no refit meanwhile
            try:
                self.setDocument(self._empty)
                document.setDocumentLayout(None)
                self._current.apply(shown, dpi=self._dpi())
                self._fit_line_length(force=True)
                self.setDocument(document)
            finally:
                self._swapping = False
            caret = QTextCursor(document)
            caret.setPosition(min(anchor, document.characterCount() - 1))
            caret.setPosition(min(position, document.characterCount() - 1),
                              QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(caret)
            self._scroll_to(place if keep_place else 0)
            self._last_place = (place, self.verticalScrollBar().value())
        self.viewport().update()
        self.profile_applied.emit(shown)

    def _dpi(self) -> float:
        return float(self.viewport().logicalDpiY() or 96)

    def _apply_palette(self) -> None:
        self.setPalette(page_palette(self.palette(), self.shown_profile().colours))
        px = self.shown_profile().font_size_pt * self._dpi() / 72.0
        self.setCursorWidth(max(2, round(px / 10)))

    def _fit_line_length(self, force: bool = False) -> None:
        """Keep lines to the profile's length: a centred column with equal margins."""
        if self._current is None:
            return
        shown = self.shown_profile()
        px = shown.font_size_pt * self._dpi() / 72.0
        pad = max(8.0, px)
        limit = line_text_width(shown, self._dpi())
        width = self.viewport().width()
        side = max(pad, (width - limit) / 2) if limit else pad
        self._current.fit_images(max(50.0, width - 2 * side))
        if not force and abs(side - self._margin) < 0.5:
            return
        self._margin = side
        document = self._current.document
        if document.documentMargin() != 0:
            document.setDocumentMargin(0)
        root = document.rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(pad)
        fmt.setBottomMargin(pad * 2)
        root.setFrameFormat(fmt)

    def _reading_place(self) -> int:
        """The text position at the top of the view.

        Straight after a re-style the view has laid out only what it shows,
        so positions further down are not known yet; while the reader has
        not scrolled since, the place found last time still holds.
        """
        place, scrolled_to = self._last_place
        if self.verticalScrollBar().value() == scrolled_to:
            return place
        return self.cursorForPosition(QPoint(0, 0)).position()

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        block = cursor.block()
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))

    # ----- key words -----------------------------------------------------------

    def _anchor_near(self, position: int) -> str:
        document = self.document()
        for start in (position, position - 1):
            if start < 0 or start >= document.characterCount() - 1:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
            fmt = cursor.charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                return fmt.anchorHref()
        return ""

    def _on_anchor(self, url: QUrl) -> None:
        entry = self._current.vocabulary_entry(url.toString()) if self._current else None
        if entry is None:
            return
        self.vocabulary_activated.emit(entry.word, entry.definition)
        if self.show_definitions:
            self.show_definition(entry.word, entry.definition)

    def show_definition(self, word: str, definition: str) -> VocabularyPopup:
        """Open the large key-word popup (Esc closes it)."""
        if self.popup is not None:
            self.popup.close()
            self.popup.deleteLater()
        self.popup = VocabularyPopup(word, definition, self.shown_profile(), self.window())
        self.popup.finished.connect(lambda _result: self.setFocus())
        self.popup.open()
        return self.popup

    def _key(self, text: str, keys: list[str], slot) -> QAction:
        # Only while the view has the keyboard: side by side has two views.
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # ----- ruler ----------------------------------------------------------------

    def _follow_caret(self) -> None:
        self._move_ruler(self.textCursor().position())

    def _move_ruler(self, position: int) -> None:
        if position != self._ruler_position:
            self._ruler_position = position
            if self._ruler.active:
                self.viewport().update()

    # ----- events ---------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # QTextBrowser makes every link a Tab stop, so a lesson with 40 key words
        # took 40 Tabs to leave. Tab leaves at once; F3 visits the key words.
        return QTextEdit.focusNextPrevChild(self, next)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        band = self.ruler_band()
        area = QRectF(self.viewport().rect())
        if band is not None:
            painter = QPainter(self.viewport())
            self._ruler.paint_band(painter, band, area.width())
            painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        if band is not None:
            self._ruler.paint_dim(painter, band, area)
        self._ruler.paint_overlay(painter, area)
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._swapping:
            self._fit_line_length()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        if self._ruler.active and self._current is not None:
            self._move_ruler(self.cursorForPosition(event.position().toPoint()).position())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_in()
        elif ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.reset_zoom()
        elif ctrl and key == Qt.Key.Key_PageDown and self._profile.focus_mode:
            self.next_section()
        elif ctrl and key == Qt.Key.Key_PageUp and self._profile.focus_mode:
            self.previous_section()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
            if not self.activate_vocabulary_at_caret():
                super().keyPressEvent(event)
            return
        else:
            super().keyPressEvent(event)
            return
        event.accept()
