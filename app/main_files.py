"""The main window's lesson files: open a lesson, import a Word or text file, export a PDF.

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``library``, ``show_lesson``, ``profile`` and ``show_message``). The
questions (``ask_pdf_path``, ``ask_lesson_path``, ``ask_import_path``) are
methods so tests can answer them without real dialogs.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from lessons.loader import load_lesson

# Characters Windows, macOS or Linux will not take in a file name, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[*?"<>|\x00-\x1f\x7f]')
_LONGEST_PART = 100  # characters of the title (or profile) kept in a suggested name


def safe_file_name_part(text: str) -> str:
    """``text`` made safe for a file name on any system, still reading as words.

    "An Inspector Calls: Arthur Birling" becomes "An Inspector Calls - Arthur
    Birling", "Year 4/5" becomes "Year 4-5", other characters file systems
    refuse go; so do leading and trailing dots and spaces (Windows drops them,
    and a leading dot hides a file).
    """
    text = re.sub(r"\s*:\s*", " - ", text)
    text = re.sub(r"[\\/]", "-", text)
    text = _NOT_IN_FILE_NAMES.sub(" ", text)
    text = " ".join(text.split())[:_LONGEST_PART]
    return text.strip(" .")


def pdf_file_name(title: str, profile_name: str) -> str:
    """The PDF name to suggest: "<Lesson title> - <profile>.pdf", safe on any system."""
    title = safe_file_name_part(title) or "Lesson"
    profile = safe_file_name_part(profile_name)
    return f"{title} - {profile}.pdf" if profile else f"{title}.pdf"


class LessonFiles:
    """Opening, importing and exporting lessons, for the main window."""

    def open_lesson_path(self, path: str | Path, quiet: bool = False) -> bool:
        """Show the lesson file at ``path``; False (and a message) when it cannot be."""
        result = load_lesson(path)
        if not result.ok:
            if not quiet:
                errors = [p for p in result.problems if p.severity == "error"]
                self.show_message(str(errors[0] if errors else result.problems[0]))
            return False
        if not self.library.select_path(path):
            self.show_lesson(result.lesson, Path(path))
        return True

    def open_lesson_file(self) -> bool:
        """Ask for a lesson file and show it."""
        path = self.ask_lesson_path()
        return bool(path) and self.open_lesson_path(path)

    def import_lesson_file(self) -> Path | None:
        """Ask for a .docx or .txt file, import it into the user's lessons and show it."""
        source = self.ask_import_path()
        if not source:
            return None
        from lessons.importers import LessonImportError, import_lesson_file
        from lessons.library import user_folder

        folder = user_folder()
        stem, number = Path(source).stem, 1
        target = folder / f"{stem}.md"
        while target.exists():
            number += 1
            target = folder / f"{stem} ({number}).md"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            result = import_lesson_file(source, target)
        except (LessonImportError, OSError) as error:
            self.show_message(self.tr("The file could not be imported: {error}").format(
                error=error))
            return None
        self.refresh_library()
        self.library.select_path(target)
        notes = len(result.problems)
        text = self.tr("Imported as {name}.").format(name=target.name)
        if notes:
            # The library marks the lesson too; its tooltip lists the notes.
            text += " " + (self.tr("1 note to check in the library.") if notes == 1 else
                           self.tr("{n} notes to check in the library.").format(n=notes))
        self.show_status(text)
        return target

    def export_pdf(self) -> Path | None:
        """Ask where, then write the lesson as a clear-print PDF (a busy cursor meanwhile)."""
        if self.lesson is None:
            self.show_message(self.tr("Choose a lesson first."))
            return None
        profile = self.profile()
        path = self.ask_pdf_path(pdf_file_name(
            self.lesson.title or (self.lesson_path.stem if self.lesson_path else ""),
            profile.name))
        if not path:
            return None
        from app.pdf_export import export_pdf

        # Measured at 30-200 ms for the built-in lessons: too short for a thread
        # and its risks with fonts, long enough to show the wait.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.show_status(self.tr("Saving the PDF…"))
        try:
            result = export_pdf(self.lesson, profile, path, self.print_colours)
        except (OSError, ValueError) as error:
            self.show_status(self.tr("The PDF was not saved."))
            self.show_message(self.tr("The PDF could not be saved: {error}").format(error=error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.show_status(self.tr("Saved {path} ({pages} pages).").format(
            path=result.path, pages=result.pages))
        return result.path

    # ----- questions (replaced in tests) ------------------------------------------------

    def ask_pdf_path(self, suggestion: str) -> str:
        """Ask where to save a PDF; "" when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"),
                                              str(Path.home() / suggestion),
                                              self.tr("PDF files (*.pdf)"))
        return path

    def ask_lesson_path(self) -> str:
        """Ask for a lesson file; "" when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open lesson"), str(Path.home()),
                                              self.tr("Lesson files (*.md)"))
        return path

    def ask_import_path(self) -> str:
        """Ask for a Word or text file to import; "" when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a lesson"), str(Path.home()),
            self.tr("Word or text files (*.docx *.txt)"))
        return path
