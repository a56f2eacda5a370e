"""Colour swatches by keyboard: Tab reaches them, Space and Enter open the picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from lessons.presets import get_preset
from lessons.profile_store import ProfileStore
from tests.fixtures.keyboard import tab_stops
from widgets.profile_editor import ProfileEditor


@pytest.fixture
def editor(qtbot, tmp_path):
    made = ProfileEditor(get_preset("Standard"), store=ProfileStore(tmp_path / "profiles"))
    made.confirm = lambda question: True
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def test_tab_reaches_every_colour_swatch_before_its_hex_box(qtbot, editor):
    form = editor.form
    fields = [*form.colour_fields.values(), form.overlay_colour]
    form.overlay_on.setChecked(True)  # the overlay colour is only editable when on
    stops = tab_stops(qtbot, form.colour_fields["text"].swatch, 60)
    for field in fields:
        assert field.swatch in stops, field.swatch.accessibleName()
        assert stops.index(field.swatch) + 1 == stops.index(field.hex)


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_space_and_enter_on_a_swatch_open_the_colour_choice(qtbot, editor, key):
    field = editor.form.colour_fields["background"]
    asked = []

    def answer(current: QColor) -> QColor:
        asked.append(current.name())
        return QColor("#fdf6e3")

    field.ask_colour = answer
    field.swatch.setFocus(Qt.FocusReason.TabFocusReason)
    before = field.colour()
    with qtbot.waitSignal(editor.form.changed, timeout=2000):
        qtbot.keyClick(field.swatch, key)
    assert asked == [before]
    assert field.colour() == "#fdf6e3" == field.hex.text()
    assert editor.profile().colours.background == "#fdf6e3"
    assert editor.isVisible(), "Enter on the swatch must not close the editor"


def test_a_swatch_says_what_it_chooses_and_the_colour_it_holds(editor):
    field = editor.form.colour_fields["text"]
    field.set_colour("#1A2B3C")
    assert field.swatch.accessibleName() == "Choose the text colour"
    assert "#1a2b3c" in field.swatch.accessibleDescription()
    assert field.swatch.focusPolicy() & Qt.FocusPolicy.TabFocus
