"""The lesson editor: a lesson's text and details beside a live, adapted preview.

On the left, two tabs (widgets/lesson_file_pane.py): "Lesson text", the
lesson's Markdown body, with a toolbar for the formatting a lesson uses
(sections, sub-sections, bulleted and numbered lists, bold;
widgets/markdown_formatting.py makes these edits at the cursor), and
"Lesson details", a form for the details at the top of the file (title,
subject, key stage, year group, needs, key words…;
widgets/lesson_details_form.py), so teachers never edit YAML. When the
details cannot be read, that tab shows them as text with the problem in one
sentence, to fix there. lessons/lesson_details.py cuts the file in two and
writes the details back, changing only the fields that changed.

On the right a :class:`LessonView` shows the lesson through the chosen
profile. The whole file (``text()``) is re-parsed with
``lessons.loader.parse_lesson_text`` a moment (``PREVIEW_DELAY_MS``) after
typing or a change in the form stops; the loader's problems are listed
below, and choosing one goes to its line or its field. Line numbers in the
API (``go_to_line``, ``current_line``, problems, the checker's findings)
are lines of the whole file.

Every change, in the text or the form, including a key word added from the
toolbar or a text fix from the checker (``replace_text``), is one step of a
single undo history (widgets/edit_history.py). "Save as new lesson" writes a
new file in the user's lesson folder (``lessons.new_lesson``) and never
overwrites any file, so the original lesson is never changed.

Dictation hooks, for a controller in ``app/``: ``insert_text_at_cursor(text)``
puts text where the cursor is in the lesson text, as one undoable step, and
``remove_insertion`` takes it out again ("scratch that");
``text_around_cursor`` gives the context and ``last_step`` the step Undo would
take back (so "undo that" undoes the phrase, not a change made since).

Questions go through ``ask_definition``, ``ask_lesson_name`` and
``show_message`` so tests can answer them without dialogs; a title another
lesson has already is asked about (``ask_same_title``, widgets/lesson_titles.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lessons.lesson_details import DetailsError, DetailsState, add_key_word
from lessons.library import scan_library
from lessons.loader import parse_lesson_text
from lessons.model import Lesson, LoadResult
from lessons.presets import default_preset
from lessons.profile import Profile
from widgets.announce import announce
from widgets.fonts import resolve_family
from widgets.lesson_editor_saving import SaveAsNew
from widgets.lesson_editor_toolbar import FormattingToolbar
from widgets.lesson_file_pane import LessonFilePane
from widgets.lesson_markup_highlighter import LessonMarkupHighlighter, MarkupKey, PictureGuard
from widgets.lesson_view import LessonView
from widgets.markdown_formatting import MarkdownFormatting
from widgets.named_questions import ask_text
from widgets.relative_font import set_relative_font
from widgets.text_insertion import (
    Insertion,
    insert_as_own_step,
    remove_insertion,
    text_around_cursor,
)
from widgets.value_label import ValueLabel

PREVIEW_DELAY_MS = 300
EDITOR_FONT = "Atkinson Hyperlegible"


def library_titles() -> list[str]:
    """The titles of the lessons in the library: the built-in ones and the user's own."""
    return [entry.title for entry in scan_library().entries if entry.lesson is not None]


class LessonEditor(FormattingToolbar, SaveAsNew, QWidget):
    """Edit a lesson's text and details with a live adapted preview.

    Signals: ``lesson_parsed(LoadResult)`` after each re-parse,
    ``saved(Path)`` after "Save as new lesson", ``cursor_line_changed(int)``,
    ``modification_changed(bool)`` when the lesson starts or stops differing
    from the one opened or last saved. The tool bar and formatting
    (widgets/lesson_editor_toolbar.py) and "Save as new lesson"
    (widgets/lesson_editor_saving.py) come from mixins.
    """

    lesson_parsed = Signal(object)
    saved = Signal(object)
    cursor_line_changed = Signal(int)
    modification_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Lesson editor"))
        self._source: Path | None = None
        self._result = LoadResult(None, ())
        self._profile = default_preset()
        # The titles "Save as new lesson" should not repeat: the library's (a window that
        # lists the library gives its own), and those saved from here since.
        self.library_titles: Callable[[], Iterable[str]] = library_titles
        self._saved_titles: list[str] = []

        self.pages = LessonFilePane()
        self.pages.changed.connect(lambda: self._timer.start())
        self.pages.modification_changed.connect(self.modification_changed)
        self.text_edit = self.pages.text_edit
        self.details = self.pages.details
        self.history = self.pages.history
        family = resolve_family(EDITOR_FONT).family
        for text in (self.text_edit, self.details.source):
            set_relative_font(text, least_pt=11.0, family=family)
        self.formatting = MarkdownFormatting(self.text_edit)
        # The Markdown drawn as the lesson's structure; a picture is removed only whole.
        self.highlighter = LessonMarkupHighlighter(self.text_edit)
        self.picture_guard = PictureGuard(self.text_edit)
        self.markup_key = MarkupKey(self.pages, self.text_edit)

        self.preview = LessonView()
        self.preview.setAccessibleName(self.tr("Preview of the adapted lesson"))
        self.preview.set_profile(self._profile)

        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems in the lesson file"))
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)  # a long problem wraps rather than running off the side
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        # A reader hears the message itself, also after it was announced (a fixed name,
        # "Editor message", stood in place of it).
        self.status = ValueLabel()
        self.status.setWordWrap(True)

        self._build_toolbar()
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.reparse_now)
        # The details as text at once with the sentence saying what is wrong in them.
        self.details.text_requested.connect(self.reparse_now)
        self.text_edit.cursorPositionChanged.connect(
            lambda: self.cursor_line_changed.emit(self.current_line()))

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pages, 1)
        column.addWidget(self.markup_key)  # under the lesson text, while it shows
        # Shown only while the file has mistakes, so it never sits beside the
        # checker's findings saying "no problems".
        self._problems_label = QLabel(self.tr("Pro&blems in the lesson file"))
        self._problems_label.setBuddy(self.problems)
        column.addWidget(self._problems_label)
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

    # ----- the text ---------------------------------------------------------

    def add_line_under_toolbar(self, widget: QWidget) -> None:
        """Show ``widget`` (a dictation line, say) between the tool bar and the text."""
        self.layout().insertWidget(1, widget)

    def set_text(self, text: str, source: str | Path | None = None) -> None:
        """Edit ``text`` (a whole lesson file); ``source`` is where it came from.

        The body goes in the text box and the details in the form (or, when
        they cannot be read, into the form's text box with the problem, and
        that tab is shown). Starts a fresh undo history; shows the preview at once.
        """
        self._source = Path(source) if source is not None else None
        file = self.pages.set_file(text)
        self.show_message("")
        if not file.closed:
            self.show_message(self.tr(
                "The details at the top of the file had no closing '---' line, so they are "
                "taken to end at the first empty line: check them under Lesson details."), "error")
        self.reparse_now()

    def text(self) -> str:
        """The lesson file as edited: the details, then the text."""
        return self.pages.text()

    def source(self) -> Path | None:
        """The file the text came from (never written to), or None."""
        return self._source

    def replace_text(self, text: str) -> None:
        """Make the whole lesson file ``text`` as one undoable step, changing only what differs.

        The cursor and the scroll position stay where they were when the
        change is elsewhere (a checker's text fix on one line, say).
        """
        self.pages.replace_text(text)

    def insert_text_at_cursor(self, text: str, back: int = 0) -> Insertion:
        """Insert ``text`` at the cursor (replacing any selection) as one undoable step,
        ``back`` characters before it (in front of typed spaces: a full stop said after
        "cats ").

        The hook for dictation: a controller in ``app/`` calls it with each
        finished phrase, and may take the phrase out again with ``remove_insertion``.
        """
        return insert_as_own_step(self.text_edit, text, back)

    def remove_insertion(self, insertion: Insertion) -> bool:
        """Take out text put in by ``insertion`` (one undoable step); False if edited since."""
        return remove_insertion(self.text_edit, insertion)

    def text_around_cursor(self) -> tuple[str, str]:
        """The lesson text before the cursor (or selection), and after it."""
        return text_around_cursor(self.text_edit)

    def is_modified(self) -> bool:
        """Whether the lesson differs from the one opened or last saved (Undo back counts)."""
        return self.pages.is_modified()

    def undo(self) -> None:
        """Undo the last change, in the text or the details."""
        self.history.undo()

    def redo(self) -> None:
        """Redo the change last undone."""
        self.history.redo()

    def last_step(self) -> object | None:
        """The step Undo would take back now, in the text or the details (compare with ``is``).

        A new object for every change, so a change made after an Undo is a
        different step from the one undone, though the history is as long.
        """
        return self.history.last_step()

    def current_line(self) -> int:
        """The 1-based line of the file the text cursor is on."""
        return self.pages.current_line()

    def go_to_line(self, line: int) -> None:
        """Show file line ``line``: in the lesson text, or its field in the details."""
        self.pages.go_to_line(line)

    def details_state(self) -> DetailsState:
        """The details as they are now (see lessons.lesson_details.DetailsState)."""
        return self.pages.details_state()

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
        """Parse the lesson now (not waiting for typing to stop) and refresh the preview."""
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
        state = self.details_state()
        if not state.readable:
            problem = next((p for p in result.problems if self.pages.is_details_line(p.line)),
                           None)
            if problem is None:
                self.details.show_problem(self.tr(
                    "The details can be read now: show them as a form again."), None,
                    state.as_form() is not None)
            else:
                self.details.show_problem(problem.message, self.pages.details_line(problem.line),
                                          state.as_form() is not None)
        self.lesson_parsed.emit(result)
        return result

    def _show_problems(self, result: LoadResult) -> None:
        self.problems.clear()
        for problem in result.problems:
            kind = self.tr("Error") if problem.severity == "error" else self.tr("Warning")
            # Lines of the lesson text as its box shows it; the details by name.
            if self.pages.is_details_line(problem.line):
                text = self.tr("{kind}, lesson details: {message}")
            else:
                text = self.tr("{kind}, line {line}: {message}")
            line = self.pages.text_line(problem.line)
            item = QListWidgetItem(text.format(kind=kind, line=line, message=problem.message))
            item.setData(Qt.ItemDataRole.UserRole, problem.line)
            self.problems.addItem(item)
        self._problems_label.setVisible(bool(result.problems))
        self.problems.setVisible(bool(result.problems))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(line, int) and line > 0:
            self.go_to_line(line)

    # ----- key words ---------------------------------------------------------

    def add_vocabulary_word(self, definition: str | None = None) -> bool:
        """Add the word selected in the lesson text to its key words, asking what it means.

        One undoable step; the key word shows under Lesson details. Returns
        False (with a message) when it cannot be added.
        """
        word = self.selected_word()
        if not word or "\n" in word:
            self.show_message(self.tr("Select a word in the lesson text first."), "error")
            return False
        state = self.details_state()
        if not state.readable:
            self.show_message(self.tr("The details at the top of the file cannot be read yet: "
                                      "fix them under Lesson details first."), "error")
            return False
        if state.reason("vocabulary"):
            # A key word added here would mean writing the key words again, without those
            # that could not be read.
            self.show_message(self.tr("Lesson Lab could not read all of this lesson's key "
                                      "words, so it cannot add one: fix them under Lesson "
                                      "details first (“Fix these details as text”)."), "error")
            return False
        if definition is None:
            definition = self.ask_definition(word)
            if definition is None:
                return False
        try:
            details = add_key_word(state.current, word, definition)
        except DetailsError as error:
            self.show_message(str(error), "error")
            return False
        self.pages.change(state.edited(details))
        self.show_message(self.tr("“{word}” is now a key word; what it means can be changed "
                                  "under Lesson details.").format(word=details.vocabulary[-1].word))
        self.reparse_now()
        return True

    # ----- questions (replaced in tests) --------------------------------------

    def ask_definition(self, word: str) -> str | None:
        """Ask for a key word's definition; None when the teacher cancels."""
        return ask_text(
            self, self.tr("Add a key word"),
            self.tr("A short, child-friendly definition of “{word}”:").format(word=word))

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show a message under the text (and tell a screen reader)."""
        prefix = self.tr("Problem: ") if kind == "error" and text else ""
        self.status.setText(prefix + text)
        if text:
            announce(self.status, prefix + text, assertive=kind == "error")
