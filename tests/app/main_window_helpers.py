"""Making a main window for tests: isolated settings, profiles and library folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.dictation_unsaved import close_without_asking, leave_unsaved
from app.main_window import OPENING_SIZE, MainWindow
from app.settings import GEOMETRY, AppSettings
from app.ui_scale import apply_ui_scale
from lessons.library import builtin_folder
from lessons.profile_store import ProfileStore
from widgets.import_notes import KEEP_BOTH


class Opened:
    """Windows made by one test, closed (and the interface size put back) at the end."""

    def __init__(self, qtbot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.own = tmp_path / "own"
        self.own.mkdir(exist_ok=True)
        (self.own / "broken.md").write_text("no front matter\n", encoding="utf-8")
        self.settings_path = tmp_path / "settings.ini"
        self.windows: list[MainWindow] = []

    def open(self, folders="test", roomy: bool = True, **kwargs) -> MainWindow:
        """A shown window on the shared settings file; dialogs replaced by lists.

        ``folders`` "test" lists the built-in lessons and a folder with one broken
        file; None the built-in lessons and the user's folder, as the app does.
        ``roomy``: on a first start, 1400 x 900 as on a 1920 x 1080 screen. The
        window opens within its screen, and the offscreen screen is only 800 x 800;
        tests that are not about that get the room the window has on a big screen.
        """
        if folders == "test":
            folders = [builtin_folder(), self.own]
        settings = AppSettings(self.settings_path)
        first_start = settings.data(GEOMETRY).isEmpty()
        window = MainWindow(settings, ProfileStore(self.tmp_path / "profiles"), folders,
                            **kwargs)
        if roomy and first_start:
            window.resize(OPENING_SIZE)
        window.messages, window.welcomes = [], []
        window.show_message = window.messages.append
        window.show_welcome = window.welcomes.append
        window.import_notes = []
        window.show_import_notes = lambda *told: window.import_notes.append(told)
        # A document imported again: keep both, as before the question was asked.
        window.reimports = []
        window.ask_reimport = lambda *asked: window.reimports.append(asked) or KEEP_BOTH
        # pytest-qt closes it after the test: nobody answers "Save your dictation?".
        self.qtbot.addWidget(window, before_close_func=leave_unsaved)
        window.show()
        self.qtbot.waitExposed(window)
        # Shortcuts go to the active window: make sure it is this one.
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.windows.append(window)
        return window

    def close_all(self) -> None:
        for window in self.windows:
            if window.editor is not None:
                window.editor.confirm = lambda question: True
            close_without_asking(window)  # dictated text: nobody answers "Save…?"
        apply_ui_scale(1.0, QApplication.instance())


def row_of(window: MainWindow, title: str) -> int:
    """The library row of the lesson called ``title``."""
    for row in range(window.library.list.count()):
        if window.library.list.item(row).text().split("\n")[0] == title:
            return row
    raise AssertionError(f"{title} is not in the library")


def choose(window: MainWindow, title: str) -> None:
    """Choose a lesson in the library list, as a click would."""
    window.library.list.setCurrentRow(row_of(window, title))
