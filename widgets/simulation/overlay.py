"""A see-through layer that shows any widget through the vision simulations.

``SimulationOverlay(target)`` becomes a child of ``target`` (a lesson view,
the side-by-side view, or any QWidget or QAbstractScrollArea), covers it and
stays on top. It never takes input: mouse, wheel and keys go straight to the
view underneath, so the teacher scrolls, selects and reads as usual.
``set_target`` moves it to another widget (the view the window now shows).

How it follows the view: the overlay watches paint events of the target and
everything inside it. When something repaints (scrolling, a restyle, the
caret), it renders the target into an image once, outside any paint event
(Qt refuses to render a widget from inside another paint), with the overlay
itself left out; views that image as a numpy array without a copy; runs
``filters.apply_simulations``; keeps the result; and repaints itself with it.
The overlay is not opaque, so the repaint it asks for also repaints the view
beneath it; those paints are recognised as its own and do not start another
frame. Bursts of changes are merged into one frame by a zero-delay timer.
With no simulation on, the overlay hides, so the view shows exactly as it is.

Where the central loss, the tunnel and the hemianopia are centred: the middle
of the view, the mouse pointer, the text caret, or a point the app sets.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from widgets.simulation.filters import SimulationSettings, apply_simulations

FOCUS_MODES = ("centre", "mouse", "caret", "point")
_MOUSE_POLL_MS = 33  # about 30 checks a second while following the pointer


def image_to_array(image: QImage) -> np.ndarray:
    """An HxWx3 uint8 RGB copy of any QImage (for tests and the benchmark)."""
    if image.format() != QImage.Format.Format_RGB888:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    # Copy while ``image`` is certainly alive: the buffer does not keep it so.
    return buffer.reshape(height, stride)[:, :width * 3].reshape(height, width, 3).copy()


def array_to_image(pixels: np.ndarray) -> QImage:
    """A QImage over a contiguous HxWx3 uint8 array (shares its memory: keep the array alive)."""
    height, width = pixels.shape[:2]
    return QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)


def render_widget(widget: QWidget, size: QSize | None = None, ratio: float = 1.0) -> np.ndarray:
    """Paint ``widget`` and its children straight into a new HxWx3 uint8 RGB array.

    Qt paints into a QImage laid over the array's own memory, so there is no
    format conversion and no copy afterwards. ``ratio`` is the device pixel
    ratio: the array has size * ratio pixels.
    """
    logical = size or widget.size()
    width = max(1, round(logical.width() * ratio))
    height = max(1, round(logical.height() * ratio))
    pixels = np.empty((height, width, 3), dtype=np.uint8)
    image = array_to_image(pixels)
    image.setDevicePixelRatio(ratio)
    image.fill(widget.palette().window().color())
    widget.render(image, QPoint(0, 0), QRegion(),
                  QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)
    del image  # Qt is done with the memory; the array owns it
    return pixels


class SimulationOverlay(QWidget):
    """Shows ``target`` through the active simulations; input passes through to it.

    Signals:
        frame_rendered(float): a new frame is showing; milliseconds it took
            (render the view, convert, filter).
        settings_changed(object): the new ``SimulationSettings``.
    """

    frame_rendered = Signal(float)
    settings_changed = Signal(object)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._target = target
        self._settings = SimulationSettings()
        self._focus_mode = "centre"
        self._focus_point: QPointF | None = None
        self._last_focus: tuple[float, float] | None = None
        self._capturing = False  # rendering the target: its paints are ours
        self._own_repaint = False  # our update() repaints the view beneath too
        self._frame: QImage | None = None
        self._frame_pixels: np.ndarray | None = None
        self.frames = 0
        self.last_frame_ms = 0.0
        self.setObjectName("simulationOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Vision simulation"))
        self.setAccessibleDescription(self.tr(
            "An approximation for training, not what any one pupil sees."))
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._mouse_timer = QTimer(self)
        self._mouse_timer.setInterval(_MOUSE_POLL_MS)
        self._mouse_timer.timeout.connect(self._follow_mouse)
        self._watch(target)
        self.setGeometry(target.rect())
        self._sync_visibility()

    # ------------------------------------------------------------ settings

    def target(self) -> QWidget:
        """The widget being shown through the simulations."""
        return self._target

    def set_target(self, target: QWidget) -> None:
        """Cover ``target`` instead, keeping the settings and focus mode.

        For a window that swaps what it shows (the lesson alone, or the
        original beside the adapted one): the simulation follows the visible
        view without the panel having to reconnect. A focus point set with
        ``set_focus_point`` is kept and now read in ``target``'s coordinates.
        """
        if target is self._target:
            return
        self._refresh_timer.stop()
        self._unwatch()
        self._target = target
        # The old frame shows the old view: never paint it over the new one.
        self._frame = None
        self._frame_pixels = None
        self.setParent(target)  # hides the overlay; _sync_visibility shows it again
        self._watch(target)
        self._sync_visibility()
        self.schedule_refresh()

    def settings(self) -> SimulationSettings:
        """The simulations in force."""
        return self._settings

    def set_settings(self, settings: SimulationSettings) -> None:
        """Apply new settings and show them at once (hides the overlay when none is on)."""
        self._settings = settings
        self._sync_visibility()
        if self.isVisible():
            self.refresh()
        self.settings_changed.emit(settings)

    def set_strength(self, name: str, strength: float) -> None:
        """Turn one simulation on at ``strength`` (0..1), or off with 0."""
        self.set_settings(self._settings.with_strength(name, strength))

    def set_focus_mode(self, mode: str) -> None:
        """Centre the field losses on the "centre", the "mouse", the "caret" or a set "point"."""
        if mode not in FOCUS_MODES:
            raise ValueError(f"focus mode must be one of {FOCUS_MODES}")
        self._focus_mode = mode
        self._sync_visibility()
        self.schedule_refresh()

    def focus_mode(self) -> str:
        """Where the field losses are centred."""
        return self._focus_mode

    def set_focus_point(self, point: QPointF | QPoint | None) -> None:
        """Centre the field losses on ``point`` (target coordinates); None: the centre."""
        self._focus_point = None if point is None else QPointF(point)
        self.set_focus_mode("point" if point is not None else "centre")

    # ------------------------------------------------------------ frames

    def schedule_refresh(self) -> None:
        """Make a new frame soon (changes arriving together make one frame)."""
        if self.isVisible():
            self._refresh_timer.start()

    def refresh_pending(self) -> bool:
        """True while a new frame is waiting to be made."""
        return self._refresh_timer.isActive()

    def refresh(self) -> None:
        """Render the target now, apply the simulations and repaint with the result."""
        self._refresh_timer.stop()
        if not self._settings.active() or self.width() < 1 or self.height() < 1:
            return
        self._keep_on_top()
        self.render_frame()
        self._own_repaint = True
        self.update()

    def simulated_image(self) -> QImage:
        """Render the target now and return it as the simulations show it (a copy)."""
        return self.render_frame().copy()

    def render_frame(self) -> QImage:
        """Render the target, apply the simulations and keep the frame (not yet painted)."""
        started = time.perf_counter()
        ratio = self.devicePixelRatioF()
        self._capturing = True
        try:
            pixels = render_widget(self._target, self.size(), ratio)
        finally:
            self._capturing = False
        # The frame's QImage shares the array's memory: keep both together.
        self._frame_pixels = np.ascontiguousarray(
            apply_simulations(pixels, self._settings_for_frame(ratio)))
        frame = array_to_image(self._frame_pixels)
        frame.setDevicePixelRatio(ratio)
        self._frame = frame
        self.frames += 1
        self.last_frame_ms = (time.perf_counter() - started) * 1000.0
        self.frame_rendered.emit(self.last_frame_ms)
        return frame

    def _settings_for_frame(self, ratio: float) -> SimulationSettings:
        focus = self._focus_in_target()
        self._last_focus = None if focus is None else (focus.x(), focus.y())
        device_focus = None if focus is None else (focus.x() * ratio, focus.y() * ratio)
        settings = self._settings
        if settings.focus != device_focus or settings.pixel_scale != ratio:
            settings = replace(settings, focus=device_focus, pixel_scale=ratio)
        return settings

    def _focus_in_target(self) -> QPointF | None:
        """The focus point in target coordinates, or None for the middle."""
        if self._focus_mode == "point":
            return self._focus_point
        if self._focus_mode == "mouse":
            position = self._target.mapFromGlobal(QCursor.pos())
            return QPointF(position) if self._target.rect().contains(position) else None
        if self._focus_mode == "caret":
            return self._caret_position()
        return None

    def _caret_position(self) -> QPointF | None:
        widget = QApplication.focusWidget()
        if widget is None or not (widget is self._target or self._target.isAncestorOf(widget)):
            widget = self._target
        cursor_rect = getattr(widget, "cursorRect", None)
        if cursor_rect is None:
            return None
        try:
            rect: QRect = cursor_rect()
        except TypeError:  # a widget whose cursorRect needs arguments
            return None
        origin = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        return QPointF(origin.mapTo(self._target, rect.center()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self._own_repaint = False
        if self._capturing:
            return  # leave our own area transparent while the target is rendered
        if self._frame is None:
            self.schedule_refresh()
            return
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self._frame)
        painter.end()

    # ------------------------------------------------------------ tracking

    def _watch(self, widget: QWidget) -> None:
        """Filter ``widget``'s events and those of everything inside it (not ours)."""
        for each in [widget, *widget.findChildren(QWidget)]:
            if each is not self and not self.isAncestorOf(each):
                each.installEventFilter(self)  # installing twice keeps one filter

    def _unwatch(self) -> None:
        """Stop filtering the events of the target and everything inside it."""
        for each in [self._target, *self._target.findChildren(QWidget)]:
            each.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if not self._capturing and not self._own_repaint:
                self.schedule_refresh()
        elif kind == QEvent.Type.ChildAdded:
            child = event.child()
            if child is not self and child.isWidgetType():
                # A new part (a popup, a ruler): watch it, and stay on top of it.
                QTimer.singleShot(0, lambda: self._adopt(child))
        elif watched is self._target and kind == QEvent.Type.Resize:
            self.setGeometry(self._target.rect())
            self.schedule_refresh()
        return False

    def _adopt(self, child: QWidget) -> None:
        try:
            self._watch(child)
        except RuntimeError:  # already deleted
            return
        self._keep_on_top()

    def _keep_on_top(self) -> None:
        """Be the last (top-most) child of the target.

        Scroll areas raise their scroll bars when they show them; anything
        above the overlay would be seen unsimulated, and its paints, coming
        after ours, would look like fresh changes and start frame after frame.
        """
        siblings = [child for child in self._target.children() if child.isWidgetType()]
        if self.isVisible() and siblings and siblings[-1] is not self:
            self.raise_()

    def _follow_mouse(self) -> None:
        focus = self._focus_in_target()
        current = None if focus is None else (focus.x(), focus.y())
        if current != self._last_focus:
            self.schedule_refresh()

    def _sync_visibility(self) -> None:
        active = bool(self._settings.active())
        self.setVisible(active)
        self._own_repaint = False
        if active:
            self.setGeometry(self._target.rect())
            self.raise_()
        else:
            self._frame = None
            self._frame_pixels = None
        if active and self._focus_mode == "mouse":
            self._mouse_timer.start()
        else:
            self._mouse_timer.stop()

    def detach(self) -> None:
        """Stop simulating and remove the overlay from the target."""
        self._mouse_timer.stop()
        self._refresh_timer.stop()
        self._unwatch()
        self.hide()
        self.setParent(None)
        self.deleteLater()
