"""Qt's one-line questions (a choice from a list, a name to type) with a named input.

``QInputDialog.getItem`` and ``getText`` give their combo box or line edit no
accessible name, so a screen reader announces only its value ("Aisha, Year
10…") and not the question. These ask the same way, and the input is named
by the question.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QWidget


def _named(dialog: QInputDialog, kind: type, question: str) -> None:
    field = dialog.findChild(kind)
    if field is not None:
        field.setAccessibleName(question.strip())


def ask_choice(parent: QWidget | None, title: str, question: str,
               choices: Sequence[str]) -> str | None:
    """One of ``choices`` (the first offered), or None when the question is cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(question)
    dialog.setComboBoxItems(list(choices))
    dialog.setComboBoxEditable(False)
    _named(dialog, QComboBox, question)
    return dialog.textValue() if dialog.exec() else None


def ask_text(parent: QWidget | None, title: str, question: str, text: str = "") -> str | None:
    """The words typed (starting from ``text``), or None when the question is cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(question)
    dialog.setTextValue(text)
    _named(dialog, QLineEdit, question.split("\n\n")[-1])
    return dialog.textValue() if dialog.exec() else None
