"""The controls for "See it as a pupil might": one switch and one strength per simulation.

Every simulation can be switched on alone or with others (they combine in a
fixed order, stated in the panel), and everything works from the keyboard:
Tab moves between switches and sliders, Space turns a switch on or off, the
arrow keys change a strength in steps of 5%, Page Up and Page Down in 20%.

The panel says plainly, before anything else, that these are approximations
for training and not what any one pupil sees; and its help explains why there
is no "dyslexia simulator".

One key (F8, ``FLIP_SHORTCUT``) flips the lesson between the unadapted and
the adapted version while the simulation stays on: the panel emits
``adapted_toggled``; the main window switches the view.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from widgets.simulation.filters import ORDER, SimulationSettings
from widgets.value_label import ValueLabel
from widgets.wrapping_check_box import WrappingCheckBox

FLIP_SHORTCUT = "F8"
DEFAULT_PERCENT = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("SimulationPanel", text)


def simulation_labels() -> dict[str, tuple[str, str]]:
    """Name -> (label, one-line description), in plain British English."""
    return {
        "blur": (_tr("Blurred vision (loss of acuity)"),
                 _tr("Detail is lost: small print and fine lines go first.")),
        "contrast": (_tr("Reduced contrast sensitivity"),
                     _tr("Pale text, grey on grey and faint lines fade away.")),
        "glare": (_tr("Glare"),
                  _tr("Light scattered in the eye: a haze over everything and a halo "
                      "round bright areas, as with cataracts or a bright window.")),
        "central": (_tr("Central field loss (as in macular degeneration)"),
                    _tr("A dark, blurred patch where the eye looks, so the word being "
                        "read is the one that cannot be seen.")),
        "peripheral": (_tr("Tunnel vision (peripheral field loss)"),
                       _tr("Only the middle of the view is left, as in advanced "
                           "glaucoma or retinitis pigmentosa.")),
        "hemianopia": (_tr("Hemianopia (half of the field lost)"),
                       _tr("The left or right half of what the eye looks at is lost, "
                           "often after a stroke or brain injury.")),
        "patchy": (_tr("Patchy loss (as in diabetic retinopathy)"),
                   _tr("Dark blotches scattered over the view; they stay where they are "
                       "as the lesson scrolls beneath them.")),
        "protanopia": (_tr("Red colour deficiency (protan)"),
                       _tr("Reds look darker and are confused with greens and browns. "
                           "100% is protanopia.")),
        "deuteranopia": (_tr("Green colour deficiency (deutan)"),
                         _tr("Reds and greens are confused: the most common kind. "
                             "100% is deuteranopia.")),
        "tritanopia": (_tr("Blue-yellow colour deficiency (tritan)"),
                       _tr("Blues and greens, and yellows and pinks, are confused. "
                           "Rare. 100% is tritanopia.")),
    }


GROUPS = (
    ("Clarity", ("blur", "contrast", "glare")),
    ("Field of view", ("central", "peripheral", "hemianopia", "patchy")),
    ("Colour vision", ("protanopia", "deuteranopia", "tritanopia")),
)


def statement_text() -> str:
    """The plain statement shown above every simulation."""
    return _tr(
        "These simulations are approximations for training. None of them shows what "
        "any one pupil sees: sight differs from person to person, from day to day and "
        "with the light in the room. Ask the pupil, and their qualified teacher of "
        "vision impairment, what helps.")


def help_text() -> str:
    """What the simulations are, how they combine, and why there is no dyslexia simulator."""
    return _tr(
        "Turn on one simulation or several, and set how strong each is. When several "
        "are on they are applied in a fixed order: colour vision, then blur, glare and "
        "contrast, then the losses of parts of the field. You can scroll and read the "
        "lesson through them. Press {key} to flip between the unadapted and the adapted "
        "lesson while the simulation stays on.\n\n"
        "There is no dyslexia simulator, on purpose. Dyslexia is a difference in how "
        "language is processed, not in eyesight: letters do not jump, swap or wobble "
        "on the page, and simulations that show that mislead. To understand dyslexia, "
        "work through the pupil scenarios and listen to pupils themselves."
    ).format(key=FLIP_SHORTCUT)


class SimulationPanel(QWidget):
    """Switches and strengths for the vision simulations.

    Signals:
        settings_changed(object): the new ``SimulationSettings``.
        focus_mode_changed(str): "centre", "mouse" or "caret" for the field losses.
        adapted_toggled(bool): True to show the adapted lesson, False the unadapted.
    """

    settings_changed = Signal(object)
    focus_mode_changed = Signal(str)
    adapted_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("See it as a pupil might"))
        self._settings = SimulationSettings()
        self._updating = False
        self._switches: dict[str, QCheckBox] = {}
        self._sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        # Its name is its words, after what they are: a fixed name would replace them.
        self.statement = ValueLabel(self.tr("About these simulations"), statement_text())
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                               | Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.statement.font()
        font.setBold(True)
        self.statement.setFont(font)
        layout.addWidget(self.statement)

        labels = simulation_labels()
        for title, names in GROUPS:
            box = QGroupBox(_tr(title))
            grid = QGridLayout(box)
            for row, name in enumerate(names):
                self._add_row(grid, row, name, *labels[name])
            if title == "Field of view":
                self._add_field_options(grid, len(names))
            layout.addWidget(box)

        self.flip_action = QAction(self.tr("Show the unadapted lesson"), self)
        self.flip_action.setCheckable(True)
        self.flip_action.setShortcut(QKeySequence(FLIP_SHORTCUT))
        self.flip_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.flip_action.toggled.connect(self._flipped)
        self.addAction(self.flip_action)
        # Two rows: side by side they were wider than the dock at 200%.
        buttons = QVBoxLayout()
        self.flip_button = QToolButton()
        self.flip_button.setDefaultAction(self.flip_action)
        # It shows, and is named by, the action's short words ("Show the unadapted
        # lesson (F8)"); the whole sentence (what is shown now, what F8 does) is its
        # tooltip and description: on the button it made the panel 758 px wide at 200%.
        # Named by its words, so "click Turn all off" works; the rest is the description.
        self.off_button = QPushButton(self.tr("Turn all off"))
        self.off_button.setAccessibleDescription(
            self.tr("Turns every simulation off. Their strengths are kept for next time."))
        self.off_button.setToolTip(self.off_button.accessibleDescription())
        self.off_button.clicked.connect(self.turn_all_off)
        buttons.addWidget(self.flip_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.off_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        self._show_flip_state(adapted=True)

        self.help = ValueLabel(self.tr("Help"), help_text())
        self.help.setWordWrap(True)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.help)
        layout.addStretch(1)
        self._fit_values()

    # ------------------------------------------------------------ building

    def _add_row(self, grid: QGridLayout, row: int, name: str, label: str,
                 description: str) -> None:
        # Its words wrap in a narrow dock (a large interface size beside the lesson).
        switch = WrappingCheckBox(label)
        switch.setAccessibleName(label)
        # Every simulation says what it is not, wherever it is described.
        description = self.tr("{description} An approximation for training, not what any "
                              "one pupil sees.").format(description=description)
        switch.setAccessibleDescription(description)
        switch.setToolTip(description)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(5, 100)  # switched on is never 0: the switch turns it off
        slider.setSingleStep(5)
        slider.setPageStep(20)
        slider.setValue(DEFAULT_PERCENT)
        slider.setEnabled(False)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setAccessibleName(self.tr("{name}: strength").format(name=label))
        slider.setAccessibleDescription(self.tr("From 5 to 100 per cent"))
        value = QLabel(self._percent(DEFAULT_PERCENT))
        value.setBuddy(slider)
        switch.toggled.connect(lambda on, n=name: self._switched(n, on))
        slider.valueChanged.connect(lambda v, n=name: self._moved(n, v))
        grid.addWidget(switch, row, 0)
        grid.addWidget(slider, row, 1)
        grid.addWidget(value, row, 2)
        grid.setColumnStretch(1, 1)
        self._switches[name], self._sliders[name], self._values[name] = switch, slider, value

    def _add_field_options(self, grid: QGridLayout, row: int) -> None:
        self.focus_combo = QComboBox()
        for text, mode in ((self.tr("the middle of the view"), "centre"),
                           (self.tr("the mouse pointer"), "mouse"),
                           (self.tr("the text cursor"), "caret")):
            self.focus_combo.addItem(text, mode)
        self.focus_combo.setAccessibleName(self.tr("Centre the field losses on"))
        focus_label = QLabel(self.tr("Ce&ntre the losses on:"))
        focus_label.setBuddy(self.focus_combo)
        self.focus_combo.currentIndexChanged.connect(
            lambda _i: self.focus_mode_changed.emit(self.focus_mode()))
        self.side_combo = QComboBox()
        self.side_combo.addItem(self.tr("left half"), "left")
        self.side_combo.addItem(self.tr("right half"), "right")
        self.side_combo.setAccessibleName(self.tr("Half of the field lost in hemianopia"))
        side_label = QLabel(self.tr("Hem&ianopia loses the:"))
        side_label.setBuddy(self.side_combo)
        self.side_combo.currentIndexChanged.connect(lambda _i: self._side_changed())
        # Each label above its list, across the whole box: beside the sliders'
        # column they made the panel wider than its dock at 200%.
        for offset, widget in enumerate((focus_label, self.focus_combo,
                                         side_label, self.side_combo)):
            grid.addWidget(widget, row + offset, 0, 1, 3)

    def _fit_values(self) -> None:
        # Room for "100%" at the present text size: set once at 100%, "50%" was cut
        # short at 200% when the dock was narrow.
        for value in self._values.values():
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance(self._percent(100)) + 4)
        # A strength slider long enough to look and work like one: squeezed by the
        # switches' words in a narrow dock it was only its handle, like a check box.
        for slider in self._sliders.values():
            slider.setMinimumWidth(slider.fontMetrics().horizontalAdvance("0") * 8)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new interface size
            self._fit_values()

    @staticmethod
    def _percent(value: int) -> str:
        return _tr("{value}%").format(value=value)

    # ------------------------------------------------------------ state

    def settings(self) -> SimulationSettings:
        """The simulations as the panel sets them."""
        return self._settings

    def set_settings(self, settings: SimulationSettings) -> None:
        """Show ``settings`` in the controls (and announce them)."""
        self._updating = True
        try:
            for name in ORDER:
                strength = settings.strengths.get(name, 0.0)
                if strength > 0:
                    self._sliders[name].setValue(round(strength * 100))
                self._switches[name].setChecked(strength > 0)
                self._sliders[name].setEnabled(strength > 0)
            index = self.side_combo.findData(settings.hemianopia_side)
            self.side_combo.setCurrentIndex(max(index, 0))
        finally:
            self._updating = False
        self._settings = settings
        self.settings_changed.emit(settings)

    def focus_mode(self) -> str:
        """Where the field losses are centred: "centre", "mouse" or "caret"."""
        return self.focus_combo.currentData()

    def switch(self, name: str) -> QCheckBox:
        """The on/off switch of one simulation."""
        return self._switches[name]

    def slider(self, name: str) -> QSlider:
        """The strength slider of one simulation (5..100 per cent)."""
        return self._sliders[name]

    def turn_all_off(self) -> None:
        """Switch every simulation off, keeping the strengths for next time."""
        self.set_settings(replace(self._settings, strengths={}))

    def connect_overlay(self, overlay) -> None:
        """Drive a ``SimulationOverlay`` from this panel (settings and focus mode)."""
        self.settings_changed.connect(overlay.set_settings)
        self.focus_mode_changed.connect(overlay.set_focus_mode)
        overlay.set_focus_mode(self.focus_mode())
        overlay.set_settings(self._settings)

    # ------------------------------------------------------------ adapted / unadapted

    def is_adapted(self) -> bool:
        """True while the adapted lesson is asked for."""
        return not self.flip_action.isChecked()

    def flip_adapted(self) -> None:
        """Flip between the unadapted and the adapted lesson (what F8 does)."""
        self.flip_action.toggle()

    def _flipped(self, unadapted: bool) -> None:
        self._show_flip_state(adapted=not unadapted)
        self.adapted_toggled.emit(not unadapted)

    def _show_flip_state(self, adapted: bool) -> None:
        if adapted:
            text = self.tr("Showing the adapted lesson: press {key} for the unadapted one")
        else:
            text = self.tr("Showing the unadapted lesson: press {key} for the adapted one")
        self.flip_action.setText(text.format(key=FLIP_SHORTCUT))
        self.flip_action.setToolTip(self.flip_action.text())
        short = (self.tr("Show the unadapted lesson ({key})") if adapted
                 else self.tr("Show the adapted lesson ({key})"))
        self.flip_action.setIconText(short.format(key=FLIP_SHORTCUT))
        self.flip_button.setAccessibleDescription(self.flip_action.text())

    # ------------------------------------------------------------ reactions

    def _switched(self, name: str, on: bool) -> None:
        self._sliders[name].setEnabled(on)
        if not self._updating:
            self._announce(name)

    def _moved(self, name: str, value: int) -> None:
        self._values[name].setText(self._percent(value))
        if not self._updating and self._switches[name].isChecked():
            self._announce(name)

    def _side_changed(self) -> None:
        if self._updating:
            return
        self._settings = replace(self._settings, hemianopia_side=self.side_combo.currentData())
        self.settings_changed.emit(self._settings)

    def _announce(self, name: str) -> None:
        on = self._switches[name].isChecked()
        strength = self._sliders[name].value() / 100.0 if on else 0.0
        self._settings = self._settings.with_strength(name, strength)
        self.settings_changed.emit(self._settings)
