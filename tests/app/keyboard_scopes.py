"""Collecting the Alt-letter keys of a window, for the no-two-the-same tests.

A window's Alt letters come from its menu-bar titles, the texts of its
buttons, check boxes and radio buttons, labels with a buddy, group-box
titles, tab texts, and any action or shortcut whose key is Alt+<letter>.
The items of one open menu form their own scope.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolButton,
    QWidget,
)

_MNEMONIC = re.compile(r"&([^&\s])")
_ALT_LETTER = re.compile(r"^Alt\+([A-Z0-9])$")


def mnemonic(text: str) -> str | None:
    """The Alt letter a text marks with '&' (upper case), or None."""
    match = _MNEMONIC.search((text or "").replace("&&", ""))
    return match.group(1).upper() if match else None


def _in_window(widget: QWidget, top: QWidget) -> bool:
    # A dialog parented to the window is its own window with its own keys.
    return widget.window() is top and widget.isVisibleTo(top)


def _alt_keys(thing) -> list[str]:
    sequences = thing.shortcuts() if isinstance(thing, QAction) else [thing.key()]
    found = []
    for sequence in sequences:
        match = _ALT_LETTER.match(sequence.toString(QKeySequence.SequenceFormat.PortableText))
        if match:
            found.append(match.group(1))
    return found


def window_keys(top: QWidget) -> dict[str, list[str]]:
    """Alt letter -> what uses it, for everything showing in ``top``."""
    used: dict[str, list[str]] = {}

    def add(letter: str | None, what: str) -> None:
        if letter:
            used.setdefault(letter, []).append(what)

    if isinstance(top, QMainWindow) and top.menuWidget() is not None:
        for action in top.menuBar().actions():
            if action.isVisible():
                add(mnemonic(action.text()), f"menu {action.text()!r}")
    for widget in [top, *top.findChildren(QWidget)]:
        if not _in_window(widget, top):
            continue
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            continue  # a tool-bar button shows its action's text without the '&'
        if isinstance(widget, QAbstractButton):
            add(mnemonic(widget.text()), f"button {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(mnemonic(widget.text()), f"label {widget.text()!r}")
        elif isinstance(widget, QGroupBox):
            add(mnemonic(widget.title()), f"group {widget.title()!r}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(mnemonic(widget.tabText(index)), f"tab {widget.tabText(index)!r}")
    for action in top.findChildren(QAction):
        if action.isEnabled() or action.isVisible():
            for letter in _alt_keys(action):
                add(letter, f"key of {action.text()!r}")
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and _in_window(parent, top):
            for letter in _alt_keys(shortcut):
                add(letter, f"shortcut {shortcut.whatsThis() or shortcut.key().toString()!r}")
    return used


def clashes(used: dict[str, list[str]]) -> dict[str, list[str]]:
    """Only the letters used more than once."""
    return {letter: what for letter, what in sorted(used.items()) if len(what) > 1}


def menus_of(top: QWidget) -> list[QMenu]:
    """Every menu reachable from ``top``'s menu bar, sub-menus included."""
    found: list[QMenu] = []
    stack = [a.menu() for a in top.menuBar().actions() if a.menu() is not None] \
        if isinstance(top, QMainWindow) else []
    while stack:
        menu = stack.pop()
        found.append(menu)
        stack.extend(a.menu() for a in menu.actions() if a.menu() is not None)
    return found


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    """Letters used twice among the visible items of one menu."""
    used: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            letter = mnemonic(action.text())
            if letter:
                used.setdefault(letter, []).append(action.text())
    return clashes(used)
