"""The lesson editor in a window of its own, with the checker beside it.

For editing any lesson (not a practice scenario): the text with its live
adapted preview, a profile list, and the checker panel re-scoring as the
teacher types, with one-click fixes. "Save as new lesson" writes to the
user's lesson folder; the file opened is never changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from app.practice.workbench import Workbench
from lessons.presets import default_preset, load_presets
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from widgets.checker_panel import CheckerPanel
from widgets.lesson_editor import LessonEditor


class LessonEditorWindow(QMainWindow):
    """A lesson's text, its adapted preview and the checker, in one window."""

    def __init__(self, parent: QWidget | None = None, profile: Profile | None = None,
                 store: ProfileStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a lesson — Lesson Lab"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store if store is not None else ProfileStore()
        self.editor = LessonEditor()
        self.checker = CheckerPanel()
        self.workbench = Workbench(self.editor, self.checker, profile or default_preset(), self)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Profile for the preview and the checker"))
        label = QLabel(self.tr("&Profile:"))
        label.setBuddy(self.profile_combo)
        for item in [*load_presets(), *self.store.profiles()]:
            self.profile_combo.addItem(item.name, item)
        current = self.workbench.profile()
        index = self.profile_combo.findText(current.name)
        if index < 0:
            self.profile_combo.insertItem(0, current.name, current)
            index = 0
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.activated.connect(
            lambda i: self.workbench.set_profile(self.profile_combo.itemData(i)))
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.profile_combo)
        row.addStretch(1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(row)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        dock = QDockWidget(self.tr("Checker"), self)
        dock.setObjectName("checkerDock")
        dock.setWidget(self.checker)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resize(1500, 950)

    def open_lesson(self, path: str | Path) -> bool:
        """Edit the lesson file at ``path`` (it is never written to); False when unreadable."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.editor.show_message(self.tr("This lesson file could not be read."), "error")
            return False
        self.editor.set_text(text, path)
        self.checker.set_baseline(self.workbench.scores())
        self.setWindowTitle(self.tr("Edit: {name} — Lesson Lab").format(name=Path(path).name))
        return True
