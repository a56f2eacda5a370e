"""Python's cycle collector runs between Qt events, never inside one.

A window or panel that is dropped while a cycle still holds it (a lambda on
a child's signal that names the parent, say) is freed, with its C++ widgets,
whenever the cycle collector next runs. Left to itself the collector runs
at any allocation: inside Qt's own C++ code when that calls back into Python
(the app's style, which is Python, is asked for sizes during layout). If the
collector then frees the widget Qt is working on, Qt carries on with freed
memory and the app crashes. The practice window did so in
``QTableView::timerEvent`` (the key-words table fitting its rows), and only
when the collector happened to run at that moment: a harmless change
elsewhere moved it there.

So the automatic collector is turned off, and a timer on the event loop
runs it instead, generation by generation as Python itself would: at the
top of the loop no widget's C++ code is half-way through anything.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the timer looks whether a collection is due (milliseconds).
CHECK_MS = 500


class CollectBetweenEvents(QObject):
    """Turns the automatic collector off and runs it from the event loop instead."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        """Collect the generations Python would have collected by now."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def collect_between_events(app) -> CollectBetweenEvents:
    """Install :class:`CollectBetweenEvents` on ``app`` once; returns it."""
    found = app.findChild(CollectBetweenEvents)
    return found if found is not None else CollectBetweenEvents(app)
