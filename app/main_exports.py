"""The main window's exports: the lesson as a clear-print PDF, a Word document or
PowerPoint slides, written while the window carries on.

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``lesson``, ``profile``, ``print_colours``, ``settings``, ``background``,
``act``, ``show_status`` and ``show_message``). The questions
(``ask_pdf_path``, ``ask_docx_path``, ``ask_pptx_path``) are methods so tests
can answer them without real dialogs; each opens in the folder last used for
its kind of file (app/recent_folders.py: "pdf", "word", "slides").

The file is written on a worker thread (the window's ``background``): a long
lesson in the Very low vision preset is hundreds of pages and took the window
away for 12 s or more. Meanwhile the status bar says "Saving the PDF…", the
three export commands wait (one export at a time), and everything else works.
When it is done the status bar says where it went; a problem is one plain
sentence (lessons/save_problem.py). The window's ``export_finished(path)``
follows either way (None when nothing was saved). Closing the window meanwhile waits for the file,
saying so, and then closes: a file is never left half written.

The writers make their own Qt text documents and fonts on that thread and
touch no widget (app/pdf_export.py, app/docx_export.py, app/pptx_export.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent

from app.recent_folders import remember, start_path
from lessons.file_names import export_file_name
from lessons.save_problem import save_problem
from widgets.save_as import ask_save_as

PDF = "pdf"  # the kinds of file (app/recent_folders.py) for exports
WORD = "word"
SLIDES = "slides"


class LessonExports:
    """Exporting the lesson, for the main window (see the module docstring)."""

    _saving = ""  # what is being saved ("The PDF"), while an export runs
    _close_when_saved = False

    def export_pdf(self) -> bool:
        """Ask where, then write the lesson as a clear-print PDF; False if not started."""
        from app.pdf_export import export_pdf

        def saved(result) -> str:
            return (self.tr("Saved {path} (1 page).") if result.pages == 1 else
                    self.tr("Saved {path} ({pages} pages).")).format(path=result.path,
                                                                    pages=result.pages)

        return self._export(self.ask_pdf_path, "pdf", export_pdf, self.tr("Saving the PDF…"),
                            self.tr("The PDF was not saved."), self.tr("The PDF"), saved)

    def export_docx(self) -> bool:
        """Ask where, then write the lesson as a Word document in the profile's clear print."""
        from app.docx_export import export_docx

        def saved(result) -> str:
            return " ".join((self.tr("Saved {path}.").format(path=result.path), *result.notes))

        return self._export(self.ask_docx_path, "docx", export_docx,
                            self.tr("Saving the Word document…"),
                            self.tr("The Word document was not saved."),
                            self.tr("The Word document"), saved)

    def export_pptx(self) -> bool:
        """Ask where, then write the lesson as PowerPoint slides in the profile's look."""
        from app.pptx_export import export_pptx

        def saved(result) -> str:
            count = (self.tr("Saved {path} (1 slide).") if result.slides == 1 else
                     self.tr("Saved {path} ({slides} slides)."))
            return " ".join((count.format(path=result.path, slides=result.slides),
                             *result.notes))

        return self._export(self.ask_pptx_path, "pptx", export_pptx,
                            self.tr("Saving the slides…"), self.tr("The slides were not saved."),
                            self.tr("The slides"), saved)

    def is_exporting(self) -> bool:
        """True while a file is being written."""
        return bool(self._saving)

    def _export(self, ask, ending: str, write, saving: str, not_saved: str, what: str,
                saved: Callable[[object], str]) -> bool:
        """Ask where (``ask`` with a suggested name ending in ``ending``), then start
        ``write(lesson, profile, path, colours)`` on the worker thread; ``saved(result)``
        is the status message when it is done. False when there is no lesson, another
        export is running or the person cancels."""
        if self.lesson is None:
            self.show_message(self.tr("Choose a lesson first."))
            return False
        if self._saving:
            self.show_message(self.tr("{what} is still being saved. Try again when it "
                                      "has finished.").format(what=self._saving))
            return False
        profile = self.profile()
        path = ask(export_file_name(
            self.lesson.title or (self.lesson_path.stem if self.lesson_path else ""),
            profile.name, ending))
        if not path:
            return False
        lesson, colours = self.lesson, self.print_colours
        self._set_saving(what)
        self.show_status(saving, 0)  # until it is done, however long that takes
        self.background.run(
            lambda: write(lesson, profile, path, colours),
            lambda result: self._exported(result, saved(result)),
            lambda error: self._not_exported(error, path, what, not_saved),
            name="export", qt_thread=True)
        return True

    def _exported(self, result, message: str) -> None:
        self._set_saving("")
        self.show_status(message)
        self.export_finished.emit(result.path)
        self._close_if_asked()

    def _not_exported(self, error: BaseException, path: str, what: str,
                      not_saved: str) -> None:
        self._set_saving("")
        self.show_status(not_saved)
        if isinstance(error, OSError):
            self.show_message(save_problem(error, what, path))
        elif isinstance(error, ValueError):  # a print-colour choice the writer does not know
            self.show_message(self.tr("{what} could not be saved: {error}").format(
                what=what, error=error))
        else:  # a fault in Lesson Lab or a writer library, not something the person did
            self.show_message(self.tr(
                "{what} could not be saved because of a fault in Lesson Lab; "
                "your lesson has not changed.").format(what=what))
            sys.excepthook(type(error), error, error.__traceback__)
        self.export_finished.emit(None)
        self._close_if_asked()

    def _set_saving(self, what: str) -> None:
        self._saving = what
        for action in (self.act.export_pdf, self.act.export_docx, self.act.export_pptx):
            action.setEnabled(not what)

    def _close_if_asked(self) -> None:
        if self._close_when_saved:
            self._close_when_saved = False
            QTimer.singleShot(0, self, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._saving:  # the file first: closing comes after, by itself
            event.ignore()
            self._close_when_saved = True
            self.show_status(self.tr("{what} is being saved; Lesson Lab will close when it "
                                     "has finished.").format(what=self._saving), 0)
            return
        super().closeEvent(event)

    # ----- questions (replaced in tests) ------------------------------------------------

    def ask_pdf_path(self, suggestion: str) -> str:
        """Ask where to save a PDF (in the folder last used for PDFs); "" when cancelled.

        A name typed without ".pdf" gets it (widgets/save_as.py), asking first if
        that file exists."""
        return self._ask_save_as(self.tr("Export PDF"), PDF, suggestion,
                                 (self.tr("PDF files"), "pdf"))

    def ask_docx_path(self, suggestion: str) -> str:
        """Ask where to save a Word document (where the last one went); "" when cancelled.

        A name typed without ".docx" gets it, asking first if that file exists."""
        return self._ask_save_as(self.tr("Export Word document"), WORD, suggestion,
                                 (self.tr("Word documents"), "docx"))

    def ask_pptx_path(self, suggestion: str) -> str:
        """Ask where to save PowerPoint slides (where the last ones went); "" when cancelled."""
        return self._ask_save_as(self.tr("Export PowerPoint slides"), SLIDES, suggestion,
                                 (self.tr("PowerPoint slides"), "pptx"))

    def _ask_save_as(self, title: str, kind: str, suggestion: str, file_type) -> str:
        chosen = ask_save_as(self, title, start_path(self.settings, kind, suggestion),
                             [file_type])
        if chosen is None:
            return ""
        remember(self.settings, kind, chosen[0])
        return chosen[0]

