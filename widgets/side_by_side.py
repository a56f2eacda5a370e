"""The original lesson beside the adapted one, scrolled together.

The picture a trainer shows to explain what an adaptation changes: on the
left the lesson as written (the Standard profile), on the right the same
lesson through the chosen profile. Scrolling either pane scrolls the other to
the same proportion of the lesson (the adapted one is usually much longer).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollBar, QSplitter, QVBoxLayout, QWidget

from lessons.model import Lesson
from lessons.presets import default_preset
from lessons.profile import Profile
from widgets.lesson_view import LessonView
from widgets.relative_font import set_relative_font


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
        first, second = self.original.verticalScrollBar(), self.adapted.verticalScrollBar()
        first.valueChanged.connect(lambda _v: self._follow(first, second))
        second.valueChanged.connect(lambda _v: self._follow(second, first))
        # A re-style changes the adapted pane's length: keep it in step.
        first.rangeChanged.connect(lambda _a, _b: self._follow(second, first))
        second.rangeChanged.connect(lambda _a, _b: self._follow(first, second))
        self.set_adapted_profile(default_preset())

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Show ``lesson`` in both panes."""
        self.original.set_lesson(lesson)
        self.adapted.set_lesson(lesson)

    def set_adapted_profile(self, profile: Profile) -> None:
        """Adapt the right-hand pane with ``profile``."""
        self.adapted.set_profile(profile)
        self.adapted_label.setText(self.tr("Adapted: {name}").format(name=profile.name))
        self.adapted.setAccessibleName(
            self.tr("Adapted lesson: {name}").format(name=profile.name))

    def _follow(self, source: QScrollBar, target: QScrollBar) -> None:
        """Move ``target`` to the same proportion as ``source``, without echoing back."""
        if self._syncing:
            return
        self._syncing = True
        try:
            span = source.maximum() - source.minimum()
            fraction = (source.value() - source.minimum()) / span if span > 0 else 0.0
            target.setValue(target.minimum()
                            + round(fraction * (target.maximum() - target.minimum())))
        finally:
            self._syncing = False
