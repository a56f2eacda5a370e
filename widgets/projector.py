"""Projector mode: the lesson full screen, one section at a time, like slides.

No window frame, no menus: very large text (at least 40 pt). A picture is
scaled down to the room its slide leaves it, so bullets and a picture fit one
screen (widgets/slide_view.py). Along the bottom,
"Section 2 of 5" and, while a section runs on below the screen, "More below";
both are sized from the slide text (at least 24 pt) so the back of a
classroom can read them, and drawn in the slide's text colour (or black or
white, whichever stands out more, when a profile's own pair is faint). A
presenter's clicker sends Page Down / Page Up (or the arrow keys), so:

- Right, Down, Page Down, Space: onwards. Down, Page Down and Space first
  scroll a section that does not fit on the screen, then turn the page;
  Right always turns it.
- Left, Up, Page Up: back, the same way round.
- Home / End: the first / last section. Esc leaves projector mode.
- + and - (with or without Ctrl) make the text larger or smaller for the
  room, 0 puts it back; the bottom line says the size while it is not 100%.
- B or "." blanks the screen; live captions carried in it stay in sight
  (widgets/presentation.py).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from lessons.contrast import contrast_ratio
from lessons.model import Lesson
from lessons.profile import Profile
from widgets.presentation import PresentationWindow
from widgets.slide_view import SlideView

MIN_PROJECTOR_PT = 40.0
# The bottom line (section number, "More below") against the slide text: big
# enough for the back of a room, small enough not to compete with the slide.
NOTE_SHARE = 0.6
MIN_NOTE_PT = 24.0
# WCAG AA for text; below it the notes use black or white instead.
MIN_NOTE_CONTRAST = 4.5


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectorView", text)


def projector_keys() -> list[tuple[str, str]]:
    """(keys, what they do) in projector mode, for Help › Keyboard shortcuts."""
    tr = _tr
    return [
        (tr("Page Down, Space, Down"), tr("Scroll the section, then the next section")),
        (tr("Page Up, Up"), tr("Scroll back, then the previous section")),
        (tr("Right, Left"), tr("Next or previous section")),
        (tr("Home, End"), tr("First or last section")),
        (tr("+, -, 0"), tr("Larger, smaller or normal text")),
        (tr("B, ."), tr("Blank the screen, or show it again")),
        (tr("Esc"), tr("Leave projector mode")),
    ]


def projector_profile(profile: Profile) -> Profile:
    """``profile`` for a projector: at least 40 pt, one section at a time."""
    size = max(profile.font_size_pt, MIN_PROJECTOR_PT)
    return replace(profile, font_size_pt=size, focus_mode=True, ruler_lines=0)


def note_point_size(profile: Profile) -> float:
    """The size of the section number and "More below" for a projector ``profile``."""
    return max(MIN_NOTE_PT, round(profile.font_size_pt * NOTE_SHARE))


def note_colour(text: str, background: str) -> str:
    """``text`` when it stands out from ``background`` enough; otherwise black or white."""
    if contrast_ratio(text, background) >= MIN_NOTE_CONTRAST:
        return text
    return max(("#000000", "#ffffff"), key=lambda c: contrast_ratio(c, background))


class ProjectorView(PresentationWindow):
    """A lesson presented full screen, section by section.

    Signals: ``section_changed(index, count)``, ``left()`` when Esc ends it and
    ``closing()`` however it ends (from :class:`PresentationWindow`, which also
    gives ``present``, ``carry`` and the blank screen).
    """

    section_changed = Signal(int, int)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesson Lab: projector"))
        self.setAccessibleName(self.tr("Projector"))
        self.setAccessibleDescription(self.tr(
            "The lesson one section at a time. Page Down, Space or the right arrow for the "
            "next section, Page Up or the left arrow to go back, plus and minus for larger or "
            "smaller text, B or full stop to blank the screen, Escape to leave."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = SlideView()
        # The projector takes every key itself; the text is for looking at.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.view.setFrameShape(SlideView.Shape.NoFrame)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.indicator = QLabel(self)
        self.indicator.setAccessibleName(self.tr("Section number"))
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A slide cut off at the bottom edge looks finished: say there is more.
        self.more_below = QLabel(self.tr("▼ More below: Page Down"), self)
        self.more_below.setAccessibleName(self.tr("More below"))
        self.more_below.setAccessibleDescription(self.tr(
            "This section runs on below the screen. Page Down, Space or the down arrow "
            "scrolls to the rest."))
        self.more_below.hide()
        self.blank.setAccessibleName(self.tr("The screen is blank: press B to show the lesson"))
        self.notes = QWidget()
        self.notes.setObjectName("projector-notes")
        notes = QHBoxLayout(self.notes)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.more_below)
        notes.addStretch(1)
        notes.addWidget(self.indicator)
        layout = self.layout()
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        self.view.section_changed.connect(self._on_section)
        self.view.zoom_changed.connect(lambda _zoom: self._on_section(
            self.view.section_index(), self.view.section_count()))
        bar = self.view.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._show_more())
        bar.valueChanged.connect(lambda _value: self._show_more())
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
        # Quieter than the slide but readable from the back of the room.
        colour = note_colour(c.text, c.background)
        self.notes.setStyleSheet(f"#projector-notes {{ background: {c.background}; }}")
        # On each label, not through the notes: Qt does not re-style a hidden child,
        # and "More below" (hidden when the profile changed) came back in the last
        # profile's colours, white on a cream page.
        for label in (self.indicator, self.more_below):
            label.setStyleSheet(
                f"QLabel {{ background: {c.background}; color: {colour}; padding: 4px 16px; "
                f"font-size: {note_point_size(shown):g}pt; }}")
        self.setStyleSheet(f"ProjectorView {{ background: {c.background}; }}")

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
        zoom = self.view.zoom()
        if round(zoom * 100) != 100:
            text += self.tr(" · Text {percent}%").format(percent=round(zoom * 100))
        self.indicator.setText(text)
        self.indicator.setAccessibleDescription(text)
        self.section_changed.emit(index, count)

    def has_more_below(self) -> bool:
        """True while the section shown runs on below the bottom of the screen."""
        bar = self.view.verticalScrollBar()
        return bar.value() < bar.maximum()

    def _show_more(self) -> None:
        self.more_below.setVisible(self.has_more_below())

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
        if self.blank_key(key):
            pass  # blanked, or shown again where it was
        elif key == k.Key_Right:
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
        elif key in (k.Key_Plus, k.Key_Equal):
            self.view.zoom_in()
        elif key in (k.Key_Minus, k.Key_Underscore):
            self.view.zoom_out()
        elif key == k.Key_0:
            self.view.reset_zoom()
        elif key == k.Key_Escape:
            self.close()
            self.left.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
