"""The library dock: scanning the lessons, choosing one, and the lesson last used.

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``library``, ``library_dock``, ``view``, ``lesson``, ``settings``,
``background``, ``_library_folders``, ``show_lesson``, ``open_lesson_path``,
``show_status`` and ``show_message``). The built-in lessons and the user's
own are scanned (at once, or on a worker thread with ``library_loaded`` when
they are listed); the first scan shows the lesson last used, or else the
first that opens. A lesson that cannot be opened says why, in two sentences,
in a bar above the lesson that still shows the lesson before (and names it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


class LibraryHooks:
    """The main window's library: its scans, the lesson chosen there, its search box."""

    def refresh_library(self) -> None:
        """Scan the library now (the built-in lessons and the user's own)."""
        from lessons.library import scan_library

        self.set_library(scan_library(self._library_folders))

    def refresh_library_later(self) -> None:
        """Scan the library on a worker thread; ``library_loaded`` when it is listed."""
        from lessons.library import scan_library

        folders = self._library_folders
        self.background.run(lambda: scan_library(folders), self.set_library,
                            lambda error: self.show_status(str(error)), name="library-scan")

    def set_library(self, scan) -> None:
        """List a library scan and, the first time, show the lesson last used."""
        self.library.set_entries(scan.entries)
        if scan.folder_problems:
            self.show_status(str(scan.folder_problems[0]))
        if self.lesson is None:
            self._restore_last_lesson()
        self.library_loaded.emit()

    def _restore_last_lesson(self) -> None:
        last = self.settings.last_lesson
        if last and self.library.select_path(last):
            return
        if last and Path(last).is_file() and self.open_lesson_path(last, quiet=True):
            return
        first = next((e for e in self.library.visible_entries() if e.ok), None)
        if first is not None:
            self.library.select_path(first.path)

    def _entry_chosen(self, entry) -> None:
        if entry.ok:
            self.show_lesson(entry.lesson, entry.path)
            return
        # Above the lesson, not in the status bar: that cut the reason short and let it
        # go, while the lesson before stayed on screen as if it were the one chosen.
        text = self._cannot_open(entry)
        if self.lesson is not None:
            text += " " + self.tr("The lesson shown is still “{title}”.").format(
                title=self.lesson.title)
        self.library_message().show_message(text, "error")

    def library_message(self):
        """The bar above the lesson saying a lesson chosen in the library cannot be opened.

        Made when first needed; it goes when a lesson is shown.
        """
        bar = getattr(self, "_library_message", None)
        if bar is None:
            from widgets.dictation_parts import MessageBar

            bar = self._library_message = MessageBar()
            bar.setAccessibleName(self.tr("Library message"))
            self.put_above_lesson(bar)
            self.lesson_changed.connect(lambda _lesson: bar.kind and bar.dismiss())
            if hasattr(self, "order_tab_chain"):
                self.order_tab_chain()  # its × comes before the lesson when shown
        return bar

    def _entry_activated(self, entry) -> None:
        if entry.ok:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.show_message(self._cannot_open(entry))

    def _cannot_open(self, entry) -> str:
        problem = next((p for p in entry.problems if p.severity == "error"), None)
        # Two sentences, as File › Open says it: the problem is a sentence of its own.
        said = self.tr("“{name}” cannot be opened.").format(name=entry.path.name)
        return f"{said} {problem.message}" if problem else said

    def focus_library_search(self) -> None:
        """Show the library and put the keyboard in its search box."""
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.focus_search()
