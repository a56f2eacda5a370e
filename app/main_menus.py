"""The main window's actions, menus and tool bars, with a shortcut for everything.

Every command is a QAction added to the window itself as well as to its menu,
so its shortcut works wherever the keyboard is in the window. The Help >
Keyboard shortcuts list is built from these same actions
(:func:`shortcut_rows`), so it cannot drift from what the keys really do.

Controllers that arrive later (read aloud, dictation, captions, practice) hand
their own actions to the window (``MainWindow.add_actions``); they go into the
menus named here by key: "file", "view", "read", "dictation", "tools",
"practice", "help".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from app.ui_scale import STEPS
from widgets import keys

PRINT_CHOICES = ("profile", "black-on-white", "black-on-cream")
# speech.stt.choice.engine_names() without importing speech/ at start-up (a test
# keeps the two in step).
ENGINE_CHOICES = ("auto", "vosk", "whisper")
READ_ALOUD_BUILDING = "Read aloud is being built"
CAPTIONS_BUILDING = "Live captions are being built"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


class MainActions:
    """Builds and holds the window's actions, menus and tool bars."""

    def __init__(self, window) -> None:
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self.toolbars: dict[str, QToolBar] = {}
        self.placeholders: dict[str, list[QAction]] = {"read": [], "dictation": []}
        self._make_file_actions()
        self._make_view_actions()
        self._make_speech_actions()
        self._make_tool_actions()

    def action(self, text: str, slot: Callable | None, shortcut=None, *,
               checkable: bool = False, tip: str = "") -> QAction:
        """A window-wide action; ``shortcut`` is a string, a StandardKey or a list."""
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.window.addAction(action)  # the shortcut works wherever the focus is
        return action

    # ----- actions ---------------------------------------------------------------------

    def _make_file_actions(self) -> None:
        w = self.window
        self.open_lesson = self.action(_tr("&Open lesson file…"), w.open_lesson_file,
                                       QKeySequence.StandardKey.Open,
                                       tip=_tr("Open a lesson file (.md) from anywhere"))
        self.import_lesson = self.action(
            _tr("&Import Word, PowerPoint or text file…"), w.import_lesson_file, "Ctrl+I",
            tip=_tr("Make a lesson from a Word document (.docx), PowerPoint slides (.pptx) "
                    "or a text file (.txt)"))
        self.export_pdf = self.action(_tr("&Export PDF…"), w.export_pdf, keys.EXPORT_PDF,
                                      tip=_tr("Save the adapted lesson as a clear-print PDF"))
        self.export_docx = self.action(
            _tr("Export &Word document…"), w.export_docx, keys.EXPORT_WORD,
            tip=_tr("Save the adapted lesson as a Word document to change before printing"))
        self.export_pptx = self.action(
            _tr("Export Power&Point slides…"), w.export_pptx,
            tip=_tr("Save the adapted lesson as PowerPoint slides to teach from"))
        self.reload_library = self.action(_tr("&Reload the library"), w.refresh_library,
                                          "Ctrl+R")
        self.quit = self.action(_tr("&Quit"), w.close, "Ctrl+Q")
        self.print_colours = QActionGroup(w)
        labels = {"profile": _tr("In the profile's colours"),
                  "black-on-white": _tr("Black on white"),
                  "black-on-cream": _tr("Black on cream")}
        for choice in PRINT_CHOICES:
            action = QAction(labels[choice], w, checkable=True)
            action.setChecked(choice == "profile")
            action.setData(choice)
            self.print_colours.addAction(action)

    def _make_view_actions(self) -> None:
        w = self.window
        self.search = self.action(_tr("Search the li&brary"), w.focus_library_search,
                                  QKeySequence.StandardKey.Find)
        self.next_area = self.action(_tr("Next &area"), lambda: w.cycle_focus(1), "F6")
        self.previous_area = self.action(_tr("Previous a&rea"), lambda: w.cycle_focus(-1),
                                         "Shift+F6")
        # Not Alt+P: that is the Practice menu's key, and Qt gives an Alt key that
        # does two things to neither.
        self.choose_profile = self.action(_tr("&Choose a profile"), w.focus_profiles,
                                          "Ctrl+Alt+P")
        self.edit_profile = self.action(_tr("&Edit profile…"), w.edit_profile, "Ctrl+Shift+P",
                                        tip=_tr("Change the fonts, colours and spacing"))
        self.side_by_side = self.action(_tr("&Side by side"), w.show_side_by_side, "Ctrl+D",
                                        checkable=True,
                                        tip=_tr("The original lesson beside the adapted one"))
        # F11, the usual key for full screen (F5 belongs to read aloud).
        self.projector = self.action(_tr("&Projector"), w.start_projector, "F11",
                                     tip=_tr("Present the lesson full screen; Escape leaves"))
        self.flip = self.action(_tr("Show the &unadapted lesson"), w.set_unadapted_shown, "F8",
                                checkable=True,
                                tip=_tr("Flip between the Standard preset and your profile"))
        self.ruler = self.action(
            _tr("Rea&ding ruler"), w.set_ruler_shown, "Ctrl+L", checkable=True,
            tip=_tr("Show or hide the reading ruler, whatever the profile says"))
        self.next_section = self.action(_tr("&Next section"), w.next_section, "Ctrl+PgDown")
        self.previous_section = self.action(_tr("Pre&vious section"), w.previous_section,
                                            "Ctrl+PgUp")
        self.zoom_in = self.action(_tr("Zoom &in"), lambda: w.zoom_views("zoom_in"),
                                   ["Ctrl+=", "Ctrl++"])
        self.zoom_out = self.action(_tr("Zoom &out"), lambda: w.zoom_views("zoom_out"),
                                    "Ctrl+-")
        self.zoom_reset = self.action(_tr("Ac&tual size"), lambda: w.zoom_views("reset_zoom"),
                                      "Ctrl+0")
        self.ui_larger = self.action(_tr("&Larger interface"), lambda: w.step_ui_scale(1),
                                     "Ctrl+Alt+=")
        self.ui_smaller = self.action(_tr("S&maller interface"), lambda: w.step_ui_scale(-1),
                                      "Ctrl+Alt+-")
        self.ui_sizes = QActionGroup(w)
        for scale in STEPS:
            action = QAction(_tr("{percent}%").format(percent=round(scale * 100)), w,
                             checkable=True)
            action.setData(scale)
            self.ui_sizes.addAction(action)
        self.ui_sizes.triggered.connect(lambda a: w.set_ui_scale(a.data()))

    def _make_speech_actions(self) -> None:
        w = self.window
        self.read_placeholders = []
        for text in (_tr("&Read the lesson aloud"), _tr("&Pause reading"),
                     _tr("&Stop reading")):
            action = self.action(text, None, tip=_tr(READ_ALOUD_BUILDING))
            action.setEnabled(False)
            self.read_placeholders.append(action)
        self.placeholders["read"] = list(self.read_placeholders)
        self.dictate = self.action(_tr("&Start or stop dictation"), w.toggle_dictation, "F9",
                                   tip=_tr("Start listening, or stop"))
        # Named as the Speech models window names them: how they write, not the
        # engine (Vosk, Whisper), which is in the tooltip for those who ask.
        labels = {"auto": _tr("&Automatic (the best this computer has)"),
                  "vosk": _tr("&Word by word (needs a word-by-word model)"),
                  "whisper": _tr("&Phrase by phrase (the built-in English model)")}
        self.engines = QActionGroup(w)
        for name in ENGINE_CHOICES:
            action = QAction(labels[name], w, checkable=True)
            action.setData(name)
            self.engines.addAction(action)
        (whisper,) = [a for a in self.engines.actions() if a.data() == "whisper"]
        whisper.setToolTip(_tr("Words appear a phrase at a time, as the pupil pauses "
                               "(speech engine: Whisper)"))
        self.engines.triggered.connect(lambda a: w.set_engine_preference(a.data()))
        # Vosk can be chosen once a Vosk model is installed: the speech report says
        # at start-up, the model manager after each download, import or removal.
        w.speech_report_ready.connect(self._speech_report_ready)
        captions = self.action(_tr("Live &captions"), None, tip=_tr(CAPTIONS_BUILDING))
        captions.setEnabled(False)
        self.placeholders["dictation"] = [captions]

    def set_vosk_ready(self, ready: bool) -> None:
        """Dictation › Speech engine › Word by word (Vosk): enabled with a Vosk model
        installed; without one, disabled, and its words say where to get one."""
        (vosk,) = [a for a in self.engines.actions() if a.data() == "vosk"]
        if ready:
            vosk.setText(_tr("&Word by word"))
            tip = _tr("Words appear one by one as they are said (speech engine: Vosk)")
        else:
            vosk.setText(_tr("&Word by word (add a model in Tools › Speech models)"))
            tip = _tr("Needs a word-by-word speech model: add one in Tools › Speech models "
                      "(speech engine: Vosk)")
        vosk.setToolTip(tip)
        vosk.setStatusTip(tip)
        vosk.setEnabled(ready)

    def _speech_report_ready(self, report) -> None:
        if report is None:  # the question failed: leave the choice to the teacher
            return
        engine = next((e for e in report.engines if e.name == "vosk"), None)
        if engine is not None:
            self.set_vosk_ready(engine.available)

    def _make_tool_actions(self) -> None:
        w = self.window
        self.models = self.action(_tr("Speech &models…"), w.open_model_manager, "Ctrl+Shift+M",
                                  tip=_tr("Download, import or remove speech models"))
        self.simulations = self.action(_tr("&See it as a pupil might"), w.show_simulations,
                                       "Ctrl+Shift+V", checkable=True,
                                       tip=_tr("Vision simulations over the lesson"))
        self.check_lesson = self.action(
            _tr("&Check and edit this lesson…"), w.open_lesson_editor, "Ctrl+Shift+E",
            tip=_tr("The lesson's text with the clear-print checker beside it"))
        self.shortcuts = self.action(_tr("&Keyboard shortcuts"), w.show_shortcuts, "F1")
        self.welcome = self.action(_tr("&Welcome…"), w.show_welcome_again, None)
        self.about = self.action(_tr("&About Lesson Lab"), w.show_about, None)

    # ----- menus and tool bars ---------------------------------------------------------------

    def build_menus(self, library_toggle: QAction, dictation_toggle: QAction) -> None:
        """Fill the menu bar. The dock toggles come from the docks themselves."""
        library_toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
        library_toggle.setText(_tr("&Library"))
        dictation_toggle.setShortcut(QKeySequence("Ctrl+Shift+D"))
        dictation_toggle.setText(_tr("Dictation &panel"))
        for toggle in (library_toggle, dictation_toggle):
            self.window.addAction(toggle)
        self.library_toggle, self.dictation_toggle = library_toggle, dictation_toggle
        bar = self.window.menuBar()
        file_menu = self._menu(bar, "file", _tr("&File"))
        self._fill(file_menu, [self.open_lesson, self.import_lesson, self.reload_library, None,
                               self.export_pdf, self.export_docx, self.export_pptx])
        colours = file_menu.addMenu(_tr("&Colours for PDF, Word and slides"))
        colours.addActions(self.print_colours.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        view = self._menu(bar, "view", _tr("&View"))
        self._fill(view, [self.choose_profile, self.edit_profile, None, self.side_by_side,
                          self.projector, self.flip, self.ruler, None, self.previous_section,
                          self.next_section, None, self.zoom_in, self.zoom_out,
                          self.zoom_reset])
        size = view.addMenu(_tr("Interface si&ze"))
        self._fill(size, [self.ui_larger, self.ui_smaller, None, *self.ui_sizes.actions()])
        self._fill(view, [None, library_toggle, self.search, self.next_area,
                          self.previous_area])
        read = self._menu(bar, "read", _tr("&Read aloud"))
        self._fill(read, self.read_placeholders)
        dictation = self._menu(bar, "dictation", _tr("&Dictation"))
        self._fill(dictation, [dictation_toggle, self.dictate, None,
                               *self.placeholders["dictation"]])
        engines = dictation.addMenu(_tr("Speech &engine"))
        engines.addActions(self.engines.actions())
        tools = self._menu(bar, "tools", _tr("&Tools"))
        self._fill(tools, [self.models, self.simulations, self.check_lesson])
        self._practice_menu(bar)
        help_menu = self._menu(bar, "help", _tr("&Help"))
        self._fill(help_menu, [self.shortcuts, self.welcome, None, self.about])

    def _practice_menu(self, bar) -> None:
        # Practice mode, trainer mode and the reflection log (app/practice);
        # building the actions imports nothing heavy.
        from app.practice import practice_actions

        self.practice = practice_actions(self.window)
        for action in self.practice.values():
            self.window.addAction(action)
        self._fill(self._menu(bar, "practice", _tr("&Practice")), self.practice.values())

    def build_toolbars(self, profiles: QWidget, status: QLabel) -> None:
        """The lesson tool bar (profile, views, export) and the read-aloud tool bar."""
        lesson = self._toolbar("lesson", _tr("Lesson"))
        label = QLabel(_tr("Profile:"))
        label.setBuddy(profiles)
        lesson.addWidget(label)
        lesson.addWidget(profiles)
        for action in (self.edit_profile, None, self.side_by_side, self.projector, self.flip,
                       None, self.previous_section, self.next_section):
            lesson.addSeparator() if action is None else lesson.addAction(action)
        # Always shown, at one width, with the section buttons (disabled without
        # sections) before it: the buttons after it never move (widgets/section_label.py).
        self.section_label_action = lesson.addWidget(status)
        lesson.addSeparator()
        lesson.addAction(self.export_pdf)
        # Speech on a second row, so neither row runs off the edge of a laptop screen.
        self.window.addToolBarBreak()
        read = self._toolbar("read", _tr("Read aloud"))
        read.addActions(self.read_placeholders)
        speech = self._toolbar("dictation", _tr("Dictation"))
        speech.addAction(self.dictate)

    def _menu(self, bar, key: str, title: str) -> QMenu:
        menu = bar.addMenu(title)
        menu.setObjectName(f"menu-{key}")
        self.menus[key] = menu
        return menu

    def _toolbar(self, key: str, title: str) -> QToolBar:
        bar = QToolBar(title)
        bar.setObjectName(f"toolbar-{key}")
        bar.setAccessibleName(_tr("{title} tools").format(title=title))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Qt's » button, shown when the bar runs out of room (a large interface
        # size), has no name of its own: a screen reader said only "check box".
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName(_tr("Show the rest of the {title} tool bar").format(
                title=title))
            more.setToolTip(more.accessibleName())
        self.window.addToolBar(bar)
        self.toolbars[key] = bar
        return bar

    @staticmethod
    def _fill(menu: QMenu, actions) -> None:
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)


# ----- the shortcuts list ---------------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")


def _menu_paths(window: QMainWindow) -> dict[QAction, str]:
    paths: dict[QAction, str] = {}

    def walk(menu: QMenu, prefix: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{prefix} > {_plain(action.text())}")
            elif not action.isSeparator():
                paths.setdefault(action, prefix)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.text()))
    return paths


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every action and shortcut in the window.

    Built from the window's live QActions (and QShortcuts), menu order first.
    """
    paths = _menu_paths(window)
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    ordered = list(paths) + [a for a in window.findChildren(QAction) if a not in paths]
    for action in ordered:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        keys = [s for s in action.shortcuts() if not s.isEmpty()]
        if not keys:
            continue
        where = paths.get(action) or _owner_name(action)
        text = _plain(action.text()) or action.toolTip()
        row = (", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys),
               text, where)
        # Each lesson view (the lesson, and both panes of side by side) has the
        # same key-word keys: list them once.
        if not any(row[:2] == listed[:2] for listed in rows):
            rows.append(row)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            rows.append((shortcut.key().toString(QKeySequence.SequenceFormat.NativeText),
                         _plain(shortcut.whatsThis()) or _owner_name(shortcut),
                         _owner_name(shortcut)))
    # The projector answers its keys itself, like a slide show.
    from widgets.projector import projector_keys

    rows += [(keys, what, _tr("Projector")) for keys, what in projector_keys()]
    from app.practice.trainer_view import trainer_keys

    rows += [(keys, what, _tr("Trainer mode")) for keys, what in trainer_keys()]
    return rows


def _owner_name(thing) -> str:
    parent = thing.parent()
    while parent is not None:
        name = parent.accessibleName() if isinstance(parent, QWidget) else ""
        if name:
            return name
        parent = parent.parent()
    return _tr("Window")
