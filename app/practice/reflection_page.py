"""The last step of practice: what changed, the reflections, save and export.

Shows the scores before and after and what the teacher changed, a text box
for each of the scenario's reflection questions, and buttons to save the
session in the reflection log (on this computer) and export it as a Word
document (or plain text) or a PDF. The page only shows and collects; the practice window does the
saving.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from widgets.announce import announce
from widgets.relative_font import set_relative_font
from widgets.stacking_row import StackingRow
from widgets.value_label import ValueLabel

ANSWER_HEIGHT = 90


class ReflectionPage(QWidget):
    """Reflection questions with answer boxes, and the save and export buttons.

    Signals: ``save_requested()``, ``export_requested(fmt)`` with "docx" or
    "pdf", ``save_lesson_requested()``.
    """

    save_requested = Signal()
    export_requested = Signal(str)
    save_lesson_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reflect and save"))
        self._prompts: tuple[str, ...] = ()
        self._edits: list[QPlainTextEdit] = []

        # ValueLabels: a reader hears the scores and the save status themselves,
        # where a fixed name ("What changed") stood in place of them.
        self.summary = ValueLabel(self.tr("What changed"))
        self.summary.setWordWrap(True)
        self.questions = QWidget()
        self._grid = QGridLayout(self.questions)
        self._grid.setColumnStretch(0, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.summary)
        heading = QLabel(self.tr("Your reflections"))
        set_relative_font(heading, 1.3, bold=True)
        column.addWidget(heading)
        hint = QLabel(self.tr(
            "Short answers are fine. They are kept with the scores as evidence for your CPD."))
        hint.setWordWrap(True)  # at 200% one line is wider than the window
        column.addWidget(hint)
        column.addWidget(self.questions)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        # A Tab stop where a screen reader said nothing: say what it holds.
        scroll.setAccessibleName(self.tr("Reflection questions"))

        self.save_button = self._button(self.tr("&Save to my reflection log"),
                                        self.save_requested.emit)
        # Say what a teacher gets: a Word document opens on every school computer
        # (a .md file opened nowhere for most teachers). Plain text is the second
        # choice in the same save box, for pasting into a school's CPD system.
        self.export_docx_button = self._button(self.tr("Save as a Word docu&ment…"),
                                               lambda: self.export_requested.emit("docx"))
        self.export_docx_button.setToolTip(self.tr(
            "Save this reflection as a Word document (.docx) that Word, LibreOffice or "
            "Google Docs can open and change. The save box also offers plain text (.txt)."))
        self.export_pdf_button = self._button(self.tr("Save as a P&DF…"),
                                              lambda: self.export_requested.emit("pdf"))
        self.export_pdf_button.setToolTip(self.tr(
            "Save this reflection as a PDF, ready to print or to keep as CPD evidence"))
        self.save_lesson_button = self._button(self.tr("Save the adapted &lesson as new…"),
                                               self.save_lesson_requested.emit)
        self.status = ValueLabel(text=self.tr("Nothing is sent anywhere: the log is kept on "
                                              "this computer."))
        self.status.setWordWrap(True)
        # Two rows: on one, the four buttons were wider than a 1600-px screen at 200%.
        # And the first row stacks when the page is narrower than it: at 250% it
        # alone (1114 px) made the practice window wider than a 1366-px laptop's
        # screen, on every step, since the steps are as wide as the widest.
        buttons = QVBoxLayout()
        self.record_row = record = StackingRow()
        for button in (self.save_button, self.export_docx_button, self.export_pdf_button):
            record.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        record.addStretch(1)
        lesson = QHBoxLayout()
        lesson.addWidget(self.save_lesson_button)
        lesson.addStretch(1)
        buttons.addLayout(record)
        buttons.addLayout(lesson)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def set_prompts(self, prompts: tuple[str, ...] | list[str]) -> None:
        """One answer box per question (answers to earlier questions are dropped)."""
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self._prompts = tuple(prompts)
        self._edits = []
        for number, prompt in enumerate(self._prompts, start=1):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(ANSWER_HEIGHT)
            edit.setAccessibleName(prompt)
            # No Alt digit: Alt+1 to Alt+3 are the practice window's steps.
            label = QLabel(f"{number}. {prompt}")
            label.setWordWrap(True)
            label.setBuddy(edit)
            self._grid.addWidget(label, 2 * number - 2, 0)
            self._grid.addWidget(edit, 2 * number - 1, 0)
            self._edits.append(edit)

    def prompts(self) -> tuple[str, ...]:
        """The reflection questions."""
        return self._prompts

    def answer_edits(self) -> list[QPlainTextEdit]:
        """The answer boxes, in question order."""
        return list(self._edits)

    def answers(self) -> dict[str, str]:
        """Each question and its answer ("" when not answered), in order."""
        return {prompt: edit.toPlainText().strip()
                for prompt, edit in zip(self._prompts, self._edits, strict=True)}

    def set_summary(self, scores: list[str], changes: list[str]) -> None:
        """Show the scores ("Dyslexia 49 → 89 (+40)") and what was changed."""
        html = ["<h3>" + escape(self.tr("Scores")) + "</h3><ul>"]
        html += [f"<li>{escape(line)}</li>" for line in scores]
        html.append("</ul><h3>" + escape(self.tr("What you changed")) + "</h3><ul>")
        html += [f"<li>{escape(line)}</li>" for line in changes] or \
            ["<li>" + escape(self.tr("Nothing yet.")) + "</li>"]
        html.append("</ul>")
        self.summary.setText("".join(html))

    def show_status(self, text: str) -> None:
        """Say what was saved or exported, and where (to a screen reader too)."""
        self.status.setText(text)
        announce(self.status, text)
