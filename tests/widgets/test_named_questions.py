"""One-line questions whose input is named by the question (widgets/named_questions.py).

The usability review: trainer mode's "Which pupil should the projector
show?" was QInputDialog.getItem, whose combo box had no accessible name, so
a screen reader heard only "Aisha, Year 10…". The real dialogs are answered
from a timer, as a person would answer them.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit

from widgets.named_questions import ask_choice, ask_text


def _answer(kind, seen: list, accept: bool = True, pick: int = -1) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, act)
            return
        field = dialog.findChild(kind)
        seen.append(field.accessibleName())
        if pick >= 0:
            field.setCurrentIndex(pick)
        (dialog.accept if accept else dialog.reject)()

    QTimer.singleShot(0, act)


def test_a_choice_is_named_by_its_question_and_gives_the_choice(qtbot):
    seen: list[str] = []
    _answer(QComboBox, seen, pick=1)
    chosen = ask_choice(None, "Trainer mode", "Which pupil should the projector show?",
                        ["Maya, Year 4", "Aisha, Year 10"])
    assert seen == ["Which pupil should the projector show?"]
    assert chosen == "Aisha, Year 10"
    _answer(QComboBox, seen, accept=False)
    assert ask_choice(None, "Trainer mode", "Which pupil?", ["Maya"]) is None


def test_a_name_to_type_is_named_by_its_question(qtbot):
    seen: list[str] = []
    _answer(QLineEdit, seen)
    typed = ask_text(None, "Save profile", "That name is taken.\n\nName for your profile:",
                     "Maya (adapted)")
    assert seen == ["Name for your profile:"]
    assert typed == "Maya (adapted)"
    _answer(QLineEdit, seen, accept=False)
    assert ask_text(None, "Save profile", "Name for your profile:") is None


def test_a_name_to_type_has_room_for_the_name_offered(qtbot):
    # The README review: "Save profile as" showed "ontrast white on black (copy)".
    name = "High contrast white on black (copy)"
    widths: list[tuple[int, int]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, look)
            return
        field = dialog.findChild(QLineEdit)
        widths.append((field.width(), field.fontMetrics().horizontalAdvance(name)))
        dialog.accept()

    QTimer.singleShot(0, look)
    assert ask_text(None, "Save profile as", "Name for your profile:", name) == name
    ((shown, needed),) = widths
    assert shown > needed
