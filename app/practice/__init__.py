"""Practice tools: practice mode, trainer mode and the lesson editor window.

Entry points for the main window (imports are kept inside the functions so
that building the menu costs nothing until a tool is opened)::

    from app.practice import add_practice_menu, open_practice, open_trainer
    add_practice_menu(main_window)            # a "Practice" menu with the actions below
    open_practice(parent, scenario_id=None)   # -> PracticeWindow (shown)
    open_trainer(parent, scenario_id=None)    # -> TrainerView (full screen)
    open_lesson_editor(parent, path, profile) # -> LessonEditorWindow (shown)
"""

from __future__ import annotations

from app.practice.entry import (
    add_practice_menu,
    open_lesson_editor,
    open_practice,
    open_trainer,
    practice_actions,
)

__all__ = [
    "add_practice_menu",
    "open_lesson_editor",
    "open_practice",
    "open_trainer",
    "practice_actions",
]
