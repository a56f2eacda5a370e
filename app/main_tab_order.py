"""Tab in the main window follows the screen.

The tool bars top to bottom, then the docks on the left, a read-aloud
message's buttons when one shows, the lesson (and the two panes of side by
side), then the docks on the right and below. Inside a dock Tab keeps the
dock's own order; F6 jumps from area to area (app/main_focus.py). The chain
is made again whenever a dock is added or a tool bar gains a control (the
read-aloud speed slider arrives after the window is up), so nothing joins it
at the end.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

DOCK = Qt.DockWidgetArea


def _takes_tab(widget: QWidget | None) -> bool:
    return widget is not None and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _dock_chain(dock: QDockWidget) -> list[QWidget]:
    """The dock's Tab stops: its title bar's buttons, then its content in its own order."""
    title = dock.titleBarWidget()
    stops = [w for w in (title.findChildren(QWidget) if title is not None else [])
             if _takes_tab(w)]
    content = dock.widget()
    if content is None:
        return stops
    # Walk the focus chain from the content, keeping the order the widget set.
    widget, seen = content, set()
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        if (widget is content or content.isAncestorOf(widget)) and _takes_tab(widget) \
                and widget.focusProxy() is None and widget not in stops:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


class TabOrder:
    """The main window's Tab chain (a mixin for MainWindow)."""

    _tab_chain_due = False

    def watch_toolbars_for_tab_order(self) -> None:
        """Re-order the chain when a control is put on a tool bar later."""
        for bar in self.act.toolbars.values():
            bar.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ActionAdded and not self._tab_chain_due:
            self._tab_chain_due = True
            # After the tool bar has made the action's widget.
            QTimer.singleShot(0, self, self._order_tab_chain_now)
        return super().eventFilter(watched, event)

    def _order_tab_chain_now(self) -> None:
        self._tab_chain_due = False
        self.order_tab_chain()

    def order_tab_chain(self) -> None:
        """Make Tab follow the screen: the tool bars top to bottom, then the docks on
        the left, the lesson, and the docks on the right and below. Inside a dock
        Tab keeps the dock's own order; F6 jumps from area to area. Called again
        whenever a tool bar or dock gains controls."""
        if not hasattr(self, "act"):
            return  # still building: the tool bars come later
        chain: list[QWidget] = [self.profiles]
        for key in ("lesson", "read", "dictation"):
            bar = self.act.toolbars.get(key)
            for action in bar.actions() if bar is not None else []:
                widget = bar.widgetForAction(action)
                inside = widget.findChildren(QWidget) if widget is not None else []
                for stop in [widget, *inside]:  # a control may sit in a box with its label
                    if _takes_tab(stop) and stop.focusProxy() is None \
                            and stop.window() is self and stop not in chain:
                        chain.append(stop)
        areas = {dock: self.dockWidgetArea(dock) for dock in self._docks}
        first = [d for d in self._docks if areas[d] in (DOCK.LeftDockWidgetArea,
                                                        DOCK.TopDockWidgetArea)]
        last = [d for d in self._docks if d not in first]
        for dock in first:
            chain += _dock_chain(dock)
        # A read-aloud problem shows above the lesson: its buttons come just before it.
        message = getattr(self, "read_aloud_message", None)
        if message is not None:
            chain += [message.action_button, message.close_button]
        chain += [self.view, self.side_by_side.original, self.side_by_side.adapted]
        for dock in last:
            chain += _dock_chain(dock)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
