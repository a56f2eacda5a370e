"""Every "Save as…" in Lesson Lab: the file's ending added, and no file replaced unasked.

Qt's own save dialog (the one used on Linux, and wherever a native dialog is
not available) adds no ending: a teacher who types "Handout" gets a file
called "Handout", which Windows and Word will not open with a double-click.
So :func:`ask_save_as` adds the ending of the file type chosen in the dialog
when the name typed has none of the dialog's endings ("notes.txt" typed with
Word chosen stays plain text, as the teacher asked).

The dialog asked before replacing the name as typed ("notes"); the file
written is "notes.docx", which may exist. Only then — an ending added and a
file by that name already there — :func:`ask_save_as` asks "Replace it" or
"Choose another name"; the second opens the dialog again at that name. A name
typed with its ending is never asked about twice.

The question is a replaceable seam: callers may pass their own ``confirm``
(the dictation panel's ``confirm_replace`` method), and tests may replace
this module's :func:`confirm_replace`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from widgets.button_question import ACCEPT, REJECT, WARNING, Choice, ask_buttons

# A file type the dialog offers: (label shown, such as "Word document", ending without a dot).
FileType = tuple[str, str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveAs", text)


def with_ending(path: str | Path, endings: Sequence[str], default: str) -> tuple[str, str]:
    """``(path, ending)`` for a name the person chose.

    When ``path`` already ends in one of ``endings`` (in any case: "A.DOCX"),
    it is kept and that ending returned; otherwise ``default``'s ending is
    added ("Handout" → "Handout.pdf", "my.notes" → "my.notes.pdf").
    """
    path = str(path)
    ending = Path(path).suffix.lower().lstrip(".")
    if ending in (e.lower() for e in endings):
        return path, ending
    return f"{path}.{default}", default


def file_filter(label: str, ending: str) -> str:
    """The dialog's name for one file type: "Word document (*.docx)"."""
    return f"{label} (*.{ending})"


def _ending_of_filter(chosen: str, types: Sequence[FileType]) -> str | None:
    for label, ending in types:
        if chosen == file_filter(label, ending):
            return ending
    # A native dialog may hand back the filter in its own words; its pattern still says.
    for _label, ending in types:
        if f"*.{ending}" in chosen:
            return ending
    return None


def ask_save_as(parent: QWidget | None, title: str, start: str, types: Sequence[FileType],
                selected: str | None = None,
                confirm: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """Ask where to save; ``(path, ending)``, or None when the person cancels.

    ``start`` is the folder and suggested name the dialog opens at, ``types``
    the file types offered (the first is the default) and ``selected`` the
    ending of the type chosen when it opens. ``confirm(path)`` asks whether to
    replace a file the dialog did not ask about (see the module's notes); by
    default this module's :func:`confirm_replace`.
    """
    if not types:
        raise ValueError("a save dialog needs at least one file type")
    endings = [ending for _label, ending in types]
    if selected not in endings:
        selected = endings[0]
    filters = [file_filter(label, ending) for label, ending in types]
    chosen_filter = filters[endings.index(selected)]
    while True:
        path, chosen = QFileDialog.getSaveFileName(parent, title, start, ";;".join(filters),
                                                   chosen_filter)
        if not path:
            return None
        target, ending = with_ending(path, endings,
                                     _ending_of_filter(chosen, types) or selected)
        if target == path or not Path(target).exists():
            return target, ending
        asked = confirm(target) if confirm is not None else confirm_replace(parent, target)
        if asked:
            return target, ending
        # "Choose another name": the dialog again, at the name that was taken.
        start, chosen_filter = target, chosen or chosen_filter


def confirm_replace(parent: QWidget | None, path: str, question: str | None = None) -> bool:
    """Ask whether to replace the file at ``path``: True for "Replace it".

    ``question`` is the box's text; by default "There is already a file called
    “<name>”. Do you want to replace it?". "Choose another name" is the default
    button, so Enter pressed too quickly never loses a file.
    """
    return ask_buttons(
        parent.window() if parent is not None else None, _tr("Replace the file?"),
        question or _tr("There is already a file called “{name}”. Do you want to "
                        "replace it?").format(name=Path(path).name), "",
        [Choice(_tr("&Replace it"), ACCEPT, True),
         Choice(_tr("&Choose another name"), REJECT, False)],
        default=False, icon=WARNING)
