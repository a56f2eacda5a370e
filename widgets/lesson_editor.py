"""The lesson editor: a lesson's Markdown beside a live, adapted preview.

On the left the lesson file as text, with a toolbar for the formatting a
lesson uses (sections, sub-sections, bulleted and numbered lists, bold, and
key words, which go into the front matter's vocabulary with a definition;
widgets/markdown_formatting.py makes these edits at the cursor);
on the right a :class:`LessonView` showing the text through the chosen
profile. The preview is re-parsed with ``lessons.loader.parse_lesson_text``
a moment (``PREVIEW_DELAY_MS``) after typing stops; the loader's problems are
listed below the text with their line numbers, and choosing one moves the
cursor there.

Every change, including a toolbar change or a text fix from the checker
(``replace_text``), is one step of undo. "Save as new lesson" writes a new
file in the user's lesson folder (``lessons.library.user_folder()``) and
never overwrites any file, so the original lesson is never changed.

Dictation hooks, for a controller in ``app/``: ``insert_text_at_cursor(text)``
puts text where the cursor is, as one undoable step, and ``remove_insertion``
takes it out again ("scratch that"); ``text_around_cursor`` gives the context.

Questions go through ``ask_definition``, ``ask_lesson_name`` and
``show_message`` so tests can answer them without dialogs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lessons.library import user_folder
from lessons.loader import parse_lesson_text
from lessons.model import Image, Lesson, LoadResult
from lessons.presets import default_preset
from lessons.profile import Profile
from widgets.announce import announce
from widgets.fitting_toolbar import FittingToolBar
from widgets.fonts import resolve_family
from widgets.lesson_markup import MarkupError, yaml_scalar
from widgets.lesson_view import LessonView
from widgets.markdown_formatting import MarkdownFormatting
from widgets.text_insertion import (
    Insertion,
    insert_as_own_step,
    remove_insertion,
    text_around_cursor,
)

PREVIEW_DELAY_MS = 300
EDITOR_FONT = "Atkinson Hyperlegible"
_TITLE = re.compile(r"^title[ \t]*:.*$", re.MULTILINE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonEditor", text)


def file_slug(name: str) -> str:
    """A file name stem: "The water cycle (adapted)" -> "the-water-cycle-adapted"."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:60].strip("-")
    return slug or "lesson"


def new_lesson_path(folder: Path, name: str) -> Path:
    """A path in ``folder`` for a lesson called ``name`` that no file has yet."""
    stem = file_slug(name)
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    return path


class LessonEditor(QWidget):
    """Edit a lesson's Markdown with a live adapted preview.

    Signals: ``lesson_parsed(LoadResult)`` after each re-parse of the text,
    ``saved(Path)`` after "Save as new lesson", ``cursor_line_changed(int)``.
    """

    lesson_parsed = Signal(object)
    saved = Signal(object)
    cursor_line_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Lesson editor"))
        self._source: Path | None = None
        self._result = LoadResult(None, ())
        self._profile = default_preset()

        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Lesson text (Markdown)"))
        self.text_edit.setAccessibleDescription(self.tr(
            "The lesson file. The preview beside it shows the lesson as pupils will see it."))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(resolve_family(EDITOR_FONT).family)
        font.setPointSizeF(max(self.font().pointSizeF(), 11.0))
        self.text_edit.setFont(font)
        self.formatting = MarkdownFormatting(self.text_edit)

        self.preview = LessonView()
        self.preview.setAccessibleName(self.tr("Preview of the adapted lesson"))
        self.preview.set_profile(self._profile)

        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems in the lesson file"))
        self.problems.setMaximumHeight(110)
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Editor message"))

        # Short labels when the full ones do not fit (200% beside the checker), so no
        # command hides behind the tool bar's ».
        self.toolbar = FittingToolBar(self.tr("Formatting"))
        self.toolbar.setAccessibleName(self.tr("Formatting"))
        self.heading_action = self._action(self.tr("Section heading"), "Ctrl+2",
                                           lambda: self.make_heading(2), self.tr("Heading"))
        self.subheading_action = self._action(self.tr("Sub-heading"), "Ctrl+3",
                                              lambda: self.make_heading(3))
        self.bullets_action = self._action(self.tr("Bulleted list"), "Ctrl+Shift+8",
                                           lambda: self.make_list(numbered=False),
                                           self.tr("Bullets"))
        self.numbers_action = self._action(self.tr("Numbered list"), "Ctrl+Shift+7",
                                           lambda: self.make_list(numbered=True),
                                           self.tr("Numbers"))
        self.bold_action = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold,
                                        self.make_bold)
        self.vocabulary_action = self._action(self.tr("Key word…"), "Ctrl+K",
                                              self.add_vocabulary_word)
        self.toolbar.addSeparator()
        self.undo_action = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo,
                                        self.undo)
        self.redo_action = self._action(self.tr("Redo"), QKeySequence.StandardKey.Redo,
                                        self.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.text_edit.undoAvailable.connect(self.undo_action.setEnabled)
        self.text_edit.redoAvailable.connect(self.redo_action.setEnabled)
        self.toolbar.addSeparator()
        self.save_action = self._action(self.tr("Save as new lesson…"),
                                        QKeySequence.StandardKey.SaveAs, self.save_as_new,
                                        self.tr("Save as new…"))

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        text_label = QLabel(self.tr("Lesson &text"))
        text_label.setBuddy(self.text_edit)
        column.addWidget(text_label)
        column.addWidget(self.text_edit, 1)
        problems_label = QLabel(self.tr("P&roblems"))
        problems_label.setBuddy(self.problems)
        column.addWidget(problems_label)
        column.addWidget(self.problems)
        column.addWidget(self.status)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("Pre&view, as pupils will see it"))
        preview_label.setBuddy(self.preview)
        column.addWidget(preview_label)
        column.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.reparse_now)
        self.text_edit.textChanged.connect(self._timer.start)
        self.text_edit.cursorPositionChanged.connect(
            lambda: self.cursor_line_changed.emit(self.current_line()))

    def _action(self, text: str, shortcut, slot, short: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({keys})" if keys else text)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        if short:
            self.toolbar.set_short_text(action, short)
        self.addAction(action)
        return action

    # ----- the text ---------------------------------------------------------

    def add_line_under_toolbar(self, widget: QWidget) -> None:
        """Show ``widget`` (a dictation line, say) between the tool bar and the text."""
        self.layout().insertWidget(1, widget)

    def set_text(self, text: str, source: str | Path | None = None) -> None:
        """Edit ``text`` (a whole lesson file); ``source`` is where it came from.

        Starts a fresh undo history and shows the preview at once.
        """
        self._source = Path(source) if source is not None else None
        self.text_edit.setPlainText(text)
        self.text_edit.document().clearUndoRedoStacks()
        self.text_edit.document().setModified(False)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.reparse_now()

    def text(self) -> str:
        """The lesson file as edited."""
        return self.text_edit.toPlainText()

    def source(self) -> Path | None:
        """The file the text came from (never written to), or None."""
        return self._source

    def replace_text(self, text: str) -> None:
        """Make the text ``text`` as one undoable step, changing only what differs.

        The cursor and the scroll position stay where they were when the
        change is elsewhere (a checker's text fix on one line, say).
        """
        old = self.text()
        if text == old:
            return
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
        cursor.insertText(text[start:end_new])
        self.text_edit.verticalScrollBar().setValue(scroll)

    def insert_text_at_cursor(self, text: str) -> Insertion:
        """Insert ``text`` at the cursor (replacing any selection) as one undoable step.

        The hook for dictation: a controller in ``app/`` calls it with each
        finished phrase, and may take the phrase out again with ``remove_insertion``.
        """
        return insert_as_own_step(self.text_edit, text)

    def remove_insertion(self, insertion: Insertion) -> bool:
        """Take out text put in by ``insertion`` (one undoable step); False if edited since."""
        return remove_insertion(self.text_edit, insertion)

    def text_around_cursor(self) -> tuple[str, str]:
        """The file's text before the cursor (or selection), and after it."""
        return text_around_cursor(self.text_edit)

    def is_modified(self) -> bool:
        """Whether the text differs from the file opened or last saved (Undo back counts)."""
        return self.text_edit.document().isModified()

    def undo(self) -> None:
        """Undo the last change."""
        self.text_edit.undo()

    def redo(self) -> None:
        """Redo the change last undone."""
        self.text_edit.redo()

    def current_line(self) -> int:
        """The 1-based line of the file the cursor is on."""
        return self.text_edit.textCursor().blockNumber() + 1

    def go_to_line(self, line: int) -> None:
        """Move the cursor to the start of file line ``line`` and show it."""
        block = self.text_edit.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.text_edit.document().lastBlock()
        cursor = QTextCursor(block)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.centerCursor()
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- the preview ------------------------------------------------------

    def set_profile(self, profile: Profile) -> None:
        """Show the preview through ``profile``."""
        self._profile = profile
        self.preview.set_profile(profile)

    def profile(self) -> Profile:
        """The profile the preview uses."""
        return self._profile

    def result(self) -> LoadResult:
        """The last parse of the text: the lesson (None when it cannot be built) and problems."""
        return self._result

    def lesson(self) -> Lesson | None:
        """The lesson as last parsed, or None when the text cannot be read as a lesson."""
        return self._result.lesson

    def reparse_now(self) -> LoadResult:
        """Parse the text now (not waiting for typing to stop) and refresh the preview."""
        self._timer.stop()
        result = parse_lesson_text(self.text(), self._source)
        self._result = result
        if result.lesson is not None:
            bar = self.preview.verticalScrollBar()
            span = bar.maximum() - bar.minimum()
            fraction = (bar.value() - bar.minimum()) / span if span > 0 else 0.0
            self.preview.set_lesson(result.lesson)
            # Keep the reader's place while the teacher types.
            bar.setValue(bar.minimum() + round(fraction * (bar.maximum() - bar.minimum())))
        self._show_problems(result)
        self.lesson_parsed.emit(result)
        return result

    def _show_problems(self, result: LoadResult) -> None:
        self.problems.clear()
        for problem in result.problems:
            kind = self.tr("Error") if problem.severity == "error" else self.tr("Warning")
            item = QListWidgetItem(self.tr("{kind}, line {line}: {message}").format(
                kind=kind, line=problem.line, message=problem.message))
            item.setData(Qt.ItemDataRole.UserRole, problem.line)
            self.problems.addItem(item)
        if not result.problems:
            self.problems.addItem(QListWidgetItem(self.tr("No problems found.")))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(line, int) and line > 0:
            self.go_to_line(line)

    # ----- formatting (the edits themselves: widgets/markdown_formatting.py) ----

    def make_heading(self, level: int = 2) -> None:
        """Make the lines at the cursor a section (2) or sub-section (3) heading, or plain again."""
        self.formatting.make_heading(level)

    def make_list(self, numbered: bool = False) -> None:
        """Make the lines at the cursor a bulleted or numbered list, or plain again."""
        self.formatting.make_list(numbered)

    def make_bold(self) -> None:
        """Wrap the selection in ``** **`` (or unwrap it); with none, type between the stars."""
        self.formatting.make_bold()

    def selected_word(self) -> str:
        """The selected text, or the word at the cursor when nothing is selected."""
        return self.formatting.selected_word()

    def add_vocabulary_word(self, definition: str | None = None) -> bool:
        """Add the selected word to the lesson's key words, asking for its definition.

        The entry goes into the front matter's ``vocabulary:`` as one undoable
        step. Returns False (with a message) when it cannot be added.
        """
        word = self.selected_word()
        if not word or "\n" in word:
            self.show_message(self.tr("Select a word in the lesson text first."), "error")
            return False
        if definition is None:
            definition = self.ask_definition(word)
            if definition is None:
                return False
        try:
            edit = self.formatting.add_key_word(word, definition)
        except MarkupError as error:
            self.show_message(str(error), "error")
            return False
        self.show_message(self.tr("“{word}” is now a key word (line {line}).").format(
            word=word, line=edit.line))
        self.reparse_now()
        return True

    # ----- saving -----------------------------------------------------------

    def save_as_new(self, name: str | None = None) -> Path | None:
        """Save the text as a new lesson in the user's lesson folder; never overwrites.

        ``name`` becomes the lesson's title and file name (asked for when
        None). Pictures the lesson uses are copied beside it when the folder
        has none of that name. Returns the new file, or None when nothing was
        saved.
        """
        result = self.reparse_now()
        if result.lesson is None:
            self.show_message(self.tr("The lesson cannot be saved yet: fix the errors listed "
                                      "under Problems first."), "error")
            return None
        if name is None:
            name = self.ask_lesson_name(self.tr("{title} (adapted)").format(
                title=result.lesson.title))
        name = " ".join((name or "").split())
        if not name:
            return None
        folder = user_folder()
        text = _TITLE.sub(lambda _m: f"title: {yaml_scalar(name)}", self.text(), count=1)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = new_lesson_path(folder, name)
            # "x": fail rather than replace a file that appeared since the check.
            with open(path, "x", encoding="utf-8", newline="") as stream:
                stream.write(text)
            self._copy_pictures(result.lesson, folder)
        except OSError as error:
            self.show_message(self.tr("The lesson could not be saved: {reason}.").format(
                reason=error.strerror or error), "error")
            return None
        self.text_edit.document().setModified(False)
        self.show_message(self.tr("Saved as a new lesson: {path}").format(path=path))
        self.saved.emit(path)
        return path

    def _copy_pictures(self, lesson: Lesson, folder: Path) -> None:
        if self._source is None:
            return
        base = self._source.parent.resolve()
        for section in lesson.sections:
            for block in section.blocks:
                if not isinstance(block, Image) or block.path is None:
                    continue
                relative = Path(block.src)
                if relative.is_absolute() or ".." in relative.parts:
                    continue
                target = folder / relative
                if target.exists() or not (base / relative).is_file():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(base / relative, target)

    # ----- questions (replaced in tests) --------------------------------------

    def ask_definition(self, word: str) -> str | None:
        """Ask for a key word's definition; None when the teacher cancels."""
        text, ok = QInputDialog.getText(
            self, self.tr("Add a key word"),
            self.tr("A short, child-friendly definition of “{word}”:").format(word=word))
        return text if ok else None

    def ask_lesson_name(self, suggestion: str) -> str | None:
        """Ask what to call the new lesson; None when the teacher cancels."""
        text, ok = QInputDialog.getText(
            self, self.tr("Save as new lesson"),
            self.tr("Name of the new lesson (the original is not changed):"), text=suggestion)
        return text if ok else None

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show a message under the text (and tell a screen reader)."""
        prefix = self.tr("Problem: ") if kind == "error" else ""
        self.status.setText(prefix + text)
        announce(self.status, prefix + text, assertive=kind == "error")
