"""Tab in the main window follows the screen, with the real read-aloud controls attached."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSlider

from app.controllers import attach_controllers
from tests.app.main_window_helpers import Opened
from tests.fixtures.keyboard import tab_stops


@pytest.fixture
def window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    yield made.open()
    made.close_all()


def test_tab_goes_tool_bars_then_library_then_lesson_then_dictation(qtbot, window):
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    speed = window.act.toolbars["read"].findChild(QSlider)
    assert speed is not None and speed.accessibleName() == "Reading speed"
    qtbot.waitUntil(lambda: not window._tab_chain_due)  # re-ordered once the slider is in
    stops = tab_stops(qtbot, window.profiles, 40)
    cycle = stops[:stops.index(window.profiles, 1)]
    library = window.library
    in_order = [window.profiles, speed, library.search, library.subject, library.key_stage,
                library.list, window.view, window.dictation_panel.toggle_button]
    assert all(widget in cycle for widget in in_order)
    assert [w for w in cycle if w in in_order] == in_order
    # Nothing from another area sits between the lesson list and the lesson.
    assert cycle.index(window.view) == cycle.index(library.list) + 1
    assert all(window.dictation_dock.isAncestorOf(w)
               for w in cycle[cycle.index(window.view) + 1:]), "the dictation dock comes last"


def test_a_dock_added_later_joins_the_chain_on_its_side(qtbot, window):
    window.show_simulations(True)
    stops = tab_stops(qtbot, window.profiles, 80)
    cycle = stops[:stops.index(window.profiles, 1)]
    dock = window.simulation_dock
    in_dock = [i for i, w in enumerate(cycle) if dock.isAncestorOf(w)]
    assert in_dock, "the simulation panel is reachable by Tab"
    assert in_dock == list(range(in_dock[0], in_dock[-1] + 1)), "its controls come together"

