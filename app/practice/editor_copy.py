"""The lesson editor's File › Save a copy as… (F12): the lesson as it reads now, anywhere.

"Save as new lesson" writes only into the user's lesson folder in the data
folder. When that disk is full or read-only, or a teacher wants to keep or
share an adapted lesson (a USB stick, a shared drive), this saves a copy
wherever the teacher chooses:

- as a lesson file (.md), the editor's text exactly as it reads now, in
  Lesson Lab's own format (lessons/FORMAT.md), with the pictures it uses
  copied beside it when that folder has none of that name, so File › Open
  shows the same lesson from the copy;
- or as a Word document (.docx) in the preview's profile, as the main
  window's File › Export Word document makes one (app/docx_export.py).

The dialog (widgets/save_as.py: the ending added, a file replaced only when
the teacher says so) opens in the folder last used for lessons, as File ›
Open does (app/recent_folders.py, kind "lessons"), and remembers the folder
chosen. The file is written whole or not at all (lessons/atomic_file.py); a
folder that has gone is not made again (it was a USB stick taken out), and
a failure is one plain sentence (lessons/save_problem.py) with nothing lost:
the text stays in the editor. A copy is only a copy: the editor goes on
editing the lesson it opened, and its changes still count as unsaved; nor
does a copy ever replace the file the editor opened (a built-in lesson, say).

F12, Word's key for Save As: Ctrl+Shift+S, the usual one, is the system's
Save As key, which "Save as new lesson" already has.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from app.recent_folders import remember, start_path
from lessons.atomic_file import write_text_atomically
from lessons.file_names import safe_file_name_part
from lessons.model import Lesson
from lessons.new_lesson import copy_pictures
from lessons.save_problem import save_problem
from widgets.save_as import ask_save_as

if TYPE_CHECKING:
    from app.practice.editor_window import LessonEditorWindow
    from app.settings import AppSettings

LESSONS = "lessons"  # app/recent_folders.py's kind: where File › Open looks for lessons too
MARKDOWN, WORD = "md", "docx"
COPY_KEY = "F12"


class LessonCopy(QObject):
    """The "Save a copy as…" action of one editor window, and the saving it does."""

    def __init__(self, window: LessonEditorWindow, settings: AppSettings) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.settings = settings
        # Owned by the editor, so Help › Keyboard shortcuts lists it under "Lesson editor";
        # the whole window's key, so it works from the checker or the profile row too.
        self.action = QAction(self.tr("Save a &copy as…"), self.editor)
        self.action.setShortcut(QKeySequence(COPY_KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(self.tr(
            "Save a copy of the lesson anywhere, as a lesson file or a Word document "
            "({key})").format(key=self.action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.action.setStatusTip(self.tr("Save a copy of the lesson anywhere, such as a USB "
                                         "stick; you go on editing this lesson"))
        self.action.triggered.connect(lambda _checked=False: self.save_copy())
        window.addAction(self.action)

    def suggested_name(self) -> str:
        """The name the dialog offers, without an ending: the lesson's title, as teachers
        know it, else the name of the file opened."""
        lesson = self.editor.lesson()
        source = self.editor.source()
        name = safe_file_name_part(lesson.title) if lesson is not None else ""
        return name or (source.stem if source is not None else "") or self.tr("Lesson")

    def ask_copy_path(self) -> tuple[str, str] | None:
        """Ask where to save the copy: ``(path, ending)``, or None when cancelled.

        Opens in the folder last used for lessons and remembers the one chosen.
        """
        chosen = ask_save_as(
            self.window, self.tr("Save a copy of the lesson"),
            start_path(self.settings, LESSONS, self.suggested_name()),
            [(self.tr("Lesson Lab lessons"), MARKDOWN), (self.tr("Word documents"), WORD)])
        if chosen is not None:
            remember(self.settings, LESSONS, chosen[0])
        return chosen

    def save_copy(self, path: str | Path | None = None, ending: str | None = None
                  ) -> Path | None:
        """Save a copy of the lesson as it reads now; the file, or None when none was saved.

        Asks where when ``path`` is None; ``ending`` ("md" or "docx") is the
        format, by default the path's own. Says how it went under the text.
        Never changes which lesson is edited nor whether it counts as saved.
        """
        if path is None:
            chosen = self.ask_copy_path()
            if chosen is None:
                return None
            path, ending = chosen
        path = Path(path)
        ending = ending or (WORD if path.suffix.lower() == f".{WORD}" else MARKDOWN)
        source = self.editor.source()
        if source is not None and _same_file(path, source):
            # The editor never changes the file it opened (a built-in lesson, say).
            self.editor.show_message(self.tr(
                "The copy cannot replace the lesson you opened, which the editor never "
                "changes: choose another name or place."), "error")
            return None
        result = self.editor.reparse_now()
        if ending == WORD and result.lesson is None:
            self.editor.show_message(self.tr(
                "The lesson cannot be saved as a Word document yet: fix the errors listed "
                "under Problems in the lesson file first, or save the copy as a lesson file."),
                "error")
            return None
        notes: tuple[str, ...] = ()
        try:
            if ending == WORD:
                notes = self._write_word(result.lesson, path)
            else:
                write_lesson_copy(self.editor.text(), result.lesson, source, path)
        except OSError as error:  # nothing of the copy is left behind; the text is still here
            what = self.tr("The Word document") if ending == WORD else self.tr(
                "The copy of the lesson")
            self.editor.show_message(save_problem(error, what, path), "error")
            return None
        message = self.tr("Saved a copy: {path}.").format(path=path)
        if ending == MARKDOWN and result.lesson is None:
            message += " " + self.tr("It has the errors listed under Problems in the lesson "
                                     "file: fix them before opening it in Lesson Lab.")
        self.editor.show_message(" ".join((message, *notes)))
        return path

    def _write_word(self, lesson: Lesson, path: Path) -> tuple[str, ...]:
        """The lesson in the preview's profile as a Word document; the notes to show."""
        from app.docx_export import export_docx

        if not path.parent.is_dir():  # not made again: it was a USB stick taken out
            raise FileNotFoundError(errno.ENOENT, "No such folder", str(path))
        # The main window's File › Colours for PDF, Word and slides, as its own Word export uses.
        colours = getattr(self.window.parent(), "print_colours", "profile")
        # Under a second for a lesson: too short for a thread, long enough to show the wait.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_docx(lesson, self.editor.profile(), path,
                               colours=colours if isinstance(colours, str) else "profile").notes
        finally:
            QApplication.restoreOverrideCursor()


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.resolve() == other.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link that leads to itself (Python 3.11)
        return False


def write_lesson_copy(text: str, lesson: Lesson | None, source: Path | None,
                      path: str | Path) -> Path:
    """Write lesson file ``text`` to ``path``, replacing any file there, whole or not at all.

    ``lesson`` is ``text`` parsed (None when it cannot be); the pictures it
    uses are copied from beside ``source`` into ``path``'s folder when that
    has none of that name. The folder itself is never made: one that has
    gone raises ``FileNotFoundError``. Raises OSError when the copy cannot
    be written, leaving none of it (nor a picture it copied) behind.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "No such folder", str(path))
    made: list[Path] = []  # pictures and folders this copy made, in the order made
    try:
        if lesson is not None and source is not None:
            copy_pictures(lesson, source.parent.resolve(), path.parent, made)
        return write_text_atomically(path, text)
    except BaseException:
        for thing in reversed(made):
            try:
                thing.rmdir() if thing.is_dir() else thing.unlink(missing_ok=True)
            except OSError:
                pass  # a folder something else has put a file in since: left as it is
        raise
