"""How the main window opens the practice tools.

Each function makes its window with ``parent`` (so it closes with the main
window), shows it and returns it; each window deletes itself when closed.
Heavy modules are imported only when a tool is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from widgets import keys
from widgets.named_questions import ask_choice

if TYPE_CHECKING:
    from app.practice.editor_window import LessonEditorWindow
    from app.practice.practice_window import PracticeWindow
    from app.practice.reflection_log_window import ReflectionLogWindow
    from app.practice.trainer_view import TrainerView
    from lessons.profile import Profile
    from lessons.reflection import ReflectionStore


def _tr(text: str) -> str:
    return QCoreApplication.translate("Practice", text)


def open_practice(parent: QWidget | None = None, scenario_id: str | None = None
                  ) -> PracticeWindow:
    """Open practice mode: the list of pupils, or straight into ``scenario_id``.

    Raises ``KeyError`` (a plain message) when there is no such scenario.
    """
    from app.practice.practice_window import PracticeWindow

    window = PracticeWindow(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if scenario_id:
        window.start_scenario(scenario_id)
    window.show()
    if not scenario_id:
        window.chooser.list.setFocus()
    return window


def ask_scenario(parent: QWidget | None) -> str | None:
    """Ask which pupil scenario to show; its id, or None when cancelled."""
    from lessons.scenarios import builtin_scenarios

    scenarios = builtin_scenarios()
    titles = [s.title for s in scenarios]
    title = ask_choice(parent, _tr("Trainer mode"),
                       _tr("Which pupil should the projector show?"), titles)
    if title not in titles:
        return None
    return scenarios[titles.index(title)].id


def open_trainer(parent: QWidget | None = None, scenario_id: str | None = None,
                 preset: str | None = None, present: bool = True) -> TrainerView | None:
    """Trainer mode for a scenario: the pupil, before and after, and the scores.

    Before is the lesson with the Standard preset; after is ``preset`` or
    the scenario's first suggested one. Asks for the scenario when none is
    given (None when the trainer cancels). Full screen unless ``present`` is
    False. To show a practice session as it stands, use the practice
    window's Trainer mode (Ctrl+Shift+T) instead.
    """
    from app.practice.trainer_view import TrainerView, demonstration_content
    from lessons.scenarios import get_scenario

    scenario_id = scenario_id or ask_scenario(parent)
    if not scenario_id:
        return None
    view = TrainerView(demonstration_content(get_scenario(scenario_id), preset), parent)
    if present:
        view.present()
    else:
        view.show()
    return view


def open_lesson_editor(parent: QWidget | None = None, path: str | Path | None = None,
                       profile: Profile | None = None) -> LessonEditorWindow:
    """Open the lesson editor with the checker on ``path`` (never written to).

    Lessons and profiles saved in it show in ``parent``'s library and profile
    list at once (app/practice/editor_links.py).
    """
    from app.practice.editor_links import link_to_main_window
    from app.practice.editor_window import LessonEditorWindow

    # The main window's profile store, so a profile saved here is listed there.
    window = LessonEditorWindow(parent, profile, store=getattr(parent, "store", None))
    link_to_main_window(window, parent)
    if path is not None:
        window.open_lesson(path)
    window.show()
    return window


def practice_actions(parent: QWidget) -> dict[str, QAction]:
    """The practice tools' actions, owned by ``parent``: "practice", "trainer", "log".

    "practice" opens practice mode (Ctrl+Shift+R), "trainer" trainer mode
    for a scenario (Ctrl+Shift+T), "log" the folder of the reflection log.
    """
    actions = {
        "practice": QAction(_tr("P&ractise with a pupil scenario…"), parent),
        "trainer": QAction(_tr("&Trainer mode for the projector…"), parent),
        "log": QAction(_tr("My reflection &log…"), parent),
    }
    actions["practice"].setShortcut(QKeySequence("Ctrl+Shift+R"))
    actions["trainer"].setShortcut(QKeySequence(keys.TRAINER_MODE))
    actions["practice"].triggered.connect(lambda _c=False: open_practice(parent))
    actions["trainer"].triggered.connect(lambda _c=False: open_trainer(parent))
    actions["log"].triggered.connect(lambda _c=False: open_reflection_log(parent))
    for action in actions.values():
        action.setStatusTip(action.text().replace("&", "").rstrip("…"))
    return actions


def open_reflection_log(parent: QWidget | None = None,
                        store: ReflectionStore | None = None) -> ReflectionLogWindow:
    """Open "My reflection log": past records listed, shown and saved as Word or PDF.

    One window per ``parent``: asked again, it reads the folder afresh and
    comes to the front. ``store`` is the log (the user's own when None).
    """
    from app.practice.reflection_log_window import ReflectionLogWindow

    if parent is not None:
        for window in parent.findChildren(ReflectionLogWindow):
            if window.isVisible():
                window.reload()
                window.raise_()
                window.activateWindow()
                return window
    window = ReflectionLogWindow(parent, store)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.list.setFocus()
    return window


def add_practice_menu(window: QMainWindow) -> QMenu:
    """Add a "Practice" menu with ``practice_actions`` to ``window``'s menu bar."""
    menu = window.menuBar().addMenu(_tr("&Practice"))
    for action in practice_actions(window).values():
        menu.addAction(action)
    return menu
