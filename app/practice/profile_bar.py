"""The practice window's profile row: the profile list, Edit profile, and the pupil's presets.

The list holds the built-in presets, then the teacher's saved profiles;
a profile changed by the checker's fixes or the profile editor, and not
saved, is shown at the top under its own name ("Dyslexia (adapted)"), so
the list always says what the lesson is shown with.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lessons.presets import load_presets
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from lessons.scenarios import Scenario
from widgets.flow_area import FlowArea
from widgets.stacking_row import StackingRow

_UNSAVED = Qt.ItemDataRole.UserRole + 1


class ProfileBar(QWidget):
    """Choose how the lesson looks. Signals: ``profile_chosen(Profile)``, ``edit_requested()``."""

    profile_chosen = Signal(object)
    edit_requested = Signal()

    def __init__(self, store: ProfileStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Profile: how the lesson looks"))
        self.combo.activated.connect(self._chosen)
        label = QLabel(self.tr("Pr&ofile:"))
        label.setBuddy(self.combo)
        self.edit_button = QPushButton(self.tr("&Edit profile…"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.suggested_label = QLabel()
        self.suggestion_buttons: list[QPushButton] = []
        # The presets' buttons wrap onto more lines when the row is too narrow for
        # them: at 250% "Speech, language and communication needs" alone is 691 px,
        # and beside "Autism / attention" the practice window was wider than a
        # 1366-px laptop's screen.
        self._suggested = FlowArea()
        # The list with its label, then the buttons: beside each other when there is
        # room, Edit profile… (and the editor's Save profile…) under the list when not.
        chooser = QHBoxLayout()
        chooser.addWidget(label)
        chooser.addWidget(self.combo, 1)  # the list takes a line's room, not its label
        self.row = StackingRow()
        self.row.addLayout(chooser)
        self.row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.row.addSpacing(20)
        # The label above its buttons: beside them the row was wider than a
        # 1600-px screen at 200%.
        suggestions = QVBoxLayout()
        suggestions.addWidget(self.suggested_label)
        suggestions.addWidget(self._suggested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addLayout(suggestions)

    def refresh(self, current: Profile | None = None, select: str | None = None) -> None:
        """List the presets and saved profiles; show ``select`` by name, or ``current``."""
        self.combo.clear()
        for profile in load_presets():
            self.combo.addItem(profile.name, profile)
        own = self.store.profiles()
        if own:
            self.combo.insertSeparator(self.combo.count())
            for profile in own:
                self.combo.addItem(profile.name, profile)
        if select is not None:
            index = self.combo.findText(select)
            self.combo.setCurrentIndex(max(0, index))
        elif current is not None:
            self.show_profile(current)

    def show_profile(self, profile: Profile) -> None:
        """Select ``profile`` in the list, adding it at the top when it is not saved."""
        index = self.combo.findText(profile.name)
        if index >= 0 and self.combo.itemData(index) == profile:
            self.combo.setCurrentIndex(index)
            return
        index = self.combo.findData("unsaved", _UNSAVED)
        if index < 0:
            self.combo.insertItem(0, profile.name, profile)
            self.combo.setItemData(0, "unsaved", _UNSAVED)
            index = 0
        self.combo.setItemText(index, profile.name)
        self.combo.setItemData(index, profile)
        self.combo.setCurrentIndex(index)

    def choose(self, name: str) -> bool:
        """Choose the preset or profile called ``name``; False when there is none."""
        index = self.combo.findText(name)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        self._chosen(index)
        return True

    def set_suggestions(self, scenario: Scenario) -> None:
        """One button for each preset the scenario suggests."""
        for button in self.suggestion_buttons:
            button.hide()
            button.deleteLater()
        self.suggestion_buttons = []
        self.suggested_label.setText(self.tr("Try a preset for {name}:").format(
            name=scenario.name))
        for name in scenario.presets:
            button = QPushButton(name, self._suggested)
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Use the {name} preset").format(name=name))
            button.clicked.connect(lambda _c=False, n=name: self.choose(n))
            self.suggestion_buttons.append(button)
        self._suggested.set_widgets(self.suggestion_buttons)

    def _chosen(self, index: int) -> None:
        profile = self.combo.itemData(index)
        if isinstance(profile, Profile):
            self.profile_chosen.emit(profile)
