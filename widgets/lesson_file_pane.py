"""A lesson file in two tabs: its text, and its details as a form.

"Lesson text" is the Markdown body in a text box; "Lesson details" is the
form for the details at the top of the file (widgets/lesson_details_form.py),
or, while they cannot be read, the details as text with the problem above
them. lessons/lesson_details.py cuts the file in two and puts it back
together (``text()``), changing only the details' lines that changed.

Line numbers here (``go_to_line``, ``current_line``) are lines of the whole
file, as the loader and the checker count them: a line in the details shows
its field in the form.

Changes in either tab are steps of one undo history (widgets/edit_history.py);
``changed`` is emitted after each (typing, a change in the form, an Undo), and
``modification_changed(bool)`` when the lesson starts or stops differing from
the one opened or last saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTabWidget, QWidget

from lessons.document_positions import one_per_position, readable
from lessons.lesson_details import (
    DetailsState,
    LessonFile,
    field_at_line,
    field_line,
    split_lesson_file,
)
from widgets.edit_history import DetailsStep, EditHistory
from widgets.lesson_details_form import LessonDetailsForm


class LessonFilePane(QTabWidget):
    """The tabs "Lesson text" and "Lesson details", and one undo history for both."""

    changed = Signal()
    modification_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Lesson text and details"))
        self._state = DetailsState.of(split_lesson_file(""))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Lesson text"))
        self.text_edit.setAccessibleDescription(self.tr(
            "The lesson's text. Its title, key words and other details are under Lesson "
            "details. The preview beside it shows the lesson as pupils will see it."))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details = LessonDetailsForm()
        self.addTab(self.text_edit, self.tr("Lesson &text"))
        self.addTab(self.details, self.tr("Lesson &details"))
        self.tabBar().installEventFilter(self)
        # Only the tab bar is a Tab stop. The tab widget passes the focus to its bar, so
        # wherever Qt left it in the chain (after the practice window's checker, once that
        # window orders its chain) Tab would jump back to the bar from there.
        self.setFocusProxy(None)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.history = EditHistory(self.text_edit, self._show_state, self)
        self.history.stepped.connect(self._stepped)
        self.history.clean_changed.connect(lambda clean: self.modification_changed.emit(not clean))
        form = self.details
        for box in (form.title, form.subject.lineEdit(), form.duration, form.objectives,
                    form.notes, form.source):
            self.history.route_keys(box)
        form.details_edited.connect(lambda details, key: self.change(
            self._state.edited(details), key))
        form.source_edited.connect(lambda text: self.change(self._state.with_source(text),
                                                            "source"))
        form.form_requested.connect(self.show_details_as_form)
        form.text_requested.connect(self.show_details_as_text)
        self.text_edit.textChanged.connect(self.changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Alt+T / Alt+D (the tabs' letters) also put the cursor in the tab they show."""
        if watched is self.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, self._focus_page)
        return super().eventFilter(watched, event)

    def _focus_page(self) -> None:
        if self.currentWidget() is self.text_edit:
            self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.details.focus_field(None)

    # ----- the file -------------------------------------------------------------

    def set_file(self, text: str) -> LessonFile:
        """Show lesson file ``text`` with a fresh undo history; returns its parts.

        The details tab is shown when they cannot be read or had no closing line.
        """
        file = split_lesson_file(text)
        self._state = DetailsState.of(file)
        self.details.show_state(self._state)
        self.text_edit.setPlainText(file.body)
        self.history.clear()
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.setCurrentWidget(self.text_edit if self._state.readable and file.closed
                              else self.details)
        return file

    def text(self) -> str:
        """The lesson file as edited: the details, then the text."""
        return self._state.text(self.text_edit.toPlainText())

    def replace_text(self, text: str) -> None:
        """Make the whole lesson file ``text`` as one undoable step, changing only what differs.

        The cursor and the scroll position stay where they were when the
        change is elsewhere (a checker's text fix on one line, say).
        """
        file = split_lesson_file(text)
        state = DetailsState.of(file)
        details_differ = state.text("") != self._state.text("")
        body_differs = file.body != self.text_edit.toPlainText()
        if not (details_differ or body_differs):
            return
        with self.history.group(self.tr("Change the lesson")):
            if details_differ:
                self.change(state)
            if body_differs:
                self._replace_body(file.body)

    def _replace_body(self, text: str) -> None:
        # Compared as Qt counts positions (an emoji takes two): lessons/document_positions.py.
        old, text = one_per_position(self.text_edit.toPlainText()), one_per_position(text)
        start = 0
        limit = min(len(old), len(text))
        while start < limit and old[start] == text[start]:
            start += 1
        end_old, end_new = len(old), len(text)
        while end_old > start and end_new > start and old[end_old - 1] == text[end_new - 1]:
            end_old -= 1
            end_new -= 1
        scroll = self.text_edit.verticalScrollBar().value()
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end_old, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(readable(text[start:end_new]))
        self.text_edit.verticalScrollBar().setValue(scroll)

    def is_modified(self) -> bool:
        """Whether the lesson differs from the one opened or last saved (Undo back counts)."""
        return not self.history.is_clean()

    def current_line(self) -> int:
        """The 1-based line of the file the text cursor is on."""
        return self._state.lines_before_body() + self.text_edit.textCursor().blockNumber() + 1

    def is_details_line(self, line: int) -> bool:
        """Whether file line ``line`` is in the details (or the lines around them)."""
        return line < self._state.closing_line()

    def text_line(self, line: int) -> int:
        """The line of the lesson text that file line ``line`` is (1 for the first)."""
        return max(1, line - self._state.lines_before_body())

    def details_line(self, line: int) -> int:
        """The line of the details that file line ``line`` is (1 for their first)."""
        return max(1, line - self._state.details_first_line() + 1)

    def go_to_line(self, line: int) -> None:
        """Show file line ``line``: in the lesson text, or its field in the details."""
        if self.is_details_line(line):
            self.setCurrentWidget(self.details)
            within = self.details_line(line)
            if self.details.showing_text():
                self.details.focus_source_line(within)
            else:
                self.details.focus_field(field_at_line(self._state.yaml(), within))
            return
        self.setCurrentWidget(self.text_edit)
        block = self.text_edit.document().findBlockByNumber(self.text_line(line) - 1)
        if not block.isValid():
            block = self.text_edit.document().lastBlock()
        self.text_edit.setTextCursor(QTextCursor(block))
        self.text_edit.centerCursor()
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- the details ----------------------------------------------------------

    def details_state(self) -> DetailsState:
        """The details as they are now (see lessons.lesson_details.DetailsState)."""
        return self._state

    def change(self, state: DetailsState, key: str = "") -> None:
        """Make the details ``state`` as a step of undo (``key``: a run of typing merges)."""
        if state != self._state:
            self.history.change_details(self._state, state, key)

    def show_details_as_form(self) -> bool:
        """Show details typed as text in the form again, once they can be read (one step)."""
        form = self._state.as_form() if not self._state.readable else None
        if form is None:
            return False
        self.change(form)
        self.details.focus_field(None)
        return True

    def show_details_as_text(self) -> bool:
        """Show the details as text, to fix there what the form cannot change (one step).

        The cursor goes to the first field the form leaves as it is.
        """
        state = self._state
        if not state.readable:
            return False
        source = state.yaml()
        first = state.unreadable[0][0] if state.unreadable else None
        self.change(state.with_source(source))
        self.details.focus_source_line((field_line(source, first) if first else None) or 1)
        return True

    def _show_state(self, state: DetailsState) -> None:
        """Show ``state`` (a change, or an Undo or Redo of one)."""
        self._state = state
        self.details.show_state(state)
        self.changed.emit()

    def _stepped(self, step: object, _undone: bool) -> None:
        """After Undo or Redo, show the tab where the change was."""
        page = self.details if isinstance(step, DetailsStep) else self.text_edit
        if self.currentWidget() is page:
            return
        focus = QApplication.focusWidget()
        self.setCurrentWidget(page)
        if focus is None or not focus.isVisible():
            if page is self.details:
                self.details.focus_field(step.key or None)
            else:
                self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
