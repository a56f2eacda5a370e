"""See it as a pupil might: vision simulations laid over a lesson view.

``filters`` holds the image functions (numpy only, no Qt), ``colour_vision``
the published colour-vision matrices, ``overlay`` the Qt widget that applies
them to a live view, and ``panel`` the controls. Every simulation is an
approximation for training, not what any one pupil sees.
"""

from widgets.simulation.filters import ORDER, SimulationSettings, apply_simulations

__all__ = ["ORDER", "SimulationSettings", "apply_simulations"]
