"""A question answered by pressing one of a few named buttons ("Replace it",
"Keep both", "Cancel"), as a QMessageBox.

The app's questions with buttons named for what they do are asked through
:func:`ask_buttons`, so each has a title, its question and a line of detail
below, a default button that loses nothing when Enter is pressed too quickly,
and the same safe answer for Escape and the window's close button.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

Answer = TypeVar("Answer")

QUESTION = QMessageBox.Icon.Question
WARNING = QMessageBox.Icon.Warning
ACCEPT = QMessageBox.ButtonRole.AcceptRole
ACTION = QMessageBox.ButtonRole.ActionRole
DESTRUCTIVE = QMessageBox.ButtonRole.DestructiveRole
REJECT = QMessageBox.ButtonRole.RejectRole


@dataclass(frozen=True)
class Choice(Generic[Answer]):
    """A button: its label (with its & key), its role and the answer it gives."""

    label: str
    role: QMessageBox.ButtonRole
    answer: Answer


def ask_buttons(parent: QWidget | None, title: str, text: str, detail: str,
                choices: Sequence[Choice[Answer]], *, default: Answer,
                icon: QMessageBox.Icon = QUESTION) -> Answer:
    """The answer of the button pressed. ``default`` is the answer of the button Enter
    presses; Escape and closing the window give the answer of the last choice."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    buttons = [box.addButton(choice.label, choice.role) for choice in choices]
    box.setDefaultButton(buttons[[choice.answer for choice in choices].index(default)])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    pressed = buttons.index(clicked) if clicked in buttons else len(buttons) - 1
    return choices[pressed].answer
