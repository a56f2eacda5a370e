"""The original lesson beside the adapted one, scrolled together.

The picture a trainer shows to explain what an adaptation changes: on the
left the lesson as written (the Standard profile), on the right the same
lesson through the chosen profile. Scrolling either pane scrolls the other to
the same proportion of the lesson (the adapted one is usually much longer).

With a profile that shows one section at a time (focus mode), the adapted
pane shows a section and the original the whole lesson: the original is kept
at that section's place in the lesson, and scrolling through the section
scrolls the original through the same section.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollBar, QSplitter, QVBoxLayout, QWidget

from lessons.model import Lesson
from lessons.presets import default_preset
from lessons.profile import Profile
from widgets.lesson_pages import Page, lesson_pages
from widgets.lesson_view import LessonView
from widgets.page_headings import section_heading
from widgets.relative_font import set_relative_font

_NOTHING = object()  # no lesson waiting to be shown


class SideBySide(QWidget):
    """Two lesson views: ``original`` (unadapted) and ``adapted``, in step."""

    def __init__(self, original_profile: Profile | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Original and adapted lesson side by side"))
        self.original = LessonView()
        self.adapted = LessonView()
        self.original_label = QLabel(self.tr("Original"))
        self.adapted_label = QLabel()
        self.original.setAccessibleName(self.tr("Original lesson"))
        self.original.set_profile(original_profile or default_preset())
        for label in (self.original_label, self.adapted_label):
            set_relative_font(label, 1.3, bold=True, least_pt=13)
        self.original_label.setBuddy(self.original)
        self.adapted_label.setBuddy(self.adapted)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for label, view in ((self.original_label, self.original),
                            (self.adapted_label, self.adapted)):
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(4, 4, 4, 4)
            column.addWidget(label)
            column.addWidget(view, 1)
            splitter.addWidget(pane)
        splitter.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._syncing = False
        self._waiting: object = _NOTHING  # (original, adapted) given while hidden
        self._pages: list[Page] = []
        self._starts: dict[int, int] = {}  # page -> where it starts in the whole lesson
        first, second = self.original.verticalScrollBar(), self.adapted.verticalScrollBar()
        first.valueChanged.connect(lambda _v: self._original_moved())
        second.valueChanged.connect(lambda _v: self._adapted_moved())
        # A re-style changes the adapted pane's length: keep it in step.
        first.rangeChanged.connect(lambda _a, _b: self._original_resized())
        second.rangeChanged.connect(lambda _a, _b: self._adapted_resized())
        self.adapted.section_changed.connect(lambda _i, _n: self._adapted_moved())
        self.set_adapted_profile(default_preset())

    def set_lesson(self, lesson: Lesson | None, adapted: object = _NOTHING) -> None:
        """Show ``lesson`` in both panes (``adapted``, when given, in the right-hand one:
        trainer mode's lesson as the teacher changed it): now if they are shown, else
        when they next are.

        Hidden behind the lesson (most of the time), the panes are not built for each
        lesson opened: building them took two thirds of opening a long lesson (each
        decodes every picture), for a view seldom looked at.
        """
        self._pages = lesson_pages(lesson) if lesson else []
        self._starts.clear()
        self._waiting = (lesson, lesson if adapted is _NOTHING else adapted)
        if self.isVisible():
            self._show_waiting()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._show_waiting()
        super().showEvent(event)

    def _show_waiting(self) -> None:
        waiting, self._waiting = self._waiting, _NOTHING
        if waiting is not _NOTHING:
            self.original.set_lesson(waiting[0])
            self.adapted.set_lesson(waiting[1])

    def go_to_section(self, index: int) -> None:
        """Turn the adapted pane to section ``index`` (focus mode); the original follows."""
        self.adapted.go_to_section(index)

    def set_adapted_profile(self, profile: Profile) -> None:
        """Adapt the right-hand pane with ``profile``."""
        self.adapted.set_profile(profile)
        self.adapted_label.setText(self.tr("Adapted: {name}").format(name=profile.name))
        self.adapted.setAccessibleName(
            self.tr("Adapted lesson: {name}").format(name=profile.name))

    # ----- keeping the panes in step ---------------------------------------------

    def _in_sections(self) -> bool:
        """True while the adapted pane shows one section at a time."""
        return self.adapted.profile().focus_mode and bool(self._pages)

    def _original_moved(self) -> None:
        if not self._in_sections():
            self._follow(self.original.verticalScrollBar(), self.adapted.verticalScrollBar())
            return
        span = self._section_span()
        if span is None or self._syncing:
            return
        top, room = span
        if room <= 0:  # the whole section fits in the original pane
            return
        value = self.original.verticalScrollBar().value()
        fraction = min(1.0, max(0.0, (value - top) / room))
        bar, start = self.adapted.verticalScrollBar(), self._adapted_start()
        self._syncing = True
        try:
            bar.setValue(start + round(fraction * max(0, bar.maximum() - start)))
        finally:
            self._syncing = False

    def _adapted_moved(self) -> None:
        if not self._in_sections():
            self._follow(self.adapted.verticalScrollBar(), self.original.verticalScrollBar())
            return
        span = self._section_span()
        if span is None or self._syncing:
            return
        top, room = span
        bar, start = self.adapted.verticalScrollBar(), self._adapted_start()
        reach = bar.maximum() - start
        fraction = min(1.0, max(0.0, (bar.value() - start) / reach)) if reach > 0 else 0.0
        self._syncing = True
        try:
            self.original.verticalScrollBar().setValue(top + round(fraction * max(0, room)))
        finally:
            self._syncing = False

    def _original_resized(self) -> None:
        # The section in the adapted pane leads: the original finds its place again.
        if self._in_sections():
            self._adapted_moved()
        else:
            self._follow(self.adapted.verticalScrollBar(), self.original.verticalScrollBar())

    def _adapted_resized(self) -> None:
        if self._in_sections():
            self._adapted_moved()
        else:
            self._follow(self.original.verticalScrollBar(), self.adapted.verticalScrollBar())

    def _section_span(self) -> tuple[int, int] | None:
        """Where the adapted pane's section is in the original pane: the scroll value
        that puts its start at the top, and how far the original can scroll on
        within it. None while the original pane is being re-styled."""
        built = self.original.lesson_document()
        if built is None or self.original.document() is not built.document:
            return None
        document = built.document
        layout = document.documentLayout()
        index = self.adapted.section_index()
        start = self._page_start(index)
        # The first page from the very top, above the lesson's margin.
        top = layout.blockBoundingRect(document.findBlock(start)).top() if index else 0.0
        if index + 1 < len(self._pages):
            end = layout.blockBoundingRect(
                document.findBlock(self._page_start(index + 1))).top()
        else:
            end = layout.documentSize().height()
        room = end - top - self.original.viewport().height()
        return round(top), round(room)

    def _adapted_start(self) -> int:
        """The scroll value a section is shown from: its first line at the top."""
        document = self.adapted.document()
        return round(document.documentLayout().blockBoundingRect(document.firstBlock()).top())

    def _page_start(self, index: int) -> int:
        """Where focus-mode page ``index`` starts in the whole lesson's text: its heading.

        Asked on every scroll of the adapted pane, so kept per lesson: a re-style
        changes how the text looks, not where its headings are.
        """
        built = self.original.lesson_document()
        if index <= 0 or built is None:
            return 0
        if index not in self._starts:
            heading = section_heading(built.document, self.original.lesson(), index)
            if heading is None:
                return 0
            self._starts[index] = heading.position()
        return self._starts[index]

    @staticmethod
    def _fraction(bar: QScrollBar) -> float:
        span = bar.maximum() - bar.minimum()
        return (bar.value() - bar.minimum()) / span if span > 0 else 0.0

    def _set_fraction(self, bar: QScrollBar, fraction: float) -> None:
        self._syncing = True
        try:
            bar.setValue(bar.minimum() + round(fraction * (bar.maximum() - bar.minimum())))
        finally:
            self._syncing = False

    def _follow(self, source: QScrollBar, target: QScrollBar) -> None:
        """Move ``target`` to the same proportion as ``source``, without echoing back."""
        if self._syncing:
            return
        self._set_fraction(target, self._fraction(source))
