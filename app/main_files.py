"""The main window's lesson files: open a lesson, import a Word, PowerPoint or text file
(exports are in app/main_exports.py).

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``library``, ``show_lesson``, ``profile``, ``settings``, ``background`` and
``show_message``). The questions (``ask_lesson_path``, ``ask_import_path``, ``ask_reimport``)
and ``show_import_notes`` are methods so tests can answer them without real
dialogs; each file dialog opens in the folder last used for its kind of file
(app/recent_folders.py: "lessons" for opening and importing).

Importing reads the document on a worker thread (app/lesson_import_worker.py
through the window's ``background``): a long Word document takes seconds,
and the window keeps working meanwhile, with "Importing <file>…" in the
status bar. One import runs at a time; asking for another meanwhile is
refused with a message. A document whose lesson is already in the user's
lessons (its name) asks first: replace that lesson, keep both, or cancel.
When it is done, what the document's import left out is said in a box (the
library shows only the lesson's own problems). Closing the window stops an import (its
``closeEvent`` comes before the closing questions' in the window's mixins
and acts only once the window really closes): nothing is written after
that, and a write under way is finished first, never cut in half.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog

from app.recent_folders import remember, start_folder
from lessons.file_names import export_file_name
from lessons.loader import NOT_TEXT, load_lesson
from widgets.import_notes import REPLACE

LESSONS = "lessons"  # the kind of file (app/recent_folders.py) for opening and importing


def pdf_file_name(title: str, profile_name: str) -> str:
    """The PDF name to suggest: "<Lesson title> - <profile>.pdf"."""
    return export_file_name(title, profile_name, "pdf")


class LessonFiles:
    """Opening, importing and exporting lessons, for the main window."""

    _lesson_import = None  # the LessonImport under way, if any
    _watching_import_status = False

    def open_lesson_path(self, path: str | Path, quiet: bool = False) -> bool:
        """Show the lesson file at ``path``; False (and a message) when it cannot be."""
        result = load_lesson(path)
        if not result.ok:
            if not quiet:
                errors = [p for p in result.problems if p.severity == "error"]
                first = (errors or result.problems)[0]
                # The problem's own sentence, without "/the/path.md:2:" before it, and
                # where to look when it is on a line of its own (not line 1, and not
                # "not a text file", which is about the whole file wherever it starts).
                on_a_line = first.line > 1 and first.message != NOT_TEXT
                problem = (self.tr("Line {line}: {problem}").format(
                    line=first.line, problem=first.message) if on_a_line else first.message)
                self.show_message(self.tr("“{name}” cannot be opened. {problem}").format(
                    name=Path(path).name, problem=problem))
            return False
        if not self.library.select_path(path):
            self.show_lesson(result.lesson, Path(path))
        return True

    def open_lesson_file(self) -> bool:
        """Ask for a lesson file and show it."""
        path = self.ask_lesson_path()
        return bool(path) and self.open_lesson_path(path)

    def import_lesson_file(self):
        """Ask for a .docx, .pptx or .txt file; import it into the user's lessons, off this thread.

        Returns the :class:`app.lesson_import_worker.LessonImport` under way,
        or None (cancelled, or refused while another import runs). When it
        ends, the new lesson is listed and shown, or the reason it could not
        be imported is shown in one sentence.
        """
        if self._still_importing():
            return None
        source = self.ask_import_path()
        return self.import_lesson_path(source) if source else None

    def import_lesson_path(self, source: str | Path):
        """Import the .docx, .pptx or .txt file at ``source``, as :meth:`import_lesson_file` does
        once a file is chosen (also for a file dropped on the window)."""
        if self._still_importing():
            return None
        from app.lesson_import_worker import LessonImport
        from lessons.library import user_folder

        replacing = None
        before = user_folder() / f"{Path(source).stem}.md"  # where it went last time
        if before.is_file():
            answer = self.ask_reimport(Path(source).name, self._title_of(before), before.name)
            if not answer:
                return None
            replacing = before if answer == REPLACE else None
        job = LessonImport(source, user_folder(), self._library_folders, replacing)
        self._lesson_import = job
        self._show_importing()
        self.background.run(job.run, lambda outcome: self._imported(job, outcome),
                            lambda error: self._not_imported(job, error), name="lesson-import")
        return job

    def ask_reimport(self, name: str, title: str, lesson_file: str) -> str:
        """Ask what to do when the lesson a document would make is there already:
        REPLACE, KEEP_BOTH or ""."""
        from widgets.import_notes import ask_reimport

        return ask_reimport(self, name, title, lesson_file)

    def _title_of(self, path: Path) -> str:
        entry = next((e for e in self.library.entries() if e.path == path), None)
        return entry.lesson.title if entry is not None and entry.lesson else path.stem

    def _still_importing(self) -> bool:
        """True, and a message, while an import runs (one at a time)."""
        running = self._lesson_import
        if running is not None:
            self.show_message(self.tr(
                "Lesson Lab is still importing {name}. Try again when it has finished."
            ).format(name=running.name))
        return running is not None

    def stop_import(self) -> bool:
        """Stop the import under way, if any (see app/lesson_import_worker.py).

        False only if a write under way had not finished within its time.
        """
        job = self._lesson_import
        return job is None or job.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)  # the closing questions (app/main_closing.py)
        if event.isAccepted():
            self.stop_import()

    def _importing_text(self) -> str:
        job = self._lesson_import
        return self.tr("Importing {name}…").format(name=job.name) if job else ""

    def _show_importing(self) -> None:
        if not self._watching_import_status:
            self._watching_import_status = True
            self.statusBar().messageChanged.connect(self._status_message_changed)
        self.show_status(self._importing_text(), 0)

    def _status_message_changed(self, message: str) -> None:
        # Another passing message (a profile note, "Reading ruler on.") may take
        # the status bar during a long import; when it goes, the import shows again.
        # Put back quietly: a screen reader heard "Importing…" once already.
        if not message and self._lesson_import is not None:
            self.statusBar().showMessage(self._importing_text(), 0)

    def _import_ended(self, job) -> bool:
        """Forget ``job``; True when the window should report how it went."""
        shown = self._importing_text()
        if self._lesson_import is job:
            self._lesson_import = None
        if shown and self.statusBar().currentMessage() == shown:
            self.statusBar().clearMessage()
        return not job.stopped  # stopped: the window has closed

    def _imported(self, job, outcome) -> None:
        if not self._import_ended(job):
            return
        if outcome.scan is not None:
            self.set_library(outcome.scan)
        replaced = self.lesson_path == outcome.target  # the earlier import, on screen
        self.library.select_path(outcome.target)
        if replaced and outcome.result.lesson is not None:
            self.show_lesson(outcome.result.lesson, outcome.target)  # the list did not move
        lesson_file = str(outcome.target)
        notes = sum(p.file == lesson_file for p in outcome.result.problems)
        text = self.tr("Imported as {name}.").format(name=outcome.target.name)
        if notes:
            # The library marks the lesson too; its tooltip lists the notes.
            text += " " + (self.tr("1 note to check in the library.") if notes == 1 else
                           self.tr("{n} notes to check in the library.").format(n=notes))
        self.show_status(text)
        # Notes about the document itself (what was left out): the library cannot
        # show them later, so they are said now.
        about_document = [p.message for p in outcome.result.problems if p.file != lesson_file]
        if about_document and outcome.result.lesson is not None:
            self.show_import_notes(job.name, outcome.result.lesson.title, about_document)

    def show_import_notes(self, name: str, title: str, notes: list[str]) -> None:
        """Say what importing ``name`` as the lesson ``title`` left out or changed."""
        from widgets.import_notes import import_notes_box

        import_notes_box(self, name, title, notes).open()

    def _not_imported(self, job, error: BaseException) -> None:
        from lessons.importers import ImportStopped, LessonImportError

        if not self._import_ended(job) or isinstance(error, ImportStopped):
            return
        if isinstance(error, LessonImportError):
            self.show_message(str(error))  # one sentence that names the file and the problem
            return
        name = job.name
        if isinstance(error, OSError):
            self.show_message(self.tr("“{name}” could not be imported: {problem}.").format(
                name=name, problem=error.strerror or error))
            return
        # A fault in Lesson Lab, python-docx or python-pptx, not in what the person did: one
        # sentence for them, the whole story where faults are reported.
        self.show_message(self.tr(
            "“{name}” could not be imported: Lesson Lab could not read it.").format(name=name))
        sys.excepthook(type(error), error, error.__traceback__)

    # ----- questions (replaced in tests) ------------------------------------------------

    def ask_lesson_path(self) -> str:
        """Ask for a lesson file (in the folder last used for lessons); "" when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open lesson"),
                                              str(start_folder(self.settings, LESSONS)),
                                              self.tr("Lesson files (*.md)"))
        remember(self.settings, LESSONS, path)
        return path

    def ask_import_path(self) -> str:
        """Ask for a Word, PowerPoint or text file to import (where lessons were last found);
        "" when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a lesson"), str(start_folder(self.settings, LESSONS)),
            self.tr("Word, PowerPoint or text files (*.docx *.pptx *.txt)"))
        remember(self.settings, LESSONS, path)
        return path
