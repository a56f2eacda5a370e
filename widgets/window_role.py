"""Windows made from a plain QWidget reach a screen reader as windows.

Qt gives a top-level QWidget the accessible role Client, which its AT-SPI
bridge sends as "filler"; only QMainWindow and QDialog get a window's role.
Orca finds the window a control is in by its role (frame, dialog, window or
alert) with the application as its parent: in a filler it finds none, so its
"read the title" command (Insert+T) has nothing to say and a reader is not
told which window it is in. :func:`reaches_reader_as_window` marks a class
whose objects are such windows (the projector, trainer mode, the live
captions, their history, the reflection log); an accessibility factory gives
them the role Window (sent as "frame", as the main window is) while they are
windows of their own, and Client when they are a part of another window (the
live captions, carried into a presentation).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_WINDOW_CLASSES: set[str] = set()
_installed = False


class _WindowInterface(QAccessibleWidget):
    """What Qt says of a QWidget anyway, with a window's role while it is one."""

    def role(self) -> QAccessible.Role:
        widget = self.widget()
        if widget is not None and widget.isWindow():
            return QAccessible.Role.Window
        return QAccessible.Role.Client


def _interface(classname: str, obj: QObject | None) -> QAccessibleWidget | None:
    # Qt asks with the name of each class of ``obj`` in turn, the most derived first.
    if classname in _WINDOW_CLASSES and isinstance(obj, QWidget):
        return _WindowInterface(obj)
    return None


def reaches_reader_as_window(cls: type[QWidget]) -> type[QWidget]:
    """Class decorator: a ``cls`` (or subclass) widget shown as a window of its own is a
    window to a screen reader, not a filler."""
    global _installed
    _WINDOW_CLASSES.add(cls.staticMetaObject.className())
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True
    return cls
