"""Projector mode: the lesson full screen, one section at a time, like slides.

No window frame, no menus: very large text (at least 40 pt) and a small
"Section 2 of 5" note in the corner. A presenter's clicker sends Page Down /
Page Up (or the arrow keys), so:

- Right, Down, Page Down, Space: onwards. Down, Page Down and Space first
  scroll a section that does not fit on the screen, then turn the page;
  Right always turns it.
- Left, Up, Page Up: back, the same way round.
- Home / End: the first / last section. Esc leaves projector mode.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lessons.model import Lesson
from lessons.profile import Profile
from widgets.lesson_view import LessonView

MIN_PROJECTOR_PT = 40.0


def projector_profile(profile: Profile) -> Profile:
    """``profile`` for a projector: at least 40 pt, one section at a time."""
    size = max(profile.font_size_pt, MIN_PROJECTOR_PT)
    return replace(profile, font_size_pt=size, focus_mode=True, ruler_lines=0)


class ProjectorView(QWidget):
    """A lesson presented full screen, section by section.

    Signals: ``section_changed(index, count)`` and ``left()`` when Esc ends it.
    """

    section_changed = Signal(int, int)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesson Lab: projector"))
        self.setAccessibleName(self.tr("Projector"))
        self.setAccessibleDescription(self.tr(
            "The lesson one section at a time. Page Down, Space or the right arrow for the "
            "next section, Page Up or the left arrow to go back, Escape to leave."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = LessonView()
        # The projector takes every key itself; the text is for looking at.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.view.setFrameShape(LessonView.Shape.NoFrame)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.indicator = QLabel(self)
        self.indicator.setAccessibleName(self.tr("Section number"))
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.indicator)
        self.view.section_changed.connect(self._on_section)
        self.set_profile(Profile())

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Present ``lesson`` from its first section."""
        self.view.set_lesson(lesson)
        self._on_section(self.view.section_index(), self.view.section_count())

    def set_profile(self, profile: Profile) -> None:
        """Present with ``profile``, made projector-sized."""
        shown = projector_profile(profile)
        self.view.set_profile(shown)
        c = shown.colours
        # Small and quiet, in the lesson's own colours.
        self.indicator.setStyleSheet(
            f"QLabel {{ background: {c.background}; color: {c.text}; padding: 4px 16px; "
            f"font-size: 14pt; }}")
        self.setStyleSheet(f"ProjectorView {{ background: {c.background}; }}")

    def present(self) -> None:
        """Show full screen and take the keyboard."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        # Without a window manager (a bare X server, a kiosk) full screen is
        # only a request: size the window to the screen as well.
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def section_index(self) -> int:
        """The section shown, from 0."""
        return self.view.section_index()

    def section_count(self) -> int:
        """How many sections the lesson has in projector mode."""
        return self.view.section_count()

    def next_section(self) -> bool:
        """Turn to the next section; False at the end."""
        return self.view.next_section()

    def previous_section(self) -> bool:
        """Turn to the previous section; False at the start."""
        return self.view.previous_section()

    def _on_section(self, index: int, count: int) -> None:
        text = self.tr("Section {n} of {count}").format(n=index + 1, count=count) if count else ""
        self.indicator.setText(text)
        self.indicator.setAccessibleDescription(text)
        self.section_changed.emit(index, count)

    def _scroll_or_turn(self, forward: bool, page: bool) -> None:
        bar = self.view.verticalScrollBar()
        step = bar.pageStep() if page else bar.singleStep() * 3
        if forward and bar.value() < bar.maximum():
            bar.setValue(bar.value() + step)
        elif not forward and bar.value() > bar.minimum():
            bar.setValue(bar.value() - step)
        elif forward:
            self.next_section()
        else:
            self.previous_section()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        k = Qt.Key
        if key == k.Key_Right:
            self.next_section()
        elif key == k.Key_Left:
            self.previous_section()
        elif key in (k.Key_PageDown, k.Key_Space):
            self._scroll_or_turn(forward=True, page=True)
        elif key == k.Key_Down:
            self._scroll_or_turn(forward=True, page=False)
        elif key == k.Key_PageUp:
            self._scroll_or_turn(forward=False, page=True)
        elif key == k.Key_Up:
            self._scroll_or_turn(forward=False, page=False)
        elif key == k.Key_Home:
            self.view.go_to_section(0)
        elif key == k.Key_End:
            self.view.go_to_section(self.view.section_count() - 1)
        elif key == k.Key_Escape:
            self.close()
            self.left.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
