"""Messages from worker threads to QObjects on the GUI thread, safely.

A worker thread must never hold a reference to a QObject: if the thread
happened to drop the last one, the object would be destroyed on that thread
while the GUI thread may be using or deleting the objects it is connected
to, and the app crashes. So the controllers' threads work on plain Python
objects and send their results here, addressed by a number:

    key = register(self)                  # on the GUI thread, in __init__
    post(key, ("final", text, words))     # on any thread
    # later, on the GUI thread: self._on_relayed(("final", text, words))

One relay QObject, made on the GUI thread and kept for the life of the
process, carries every message through a queued connection. A message for
an object that has gone (or whose Qt side was deleted with its parent) is
dropped.
"""

from __future__ import annotations

import itertools
import threading
import weakref

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot


class _Relay(QObject):
    message = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.message.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, envelope: tuple) -> None:
        key, payload = envelope
        with _lock:
            ref = _targets.get(key)
        target = ref() if ref is not None else None
        # Its Qt side may have gone with its parent while Python still holds it.
        if target is not None and shiboken6.isValid(target):
            target._on_relayed(payload)


_relay: _Relay | None = None
_lock = threading.Lock()
_targets: dict[int, weakref.ref] = {}
_keys = itertools.count(1)


def register(target: QObject) -> int:
    """Give ``target`` (which has ``_on_relayed(payload)``) a key; call on the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    key = next(_keys)

    def forget(_ref, key=key) -> None:
        with _lock:
            _targets.pop(key, None)

    with _lock:
        _targets[key] = weakref.ref(target, forget)
    return key


def post(key: int, payload: object) -> bool:
    """Send ``payload`` to the object registered as ``key`` (from any thread).

    False when that object has already gone (a worker may then wind down).
    """
    relay = _relay
    with _lock:
        known = key in _targets
    if relay is None or not known:
        return False
    try:
        relay.message.emit((key, payload))
    except RuntimeError:
        return False  # the process is ending and the relay has gone
    return True
