"""The size of the whole interface, for a projector at the back of a hall.

A trainer at the front of a room needs the menus, lists and buttons as big as
the lesson text, not only the lesson. ``apply_ui_scale`` scales the
application font (every widget that does not set its own font follows it at
once) and, when the app runs with :class:`ScaledStyle`, the style's icon,
check-box and scroll-bar sizes and its keyboard focus ring
(``app/focus_ring.py``) too. It applies live: Qt sends every widget a
font change, and widgets lay themselves out again.

Scale 1.0 always gives back exactly the font the application started with,
so tests can change the scale and put it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QFrame,
    QMainWindow,
    QPlainTextEdit,
    QProxyStyle,
    QRadioButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleFactory,
    QStyleOptionFocusRect,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from app.focus_ring import control_backgrounds, draw_ring, ring_colour, ring_width
from widgets.relative_font import refresh_relative_fonts

MIN_SCALE = 1.0
MAX_SCALE = 2.5
STEPS = (1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5)

# The style metrics that are sizes a person has to see or hit; spacing and
# margins follow the font through the layouts already.
_SCALED_METRICS = (
    QStyle.PixelMetric.PM_SmallIconSize,
    QStyle.PixelMetric.PM_LargeIconSize,
    QStyle.PixelMetric.PM_ToolBarIconSize,
    QStyle.PixelMetric.PM_ButtonIconSize,
    QStyle.PixelMetric.PM_ListViewIconSize,
    QStyle.PixelMetric.PM_TabBarIconSize,
    QStyle.PixelMetric.PM_MessageBoxIconSize,
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_ScrollBarExtent,
    QStyle.PixelMetric.PM_SliderThickness,
    QStyle.PixelMetric.PM_SliderLength,
    QStyle.PixelMetric.PM_SplitterWidth,
    QStyle.PixelMetric.PM_DockWidgetSeparatorExtent,
)

_base_point_size: float | None = None

# However big the interface, the lesson keeps at least this share of the
# window's width; the docks give way (as tabs) before it does.
LESSON_SHARE = 0.4
# From 150% up the lesson keeps half: the panels wrap and stack their words
# and buttons to be narrow, so two docks side by side would fit beside 40% of
# the window, leaving the lesson as squeezed as before; as tabs it has the rest.
LARGE_SIZE, LARGE_SIZE_SHARE = 1.5, 0.5
_HOME = "lesson-lab-home-area"  # a dock's own side, while it is a tab elsewhere
_HOME_WIDTH = "lesson-lab-home-width"  # its width there, to give back when it goes home
_LEFT = Qt.DockWidgetArea.LeftDockWidgetArea


_PE = QStyle.PrimitiveElement
_CE = QStyle.ControlElement
_CC = QStyle.ComplexControl
_SE = QStyle.SubElement
_CT = QStyle.ContentsType
_RINGED_CONTROLS = (_CC.CC_ComboBox, _CC.CC_ToolButton, _CC.CC_SpinBox, _CC.CC_Slider)
# Text boxes, and the lesson itself, are ringed round their frame: a
# one-pixel text cursor is all that shows otherwise, and none when read-only.
_RINGED_FRAMES = (QTextEdit, QPlainTextEdit)
# Check boxes and radio buttons have no margin of their own: they grow by the
# ring on every side and are drawn inside it, so the ring never covers them.
_CHECKS = {_CE.CE_CheckBox: _CT.CT_CheckBox, _CE.CE_RadioButton: _CT.CT_RadioButton}


def _focused(option) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
        state & QStyle.StateFlag.State_Enabled)


class ScaledStyle(QProxyStyle):
    """The platform's style with its icon and control sizes multiplied by ``scale``.

    It also draws the keyboard focus as a thick ring (``app/focus_ring.py``)
    that grows with ``scale``, instead of the base style's one-pixel line.
    """

    def __init__(self, base: str | None = None, scale: float = 1.0) -> None:
        super().__init__(QStyleFactory.create(base) if base else None)
        self.scale = scale

    def focus_ring_width(self) -> int:
        """How thick the focus ring is at the present interface size, in pixels."""
        return ring_width(self.scale)

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt's name
        value = super().pixelMetric(metric, option, widget)
        if self.scale != 1.0 and metric in _SCALED_METRICS:
            return round(value * self.scale)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget,
                                                                            _RINGED_FRAMES):
            # The text is drawn inside the frame: a frame as wide as the ring shows all of it.
            return max(value, self.focus_ring_width())
        return value

    # ----- the focus ring ----------------------------------------------------------

    def _ring(self, painter, option, rect=None, backgrounds=None) -> None:
        palette = option.palette
        colour = ring_colour(palette.color(palette.ColorRole.Highlight),
                             backgrounds or control_backgrounds(palette))
        draw_ring(painter, rect if rect is not None else option.rect, colour,
                  self.focus_ring_width())

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element == _PE.PE_FrameFocusRect:
            if isinstance(widget, (QToolButton, QCheckBox, QRadioButton, QSlider)):
                return  # ringed whole in drawControl or drawComplexControl
            # A list item, or a widget that asks for a focus mark (a finding card).
            self._item_ring(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_PanelLineEdit and _focused(option):
            self._ring(painter, option)

    def _item_ring(self, painter, option) -> None:
        palette = option.palette
        roles = palette.ColorRole
        if not isinstance(option, QStyleOptionFocusRect) or not option.backgroundColor.isValid():
            self._ring(painter, option)
            return
        # Over a selected item (drawn in the highlight) the ring sits between the
        # highlight and the list round it: it must stand out from both, or (white
        # on blue, beside a white list) it only looks like a smaller selection.
        behind = option.backgroundColor
        selected = behind == palette.color(roles.Highlight)
        if selected:
            colour = ring_colour(palette.color(roles.Text), [behind, palette.color(roles.Base)])
        else:
            colour = ring_colour(palette.color(roles.Highlight), [behind])
        draw_ring(painter, option.rect, colour, self.focus_ring_width())

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element in _CHECKS:
            inside = type(option)(option)
            room = self._ring_room(_CHECKS[element])
            inside.rect = option.rect.adjusted(room, room, -room, -room)
            super().drawControl(element, inside, painter, widget)
            if _focused(option):
                self._ring(painter, option)
            return
        super().drawControl(element, option, painter, widget)
        if element == _CE.CE_PushButton and _focused(option):
            self._ring(painter, option)
        elif (element == _CE.CE_ShapedFrame and _focused(option)
              and isinstance(widget, _RINGED_FRAMES)):
            # Over the frame, beside the text: a lesson in yellow on black rings in yellow.
            roles = option.palette.ColorRole
            self._ring(painter, option, backgrounds=[option.palette.color(roles.Window),
                                                     option.palette.color(roles.Base)])

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_CONTROLS and _focused(option):
            self._ring(painter, option)

    def sizeFromContents(self, kind, option, size, widget=None) -> QSize:  # noqa: N802
        # Room for the ring where it would otherwise cover words or a tick box.
        result = super().sizeFromContents(kind, option, size, widget)
        room = self._ring_room(kind)
        return QSize(result.width() + 2 * room, result.height() + 2 * room) if room else result

    def subElementRect(self, element, option, widget=None):  # noqa: N802 - Qt's name
        rect = super().subElementRect(element, option, widget)
        width = self.focus_ring_width()
        if element == _SE.SE_LineEditContents:
            room = self._ring_room(_CT.CT_LineEdit)
            return rect.adjusted(room, room, -room, -room)
        if element == _SE.SE_ItemViewItemText:
            return rect.adjusted(width, 0, -width, 0)
        return rect

    def subControlRect(self, control, option, part, widget=None):  # noqa: N802 - Qt's name
        if control == _CC.CC_Slider:
            return self._slider_rect(option, part, widget)
        rect = super().subControlRect(control, option, part, widget)
        if control == _CC.CC_ComboBox and part == QStyle.SubControl.SC_ComboBoxEditField:
            room = self._ring_room(_CT.CT_ComboBox)
            return rect.adjusted(room, 0, 0, 0)
        return rect

    def _slider_rect(self, option, part, widget):
        # The groove and handle inside the ring (drawn round the whole slider),
        # for drawing and for the mouse alike.
        inside = type(option)(option)
        room = self._ring_room(_CT.CT_Slider)
        inside.rect = option.rect.adjusted(room, room, -room, -room)
        return super().subControlRect(_CC.CC_Slider, inside, part, widget)

    def _ring_room(self, kind) -> int:
        width = self.focus_ring_width()
        if kind in _CHECKS.values() or kind == _CT.CT_Slider:
            return width + 1  # a pixel's gap between the ring and the tick box or groove
        if kind == _CT.CT_ItemViewItem:
            return width
        if kind in (_CT.CT_LineEdit, _CT.CT_ComboBox):
            # Their words start 4 pixels in (a 2-pixel frame, 2 of margin).
            return max(0, width - 3)
        return 0


def clamp_scale(scale: float) -> float:
    """``scale`` kept within 100% to 250%."""
    return max(MIN_SCALE, min(MAX_SCALE, float(scale)))


def install_scaled_style(app: QApplication) -> ScaledStyle:
    """Put a :class:`ScaledStyle` over the app's current style (once)."""
    style = app.style()
    if isinstance(style, ScaledStyle):
        return style
    scaled = ScaledStyle(style.name())
    app.setStyle(scaled)
    return scaled


def base_point_size(app: QApplication | None = None) -> float:
    """The application font size at 100%, as it was before any scaling."""
    global _base_point_size
    if _base_point_size is None:
        app = app or QApplication.instance()
        size = app.font().pointSizeF()
        _base_point_size = size if size > 0 else 10.0
    return _base_point_size


def current_scale(app: QApplication | None = None) -> float:
    """The scale the application font is at now."""
    app = app or QApplication.instance()
    return app.font().pointSizeF() / base_point_size(app)


def apply_ui_scale(scale: float, app: QApplication | None = None) -> float:
    """Scale the whole interface to ``scale`` (1.0 to 2.5); returns the scale applied."""
    app = app or QApplication.instance()
    scale = clamp_scale(scale)
    base = base_point_size(app)
    style = app.style()
    if isinstance(style, ScaledStyle):
        style.scale = scale
    font = QFont(app.font())
    font.setPointSizeF(base * scale)
    # Every widget that has not set its own font gets a FontChange and lays out
    # again. Qt posts those changes; deliver them now so the new size is there
    # as soon as this returns.
    app.setFont(font)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in app.allWidgets():
        if isinstance(widget, _RINGED_FRAMES):
            widget.setFrameStyle(widget.frameStyle())  # measures its frame for the new ring
    refresh_relative_fonts()  # headings with a size of their own (widgets/relative_font.py)
    return scale


def scaled_icon_size(scale: float, base: int = 24) -> int:
    """An icon edge in pixels for tool bars at ``scale``."""
    return round(base * clamp_scale(scale))


def scrolling(widget: QWidget, name: str = "") -> QScrollArea:
    """``widget`` in a frameless scroll area, for a dock.

    At a large interface size a dock's contents can need more room than the
    screen has. Without a scroll area Qt either squashes the rows on top of
    each other or makes the whole window taller (or wider) than the screen;
    inside one the dock keeps the size it is given and its contents scroll.
    The scroll area itself takes no keyboard focus, so Tab and F6 go straight
    to the controls inside it.
    """
    area = UpAndDown()
    area.setObjectName(f"{name or widget.objectName() or 'dock'}-scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setAccessibleName(widget.accessibleName())
    area.setWidget(widget)
    return area


class UpAndDown(QScrollArea):
    """A scroll area that scrolls only up and down: never narrower than what it holds
    (with room for its scroll bar), so nothing is cut off at the right edge, whatever
    width the docks tabbed with it leave."""

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setWidget(widget)
        widget.installEventFilter(self)  # a new minimum inside (a larger size) is one here

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        if self.widget() is None:
            return hint
        wide = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), wide), hint.height())


def _docked(window: QMainWindow, docks) -> list[QDockWidget]:
    # isHidden, not isVisible: before the window is first shown no dock is visible.
    return [d for d in docks if not d.isHidden() and not d.isFloating()
            and window.dockWidgetArea(d) != Qt.DockWidgetArea.NoDockWidgetArea]


def _width_needed(window: QMainWindow, docks, area_of) -> int:
    """The width the docks take side by side: on each side, the widest one's minimum."""
    sides: dict = {}
    for dock in docks:
        side = area_of(dock)
        sides[side] = max(sides.get(side, 0), dock.minimumSizeHint().width())
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
    return sum(sides.values()) + separator * len(sides)


def _share_out(window: QMainWindow, docks, room: int) -> None:
    """Give each side its docks' natural width, within an equal part of ``room``."""
    sides: dict = {}
    for dock in docks:
        sides.setdefault(window.dockWidgetArea(dock), []).append(dock)
    part = room // max(1, len(sides))
    firsts, widths = [], []
    for side in sides.values():
        smallest = max(d.minimumSizeHint().width() for d in side)
        natural = max(d.sizeHint().width() for d in side)
        firsts.append(side[0])
        widths.append(max(smallest, min(natural, part)))
    window.resizeDocks(firsts, widths, Qt.Orientation.Horizontal)


def dock_homes(docks) -> dict[str, int]:
    """Each tabbed dock's own side, by object name, to keep with the window's layout.

    The window's saved state has the docks where they are (tabbed on the
    left at a large size); without their own sides a later start could not
    put them back when the interface is made smaller again.
    """
    return {d.objectName(): int(d.property(_HOME)) for d in docks
            if d.property(_HOME) is not None and d.objectName()}


def restore_dock_home(dock: QDockWidget, homes: dict) -> None:
    """Give ``dock`` back the own side ``homes`` (from :func:`dock_homes`) kept for it."""
    value = homes.get(dock.objectName())
    if isinstance(value, int) and value in (int(a.value) for a in Qt.DockWidgetArea):
        dock.setProperty(_HOME, value)


def fit_docks(window: QMainWindow, docks, share: float = LESSON_SHARE) -> bool:
    """Keep the lesson at least ``share`` of ``window``'s width; True when docks are tabbed.

    At a large interface size the library on one side and dictation (and the
    simulations) on the other need more than the screen has, and Qt takes the
    room from the lesson (about 270 px at 200% on a 1600-px screen). So when
    they do not fit beside a fair share for the lesson, the docks become tabs
    of one dock area on the left, the library first; when there is room again
    (a smaller size, a wider window) each goes back to its own side.
    """
    # Lay out again first (below): after a font change the docks' minimum sizes
    # are only up to date once the posted layout requests have run.
    docks = _docked(window, docks)
    if not docks:
        return False
    if current_scale() >= LARGE_SIZE - 0.01:
        share = max(share, LARGE_SIZE_SHARE)
    if all(d.property(_HOME) is None for d in docks):
        # Each on its own side: its width now (before a new size lays it out again)
        # is the one to give back if it becomes a tab and later goes home.
        for dock in docks:
            dock.setProperty(_HOME_WIDTH, dock.width())
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    room = window.width() - round(share * window.width())
    tabbed = [d for d in docks if d.property(_HOME) is not None]
    if tabbed:
        def home(dock):
            value = dock.property(_HOME)
            return Qt.DockWidgetArea(value) if value is not None else window.dockWidgetArea(dock)
        if _width_needed(window, docks, home) <= room:
            for dock in tabbed:
                window.addDockWidget(home(dock), dock)
                dock.setProperty(_HOME, None)
                dock.show()
            if not _give_back_widths(window, docks, room):
                _share_out(window, docks, room)
            return False
    if tabbed or _width_needed(window, docks, window.dockWidgetArea) > room:
        first = next((d for d in docks if window.dockWidgetArea(d) == _LEFT), docks[0])
        if window.dockWidgetArea(first) != _LEFT:
            first.setProperty(_HOME, int(window.dockWidgetArea(first).value))
            window.addDockWidget(_LEFT, first)
        together = window.tabifiedDockWidgets(first)
        for dock in docks:
            if dock is not first and dock not in together:
                if dock.property(_HOME) is None:
                    dock.setProperty(_HOME, int(window.dockWidgetArea(dock).value))
                window.tabifyDockWidget(first, dock)
        if not tabbed:
            first.raise_()
    tabbed = any(d.property(_HOME) is not None for d in docks)
    if tabbed:
        _name_dock_tabs(window)
        # As narrow as the widest tab allows, so the lesson has the rest.
        widest = max(d.minimumSizeHint().width() for d in docks)
        window.resizeDocks([docks[0]], [widest], Qt.Orientation.Horizontal)
    elif window.centralWidget() is not None and (
            window.centralWidget().width() < share * window.width()):
        # Docks that fit but are wide, as a window made narrower leaves them
        # (Qt takes the width from the lesson) or as a layout saved on a
        # wider screen brings them back: each side gives way to its share.
        _share_out(window, docks, room)
    return tabbed


def _give_back_widths(window: QMainWindow, docks, room: int) -> bool:
    """Give docks back on their own sides the widths they had before they became tabs
    (100% to 200% and back leaves the lesson as it was); False when those no longer
    fit in ``room`` or are not known."""
    sides: dict = {}
    for dock in docks:
        width = dock.property(_HOME_WIDTH)
        if not isinstance(width, int):
            return False
        side = sides.setdefault(window.dockWidgetArea(dock), [dock, 0])
        side[1] = max(side[1], width, dock.minimumSizeHint().width())
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
    if sum(width for _, width in sides.values()) + separator * len(sides) > room:
        return False
    window.resizeDocks([first for first, _ in sides.values()],
                       [width for _, width in sides.values()], Qt.Orientation.Horizontal)
    return True


def _name_dock_tabs(window: QMainWindow) -> None:
    """Name the tab bar Qt makes for tabbed docks: a screen reader otherwise meets
    an unnamed list of tabs ("Library", "Dictation") with nothing to say what it is."""
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not bar.accessibleName():
            bar.setAccessibleName(QCoreApplication.translate("ui_scale", "Panels"))
        # Whole names ("Library", "Dictation") with arrows to scroll, not "Lib…": the
        # tabs share a dock a third of the window wide.
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
