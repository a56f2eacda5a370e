"""Qt's one-line questions (a choice from a list, a name to type) with a named input.

``QInputDialog.getItem`` and ``getText`` give their combo box or line edit no
accessible name, so a screen reader announces only its value ("Aisha, Year
10…") and not the question. These ask the same way, and the input is named
by the question. A question to type into is also wide enough for the words
offered and its title ("Save profile as" showed as "Save p…n Lab", its name
as "ontrast white on black (copy)").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QWidget

# Characters a typed answer has room for at least, and the most it is widened to.
_LEAST_CHARS, _MOST_CHARS = 40, 90


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
    _wide_enough(dialog, text, title)
    return dialog.textValue() if dialog.exec() else None


def _wide_enough(dialog: QInputDialog, text: str, title: str) -> None:
    """Room in the box for ``text`` (40 to 90 characters) and for the whole title,
    within the screen. The box is widened, not the dialog: its layout sets its size."""
    field = dialog.findChild(QLineEdit)
    if field is None:
        return
    metrics = field.fontMetrics()
    width = max(metrics.horizontalAdvance(text + "    "),
                metrics.averageCharWidth() * _LEAST_CHARS,
                metrics.horizontalAdvance(title) + 120)
    width = min(width, metrics.averageCharWidth() * _MOST_CHARS)
    screen = dialog.screen()
    if screen is not None:
        width = min(width, screen.availableGeometry().width() - 80)
    field.setMinimumWidth(width)
