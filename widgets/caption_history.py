"""Everything the captions have said, with times, to scroll back through and save.

Each settled caption is one line, ``[HH:MM:SS] text``, in the order spoken.
The pane keeps every line for the session; ``save_history(path)`` writes them
as a UTF-8 text file in the same form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lessons.atomic_file import write_text_atomically
from lessons.save_problem import save_problem
from widgets.announce import announce
from widgets.relative_font import set_relative_font
from widgets.save_as import ask_save_as
from widgets.screen_fit import fit_size
from widgets.value_label import ValueLabel
from widgets.window_role import reaches_reader_as_window


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptionHistory", text)


@dataclass(frozen=True)
class CaptionEntry:
    """One settled caption and when it was said."""

    text: str
    at: datetime

    def line(self) -> str:
        """``[HH:MM:SS] text``."""
        return f"[{self.at:%H:%M:%S}] {self.text}"


def format_history(entries: Iterable[CaptionEntry]) -> str:
    """The entries as text, one ``[HH:MM:SS] text`` line each."""
    return "".join(entry.line() + "\n" for entry in entries)


def as_datetime(timestamp: datetime | float | None) -> datetime:
    """A caption's time: a datetime, seconds since the epoch, or now when ``None``."""
    if timestamp is None:
        return datetime.now()
    if isinstance(timestamp, datetime):
        return timestamp
    return datetime.fromtimestamp(timestamp)


@reaches_reader_as_window  # "frame" to a reader, not "filler"
class CaptionHistory(QWidget):
    """A scrollable list of every caption with its time, and a button to save it.

    Signal ``saved(path)`` after the history is written to a file.
    """

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_folder: Callable[[], Path] = Path.home  # where Save… opens
        self.setWindowTitle(_tr("Lesson Lab: caption history"))
        self.setAccessibleName(_tr("Caption history"))
        self._entries: list[CaptionEntry] = []
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        # Read-only, but the keyboard can still move through it and select to copy.
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.setAccessibleName(_tr("Captions so far, with times"))
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        set_relative_font(self.view, 1.4, least_pt=14.0)
        self.save_button = QPushButton(_tr("&Save as text…"), self)
        self.save_button.clicked.connect(self.save)
        # A reader hears how the save went, and can go back to it: a fixed name
        # ("Save status") stood in place of it, and nothing was announced.
        self.status = ValueLabel(parent=self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(fit_size(self, QSize(720, 480)))

    def add(self, text: str, at: datetime | float | None = None) -> CaptionEntry:
        """Add a settled caption said at ``at`` (now when ``None``)."""
        entry = CaptionEntry(text.strip(), as_datetime(at))
        self._entries.append(entry)
        bar = self.view.verticalScrollBar()
        following = bar.value() >= bar.maximum() - 2
        kept = bar.value()
        self.view.appendPlainText(entry.line())
        # Follow new captions unless the reader has scrolled back to look at something.
        bar.setValue(bar.maximum() if following else kept)
        return entry

    def entries(self) -> list[CaptionEntry]:
        """Every caption, oldest first."""
        return list(self._entries)

    def lines(self) -> list[str]:
        """Every caption as ``[HH:MM:SS] text``."""
        return [entry.line() for entry in self._entries]

    def clear_history(self) -> None:
        """Forget every caption."""
        self._entries.clear()
        self.view.clear()
        self.status.clear()

    def save_history(self, path: str | Path) -> Path:
        """Write the history to ``path`` as UTF-8 text; raises ``OSError`` when it cannot.

        Written whole or not at all (lessons/atomic_file.py): on a full disk an
        earlier save at ``path`` is left as it was, not cut short.
        """
        return write_text_atomically(Path(path), format_history(self._entries))

    def save(self) -> None:
        """Ask where, save, and say how it went (in the pane, not in a dialog)."""
        if not self._entries:
            self._say(_tr("There are no captions to save yet."))
            return
        path = self.ask_save_path()
        if not path:
            return
        try:
            written = self.save_history(path)
        except OSError as error:
            # One plain sentence (the disk is full…), and that nothing is lost.
            self._say(_tr("{problem} Nothing was lost: every caption is still here.")
                      .format(problem=save_problem(error, _tr("The captions"), path)),
                      problem=True)
            return
        self._say(_tr("Saved to {path}.").format(path=written))
        self.saved.emit(str(written))

    def _say(self, text: str, problem: bool = False) -> None:
        """Show how the save went beside the button, and tell a screen reader."""
        self.status.setText(text)
        announce(self.status, text, assertive=problem)

    def ask_save_path(self) -> str | None:
        """A file dialog for where to save; ``None`` when cancelled. Tests replace it."""
        default = Path(self.start_folder()) / f"Captions {datetime.now():%Y-%m-%d %H%M}.txt"
        # The ending added, and a file it would replace asked about (widgets/save_as.py).
        chosen = ask_save_as(self, _tr("Save captions"), str(default),
                             [(_tr("Plain text"), "txt")])
        return chosen[0] if chosen is not None else None
