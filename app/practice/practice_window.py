"""Practice mode: adapt a lesson for a fictional pupil, see the difference, reflect.

The flow: choose a pupil scenario → the scenario's lesson opens unadapted
(the Standard preset) → the teacher adapts it, with a preset or the profile
editor for how it looks and the lesson editor for the text → the checker
panel (a dock on the right) re-scores it live, showing the change since the
start, and "See it as a pupil might" shows it through vision simulations,
with F8 flipping between the unadapted and the adapted lesson → the teacher
answers the scenario's reflection questions → the session is saved in the
reflection log on this computer and can be exported as a Word document (or
plain text) or a PDF, under a name such as "Reflection - The water cycle -
14 March 2025.docx".

Its keys mean what they mean in the main window: Ctrl+E saves a PDF,
Ctrl+Shift+W a Word document, Ctrl+Shift+T is trainer mode and F8 flips
(tests/app/test_practice_keys_agree.py).

Questions go through ``ask_export_path`` (app/practice/practice_saving.py,
with the saving) and ``show_message``, so tests can answer them without
dialogs. Nothing is sent anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.practice.editor_window import checker_dock, show_checker_action
from app.practice.entry import open_reflection_log
from app.practice.practice_fit import PracticeSteps, SimulationSettingsArea
from app.practice.practice_keys import keep_practice_tab_chain
from app.practice.practice_saving import PracticeSaving
from app.practice.profile_bar import ProfileBar
from app.practice.reflection_page import ReflectionPage
from app.practice.scenario_chooser import ScenarioChooser, pupil_html, targets_text
from app.practice.session import PracticeRun
from app.practice.trainer_view import TrainerContent, TrainerView
from app.practice.workbench import Workbench
from lessons.presets import default_preset
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from lessons.reflection import ReflectionStore
from lessons.scenarios import Scenario, get_scenario
from widgets import keys
from widgets.checker_panel import CheckerPanel
from widgets.height_for_width_area import HeightForWidthArea, LeastHeightContents
from widgets.lesson_editor import LessonEditor
from widgets.lesson_view import LessonView
from widgets.profile_editor import ProfileEditor
from widgets.relative_font import set_relative_font
from widgets.screen_fit import open_within_screen
from widgets.simulation.overlay import SimulationOverlay
from widgets.simulation.panel import SimulationPanel
from widgets.value_label import ValueLabel

TAB_ADAPT, TAB_SIMULATE, TAB_REFLECT = range(3)


class PracticeWindow(PracticeSaving, QMainWindow):
    """Practice mode in one window: scenario, editor, checker, simulation, reflection."""

    def __init__(self, parent: QWidget | None = None, store: ProfileStore | None = None,
                 reflections: ReflectionStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practice — Lesson Lab"))
        self.setAccessibleName(self.tr("Practice mode"))
        self.store = store if store is not None else ProfileStore()
        self.run: PracticeRun | None = None
        self._saved_state: tuple | None = None
        self.trainer: TrainerView | None = None
        self.profile_editor: ProfileEditor | None = None

        self.chooser = ScenarioChooser()
        self.chooser.scenario_chosen.connect(self.start_scenario)
        self.editor = LessonEditor()
        self.checker = CheckerPanel()
        self.workbench = Workbench(self.editor, self.checker, default_preset(), self)
        self.reflections = ReflectionPage()
        self.reflection_store = reflections if reflections is not None else ReflectionStore()
        self._build_simulation()
        self.tabs = PracticeSteps()
        self.tabs.setAccessibleName(self.tr("Practice steps"))
        self.tabs.addTab(self.editor, self.tr("&1 Adapt the lesson"))
        self.tabs.addTab(self.simulation_page, self.tr("&2 See it as a pupil might"))
        self.tabs.addTab(self.reflections, self.tr("&3 Reflect and save"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.chooser)
        # The scenario's page scrolls up and down where the screen is too short for
        # it (at 250% on a 1366 x 768 laptop it needed 770 px), its wrapped lines
        # counted at the width they have (widgets/height_for_width_area.py).
        self.workspace = HeightForWidthArea(self._build_workspace())
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        # The lesson editor's checker dock: named float and close buttons that Tab
        # reaches; Practice › Checker (Ctrl+Shift+K) brings a closed one back.
        self.checker_dock = checker_dock(self, self.checker)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checker_dock)
        self.checker_dock.hide()
        self._build_actions()

        self.workbench.report_changed.connect(self._report_changed)
        self.workbench.profile_changed.connect(self._profile_changed)
        self.reflections.save_requested.connect(self.save_session)
        self.reflections.export_requested.connect(lambda fmt: self.export(fmt))
        self.reflections.save_lesson_requested.connect(lambda: self.editor.save_as_new())
        # Within the screen it opens on (at 200% the screen is half as big to Qt).
        open_within_screen(self, QSize(1500, 950))

    # ----- building -----------------------------------------------------------

    def _build_workspace(self) -> QWidget:
        page = LeastHeightContents()
        # ValueLabels: a reader hears their words ("Pupil: Lily, Year 1: …", the task),
        # where a fixed name ("Your task") stood in place of them.
        self.pupil_title = ValueLabel(self.tr("Pupil"))
        set_relative_font(self.pupil_title, 1.5, bold=True)
        # "Zofia, Year 5: English as an additional language" at 250% on one line made
        # the window wider than a 1366-px laptop's screen.
        self.pupil_title.setWordWrap(True)
        self.task = ValueLabel()  # "Your task: …" says what it is
        self.task.setWordWrap(True)
        self.about_button = QToolButton()
        self.about_button.setCheckable(True)
        self.about_button.setText(self.tr("About the pupil"))
        self.about = QTextBrowser()
        self.about.setAccessibleName(self.tr("About the pupil"))
        self.about.setMaximumHeight(220)
        self.about.hide()
        self.about_button.toggled.connect(self.about.setVisible)

        self.profile_bar = ProfileBar(self.store)
        self.profile_bar.profile_chosen.connect(lambda p: self.workbench.set_profile(p))
        self.profile_bar.edit_requested.connect(self.edit_profile)
        self.profile_bar.row.addStretch(1)
        self.profile_combo = self.profile_bar.combo

        # "About the pupil" beside the pupil's name: on the profile row it made
        # the window wider than a 1600-px screen at 200%.
        title_row = QHBoxLayout()
        title_row.addWidget(self.pupil_title, 1)  # the room there is: one line if it fits
        title_row.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(page)
        layout.addLayout(title_row)
        layout.addWidget(self.task)
        layout.addWidget(self.about)
        layout.addWidget(self.profile_bar)
        layout.addWidget(self.tabs, 1)
        return page

    def _build_simulation(self) -> None:
        self.simulation_panel = SimulationPanel()
        self.simulation_view = LessonView()
        self.simulation_label = QLabel()
        set_relative_font(self.simulation_label, 1.3, bold=True)
        self.simulation_label.setWordWrap(True)
        self.simulation_label.setBuddy(self.simulation_view)
        self.overlay = SimulationOverlay(self.simulation_view)
        self.simulation_panel.connect_overlay(self.overlay)
        self.simulation_panel.adapted_toggled.connect(self._flipped)
        controls = SimulationSettingsArea()
        controls.setWidgetResizable(True)
        controls.setWidget(self.simulation_panel)
        # The scroll area takes a Tab stop: a screen reader said nothing there.
        controls.setAccessibleName(self.tr("Simulation settings"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.simulation_label)
        column.addWidget(self.simulation_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(controls)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.simulation_page = splitter

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Practice"))
        self.choose_action = self._action(menu, self.tr("&Choose another pupil…"),
                                          "Ctrl+Shift+O", self.show_chooser)
        self.save_action = self._action(menu, self.tr("&Save to my reflection log"),
                                        QKeySequence.StandardKey.Save, self.save_session)
        # The same words, letters and tips as step 3's buttons: one command, one name.
        # And the main window's keys for the same things (Ctrl+E a PDF, Ctrl+Shift+W
        # a Word document, Ctrl+Shift+T trainer mode): here Ctrl+E was Word,
        # Ctrl+Shift+E a PDF (the lesson editor there) and F5 trainer mode (read
        # aloud there), so a teacher pressing F5 to hear the lesson got the projector.
        page = self.reflections
        self.export_docx_action = self._action(menu, page.export_docx_button.text(),
                                               keys.EXPORT_WORD, lambda: self.export("docx"))
        self.export_pdf_action = self._action(menu, page.export_pdf_button.text(), keys.EXPORT_PDF,
                                              lambda: self.export("pdf"))
        for action, button in ((self.export_docx_action, page.export_docx_button),
                               (self.export_pdf_action, page.export_pdf_button)):
            action.setToolTip(button.toolTip())
            action.setStatusTip(button.toolTip())
        # The lesson editor's "Save as new lesson…": in the menu, since at a large
        # interface size the editor's tool bar has no room for it (it was hidden
        # behind the tool bar's » at 200%). Step 3 has it as a button too.
        self.editor.toolbar.removeAction(self.editor.save_action)
        self.editor.save_action.setText(self.tr("Save as &new lesson…"))  # an Alt letter
        menu.addAction(self.editor.save_action)
        menu.addSeparator()
        self.trainer_action = self._action(menu, self.tr("&Trainer mode (projector)"),
                                           keys.TRAINER_MODE, self.open_trainer)
        self.checker_action = show_checker_action(self, self.checker_dock, self.checker,
                                                  self.tr("Show the chec&ker"))
        menu.addAction(self.checker_action)
        self.log_action = self._action(menu, self.tr("My reflection lo&g…"), "",
                                       lambda: open_reflection_log(self, self.reflection_store))
        menu.addSeparator()
        self._action(menu, self.tr("C&lose practice"), QKeySequence.StandardKey.Close, self.close)
        # F8 works from every step; it shows the simulation step as it flips.
        self.addAction(self.simulation_panel.flip_action)
        for action in (self.save_action, self.export_docx_action, self.export_pdf_action,
                       self.trainer_action):
            action.setEnabled(False)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # ----- the scenario -------------------------------------------------------

    def show_chooser(self) -> None:
        """Back to the list of pupils (the session in progress is kept until another starts)."""
        self.pages.setCurrentWidget(self.chooser)
        self.checker_dock.hide()
        self.chooser.list.setFocus()

    def start_scenario(self, scenario: Scenario | str) -> None:
        """Open a scenario's lesson unadapted (Standard) and start a practice session."""
        if isinstance(scenario, str):
            scenario = get_scenario(scenario)
        try:
            text = scenario.lesson_path.read_text(encoding="utf-8")
        except OSError as error:
            self.show_message(self.tr("The lesson for this scenario could not be opened: "
                                      "{reason}.").format(reason=error.strerror), "error")
            return
        self.editor.set_text(text, scenario.lesson_path)
        standard = default_preset()
        self.workbench.set_profile(standard)
        report = self.workbench.report()
        if report is None or self.editor.lesson() is None:
            self.show_message(self.tr("The lesson for this scenario has errors, so practice "
                                      "cannot start."), "error")
            return
        self.run = PracticeRun(scenario, self.editor.lesson(), text, standard, report)
        self._saved_state = None
        self.chooser.select(scenario.id)
        self.checker.set_baseline(report.scores)
        self.checker.set_targets(scenario.targets)
        self.pupil_title.setText(scenario.title)
        self.task.setText(self.tr("Your task: {task} Aim for: {targets}.").format(
            task=scenario.task, targets=targets_text(scenario)))
        self.about.setHtml(pupil_html(scenario, with_task=False))
        self.reflections.set_prompts(scenario.reflection_prompts)
        self.reflections.show_status(self.tr("Nothing is sent anywhere: the log is kept on "
                                             "this computer."))
        self.profile_bar.set_suggestions(scenario)
        keep_practice_tab_chain(self)  # Tab in screen order (app/practice/practice_keys.py)
        self.refresh_profiles(standard.name)
        self.simulation_panel.turn_all_off()
        if not self.simulation_panel.is_adapted():
            self.simulation_panel.flip_adapted()
        self._refresh_simulation()
        for action in (self.save_action, self.export_docx_action, self.export_pdf_action,
                       self.trainer_action):
            action.setEnabled(True)
        self.pages.setCurrentIndex(1)
        self.checker_dock.show()
        self.resizeDocks([self.checker_dock], [max(420, self.width() // 3)],
                         Qt.Orientation.Horizontal)
        self.tabs.setCurrentIndex(TAB_ADAPT)
        self.setWindowTitle(self.tr("Practice: {pupil} — Lesson Lab").format(
            pupil=scenario.title))
        self.editor.text_edit.setFocus()

    def scenario(self) -> Scenario | None:
        """The scenario being practised."""
        return self.run.scenario if self.run else None

    # ----- the profile --------------------------------------------------------

    def refresh_profiles(self, select: str | None = None) -> None:
        """List the presets and the teacher's saved profiles; show ``select`` (or the current)."""
        self.profile_bar.refresh(self.workbench.profile(), select)

    def choose_profile(self, name: str) -> bool:
        """Adapt with the preset or saved profile called ``name``; False when there is none."""
        return self.profile_bar.choose(name)

    def apply_suggested_preset(self, index: int = 0) -> bool:
        """Adapt with one of the scenario's suggested presets (the first by default)."""
        scenario = self.scenario()
        if scenario is None or not 0 <= index < len(scenario.presets):
            return False
        return self.choose_profile(scenario.presets[index])

    @property
    def suggestion_buttons(self) -> list[QPushButton]:
        """The buttons for the scenario's suggested presets."""
        return self.profile_bar.suggestion_buttons

    def _profile_changed(self, profile: Profile) -> None:
        self.profile_bar.show_profile(profile)
        if self.profile_editor is not None and self.profile_editor.isVisible() \
                and self.profile_editor.profile() != profile:
            self.profile_editor.set_profile(profile)

    def edit_profile(self) -> ProfileEditor:
        """Open the profile editor on the profile in use; every edit shows at once."""
        if self.profile_editor is None:
            self.profile_editor = ProfileEditor(self.workbench.profile(), self.editor.lesson(),
                                                self.store, self)
            self.profile_editor.profile_changed.connect(self.workbench.set_profile)
            self.profile_editor.profile_saved.connect(lambda p: self.refresh_profiles(p.name))
        else:
            self.profile_editor.set_profile(self.workbench.profile())
            self.profile_editor.set_lesson(self.editor.lesson())
        self.profile_editor.show()
        self.profile_editor.raise_()
        return self.profile_editor

    # ----- feedback -----------------------------------------------------------

    def _report_changed(self, _report) -> None:
        if self.tabs.currentIndex() == TAB_SIMULATE:
            self._refresh_simulation()
        elif self.tabs.currentIndex() == TAB_REFLECT:
            self._refresh_summary()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_SIMULATE:
            self._refresh_simulation()
        elif index == TAB_REFLECT:
            self._refresh_summary()

    def _flipped(self, _adapted: bool) -> None:
        if self.run is not None and self.tabs.currentIndex() != TAB_SIMULATE:
            self.tabs.setCurrentIndex(TAB_SIMULATE)
        self._refresh_simulation()

    def _refresh_simulation(self) -> None:
        """Show the adapted lesson, or the unadapted one after F8, under the simulations."""
        if self.run is None:
            return
        if self.simulation_panel.is_adapted():
            lesson = self.editor.lesson() or self.run.original
            profile = self.workbench.profile()
            text = self.tr("Adapted lesson: {profile} (F8 for the unadapted one)")
        else:
            lesson, profile = self.run.original, self.run.start.profile
            text = self.tr("Unadapted lesson: as written, {profile} (F8 for the adapted one)")
        self.simulation_label.setText(text.format(profile=profile.name))
        self.simulation_view.setAccessibleName(self.simulation_label.text())
        if self.simulation_view.lesson() is not lesson:
            self.simulation_view.set_lesson(lesson)
        self.simulation_view.set_profile(profile)

    def _refresh_summary(self) -> None:
        if self.run is None:
            return
        self.reflections.set_summary(self.run.score_lines(self.workbench.scores()),
                                     self.run.changes(self.editor.text(),
                                                      self.workbench.profile()))

    # ----- trainer mode -------------------------------------------------------

    def trainer_content(self) -> TrainerContent | None:
        """The session as trainer mode shows it (None before a scenario starts)."""
        if self.run is None:
            return None
        return self.run.trainer_content(self.editor.lesson(), self.editor.text(),
                                        self.workbench.profile(), self.workbench.scores(),
                                        self.reflections.answers())

    def open_trainer(self, present: bool = True) -> TrainerView | None:
        """Show this session in trainer mode (full screen unless ``present`` is False)."""
        content = self.trainer_content()
        if content is None:
            return None
        if self.trainer is not None:
            self.trainer.close()
        # Its own window, but a child of this one: through this window's parent
        # it finds the main window, whose captions and keys it borrows.
        self.trainer = TrainerView(content, self)
        self.trainer.left.connect(self._trainer_left)
        if present:
            self.trainer.present()
        else:
            self.trainer.show()
        return self.trainer

    def _trainer_left(self) -> None:
        self.trainer = None
        self.activateWindow()

    def _state(self) -> tuple:
        return (self.editor.text(), self.workbench.profile(),
                tuple(self.reflections.answers().items()))

    def has_unsaved_work(self) -> bool:
        """True when the teacher changed or wrote something since the last save."""
        if self.run is None:
            return False
        if self._saved_state is not None:
            return self._state() != self._saved_state
        text, profile, answers = self._state()
        return (text != self.run.original_text or profile != self.run.start.profile
                or any(answer for _question, answer in answers))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.has_unsaved_work():
            answer = self.ask_save_before_closing()
            if answer == "cancel" or (answer == "save" and self.save_session() is None):
                event.ignore()
                return
        if self.trainer is not None:
            self.trainer.close()
        super().closeEvent(event)

    # ----- questions (replaced in tests) --------------------------------------

    def ask_save_before_closing(self) -> str:
        """Ask whether to keep this session: "save", "discard" or "cancel"."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Practice"),
            self.tr("Save this practice session in your reflection log before closing?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def show_message(self, text: str, kind: str = "info") -> None:
        """Tell the teacher something (an error in a box; otherwise the status line)."""
        if kind == "error":
            QMessageBox.warning(self, self.tr("Practice"), text)
        else:
            self.reflections.show_status(text)

