"""Importing a document: what it left out or changed, and a document imported before.

An imported document's notes ("A chart on slide 8 was left out…", "2 key
words were taken…") are about the document, not the lesson file, so the
library cannot list them later: they are shown here, when the teacher can
still act on them. The box does not block the window (``open``, not
``exec``), its text can be selected and copied, and a long list shows its
first :data:`SHOWN` notes with the rest under Show Details….

A document imported again (a trainer's updated slides) would otherwise make a
second lesson with the same title beside the first, with nothing to tell them
apart: :func:`ask_reimport` asks whether to replace the earlier one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from widgets.button_question import ACCEPT, ACTION, REJECT, Choice, ask_buttons

#: The most notes listed in the box itself; any more are under Show Details….
SHOWN = 8
#: :func:`ask_reimport`'s answers ("" for Cancel).
REPLACE = "replace"
KEEP_BOTH = "both"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportNotes", text)


def import_notes_box(parent: QWidget | None, name: str, title: str,
                     notes: list[str]) -> QMessageBox:
    """A box saying ``name`` (the document) became the lesson ``title``, with its ``notes``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Imported with notes"))
    box.setText(_tr("“{name}” is now the lesson “{title}”. Check these before you teach "
                    "from it:").format(name=name, title=title))
    listed = [f"• {note}" for note in notes[:SHOWN]]
    if len(notes) > SHOWN:
        listed.append(_tr("…and {n} more: Show Details… lists them all.").format(
            n=len(notes) - SHOWN))
        box.setDetailedText("\n".join(f"• {note}" for note in notes))
    box.setInformativeText("\n".join(listed))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def ask_reimport(parent: QWidget | None, name: str, title: str, lesson_file: str) -> str:
    """Your lessons have ``lesson_file`` (the lesson ``title``), the name ``name`` would take:
    REPLACE, KEEP_BOTH or "" (Cancel). Keep both is the default: the lesson there may have
    come from another document of the same name ("Fractions.docx" and "Fractions.pptx").
    """
    return ask_buttons(
        parent, _tr("A lesson with this name"),
        _tr("Your lessons already have “{title}” ({file}), the lesson a file called "
            "“{name}” would make.").format(title=title, file=lesson_file, name=name),
        _tr("If it came from this file before, replace it with this import? Replacing it "
            "loses that lesson as it is now. Or keep both."),
        [Choice(_tr("&Replace it"), ACCEPT, REPLACE), Choice(_tr("&Keep both"), ACTION, KEEP_BOTH),
         Choice(_tr("Cancel"), REJECT, "")],
        default=KEEP_BOTH)
