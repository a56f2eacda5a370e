"""Tab in the practice window follows the screen.

Top to bottom, left to right: "About the pupil" (and the pupil's notes when
they are open), the profile list, Edit profile…, the suggested presets, the
step tabs, the step shown, then the checker on the right (its title bar's
buttons first). Each part keeps its own order inside. Made again whenever a
scenario starts (the suggested presets are new buttons) and after the
checker re-scores (its Fix and Show buttons are new), since Qt puts a new
widget at the end of the chain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget | None) -> bool:
    """True when Tab may stop on ``widget`` (a focus proxy's owner never does)."""
    return (widget is not None and widget.focusProxy() is None
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def tab_stops_in(root: QWidget) -> list[QWidget]:
    """``root`` and its descendants that take Tab, in the order the chain has them now."""
    stops: list[QWidget] = []
    widget, seen = root, set()
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        if (widget is root or root.isAncestorOf(widget)) and takes_tab(widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def order_practice_tab_chain(window) -> list[QWidget]:
    """Chain the practice window's scenario page in screen order; returns the chain."""
    # The tab widget passes the focus to its tab bar; as a Tab stop of its own
    # (wherever Qt left it in the chain) it sent Tab from the checker's last
    # button back to the tab bar, past the pupil and profile controls.
    # (QTabWidget hands its policy on to the tab bar, so give the bar its own back.)
    window.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
    chain: list[QWidget] = [window.about_button, window.about, window.profile_bar.combo,
                            window.profile_bar.edit_button, *window.suggestion_buttons,
                            window.tabs.tabBar()]
    for index in range(window.tabs.count()):
        chain += tab_stops_in(window.tabs.widget(index))
    title = window.checker_dock.titleBarWidget()  # its named float and close buttons
    chain += (tab_stops_in(title) if title is not None else []) + tab_stops_in(window.checker)
    unique: list[QWidget] = []
    for widget in chain:
        if widget not in unique:
            unique.append(widget)
    for before, after in zip(unique, unique[1:], strict=False):
        QWidget.setTabOrder(before, after)
    return unique


def keep_practice_tab_chain(window) -> None:
    """Order the chain now, and again after every re-score (connected once)."""
    order_practice_tab_chain(window)
    if getattr(window, "_tab_chain_kept", False):
        return
    window._tab_chain_kept = True
    # After the checker has made its new buttons for the report.
    window.workbench.report_changed.connect(
        lambda *_: QTimer.singleShot(0, window, lambda: order_practice_tab_chain(window)))
