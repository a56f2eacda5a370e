"""Windows that open, and come back, within the screen they are on.

A size that suits a 1920 x 1080 screen at 100% (1400 x 900, say) is far too
big for the same screen at 200% (960 x 540 to Qt) or a 1366 x 768 school
laptop: the status bar, the docks on the right and the window's own buttons
end up off the screen, and most window managers leave them there. So every
window asks for the size it would like through :func:`fit_size` (or
:func:`open_within_screen`), which keeps it within most of the screen's
available area, leaving room for the title bar and the taskbar; and a
geometry saved on a bigger screen (or at a smaller interface size) is
brought back inside the screen by :func:`keep_on_screen`. A dock whose
contents are wider than a narrow screen allows goes in a :class:`GivesWay`.
A new interface size (View › Interface size) makes Qt grow windows past the
screen's edge and never shrink them: :func:`size_before_new_size` and
:func:`fit_after_new_size` give each open window its earlier size back, or its
new least size, within the screen. A dock shown in a window that is already
open (Tools › See it as a pupil might) made Qt grow the window by the dock's
least height, past the bottom of the screen: a :class:`DockWithinWindow` takes
its room from the window as it is instead, the panels beside it giving way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMainWindow,
    QStyle,
    QWidget,
)

from widgets.fitting_area import FittingArea

#: The most of the available area a new window takes: the rest is for its frame.
WIDTH_SHARE = 0.9
HEIGHT_SHARE = 0.85
_LEAST_TALL = 120  # a dock is never made shorter than this to fit the screen
#: How long a window just shown may wait for its frame (ms), and how often it looks.
FRAME_WAIT_MS = 1000
_FRAME_POLL_MS = 100


def screen_for(widget: QWidget) -> QScreen | None:
    """The screen ``widget``'s window is on, or will open on.

    A window not yet shown reports the primary screen; a new window with a
    parent opens on its parent's screen, so that is the one it must fit.
    """
    window = widget.window()
    parent = window.parentWidget()
    if not window.isVisible() and parent is not None:
        return parent.window().screen()
    return window.screen() or QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    """The available geometry (the screen less its panels) for ``widget``'s window."""
    screen = screen_for(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 800, 600)


def fit_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, or less where the screen has no room: at most 90% of the available
    width and 85% of its height. Where there is room the size is kept as asked."""
    area = available_area(widget)
    return wanted.boundedTo(QSize(int(area.width() * WIDTH_SHARE),
                                  int(area.height() * HEIGHT_SHARE)))


def open_within_screen(window: QWidget, wanted: QSize) -> QSize:
    """Size a new ``window`` to ``wanted`` within its screen (:func:`fit_size`) and,
    before it is first shown, place it in the middle of the screen (left to the
    window manager, a window was put where its bottom edge fell off the screen);
    returns the size."""
    size = fit_size(window, wanted)
    window.resize(size)
    if not window.isVisible():
        area = available_area(window)
        outer = _outer_size(window)
        window.move(area.left() + max(0, (area.width() - outer.width()) // 2),
                    area.top() + max(0, (area.height() - outer.height()) // 2))
    keep_on_screen(window)
    return window.size()


def keep_on_screen(window: QWidget) -> None:
    """Bring ``window`` (say, with a geometry restored from another screen or
    another interface size) wholly inside its screen's available area: no
    bigger than the area, its frame moved in from any edge it crosses.

    A maximised or full-screen window is left as it is: the window system
    already fits it.
    """
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    area = available_area(window)
    outer = _outer_size(window)
    extra = outer - window.size()
    room = QSize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))
        outer = _outer_size(window)
    # pos() is where the frame's top left corner is, and move() puts it there.
    left = min(max(window.x(), area.left()), area.left() + area.width() - outer.width())
    top = min(max(window.y(), area.top()), area.top() + area.height() - outer.height())
    if (left, top) != (window.x(), window.y()):
        window.move(QPoint(max(area.left(), left), max(area.top(), top)))


# Window properties: the size a window had before a larger interface size made it
# grow, the size fit_after_new_size last left it at, and whether it was on the screen.
_SIZE_BEFORE = "lesson-lab-size-before-growing"
_SIZE_LEFT = "lesson-lab-size-left"
_WAS_INSIDE = "lesson-lab-inside-before-new-size"
# The size a window had before one of its docks was shown (DockWithinWindow).
_SIZE_KEPT = "lesson-lab-size-before-dock-shown"


def _sized_by_window_system(window: QWidget) -> bool:
    return bool(window.windowState() & (Qt.WindowState.WindowMaximized
                                        | Qt.WindowState.WindowFullScreen))


def open_windows() -> list[QWidget]:
    """The app's windows and dialogs on show now (not menus, tool tips or the captions
    band, which places itself)."""
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, (QMainWindow, QDialog))]


def size_before_new_size(window: QWidget) -> None:
    """Remember ``window``'s size before the interface size changes (for
    :func:`fit_after_new_size`).

    A window still the size :func:`fit_after_new_size` left it at keeps the size
    remembered before: 250% made it taller than the teacher had it, and back at
    100% it gets that size again. A window resized since (by the teacher) is
    remembered at its new size.
    """
    if _sized_by_window_system(window):
        return
    if window.property(_SIZE_BEFORE) is None or window.property(_SIZE_LEFT) != window.size():
        window.setProperty(_SIZE_BEFORE, window.size())
    window.setProperty(_WAS_INSIDE, available_area(window).contains(window.frameGeometry()))


def fit_after_new_size(window: QWidget) -> None:
    """Give ``window`` back, after a new interface size, the size it had before
    (:func:`size_before_new_size`), or its new least size if that is larger, and keep
    its frame within the screen (:func:`keep_on_screen`) if it was within it before.

    Qt makes a window bigger when its contents need more room (at 250% the main
    window grew past the bottom of a 1080-pixel screen) but never smaller again,
    and leaves it wherever that puts its edges.
    """
    # The new size decides the window's size, not a dock shown on the way (fit_docks
    # brings docks back from being tabs): that dock's size_back_after_dock is undone.
    window.setProperty(_SIZE_KEPT, None)
    if _sized_by_window_system(window) or not window.isVisible():
        return
    # The new minimum sizes are known once the posted layout requests have run.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    before = window.property(_SIZE_BEFORE)
    if isinstance(before, QSize) and before.isValid():
        window.resize(before.expandedTo(window.minimumSizeHint()))
    # A window already past the screen's edges before (some window managers allow
    # it, and so does a test's window larger than its screen) is left there, as
    # room_for_docks leaves its docks.
    if window.property(_WAS_INSIDE) is not False:
        keep_on_screen(window)
        # Moved up, the window has more room below its top, but a move is no resize:
        # the panels that give way asked for it only in a later layout, after the
        # look below, and from 175% took the window's bottom 4 to 7 pixels past the
        # screen's. They work out their room now, and the look below sees it.
        for way in window.findChildren(GivesWay):
            way.updateGeometry()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        _docks_give_way_below(window)
    window.setProperty(_SIZE_LEFT, window.size())


def _docks_give_way_below(window: QWidget) -> None:
    """Make a window still past the bottom of the screen (its least height too great)
    shorter, its docks' panels (:class:`GivesWay`) scrolling sooner: they allow for the
    menus and tool bars round them as the last layout had them, a little less than the
    new interface size needs (at 150% the main window's least height was 9 pixels more
    than the screen's)."""
    ways = window.findChildren(GivesWay)
    for _attempt in range(3):
        area = available_area(window)
        over = window.frameGeometry().bottom() - area.bottom()
        if over <= 0 or not ways:
            return
        for way in ways:
            way.give_up(over)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.resize(window.width(), max(1, window.height() - over))


def fit_height_where_it_is(window: QWidget, wait_for_frame_ms: int = FRAME_WAIT_MS) -> None:
    """Make a window that reaches past the bottom of its screen shorter where it is, as
    far as its minimum allows; for just after it is first shown, when its docks have
    worked out what room the screen leaves them (:class:`GivesWay`).

    The window's frame counts, so this waits (up to ``wait_for_frame_ms``) for the
    window manager to put one round it. A window still without one by then has
    none (no window manager, or a frameless one): nothing is allowed for a title
    bar that is not there, so a window filling the screen keeps its full height.
    """
    if not window.isVisible() or window.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    if window.frameGeometry().size() == window.size() and wait_for_frame_ms > 0:
        step = min(_FRAME_POLL_MS, wait_for_frame_ms)
        QTimer.singleShot(step, window,
                          lambda: fit_height_where_it_is(window, wait_for_frame_ms - step))
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    area = available_area(window)
    over = window.y() + window.frameGeometry().height() - (area.y() + area.height())
    if over > 0:
        least = window.minimumSizeHint().height()
        window.resize(window.width(), max(least, window.height() - over))


def _outer_size(window: QWidget) -> QSize:
    """The window with its frame. The frame is known only once the window is shown;
    before that, allow for a title bar (as QWidget.restoreGeometry does) and borders."""
    frame = window.frameGeometry().size()
    if window.isVisible() and frame != window.size():
        return frame
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    return window.size() + QSize(8, title + 8)


class GivesWay(FittingArea):
    """A dock's contents at their full minimum size, unless the screen is too small.

    A panel's minimum width (the dictation panel's row of big buttons, say)
    sets the least the whole window can be: on a narrow screen, or at 200%,
    the window would be wider than the screen. Inside this area the panel
    keeps its minimum while ``room()`` allows it; past that the area asks
    only for ``room()`` and the panel scrolls sideways, so the window still
    fits. Likewise in height, once the window is on the screen: a message
    appearing in the panel (at 200% on a laptop) made Qt grow the window
    past the bottom of the screen, and Qt never shrinks it back. Now the area
    asks for no more than the window has below its top, and the panel scrolls
    up and down.
    The area takes no keyboard focus: Tab and F6 go to the panel.
    """

    def __init__(self, widget: QWidget, room: Callable[[], int]) -> None:
        super().__init__(widget, "gives-way", "dock")
        self._room = room
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(widget.accessibleName())
        self._tall: int | None = None  # the height room the last minimum was worked out for

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._height_room() != self._tall:  # a window moved or resized
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget().minimumSizeHint() if self.widget() is not None else QSize()
        width, height = inner.width(), inner.height()
        tall = self._tall = self._height_room()
        if tall is not None and height > tall:
            width += self.verticalScrollBar().sizeHint().width()  # scrolling up and down
            height = tall
        if width > self._room():
            # Sideways scrolling from here: leave room for the scroll bar under the panel.
            width = max(1, self._room())
            height += self.horizontalScrollBar().sizeHint().height()
            if tall is not None:
                height = min(height, tall)
        return QSize(width, height)

    def _height_room(self) -> int | None:
        """The tallest this area can be with its window inside the screen below the
        window's top; None before the window is shown."""
        window = self.window()
        if window is self or not window.isVisible() or not self.isVisible():
            return None
        area = available_area(window)
        below = area.bottom() + 1 - max(area.top(), window.frameGeometry().top())
        frame = _outer_size(window).height() - window.height()
        # The menus, tool bars, title bars and status bar around this area. Mid-layout
        # this area is briefly taller than its window allows, which would make the
        # room seem larger, and larger again: the most seen is the true amount.
        self._around = max(self._around, window.height() - self.height())
        return max(_LEAST_TALL, below - frame - self._around)

    def give_up(self, pixels: int) -> None:
        """Ask for ``pixels`` less height (until the next interface size): the window
        round this area is that much past the bottom of its screen."""
        self._around += max(0, pixels)
        self.updateGeometry()



class DockWithinWindow(QDockWidget):
    """A dock that, shown in a window already open, takes its room from the window as
    it is: the window keeps its size, and the panels beside the dock give way
    (:class:`GivesWay`) or scroll.

    Qt makes a window as tall as the least its docks need, and never shorter again:
    the vision simulations below the dictation panel made the main window 101 pixels
    taller (1400 x 914 to 1400 x 1015 on a 1920 x 1080 screen), its status bar and the
    bottom of its docks off the screen; at 200% the window grew wider.
    """

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        if visible and self.isHidden() and not self.isFloating():
            size_back_after_dock(self.parentWidget())
        super().setVisible(visible)


def size_back_after_dock(window: QWidget | None) -> None:
    """Remember ``window``'s size now, before a dock is shown in it, and give it that
    size back once the window has laid out again (the next turn of the event loop,
    after what is done with the dock, such as making it a tab)."""
    if window is None or not window.isVisible() or _sized_by_window_system(window):
        return
    if isinstance(window.property(_SIZE_KEPT), QSize):
        return  # another dock shown at the same time: the size before the first counts
    window.setProperty(_SIZE_KEPT, window.size())
    QTimer.singleShot(0, window, lambda: _give_size_back(window))


def _give_size_back(window: QWidget) -> None:
    size = window.property(_SIZE_KEPT)
    window.setProperty(_SIZE_KEPT, None)
    if not isinstance(size, QSize) or not window.isVisible() or _sized_by_window_system(window):
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    for _attempt in range(3):
        over = window.height() - size.height()
        if over <= 0:
            break
        # The panels at their least height are in the column the new dock made too
        # tall for the window; the others (the library, on the other side) have room.
        ways = [way for way in window.findChildren(GivesWay) if way.isVisible()]
        tight = [way for way in ways if way.height() <= way.minimumSizeHint().height()]
        for way in tight or ways:
            way.give_up(over)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.resize(window.width(), max(size.height(), window.minimumSizeHint().height()))
    window.resize(size)  # within the least size Qt allows the window now
    # Moved in from any edge it crosses; a window larger than its screen (some window
    # managers allow it, and so does a test's) is left as it is, not made smaller.
    room, outer = available_area(window).size(), _outer_size(window)
    if outer.width() <= room.width() and outer.height() <= room.height():
        keep_on_screen(window)


def room_for_docks(window: QMainWindow) -> int:
    """The widest a dock's contents in ``window`` may ask to be (for :class:`GivesWay`):
    what a window opening within its screen has beside the least its centre needs.

    A window already wider than its screen (some window managers allow it) is
    not made to give way: its docks keep the room they have.
    """
    central = window.centralWidget()
    centre = central.minimumSizeHint().width() if central is not None else 0
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
    width = max(available_area(window).width(), window.width())
    return int(width * WIDTH_SHARE) - centre - 2 * separator - 8

