"""Where the dictation panel's Save… opens, and the file name it suggests.

A pupil who saves every lesson must not overwrite yesterday's file after one
quick "replace?" question, nor hunt for their folder each time. So Save…
opens in the folder the controller gives (the one last used for dictation),
with the format chosen last time, and suggests:

* the file the text was last saved to, once it has been saved: saving again
  updates that file, as in any editor (the dialog asks before replacing it);
* otherwise a dated name, "Dictation 28 November 2026.txt", or
  "Dictation 28 November 2026 (2).txt" when that name is taken in either
  format (so choosing Word in the dialog cannot replace a file either).

A folder that has gone (a USB stick taken out) gives the home folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lessons.british_dates import short_date
from lessons.file_names import free_path

# The formats Save… offers, with their names in the dialog (widgets/save_as.py adds
# the pattern: "Plain text (*.txt)").
SAVE_FORMATS = {"txt": "Plain text", "docx": "Word document"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationPanel", text)


@dataclass(frozen=True)
class SaveStart:
    """Where Save… opens: ``folder`` ("" for home), format ``fmt``, and ``file``,
    the file the text was last saved to ("" when it has not been saved)."""

    folder: str = ""
    fmt: str = "txt"
    file: str = ""


def dated_stem(day: date) -> str:
    """"Dictation 28 November 2026" for ``day``."""
    return _tr("Dictation {date}").format(date=short_date(day))


def free_file_name(folder: Path, stem: str, fmt: str) -> str:
    """``stem.fmt``, or ``stem (2).fmt`` and so on: the first name no file in
    ``folder`` has, as a .txt or a .docx."""
    return free_path(folder, stem, fmt, also=SAVE_FORMATS).name


def suggested_path(start: SaveStart, day: date) -> str:
    """The path Save… offers for ``start`` on ``day`` (see the module's notes)."""
    if start.file and Path(start.file).parent.is_dir():
        return start.file
    folder = Path(start.folder) if start.folder and Path(start.folder).is_dir() else Path.home()
    return str(folder / free_file_name(folder, dated_stem(day), start.fmt))
