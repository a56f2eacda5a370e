"""Interface size 200% on a 1600 × 1000 screen: the lesson keeps a fair share of the
width, nothing in the docks is cut off, and the window fits the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.ui_scale import LESSON_SHARE

SCREEN = (1600, 1000)
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


def _at(opened, scale):
    window = opened.open()
    window.resize(*SCREEN)
    QApplication.processEvents()
    window.set_ui_scale(scale)
    QApplication.processEvents()
    return window


def _whole(widget) -> None:
    """A control is at least as wide as it asks to be, so its text is not cut off."""
    assert widget.width() >= widget.sizeHint().width(), (
        f"{widget.accessibleName()!r} is {widget.width()} px, needs {widget.sizeHint().width()}")


def _rows_whole(view) -> None:
    """Each lesson-list row is tall enough for its text wrapped at the row's width."""
    metrics = view.fontMetrics()
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        if not rect.intersects(view.viewport().rect()):
            continue
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), view.item(row).text())
        assert needed.height() <= rect.height(), f"row {row} is cut off"


def test_at_200_percent_the_lesson_keeps_its_share_and_nothing_is_cut(qtbot, opened):
    window = _at(opened, 2.0)
    assert window.stack.width() >= LESSON_SHARE * window.width(), \
        f"the lesson is squeezed to {window.stack.width()} px"
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]
    library = window.library
    search = library.search
    assert search.width() >= search.fontMetrics().horizontalAdvance(search.placeholderText())
    for combo in (library.subject, library.key_stage, window.dictation_panel.microphones):
        _whole(combo)
    _rows_whole(library.list)
    # Both docks are still there, as tabs of one area.
    assert window.dictation_dock in window.tabifiedDockWidgets(window.library_dock)


def test_the_simulations_join_the_tabs_and_the_docks_go_home_at_100_percent(qtbot, opened):
    window = _at(opened, 2.0)
    window.show_simulations(True)
    QApplication.processEvents()
    assert window.stack.width() >= LESSON_SHARE * window.width()
    assert window.minimumSizeHint().width() <= SCREEN[0]
    window.set_ui_scale(1.0)
    QApplication.processEvents()
    assert window.dockWidgetArea(window.library_dock) == LEFT
    assert window.dockWidgetArea(window.dictation_dock) == RIGHT
    assert window.dockWidgetArea(window.simulation_dock) == RIGHT
    assert not window.tabifiedDockWidgets(window.library_dock)
    assert window.stack.width() >= LESSON_SHARE * window.width()


def test_at_100_percent_the_docks_stay_on_their_sides(qtbot, opened):
    window = _at(opened, 1.0)
    assert window.dockWidgetArea(window.library_dock) == LEFT
    assert window.dockWidgetArea(window.dictation_dock) == RIGHT
    assert not window.tabifiedDockWidgets(window.library_dock)


def test_after_a_restart_at_200_percent_the_docks_still_go_home_at_100_percent(qtbot, opened):
    window = _at(opened, 2.0)
    window.show_simulations(True)
    QApplication.processEvents()
    assert window.dictation_dock in window.tabifiedDockWidgets(window.library_dock)
    window.close()  # saves the layout: the docks tabbed on the left
    again = _at(opened, 2.0)
    again.show_simulations(True)
    QApplication.processEvents()
    again.set_ui_scale(1.0)
    QApplication.processEvents()
    assert again.dockWidgetArea(again.library_dock) == LEFT
    assert again.dockWidgetArea(again.dictation_dock) == RIGHT
    assert again.dockWidgetArea(again.simulation_dock) == RIGHT
    assert not again.tabifiedDockWidgets(again.library_dock)


def test_the_tabs_the_docks_become_have_a_name_for_screen_readers(qtbot, opened):
    from PySide6.QtWidgets import QTabBar

    window = _at(opened, 2.0)
    bars = [bar for bar in window.findChildren(
        QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly) if bar.isVisible()]
    assert bars, "the docks did not become tabs"
    for bar in bars:
        assert bar.accessibleName() == "Panels"
        assert {bar.tabText(i) for i in range(bar.count())} >= {"Library", "Dictation"}
