"""Every window a teacher opens reaches a screen reader as a window, not a "filler".

The projector, trainer mode, the live captions, their history and the reflection
log are plain QWidgets, which Qt gave the accessible role Client ("filler" over
AT-SPI). Orca finds the window a control is in by its role, so in these it found
none and its Insert+T (read the title) had nothing to say. Fails on the old code.
The real bus is read in tests/accessibility (reader_checks.window_role).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from app.practice.reflection_log_window import ReflectionLogWindow
from app.practice.trainer_view import TrainerView, demonstration_content
from lessons.reflection import ReflectionStore
from lessons.scenarios import builtin_scenarios
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow
from widgets.presentation import CaptionsCarrier
from widgets.projector import ProjectorView


def _role(widget) -> QAccessible.Role:
    return QAccessible.queryAccessibleInterface(widget).role()


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_windows_made_of_plain_widgets_are_windows_to_a_reader(qtbot, tmp_path):
    captions = _shown(qtbot, CaptionsWindow(CaptionSettings(placement="bottom")))
    captions.show_history()
    windows = {
        "projector": _shown(qtbot, ProjectorView()),
        "trainer mode": _shown(qtbot, TrainerView(demonstration_content(
            builtin_scenarios()[0]))),
        "live captions": captions,
        "caption history": captions.history,
        "reflection log": _shown(qtbot, ReflectionLogWindow(None,
                                                            ReflectionStore(tmp_path / "log"))),
    }
    roles = {name: _role(window) for name, window in windows.items()}
    assert roles == dict.fromkeys(windows, QAccessible.Role.Window)
    # What Qt says of them otherwise is as before: their names and their parts.
    assert QAccessible.queryAccessibleInterface(windows["projector"]).text(
        QAccessible.Text.Name) == "Projector"
    assert QAccessible.queryAccessibleInterface(windows["reflection log"]).childCount() > 3


def test_the_captions_carried_into_a_presentation_are_a_part_of_it(qtbot):
    captions = _shown(qtbot, CaptionsWindow(CaptionSettings(placement="bottom")))
    projector = _shown(qtbot, ProjectorView())
    carrier = CaptionsCarrier(captions)
    carrier.carry_into(projector)
    assert not captions.isWindow()
    assert _role(captions) == QAccessible.Role.Client
    projector.close()  # the captions are a window of their own again
    assert captions.isWindow() and _role(captions) == QAccessible.Role.Window
