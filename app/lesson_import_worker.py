"""One lesson import, run off the GUI thread: the work itself, with no Qt in it.

File › Import hands :meth:`LessonImport.run` to the window's
:class:`app.background.Background`, which calls it on a daemon thread and
brings the :class:`ImportOutcome` (or the error) back to the GUI thread. The
thread holds only this plain object, never the window (see
app/thread_relay.py for why).

Reading the document is the slow part (a long Word document takes seconds);
writing the lesson takes milliseconds and happens under the import's
:class:`lessons.importers.ImportStop`, so :meth:`LessonImport.stop` (the
window closing) either comes before anything is written or waits for the
write to finish: the user's lessons folder never gets half a lesson.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from lessons.importers import ImportStop, import_into_folder, import_lesson_file
from lessons.library import LibraryScan, scan_library
from lessons.model import LoadResult

# Long enough for any disk to finish writing one lesson and its pictures; short
# enough that closing the window never seems to hang.
STOP_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class ImportOutcome:
    """What an import made: the lesson file, its load result and the library scanned again."""

    target: Path
    result: LoadResult
    scan: LibraryScan | None  # None when the import was stopped after writing


class LessonImport:
    """Importing ``source`` into ``folder`` (the user's lessons), once.

    ``library_folders`` are the folders the window lists (None: the app's
    own), scanned again after the lesson is written so the library shows it.
    ``replacing``: the lesson file to write over (the teacher chose to replace
    an earlier import of the same document) instead of a new one.
    ``finished`` is set when the worker is done, whatever the outcome.
    """

    def __init__(self, source: str | Path, folder: str | Path, library_folders=None,
                 replacing: Path | None = None) -> None:
        self.source = Path(source)
        self.folder = Path(folder)
        self.library_folders = library_folders
        self.replacing = replacing  # a lesson imported from the same file before, to replace
        self.finished = threading.Event()
        self._stop = ImportStop()

    @property
    def name(self) -> str:
        """The file name being imported, as the person chose it."""
        return self.source.name

    @property
    def stopped(self) -> bool:
        """True once :meth:`stop` has been called."""
        return self._stop.requested

    def run(self) -> ImportOutcome:
        """Import and scan the library (on a worker thread).

        Raises LessonImportError (one plain sentence) when the document cannot
        be imported, ImportStopped when stopped before anything was written.
        """
        try:
            if self.replacing is not None:
                target = self.replacing
                result = import_lesson_file(self.source, target, overwrite=True, stop=self._stop)
            else:
                target, result = import_into_folder(self.source, self.folder, stop=self._stop)
            if self._stop.requested:
                return ImportOutcome(target, result, None)
            return ImportOutcome(target, result, scan_library(self.library_folders))
        finally:
            self.finished.set()

    def stop(self, timeout: float = STOP_WAIT_SECONDS) -> bool:
        """Stop the import; from any thread. Waits only for a write already under way.

        False if that write still had not finished after ``timeout`` seconds.
        """
        return self._stop.request(timeout)
