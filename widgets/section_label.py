"""The tool bar's "Section 3 of 12": always there, always as wide.

Shown with every profile: "Section n of count" when the profile shows one
section at a time, "Whole lesson" when there are no sections to step
through. It is as wide as the widest thing it can say at the current font,
so the buttons after it keep their places when the profile or the section
changes (a hurried click on Export PDF lands on Export PDF) and at every
interface size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from widgets.value_label import ValueLabel

# Two digits each: a lesson with 100 sections would widen the label, nothing worse.
_WIDEST_NUMBER = 88


class SectionLabel(ValueLabel):
    """Says which section is shown, or that the whole lesson is; a screen reader
    hears the same words (it is a :class:`ValueLabel`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._measured: tuple[object, int] = (None, 0)  # (font and margins, width)
        super().__init__(parent=parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_whole_lesson()

    def show_section(self, index: int, count: int) -> None:
        """Say "Section ``index + 1`` of ``count``"."""
        self.setText(self._section_text(index + 1, count))
        self.setToolTip(self.tr("The section shown: Previous section and Next section "
                                "turn the page"))

    def show_whole_lesson(self) -> None:
        """Say that the profile shows the whole lesson (no sections to step through)."""
        self.set_text(self.tr("Whole lesson"),
                      self.tr("Whole lesson: no sections to step through"))
        self.setToolTip(self.tr("This profile shows the whole lesson at once. Previous and "
                                "Next section turn the page with a profile that shows one "
                                "section at a time."))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._widened(super().minimumSizeHint())

    def _section_text(self, n: int, count: int) -> str:
        return self.tr("Section {n} of {count}").format(n=n, count=count)

    def _widened(self, hint: QSize) -> QSize:
        return QSize(max(hint.width(), self._widest()), hint.height())

    def _widest(self) -> int:
        """The width QLabel asks for its widest wording, at the label's font."""
        key = (self.font().key(), self.margin(), self.indent())
        if self._measured[0] != key:
            probe = QLabel()
            probe.setFont(self.font())
            probe.setMargin(self.margin())
            probe.setIndent(self.indent())
            probe.setContentsMargins(self.contentsMargins())
            widths = []
            for text in (self.tr("Whole lesson"),
                         self._section_text(_WIDEST_NUMBER, _WIDEST_NUMBER)):
                probe.setText(text)
                widths.append(probe.sizeHint().width())
            self._measured = (key, max(widths))
        return self._measured[1]
