"""Lesson Lab's main window: library, lesson, profile, and the docks around them.

Left, the library (search and filters); middle, the lesson through the chosen
preset or profile (or side by side with the original); right, the dictation
panel; on demand, the vision simulations. The profile list is on the tool bar
with "Edit profile" beside it. Menus, actions and shortcuts are built in
``app/main_menus.py``; the library's scans are in ``app/main_library.py``, the
profile list, F8 and the ruler in ``app/main_profiles.py``.

Hooks for the controllers built elsewhere (see ``app/gui.py``):

- ``attach_read_aloud(c)``: ``c.actions()`` replace the Read aloud placeholders
  in the menu and on its tool bar.
- ``attach_dictation(c)`` / ``attach_captions(c)``: the controller drives
  ``dictation_panel``; its ``actions()`` (if any) join the Dictation menu.
- ``add_actions(menu_key, actions, toolbar=None)`` and ``add_dock(...)`` for
  anything else (the practice tools); ``put_above_lesson(widget)`` for a
  message bar over the lesson.
- Signals ``lesson_changed(lesson)``, ``profile_changed(profile)``,
  ``ui_scale_changed(scale)``, ``library_loaded()``, ``speech_report_ready(report)``.
- Status slots ``set_engine_status(text)``, ``set_voice_status(text)``,
  ``set_microphone_live(bool)``.

Closing, in this order: every lesson editor and practice window is asked to
close (its own Save / Discard / Cancel; a Cancel keeps everything open and
untouched), then read aloud and captions stop, dictation finishes the phrase
being said into the transcript (a few seconds at most), and then the
settings are saved and dictation stopped.

Questions go through ``ask_pdf_path``, ``ask_lesson_path``,
``ask_import_path``, ``show_message`` and ``show_welcome`` so tests can
answer them without real dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings as keys
from app.background import Background
from app.dock_title import DockTitle
from app.main_closing import Closing
from app.main_drops import FileDrops
from app.main_exports import LessonExports
from app.main_files import LessonFiles
from app.main_focus import FocusAreas
from app.main_help import ToolsAndHelp
from app.main_library import LibraryHooks
from app.main_menus import MainActions
from app.main_profiles import ProfileChoice
from app.main_projector import Presenting
from app.main_speech import SpeechHooks
from app.main_tab_order import TabOrder
from app.settings import AppSettings
from app.status_bar import SpeechStatus
from app.ui_scale import (
    LARGE_SIZE,
    STEPS,
    apply_ui_scale,
    clamp_scale,
    fit_docks,
    restore_dock_home,
    scaled_icon_size,
)
from lessons.model import Lesson
from lessons.profile_store import ProfileStore
from widgets.announce import announce
from widgets.dictation_panel import DictationPanel
from widgets.lesson_view import LessonView
from widgets.library_panel import LibraryPanel
from widgets.screen_fit import (
    DockWithinWindow,
    GivesWay,
    fit_after_new_size,
    fit_height_where_it_is,
    keep_on_screen,
    open_windows,
    open_within_screen,
    room_for_docks,
    size_before_new_size,
)
from widgets.section_label import SectionLabel
from widgets.side_by_side import SideBySide
from widgets.stacking_row import ROWS_MAY_STACK

DOCK = Qt.DockWidgetArea
#: The size the window opens at when the screen has room (see widgets/screen_fit.py).
OPENING_SIZE = QSize(1400, 900)


class MainWindow(SpeechHooks, LessonExports, LessonFiles, FileDrops, LibraryHooks, ProfileChoice,
                 ToolsAndHelp, FocusAreas, TabOrder, Presenting, Closing, QMainWindow):
    """The Lesson Lab shell (speech hooks, exports, lesson files, dropped files, the library,
    profiles, tools and help, F6 areas, Tab order, the projector and closing come from
    mixins)."""

    lesson_changed = Signal(object)
    profile_changed = Signal(object)
    ui_scale_changed = Signal(float)
    library_loaded = Signal()
    speech_report_ready = Signal(object)
    export_finished = Signal(object)  # the file an export saved, or None (app/main_exports.py)

    def __init__(self, settings: AppSettings | None = None, store: ProfileStore | None = None,
                 library_folders=None, *, load_library: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted_after_show = False  # see showEvent
        self.setObjectName("lesson-lab-main-window")
        self.setWindowTitle(self.tr("Lesson Lab"))
        self.setAccessibleName(self.tr("Lesson Lab"))
        self.setAcceptDrops(True)  # lesson files dropped on the window (app/main_drops.py)
        self.settings = settings if settings is not None else AppSettings()
        self.store = store if store is not None else ProfileStore()
        self._library_folders = library_folders
        self.background = Background(self)
        self.lesson: Lesson | None = None
        self.lesson_path: Path | None = None
        self.projector = None
        self.editor = None
        self.model_dialog = self.model_manager = None
        self.simulation_panel = self.simulation_overlay = self.simulation_dock = None
        self.read_aloud = self.dictation = self.captions = None
        self.typing_echo = None  # Dictation › Speak as I type (app/typing_echo.py), once attached
        self.captions_window = None
        self.speech_report = None
        self.welcome_dialog = None
        self.print_colours = "profile"
        self.ui_scale = 1.0
        self.setProperty(ROWS_MAY_STACK, False)  # 100% until set_ui_scale says otherwise
        self._adapted = True
        self._ruler: int | None = None  # lines of ruler chosen over the profile (Ctrl+L)
        self._docks: list[QDockWidget] = []
        self._closing = False

        self.view = LessonView()
        self.side_by_side = SideBySide()
        # A new zoom is said in the status bar (and by a screen reader), once for the
        # views zoomed together.
        self._zoom_said = QTimer(self, singleShot=True, interval=0)
        self._zoom_said.timeout.connect(self._say_zoom)
        for view in (self.view, self.side_by_side.original, self.side_by_side.adapted):
            view.zoom_changed.connect(self._zoom_said.start)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Lesson area"))
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.side_by_side)
        # The lesson area: the lesson, with room above it for messages (put_above_lesson).
        lesson_area = QWidget()
        lesson_area.setObjectName("lesson-area")
        self._lesson_column = QVBoxLayout(lesson_area)
        self._lesson_column.setContentsMargins(0, 0, 0, 0)
        self._lesson_column.setSpacing(0)
        self._lesson_column.addWidget(self.stack, 1)
        self.setCentralWidget(lesson_area)
        self.library = LibraryPanel()
        self.library_dock = self.add_dock("library", self.tr("Library"), self.library,
                                          DOCK.LeftDockWidgetArea)
        self.dictation_panel = DictationPanel()
        # The window's F9 action starts and stops dictation; two F9s would cancel out.
        self.dictation_panel.shortcut.setEnabled(False)
        self.dictation_panel.start_requested.connect(self._dictation_not_ready)
        self.dictation_dock = self.add_dock("dictation", self.tr("Dictation"),
                                            self.dictation_panel, DOCK.RightDockWidgetArea)
        self.profiles = QComboBox()
        self.profiles.setAccessibleName(self.tr("Profile"))
        self.profiles.setAccessibleDescription(self.tr(
            "The preset or saved profile the lesson is shown with."))
        self.profiles.setMinimumContentsLength(22)
        self.section_label = SectionLabel()  # "Section 3 of 12", or "Whole lesson"
        self.speech_status = SpeechStatus()
        self.speech_status.attach(self.statusBar())

        self.act = MainActions(self)
        self.act.build_menus(self.library_dock.toggleViewAction(),
                             self.dictation_dock.toggleViewAction())
        self.act.build_toolbars(self.profiles, self.section_label)
        self.act.print_colours.triggered.connect(
            lambda action: setattr(self, "print_colours", action.data()))

        self.watch_toolbars_for_tab_order()
        self.order_tab_chain()
        self.library.lesson_chosen.connect(self._entry_chosen)
        self.library.lesson_activated.connect(self._entry_activated)
        self.profiles.currentIndexChanged.connect(self._profile_chosen)
        self.view.section_changed.connect(self._show_section)
        # Side by side turns with the lesson: its adapted pane shows the same section
        # (Next section turns the lesson; Ctrl+Page Down in the pane turns the pane).
        self.view.section_changed.connect(
            lambda index, _count: self.side_by_side.go_to_section(index))
        self.side_by_side.adapted.section_changed.connect(
            lambda index, _count: self.view.go_to_section(index))
        self.refresh_profiles(self.settings.profile or None)
        for action in self.act.engines.actions():
            action.setChecked(action.data() == self.settings.engine)
        open_within_screen(self, OPENING_SIZE)
        restored = self.restoreGeometry(self.settings.data(keys.GEOMETRY))
        self.restoreState(self.settings.data(keys.STATE))
        self._dock_homes = self.settings.dock_homes  # for docks tabbed when it was saved
        for dock in self._docks:
            restore_dock_home(dock, self._dock_homes)
        self.set_ui_scale(self.settings.ui_scale, remember=False)
        # Again, now the docks have given way (as tabs) to a narrow screen: with all of
        # them side by side the window could not be narrower than they are. A geometry
        # saved on a bigger screen, or at a smaller interface size, is brought inside.
        if restored:
            keep_on_screen(self)
        else:
            open_within_screen(self, OPENING_SIZE)
        if load_library:
            self.refresh_library()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted_after_show:
            # Shown, the docks know the room the screen leaves them and may ask for
            # less than they did (at 200% on a laptop): the window can then fit.
            self._fitted_after_show = True
            QTimer.singleShot(0, self, lambda: fit_height_where_it_is(self))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Qt takes a narrower window's width from the lesson first: the docks give way.
        fit_docks(self, self._docks)

    # ----- hooks for controllers ----------------------------------------------------------

    def put_above_lesson(self, widget: QWidget) -> None:
        """Show ``widget`` (a message bar) across the top of the lesson area."""
        self._lesson_column.insertWidget(0, widget)

    def add_dock(self, key: str, title: str, widget: QWidget,
                 area: Qt.DockWidgetArea = DOCK.RightDockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a dock; F6 visits it and the window remembers where it is."""
        # Shown later (Tools › See it as a pupil might), it takes its room from the
        # window as it is rather than making the window taller than the screen.
        dock = DockWithinWindow(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setAccessibleName(title)
        if not isinstance(widget, QScrollArea):
            # On a screen too narrow for the panel beside the lesson, it scrolls sideways
            # rather than making the window wider than the screen.
            widget = GivesWay(widget, lambda: room_for_docks(self))
        dock.setWidget(widget)
        dock.setTitleBarWidget(DockTitle(dock))  # scales with the interface
        self.addDockWidget(area, dock)
        # A dock made later (the simulations) was perhaps tabbed at a large size.
        restore_dock_home(dock, getattr(self, "_dock_homes", {}))
        self._docks.append(dock)
        self.order_tab_chain()
        return dock

    def add_actions(self, menu_key: str, actions, toolbar: str | None = None) -> None:
        """Add a controller's actions to a menu ("file", "view", "read", "dictation",
        "tools", "practice", "help") and, if named, a tool bar. They replace that
        menu's placeholders; their shortcuts work anywhere in the window."""
        actions = list(actions)
        for action in self.act.placeholders.get(menu_key, []) if actions else []:
            action.setVisible(False)
        menu = self.act.menus[menu_key]
        for action in actions:
            self.addAction(action)
            menu.addAction(action)
        if toolbar:
            self.set_toolbar_actions(toolbar, actions)

    def set_toolbar_actions(self, toolbar: str, actions) -> None:
        """Put ``actions`` on a tool bar ("lesson", "read", "dictation") instead of its
        placeholders."""
        bar = self.act.toolbars[toolbar]
        for action in self.act.placeholders.get(toolbar, []):
            bar.removeAction(action)
        bar.addActions([a for a in actions if not a.isSeparator()])
        self.order_tab_chain()  # a tool bar may have gained a control (the speed slider)

    def show_status(self, text: str, milliseconds: int = 8000) -> None:
        """A passing message in the status bar, said by a screen reader too."""
        self.statusBar().showMessage(text, milliseconds)
        # A status bar's new text reaches a screen reader only as a new name, which
        # Orca does not speak unless the status bar has the focus.
        announce(self.statusBar(), text)

    # ----- lessons -------------------------------------------------------------------------

    def show_lesson(self, lesson: Lesson, path: Path | None = None) -> None:
        """Show ``lesson`` in every view and remember it for next time."""
        self.lesson, self.lesson_path = lesson, Path(path) if path else None
        self.view.set_lesson(lesson)
        self.side_by_side.set_lesson(lesson)
        if self.projector is not None:
            self.projector.set_lesson(lesson)
        if self.editor is not None:
            self.editor.set_lesson(lesson)
        self.setWindowTitle(self.tr("{title} — Lesson Lab").format(title=lesson.title))
        if path:
            self.settings.last_lesson = str(path)
        self.lesson_changed.emit(lesson)

    # ----- views -------------------------------------------------------------------------

    def show_side_by_side(self, on: bool) -> None:
        """Show the original and adapted lesson side by side, or the lesson alone."""
        self.act.side_by_side.setChecked(on)
        self.stack.setCurrentWidget(self.side_by_side if on else self.view)

    def next_section(self) -> None:
        """Turn to the next section (focus mode)."""
        self.view.next_section()

    def previous_section(self) -> None:
        """Turn to the previous section (focus mode)."""
        self.view.previous_section()

    def _show_section(self, index: int, count: int) -> None:
        self.section_label.show_section(index, count)

    def show_section_place(self) -> None:
        """Say on the tool bar which section is shown, or that the whole lesson is."""
        count = self.view.section_count()
        if self.view.profile().focus_mode and count:
            self.section_label.show_section(self.view.section_index(), count)
        else:
            self.section_label.show_whole_lesson()

    def zoom_views(self, method: str) -> None:
        """Zoom every lesson view in the window ("zoom_in", "zoom_out", "reset_zoom").

        While presenting, the keys reach here from the projector: zoom that instead.
        """
        if self.projector is not None and self.projector.isVisible():
            getattr(self.projector.view, method)()
            return
        for view in (self.view, self.side_by_side.original, self.side_by_side.adapted):
            getattr(view, method)()

    def _say_zoom(self) -> None:
        shown = self.side_by_side.adapted if self.stack.currentWidget() is self.side_by_side \
            else self.view
        percent = round(shown.zoom() * 100)
        self.show_status(self.tr("Zoom {percent}%: the profile's own size").format(
            percent=percent) if percent == 100 else self.tr("Zoom {percent}%").format(
            percent=percent))

    def show_simulations(self, on: bool = True) -> None:
        """Show or hide "See it as a pupil might" (made the first time it is asked for)."""
        if on and self.simulation_dock is None:
            from app.main_simulation import make_simulations

            make_simulations(self)
        if self.simulation_dock is not None:
            self.simulation_dock.setVisible(on)
            if on:
                fit_docks(self, self._docks)  # with the others as tabs, at a large size
                self.simulation_dock.raise_()
        self.act.simulations.setChecked(on)

    # ----- interface size ----------------------------------------------------------------

    def set_ui_scale(self, scale: float, remember: bool = True) -> float:
        """Scale the whole interface (100% to 250%) now; returns the scale used."""
        # Panels' rows stack (widgets/stacking_row.py) only at a large size: below it
        # they stay side by side, so a small window is not made taller by them.
        self.setProperty(ROWS_MAY_STACK, clamp_scale(scale) >= LARGE_SIZE - 0.01)
        windows = open_windows()  # this one and those open from it, once it is shown
        for window in windows:
            size_before_new_size(window)
        self.ui_scale = apply_ui_scale(scale)
        edge = scaled_icon_size(self.ui_scale)
        self.setIconSize(QSize(edge, edge))
        # The panel sizes its fonts from the application font, already scaled:
        # 1.0 asks it to size them again from the new one.
        self.dictation_panel.set_ui_scale(1.0)
        # The docks give way (as tabs) before the lesson does.
        fit_docks(self, self._docks)
        # Qt made windows bigger for the new size, past the screen's edge, and would
        # leave them so (even back at 100%): their earlier size again, within the screen.
        for window in windows:
            fit_after_new_size(window)
        for action in self.act.ui_sizes.actions():
            action.setChecked(abs(action.data() - self.ui_scale) < 0.01)
        if remember:
            self.settings.ui_scale = self.ui_scale
        self.ui_scale_changed.emit(self.ui_scale)
        return self.ui_scale

    def step_ui_scale(self, step: int) -> float:
        """One size larger (+1) or smaller (-1)."""
        index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - self.ui_scale))
        return self.set_ui_scale(clamp_scale(STEPS[max(0, min(len(STEPS) - 1, index + step))]))

    # ----- questions (replaced in tests) ------------------------------------------------

    def show_message(self, text: str) -> None:
        """Tell the user something."""
        QMessageBox.information(self, self.tr("Lesson Lab"), text)
