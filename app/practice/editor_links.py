"""What a lesson editor window tells the main window it was opened from.

* A lesson saved as new is listed in the main window's library and chosen
  there, without Ctrl+R: the library is scanned again off the GUI thread
  (``refresh_library_later``) and, once it is listed, the lesson is selected.
* A profile saved as the teacher's own in the editor is listed in the main
  window's profile list and used there, so the lesson looks the same in both.
* "Save as new lesson" avoids the titles the main window's library lists.

Only the main window's public methods are used, and only if it has them, so
the editor window also works on its own (in tests, or from practice mode).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.practice.editor_window import LessonEditorWindow


class SavedLessons(QObject):
    """Lessons saved from editor windows, waiting to be listed and chosen in the library.

    Owned by the main window (an editor window may close before the scan ends).
    A lesson is chosen by the first library listing that has it; a scan begun
    before it was written does not, and the next one does. A lesson whose file
    has gone since is forgotten.
    """

    def __init__(self, main: QObject) -> None:
        super().__init__(main)
        self.main = main
        self.waiting: list[Path] = []
        main.library_loaded.connect(self._listed)

    @classmethod
    def of(cls, main: QObject) -> SavedLessons:
        """The main window's one SavedLessons, made on first use."""
        found = main.findChild(cls)
        return found if found is not None else cls(main)

    def add(self, path: Path) -> None:
        """List the library again and choose the lesson at ``path`` once it is listed."""
        self.waiting.append(Path(path))
        self.main.refresh_library_later()

    def _listed(self) -> None:
        for path in list(self.waiting):
            if self.main.library.select_path(path) or not path.exists():
                self.waiting.remove(path)


def link_to_main_window(window: LessonEditorWindow, main: QObject | None) -> None:
    """Keep ``main``'s library and profile list up to date with what ``window`` saves."""
    if main is None:
        return
    library = getattr(main, "library", None)
    if library is not None and hasattr(main, "refresh_library_later") \
            and hasattr(main, "library_loaded"):
        saved = SavedLessons.of(main)
        window.editor.saved.connect(saved.add)
        window.editor.library_titles = lambda: [e.title for e in library.entries()
                                                if e.lesson is not None]
    if hasattr(main, "refresh_profiles"):
        window.profile_saved.connect(lambda profile: main.refresh_profiles(profile.name))
