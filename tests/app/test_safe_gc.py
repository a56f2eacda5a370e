"""The cycle collector runs from the event loop, not inside Qt's own code (app/safe_gc.py)."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from app.safe_gc import CollectBetweenEvents


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_the_automatic_collector_is_off_and_the_event_loop_collects(qtbot):
    holder = QObject()
    try:
        collector = CollectBetweenEvents(holder)
        assert not gc.isenabled()
        node = _Node()
        gone = weakref.ref(node)
        del node
        # Enough new objects for Python's first generation to be due.
        litter = [_Node() for _ in range(gc.get_threshold()[0] + 10)]
        del litter
        assert gone() is not None  # nothing collected it inside this code
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
        assert collector.parent() is holder
    finally:
        holder.deleteLater()
