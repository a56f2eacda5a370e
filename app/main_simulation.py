"""The vision simulations in the main window, made the first time they are asked for.

The simulations need numpy; making them only when a trainer opens "See it as
a pupil might" keeps numpy out of the app's start-up.

The overlay covers whichever view the window shows: the lesson alone, or the
whole side-by-side view (both panes, so the original and the adapted lesson
are compared through the same simulation).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def make_simulations(window) -> None:
    """Build the panel (in a dock) and the overlay on the view ``window`` shows."""
    from app.ui_scale import scrolling
    from widgets.simulation.overlay import SimulationOverlay
    from widgets.simulation.panel import SimulationPanel

    panel = SimulationPanel()
    # The window's own F8 action flips the lesson; the panel's copy would make
    # F8 ambiguous, so Qt would run neither. The panel's button still works.
    panel.flip_action.setShortcut(QKeySequence())
    panel.flip_action.setChecked(not window.is_adapted_shown())
    panel.adapted_toggled.connect(lambda adapted: window.set_unadapted_shown(not adapted))
    overlay = SimulationOverlay(window.stack.currentWidget())
    panel.connect_overlay(overlay)
    # Side by side (Ctrl+D) swaps the page of the stack: the simulation goes
    # with it, or the teacher would see the comparison unsimulated.
    window.stack.currentChanged.connect(
        lambda _index: overlay.set_target(window.stack.currentWidget()))
    # In a scroll area: the panel is taller than a laptop screen at a large
    # interface size, and without one Qt squashed its rows together and made
    # the main window taller than the screen.
    dock = window.add_dock("simulations", panel.accessibleName(), scrolling(panel, "simulations"),
                           Qt.DockWidgetArea.RightDockWidgetArea)
    # Placed where the last session left it, if it was open then.
    window.restoreDockWidget(dock)
    dock.visibilityChanged.connect(
        lambda visible: window.act.simulations.setChecked(dock.isVisible()))
    window.simulation_panel, window.simulation_overlay = panel, overlay
    window.simulation_dock = dock
