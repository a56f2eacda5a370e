"""Opening the lesson editor window from a real main window, as a teacher does.

Tools › Check and edit this lesson is Ctrl+Shift+E in the main window;
``open_editor`` presses it and returns the editor window it opened.
``open_main`` opens a main window (tests/app/main_window_helpers.Opened) whose
editor windows are closed without asking at the end of the test, before the
main window is: closing it closes them, and a question box would wait.
``NextNames`` types answers into the real input boxes that ask for names.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton, QWidget

from app.practice.editor_window import DISCARD, LessonEditorWindow

SPACING_FIX = "Give the text more room"  # the checker's fix for tight spacing


def open_main(qtbot, opened, **kwargs):
    """``opened.open(**kwargs)``, its editor windows left without asking at the end."""
    # pytest-qt closes widgets in the order they were added: this one goes first. (It
    # holds only a weak reference, so the main window keeps the guard alive.)
    guard = QWidget()
    qtbot.addWidget(guard, before_close_func=lambda w: leave_editors(w.main))
    guard.main = opened.open(**kwargs)
    guard.main.editor_guard = guard
    return guard.main


def editors(main) -> list[LessonEditorWindow]:
    """The editor windows open from ``main``."""
    return [w for w in main.findChildren(LessonEditorWindow)
            if shiboken6.isValid(w) and w.isVisible()]


def open_editor(qtbot, main) -> LessonEditorWindow:
    """Press Ctrl+Shift+E in ``main``; the editor window it opens, active."""
    before = set(editors(main))
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(main, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    made = [w for w in editors(main) if w not in before]
    assert len(made) == 1, "Ctrl+Shift+E opens one editor window"
    window = made[0]
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def fix_button(window: LessonEditorWindow, label: str) -> QPushButton:
    """The checker's Fix button for the fix whose label starts with ``label``."""
    found = [b for b in window.checker.fix_buttons()
             if b.property("fix").label.startswith(label)]
    assert found, f"the checker offers no fix '{label}'"
    return found[0]


def click_fix(qtbot, window: LessonEditorWindow, label: str) -> None:
    """Click the checker's Fix button for ``label``, as a teacher would."""
    qtbot.mouseClick(fix_button(window, label), Qt.MouseButton.LeftButton)


def leave_editors(main) -> None:
    """Close every editor window of ``main`` that a test left open, saving nothing."""
    for window in editors(main):
        window.ask_unsaved_changes = lambda: DISCARD
        window.close()


#: An answer for ``NextNames``: take the name the box offers, as it is.
AS_OFFERED = "<as offered>"


class NextNames:
    """Types each of ``answers`` into the next input boxes (QInputDialog), one each.

    None cancels that box; AS_OFFERED accepts what it offers. ``labels`` and
    ``suggested`` list what each box said and offered.
    """

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.labels: list[str] = []
        self.suggested: list[str] = []
        self._stopped = False
        QTimer.singleShot(0, lambda: self._look())

    def stop(self) -> None:
        """Stop looking (the code that might have asked has returned)."""
        self._stopped = True

    def _look(self) -> None:
        if self._stopped or not self.answers:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog) and box.isVisible():
            self.labels.append(box.labelText())
            self.suggested.append(box.textValue())
            answer = self.answers.pop(0)
            if answer is None:
                box.reject()
            else:
                if answer != AS_OFFERED:
                    box.setTextValue(answer)
                box.accept()  # hides it at once, so the next look sees the next box
        QTimer.singleShot(20, lambda: self._look())
