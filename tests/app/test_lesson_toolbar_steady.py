"""The lesson tool bar keeps its buttons in place whatever the profile.

Changing between a profile that shows one section at a time and one that
shows the whole lesson used to show or hide "Section n of 12", and Export
PDF after it jumped about 120 px: a hurried click landed on empty space.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app.main_window_helpers import choose

FOCUS, WHOLE = "Very low vision / projector", "Standard"


def _places(window) -> list[int | None]:
    """Each lesson tool bar item's x in the window, in order (None when behind »)."""
    bar = window.act.toolbars["lesson"]
    places = []
    for action in bar.actions():
        item = bar.widgetForAction(action)
        if item is not None and not action.isSeparator():
            places.append(item.mapTo(window, item.rect().topLeft()).x()
                          if item.isVisible() else None)
    return places


def _export_x(window) -> int:
    bar = window.act.toolbars["lesson"]
    button = bar.widgetForAction(window.act.export_pdf)
    assert button.isVisible(), "Export PDF is on the tool bar, not behind »"
    return button.mapTo(window, button.rect().topLeft()).x()


def _choose(window, name: str) -> None:
    assert window.choose_profile(name)
    QApplication.processEvents()  # the tool bar lays itself out again


def test_export_pdf_stays_put_between_a_focus_and_a_whole_lesson_profile(qtbot, opened):
    window = opened.open()
    choose(window, "Writing a recount")
    _choose(window, FOCUS)
    focus_x, focus_places = _export_x(window), _places(window)
    _choose(window, WHOLE)
    assert _export_x(window) == focus_x
    assert _places(window) == focus_places
    # Turning the page does not move it either ("Section 9 of 12", "Section 10 of 12").
    _choose(window, FOCUS)
    for _turn in range(window.view.section_count()):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert _export_x(window) == focus_x


def test_without_sections_the_label_says_so_and_the_buttons_stay_disabled(qtbot, opened):
    window = opened.open()
    choose(window, "Writing a recount")
    _choose(window, WHOLE)
    label = window.section_label
    assert label.isVisible() and label.text() == "Whole lesson"
    assert "no sections" in label.accessibleName()  # said in words, not only greyed out
    for action in (window.act.previous_section, window.act.next_section):
        button = window.act.toolbars["lesson"].widgetForAction(action)
        assert button.isVisible() and not button.isEnabled()
        assert button.accessibleName() or button.text()
    _choose(window, FOCUS)
    assert label.text() == f"Section 1 of {window.view.section_count()}"
    assert label.accessibleName() == label.text()
    assert window.act.next_section.isEnabled()
    # F8 shows the lesson as written, the whole lesson: the label says so.
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert label.text() == "Whole lesson" and not window.act.next_section.isEnabled()


def test_at_200_percent_the_buttons_also_keep_their_places(qtbot, opened):
    window = opened.open()
    choose(window, "Writing a recount")
    window.set_ui_scale(2.0)
    # Room for the whole tool bar at 200% (as on a projector's wide screen); on a
    # laptop the end of it goes behind » whatever the profile.
    window.resize(2600, 900)
    _choose(window, FOCUS)
    focus_x, focus_places = _export_x(window), _places(window)
    _choose(window, WHOLE)
    assert _export_x(window) == focus_x
    assert _places(window) == focus_places
    label = window.section_label
    assert label.sizeHint().width() >= label.fontMetrics().horizontalAdvance("Section 1 of 6")
