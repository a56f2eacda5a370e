"""The "Lesson details" form: a lesson's title, subject, key stage and the rest.

Teachers set the details at the top of a lesson file here instead of typing
YAML (the lesson editor, widgets/lesson_editor.py, shows the body as text
beside it). Every field has a label with its own Alt letter and a name for
screen readers, and Tab goes down the form in the order it shows.

Each change the teacher makes comes out as ``details_edited(details, key)``
with all the details as they now are; ``key`` names the field being typed in
(so the editor can make a run of typing one step of undo), or is "" for a
choice made at once. ``show_state`` shows a :class:`DetailsState` without
signalling, changing only the fields that differ, so the field being typed
in keeps its cursor.

When the details cannot be read (YAML that does not parse), the form gives
way to the details as plain text with the problem in one sentence above
them; edits there come out as ``source_edited(text)``, and once the text can
be read "Show these details as a form" sends ``form_requested``.

A field whose text could not all be read (key words written in a way
Lesson Lab does not know, say) is read-only, with a note under it saying
why: changing it in the form would lose what could not be read. "Fix these
details as text", at the top of the form then, sends ``text_requested``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lessons.front_matter import KEY_STAGES
from lessons.lesson_details import NEED_CHOICES, DetailsState, LessonDetails
from widgets.announce import announce
from widgets.key_words_table import KeyWordsTable
from widgets.value_label import ValueLabel

SUBJECTS = ("Art and design", "Citizenship", "Computing", "Design and technology", "English",
            "English Literature", "Geography", "History", "Languages", "Maths", "Music", "PE",
            "PSHE", "RE", "Science")
YEAR_GROUPS = ("Reception", *(f"Year {n}" for n in range(1, 14)))
KEY_STAGE_NAMES = {"EYFS": "EYFS (nursery and Reception)", "KS1": "KS1 (Years 1 and 2)",
                   "KS2": "KS2 (Years 3 to 6)", "KS3": "KS3 (Years 7 to 9)",
                   "KS4": "KS4 (Years 10 and 11)", "KS5": "KS5 (Years 12 and 13)"}
LONGEST_LESSON_MINUTES = 600


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonDetailsForm", text)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


class LessonDetailsForm(QWidget):
    """The details at the top of a lesson as a form (or as text while they cannot be read)."""

    details_edited = Signal(object, str)  # LessonDetails, merge key
    source_edited = Signal(str)
    form_requested = Signal()
    text_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Lesson details"))
        self._details = LessonDetails()
        self._showing = False
        self._locked: dict[str, str] = {}  # field -> why it cannot be changed here
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_text_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ----- building -------------------------------------------------------------

    def _build_form(self) -> QScrollArea:
        self.title = QLineEdit()
        self.title.setPlaceholderText(_tr("The lesson's title (needed)"))
        self.subject = QComboBox()
        self.subject.setEditable(True)
        self.subject.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.subject.addItems(["", *SUBJECTS])
        self.subject.lineEdit().setPlaceholderText(_tr("Choose or type a subject"))
        self.key_stage = QComboBox()
        self.key_stage.addItem(_tr("Not set"), "")
        for stage in KEY_STAGES:
            self.key_stage.addItem(KEY_STAGE_NAMES.get(stage, stage), stage)
        self.year_group = QComboBox()
        self.year_group.addItem(_tr("Not set"), "")
        for year in YEAR_GROUPS:
            self.year_group.addItem(year, year)
        self.duration = QSpinBox()
        self.duration.setRange(0, LONGEST_LESSON_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(_tr("Not set"))
        self.duration.setSuffix(_tr(" minutes"))
        self.needs = QListWidget()
        self.needs.setAccessibleDescription(_tr("Tick each need this lesson is adapted for."))
        self.needs.setWordWrap(True)
        for tag, name in NEED_CHOICES:
            self._add_need(tag, name)
        # Five needs in sight whatever the text size; the form scrolls rather than squeeze it.
        self.needs.setMinimumHeight(self.needs.sizeHintForRow(0) * 5 + 2 * self.needs.frameWidth())
        self.objectives = self._text_box(_tr("One objective on each line."))
        self.key_words = KeyWordsTable()
        self.notes = self._text_box(_tr("For teaching assistants and other adults."))
        # Room for a presentation's speaker notes, which an import puts here, slide by
        # slide: the box grows with its text, from 6 lines to 16, then scrolls.
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 16)
        self.notes.textChanged.connect(self._fit_notes)
        self._fit_notes()

        form = QFormLayout()
        # Labels above their fields: the form stays narrow at a large interface size.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        # ValueLabels here: a reader hears what they say after their caption (a fixed
        # name stood in place of it; Qt gives a label no Text interface over AT-SPI).
        self.unread = ValueLabel(_tr("Details the form leaves as they are"))
        self.unread.setWordWrap(True)
        self.text_button = QPushButton(_tr("Fix these details as te&xt"))
        self.text_button.clicked.connect(self.text_requested)
        form.addRow(self.unread)
        form.addRow(self.text_button)
        self._labels: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}
        for name, text, widget in (
                ("title", _tr("T&itle"), self.title),
                ("subject", _tr("&Subject"), self.subject),
                ("key_stage", _tr("&Key stage"), self.key_stage),
                ("year_group", _tr("&Year group"), self.year_group),
                ("duration_minutes", _tr("Length of the lesson (&minutes)"), self.duration),
                ("needs", _tr("Pupils' &needs it is adapted for"), self.needs),
                ("objectives", _tr("&Learning objectives (one on each line)"), self.objectives)):
            self._add_row(form, name, text, widget)
        form.addRow(self.key_words)
        self._labels["vocabulary"] = self.key_words.label
        self._add_note(form, "vocabulary")
        # Alt+F is the editor window's File menu; U and H below are free in both windows.
        self._add_row(form, "notes_for_adults", _tr("Notes for ad&ults"), self.notes)
        self._descriptions = {name: self.field(name).accessibleDescription()
                              for name in self._labels}
        self._apply_locked({})
        page = QWidget()
        page.setLayout(form)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take Tab, not the frame

        self.title.textEdited.connect(lambda text: self._edited("title", text.strip(), "title"))
        self.subject.lineEdit().textEdited.connect(
            lambda text: self._edited("subject", text.strip(), "subject"))
        self.subject.activated.connect(
            lambda _i: self._edited("subject", self.subject.currentText().strip()))
        self.key_stage.activated.connect(
            lambda _i: self._edited("key_stage", self.key_stage.currentData()))
        self.year_group.activated.connect(
            lambda _i: self._edited("year_group", self.year_group.currentData()))
        self.duration.valueChanged.connect(
            lambda value: self._edited("duration_minutes", value or None, "duration_minutes"))
        self.needs.itemChanged.connect(lambda _item: self._edited("needs", self._needs()))
        self.objectives.textChanged.connect(lambda: self._edited(
            "objectives", _lines(self.objectives.toPlainText()), "objectives"))
        self.key_words.entries_edited.connect(lambda entries: self._edited("vocabulary", entries))
        self.notes.textChanged.connect(lambda: self._edited(
            "notes_for_adults", self.notes.toPlainText().strip(), "notes_for_adults"))
        return self.scroll

    def _build_text_page(self) -> QWidget:
        self.problem = ValueLabel(_tr("Problem with the lesson details"))
        self.problem.setWordWrap(True)
        self.source = self._text_box(_tr("The details at the top of the lesson file, as "
                                         "written in it: lines of 'name: value'."))
        self.source.setMaximumHeight(16777215)  # as tall as the tab: it is all there is here
        self.source.textChanged.connect(
            lambda: None if self._showing else self.source_edited.emit(self.source.toPlainText()))
        source_label = QLabel(_tr("The details as te&xt"))
        source_label.setBuddy(self.source)
        self.source.setAccessibleName(_tr("The details as text"))
        self.form_button = QPushButton(_tr("S&how these details as a form"))
        self.form_button.clicked.connect(self.form_requested)
        self.form_button.setEnabled(False)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problem, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(source_label, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.source, 1)
        column.addWidget(self.form_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _fit_notes(self) -> None:
        lines = self.notes.document().lineCount() + 1
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * min(max(lines, 6), 16))

    def _text_box(self, description: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setUndoRedoEnabled(False)  # the editor keeps one history for the whole lesson
        box.setAccessibleDescription(description)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * 4)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * 7)
        return box

    def _add_row(self, form: QFormLayout, name: str, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", ""))
        self._labels[name] = label
        form.addRow(label, widget)
        self._add_note(form, name)

    def _add_note(self, form: QFormLayout, name: str) -> None:
        """A note under field ``name``, shown when it cannot be changed here."""
        note = ValueLabel(_tr("About this detail"))
        note.setWordWrap(True)
        self._notes[name] = note
        form.addRow(note)

    def _add_need(self, tag: str, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, tag)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.needs.addItem(item)
        return item

    # ----- showing ----------------------------------------------------------------

    def show_state(self, state: DetailsState) -> None:
        """Show ``state``: the form, or the details as text when they cannot be read."""
        self._showing = True
        try:
            if state.current is None:
                if self.source.toPlainText() != (state.source or ""):
                    self.source.setPlainText(state.source or "")
                self.stack.setCurrentIndex(1)
            else:
                self._show_locked(dict(state.unreadable))
                self._show_details(state.current)
                self.stack.setCurrentIndex(0)
        finally:
            self._showing = False

    def locked_fields(self) -> dict[str, str]:
        """Field -> why it cannot be changed here (its text could not all be read)."""
        return dict(self._locked)

    def _show_locked(self, locked: dict[str, str]) -> None:
        """Make the fields in ``locked`` read-only with a note; the others editable."""
        if locked != self._locked:
            self._apply_locked(locked)

    def _apply_locked(self, locked: dict[str, str]) -> None:
        self._locked = dict(locked)
        for name, note in self._notes.items():
            reason = locked.get(name)
            text = _tr("Lesson Lab could not read all of this, so the form leaves it as it is "
                       "in the file. {reason} To change it, choose “Fix these details as "
                       "text” at the top.").format(reason=reason) if reason else ""
            note.setText(text)
            note.setVisible(bool(reason))
            widget = self.field(name)
            widget.setAccessibleDescription(text or self._descriptions.get(name, ""))
            if name == "vocabulary":
                self.key_words.set_read_only(bool(reason), text)
            elif isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                widget.setReadOnly(bool(reason))
            elif name == "needs":
                for row in range(self.needs.count()):
                    self._let_tick(self.needs.item(row), not reason)
            else:
                widget.setEnabled(not reason)  # a list to choose from has no read-only
        names = [self.label(name).text().replace("&", "") for name in self._labels
                 if name in locked]
        self.unread.setText(_tr("Lesson Lab could not read all of these details, so the form "
                                "leaves them as they are in the file: {names}.").format(
            names=", ".join(names)) if names else "")
        self.unread.setVisible(bool(names))
        self.text_button.setVisible(bool(names))

    @staticmethod
    def _let_tick(item: QListWidgetItem, allowed: bool) -> None:
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable if allowed else \
            item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable
        if flags != item.flags():
            item.setFlags(flags)

    def showing_text(self) -> bool:
        """True when the details show as text (they could not be read)."""
        return self.stack.currentIndex() == 1

    def show_problem(self, message: str, line: int | None, readable: bool) -> None:
        """The sentence above the details as text, and the ``line`` of them it is about.

        ``readable``: they can be read now, so "Show these details as a form" is offered.
        """
        if line is not None:
            message = _tr("Line {line}: {message}").format(line=line, message=message)
        if message != self.problem.text():
            self.problem.setText(message)
            announce(self.problem, message, assertive=not readable)
        self._mark_line(line)
        self.form_button.setEnabled(readable)

    def _mark_line(self, line: int | None) -> None:
        """Shade the line of the details the problem is on."""
        marks = []
        block = self.source.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(self.palette().color(QPalette.ColorRole.Highlight)
                                      .lighter(170))
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            mark.cursor = QTextCursor(block)
            marks.append(mark)
        self.source.setExtraSelections(marks)

    def details(self) -> LessonDetails:
        """The details the form shows."""
        return self._details

    def _show_details(self, details: LessonDetails) -> None:
        self._details = details
        if self.title.text().strip() != details.title:
            self.title.setText(details.title)
        if self.subject.currentText().strip() != details.subject:
            self.subject.setCurrentText(details.subject)
        _choose(self.key_stage, details.key_stage)
        _choose(self.year_group, details.year_group)
        if (self.duration.value() or None) != details.duration_minutes:
            self.duration.setValue(min(details.duration_minutes or 0, LONGEST_LESSON_MINUTES))
        self._show_needs(details.needs)
        if _lines(self.objectives.toPlainText()) != details.objectives:
            self.objectives.setPlainText("\n".join(details.objectives))
        self.key_words.set_entries(details.vocabulary)
        if self.notes.toPlainText().strip() != details.notes_for_adults:
            self.notes.setPlainText(details.notes_for_adults)

    def _needs(self) -> tuple[str, ...]:
        items = (self.needs.item(row) for row in range(self.needs.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def _show_needs(self, needs: tuple[str, ...]) -> None:
        known = {self.needs.item(row).data(Qt.ItemDataRole.UserRole): self.needs.item(row)
                 for row in range(self.needs.count())}
        for tag in needs:
            if tag not in known:  # a need Lesson Lab does not know: kept, as written
                known[tag] = self._add_need(tag, tag)
                self._let_tick(known[tag], "needs" not in self._locked)
        for tag, item in known.items():
            item.setCheckState(Qt.CheckState.Checked if tag in needs else
                               Qt.CheckState.Unchecked)

    def _edited(self, name: str, value: object, key: str = "") -> None:
        if self._showing or name in self._locked or getattr(self._details, name) == value:
            return
        self._details = replace(self._details, **{name: value})
        self.details_edited.emit(self._details, key)

    # ----- finding a field ---------------------------------------------------------

    def field(self, name: str) -> QWidget:
        """The widget that edits field ``name`` (the key words' table for "vocabulary")."""
        widgets = {"title": self.title, "subject": self.subject, "key_stage": self.key_stage,
                   "year_group": self.year_group, "duration_minutes": self.duration,
                   "needs": self.needs, "objectives": self.objectives,
                   "vocabulary": self.key_words.table, "notes_for_adults": self.notes}
        return widgets[name]

    def label(self, name: str) -> QLabel:
        """The label of field ``name``."""
        return self._labels[name]

    def note(self, name: str) -> QLabel:
        """The note under field ``name`` (shown when it cannot be changed here)."""
        return self._notes[name]

    def focus_field(self, name: str | None) -> None:
        """Put the cursor in field ``name`` (the title when None or unknown) and show it."""
        if self.showing_text():
            self.source.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = self.field(name if name in self._labels else "title")
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            widget.selectAll()  # typing replaces what is there, as after Tab
        note = self._notes.get(name or "title")
        if note is not None and note.isVisibleTo(self):
            self.scroll.ensureWidgetVisible(note)  # why it cannot be changed here
        self.scroll.ensureWidgetVisible(self._labels.get(name or "title", widget))
        self.scroll.ensureWidgetVisible(widget)

    def focus_source_line(self, line: int) -> None:
        """Put the cursor at the start of line ``line`` of the details as text."""
        block = self.source.document().findBlockByNumber(max(0, line - 1))
        if block.isValid():
            cursor = self.source.textCursor()
            cursor.setPosition(block.position())
            self.source.setTextCursor(cursor)
        self.source.setFocus(Qt.FocusReason.OtherFocusReason)


def _choose(combo: QComboBox, value: str) -> None:
    """Choose the item whose data is ``value``, adding one for a value not in the list."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value, value)  # kept as the file has it ("Year 4 and 5", say)
        index = combo.count() - 1
    if combo.currentIndex() != index:
        combo.setCurrentIndex(index)
