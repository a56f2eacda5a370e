"""The profile editor for a screen-reader user: the contrast results are heard, a change
of verdict is announced once, and the editor opens on a real control."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QScrollArea

from lessons.contrast import contrast_ratio, format_ratio
from lessons.presets import get_preset
from lessons.profile_store import ProfileStore
from widgets.profile_editor import ProfileEditor


def heard(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.fixture
def said(monkeypatch):
    announced: list[tuple[str, bool]] = []
    monkeypatch.setattr("widgets.profile_editor.announce",
                        lambda _source, text, assertive=False: announced.append((text, assertive)))
    return announced


@pytest.fixture
def editor(qtbot, tmp_path):
    dialog = ProfileEditor(get_preset("Standard"), store=ProfileStore(tmp_path / "profiles"))
    dialog.confirm = lambda question: True
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, editor, key: str, colour: str) -> None:
    field = editor.form.colour_fields[key]
    field.hex.selectAll()
    qtbot.keyClicks(field.hex, colour)  # one key at a time, as a teacher types


def test_the_contrast_results_are_heard(editor, qtbot):
    assert heard(editor.contrast) == "Colour contrast: " + "; ".join(
        editor.contrast.text().splitlines())
    assert "Text on background: " in heard(editor.contrast)
    assert heard(editor.warning) == "Every colour pair reaches at least 4.5:1 (WCAG AA)."
    _type(qtbot, editor, "text", "#aaaaaa")
    ratio = format_ratio(contrast_ratio("#aaaaaa", editor.profile().colours.background))
    assert f"Text on background: {ratio} (fail)" in heard(editor.contrast)
    assert heard(editor.warning) == editor.contrast_warning()
    assert heard(editor.warning).startswith("Low contrast warning: Text on background is only")
    assert heard(editor.warning_icon) == "Warning"
    # The title says what its "*" means.
    assert editor.title.text() == "Standard *"
    assert heard(editor.title) == "Profile: Standard, changed"
    assert heard(editor.status) == editor.status.text() and "unsaved" in heard(editor.status)
    assert heard(editor.guidance) == editor.guidance.text()


def test_a_change_of_verdict_is_announced_once_each_way(editor, qtbot, said):
    _type(qtbot, editor, "text", "#aaaaaa")
    assert said == [(editor.contrast_warning(), False)]
    _type(qtbot, editor, "text", "#bbbbbb")  # still failing: nothing new to say
    assert len(said) == 1
    _type(qtbot, editor, "text", "#111111")
    assert said[1:] == [("Contrast is good again: Every colour pair reaches at least "
                         "4.5:1 (WCAG AA).", False)]
    _type(qtbot, editor, "background", "#fefefe")  # still passing
    assert len(said) == 2


def test_loading_a_profile_is_not_announced(editor, said):
    standard = get_preset("Standard")
    editor.set_profile(replace(standard, colours=replace(standard.colours, text="#aaaaaa")))
    assert editor.contrast_warning() and said == []


def _first_control(container):
    widget = container.nextInFocusChain()
    while widget is not container:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and widget.isVisibleTo(container) and widget.isEnabled():
            return widget
        widget = widget.nextInFocusChain()
    raise AssertionError("no control in the settings")


def test_the_editor_opens_with_focus_on_its_first_setting(editor, qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QScrollArea), "an invisible scroll area has the focus"
    assert focused is _first_control(editor.form)
    assert heard(focused)
