"""A placeholder main window: the lesson library, a profile, and the lesson views.

The full shell comes later. This window lists the library on the left (title
— subject, key stage), shows the chosen lesson through the chosen preset or
profile, and offers side by side, projector mode, the profile editor and a
clear-print PDF. Everything is reachable from the keyboard:

- Ctrl+L the lesson list, Alt+P the profile list, Ctrl+O open a lesson file;
- Ctrl+D side by side, F5 projector, Ctrl+Shift+P edit the profile,
  Ctrl+E export a PDF; Ctrl+= / Ctrl+- / Ctrl+0 zoom;
- in focus mode, Ctrl+Page Down / Ctrl+Page Up turn the sections.

Questions go through ``ask_pdf_path``, ``ask_lesson_path`` and
``show_message`` so tests can answer them without real dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lessons.library import LibraryEntry, scan_library
from lessons.loader import load_lesson
from lessons.model import Lesson
from lessons.presets import load_presets
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from widgets.lesson_view import LessonView
from widgets.profile_editor import ProfileEditor
from widgets.projector import ProjectorView
from widgets.side_by_side import SideBySide

PRINT_CHOICES = ("profile", "black-on-white", "black-on-cream")


class PlaceholderWindow(QMainWindow):
    """The library, one lesson, and the ways of showing it."""

    def __init__(self, store: ProfileStore | None = None, library_folders=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesson Lab"))
        self.setAccessibleName(self.tr("Lesson Lab"))
        self.store = store if store is not None else ProfileStore()
        self._library_folders = library_folders
        self.lesson: Lesson | None = None
        self.lesson_path: Path | None = None
        self.projector: ProjectorView | None = None
        self.editor: ProfileEditor | None = None
        self.print_colours = "profile"

        self.lessons = QListWidget()
        self.lessons.setAccessibleName(self.tr("Lessons"))
        self.lessons.setWordWrap(True)
        self.lessons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lessons.setAccessibleDescription(self.tr("The lesson library. Enter opens a lesson."))
        lessons_label = QLabel(self.tr("&Lessons"))
        lessons_label.setBuddy(self.lessons)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(lessons_label)
        column.addWidget(self.lessons, 1)

        self.view = LessonView()
        self.side_by_side = SideBySide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.side_by_side)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 1000])
        self.setCentralWidget(splitter)

        self.profiles = QComboBox()
        self.profiles.setAccessibleName(self.tr("Profile"))
        self.profiles.setMinimumContentsLength(24)
        self.section_label = QLabel()
        self.section_label.setAccessibleName(self.tr("Section"))
        self._make_actions()
        self._make_toolbar()
        self._make_menus()

        self.lessons.currentItemChanged.connect(self._lesson_chosen)
        self.lessons.itemActivated.connect(lambda _item: self.view.setFocus())
        self.profiles.currentIndexChanged.connect(self._profile_chosen)
        self.view.section_changed.connect(self._show_section)
        self.refresh_profiles()
        self.refresh_library()
        self.resize(1400, 900)

    # ----- building -----------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in the window
        return action

    def _make_actions(self) -> None:
        self.open_action = self._action(self.tr("&Open lesson file…"), self.open_lesson_file,
                                        QKeySequence.StandardKey.Open)
        self.export_action = self._action(self.tr("&Export PDF…"), self.export_pdf, "Ctrl+E")
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.side_action = self._action(self.tr("&Side by side"), self.show_side_by_side,
                                        "Ctrl+D", checkable=True)
        self.projector_action = self._action(self.tr("&Projector"), self.start_projector, "F5")
        self.edit_action = self._action(self.tr("&Edit profile…"), self.edit_profile,
                                        "Ctrl+Shift+P")
        self.lessons_action = self._action(self.tr("Go to the lesson list"),
                                           self.lessons.setFocus, "Ctrl+L")
        self.next_action = self._action(self.tr("&Next section"), self.view.next_section,
                                        "Ctrl+PgDown")
        self.previous_action = self._action(self.tr("Pre&vious section"),
                                            self.view.previous_section, "Ctrl+PgUp")
        self.zoom_in_action = self._action(self.tr("Zoom &in"), lambda: self._views("zoom_in"))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(self.tr("Zoom &out"),
                                            lambda: self._views("zoom_out"), "Ctrl+-")
        self.zoom_reset_action = self._action(self.tr("&Actual size"),
                                              lambda: self._views("reset_zoom"), "Ctrl+0")
        self.colour_actions = QActionGroup(self)
        labels = {"profile": self.tr("In the profile's colours"),
                  "black-on-white": self.tr("Black on white"),
                  "black-on-cream": self.tr("Black on cream")}
        for choice in PRINT_CHOICES:
            action = QAction(labels[choice], self, checkable=True)
            action.setChecked(choice == self.print_colours)
            action.setData(choice)
            self.colour_actions.addAction(action)
        self.colour_actions.triggered.connect(
            lambda action: setattr(self, "print_colours", action.data()))

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Lesson"))
        bar.setObjectName("lesson-toolbar")
        bar.setAccessibleName(self.tr("Lesson tools"))
        label = QLabel(self.tr("&Profile:"))
        label.setBuddy(self.profiles)
        bar.addWidget(label)
        bar.addWidget(self.profiles)
        for action in (self.side_action, self.projector_action, self.edit_action,
                       self.export_action, self.previous_action, self.next_action):
            bar.addAction(action)
        # A widget on a tool bar is shown and hidden through its action.
        self.section_label_action = bar.addWidget(self.section_label)
        self.addToolBar(bar)

    def _make_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.export_action)
        colours = file_menu.addMenu(self.tr("PDF &colours"))
        colours.addActions(self.colour_actions.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menus.addMenu(self.tr("&View"))
        for action in (self.side_action, self.projector_action, None, self.previous_action,
                       self.next_action, None, self.zoom_in_action, self.zoom_out_action,
                       self.zoom_reset_action, None, self.lessons_action):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        profile_menu = menus.addMenu(self.tr("P&rofile"))
        profile_menu.addAction(self.edit_action)

    # ----- library and profiles ----------------------------------------------------------

    def refresh_library(self) -> None:
        """List the lessons in the library (built-in and the user's own)."""
        scan = scan_library(self._library_folders)
        self.lessons.clear()
        for entry in scan.entries:
            item = QListWidgetItem(self._entry_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            if not entry.ok:
                item.setToolTip("\n".join(str(p) for p in entry.problems))
            self.lessons.addItem(item)

    def _entry_text(self, entry: LibraryEntry) -> str:
        details = ", ".join(p for p in (entry.subject, entry.key_stage) if p)
        text = f"{entry.title} — {details}" if details else entry.title
        if not entry.ok:
            text += " " + self.tr("(cannot be opened)")
        return text

    def refresh_profiles(self, select: str | None = None) -> None:
        """List the presets, then the user's own profiles; keep or make a choice."""
        current = select or (self.profile().name if self.profiles.count() else None)
        self.profiles.blockSignals(True)
        self.profiles.clear()
        for profile in load_presets():
            self.profiles.addItem(profile.name, profile)
        own = self.store.profiles()
        if own:
            self.profiles.insertSeparator(self.profiles.count())
            for profile in own:
                self.profiles.addItem(profile.name, profile)
        index = self.profiles.findText(current) if current else 0
        self.profiles.setCurrentIndex(max(0, index))
        self.profiles.blockSignals(False)
        self._profile_chosen()

    def profile(self) -> Profile:
        """The profile chosen in the list."""
        return self.profiles.currentData() or Profile()

    def choose_profile(self, name: str) -> bool:
        """Choose the preset or profile called ``name``; False when there is none."""
        index = self.profiles.findText(name)
        if index >= 0:
            self.profiles.setCurrentIndex(index)
        return index >= 0

    def _profile_chosen(self, *_args) -> None:
        self._apply(self.profile())

    def _apply(self, profile: Profile) -> None:
        self.view.set_profile(profile)
        self.side_by_side.set_adapted_profile(profile)
        self.next_action.setEnabled(profile.focus_mode)
        self.previous_action.setEnabled(profile.focus_mode)
        self.section_label_action.setVisible(profile.focus_mode)
        note = self.view.font_note()
        if note:
            self.statusBar().showMessage(note)

    # ----- lessons -------------------------------------------------------------------------

    def _lesson_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole) if item else None
        if entry is None:
            return
        if not entry.ok:
            problem = entry.problems[0] if entry.problems else None
            self.show_message(self.tr("This lesson cannot be opened: {problem}").format(
                problem=problem.message if problem else entry.path.name))
            return
        self.show_lesson(entry.lesson, entry.path)

    def show_lesson(self, lesson: Lesson, path: Path | None = None) -> None:
        """Show ``lesson`` in every view."""
        self.lesson, self.lesson_path = lesson, path
        self.view.set_lesson(lesson)
        self.side_by_side.set_lesson(lesson)
        self.setWindowTitle(self.tr("{title} — Lesson Lab").format(title=lesson.title))
        if self.editor is not None:
            self.editor.set_lesson(lesson)

    def open_lesson_file(self) -> bool:
        """Ask for a lesson file and show it."""
        path = self.ask_lesson_path()
        if not path:
            return False
        result = load_lesson(path)
        if not result.ok:
            errors = [p for p in result.problems if p.severity == "error"]
            self.show_message(str(errors[0] if errors else result.problems[0]))
            return False
        self.show_lesson(result.lesson, Path(path))
        return True

    def _show_section(self, index: int, count: int) -> None:
        self.section_label.setText(
            self.tr("Section {n} of {count}").format(n=index + 1, count=count))

    def _views(self, method: str) -> None:
        for view in (self.view, self.side_by_side.original, self.side_by_side.adapted):
            getattr(view, method)()

    # ----- views ------------------------------------------------------------------------------

    def show_side_by_side(self, on: bool) -> None:
        """Show the original and adapted lesson side by side, or the lesson alone."""
        self.side_action.setChecked(on)
        self.stack.setCurrentWidget(self.side_by_side if on else self.view)

    def start_projector(self) -> ProjectorView | None:
        """Present the lesson full screen (Esc comes back)."""
        if self.lesson is None:
            self.show_message(self.tr("Choose a lesson first."))
            return None
        self.projector = ProjectorView()
        self.projector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.projector.set_profile(self.profile())
        self.projector.set_lesson(self.lesson)
        self.projector.left.connect(self._projector_left)
        self.projector.present()
        return self.projector

    def _projector_left(self) -> None:
        self.projector = None
        self.activateWindow()
        self.view.setFocus()

    def edit_profile(self) -> ProfileEditor:
        """Open the profile editor on the chosen profile; edits show at once."""
        if self.editor is None:
            self.editor = ProfileEditor(self.profile(), self.lesson, self.store, self)
            self.editor.profile_changed.connect(self._apply)
            self.editor.profile_saved.connect(lambda p: self.refresh_profiles(p.name))
            self.editor.profile_deleted.connect(lambda _name: self.refresh_profiles("Standard"))
            self.editor.finished.connect(self._editor_closed)
        else:
            self.editor.set_profile(self.profile())
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def _editor_closed(self, _result: int) -> None:
        self._apply(self.profile())  # unsaved edits were only a preview

    def export_pdf(self) -> Path | None:
        """Ask where, then write the lesson as a clear-print PDF."""
        if self.lesson is None:
            self.show_message(self.tr("Choose a lesson first."))
            return None
        profile = self.profile()
        stem = self.lesson_path.stem if self.lesson_path else self.lesson.title
        path = self.ask_pdf_path(f"{stem} - {profile.name.replace('/', '-')}.pdf")
        if not path:
            return None
        from app.pdf_export import export_pdf

        try:
            result = export_pdf(self.lesson, profile, path, self.print_colours)
        except (OSError, ValueError) as error:
            self.show_message(self.tr("The PDF could not be saved: {error}").format(error=error))
            return None
        self.statusBar().showMessage(self.tr("Saved {path} ({pages} pages).").format(
            path=result.path, pages=result.pages))
        return result.path

    # ----- questions (replaced in tests) -------------------------------------------------

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

    def show_message(self, text: str) -> None:
        """Tell the user something."""
        QMessageBox.information(self, self.tr("Lesson Lab"), text)
