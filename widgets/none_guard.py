"""A guard against a PySide6 bug that crashes Python 3.11 with "deallocating None".

PySide6 / shiboken6 6.12.0 returns ``None`` from every void method without
taking a reference to it. On Python 3.12 and later ``None`` is immortal, so
nothing happens; on Python 3.11 each call (``setText``, ``setPosition``, …)
lowers None's reference count by one, and after a few thousand calls Python
aborts with "Fatal Python error: none_dealloc". 6.11.3 and earlier are fine.

The real fix is to avoid 6.12.0 (pyproject.toml excludes it). This guard
keeps an already-installed 6.12.0 working: when it sees the count fall, it
gives ``None`` so many references that it can never reach zero, which is
exactly what Python 3.12 does by making it immortal.
"""

from __future__ import annotations

import ctypes
import sys

_PLENTY = 1 << 60  # far more void calls than any session makes
_checked = False


def protect_none() -> bool:
    """Check once for the bug and neutralise it. Returns True when it was found."""
    global _checked
    if _checked or sys.version_info >= (3, 12):
        return False
    _checked = True
    from PySide6.QtCore import QPoint

    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(8):
        point.setX(1)
    if sys.getrefcount(None) >= before:
        return False
    # ob_refcnt is the first field of every CPython object (Python <= 3.11).
    ctypes.c_ssize_t.from_address(id(None)).value += _PLENTY
    return True
