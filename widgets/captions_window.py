"""Live captions of what the teacher says, for a hearing-impaired pupil or a projector.

A window that stays on top of everything, with one to three very large lines
in high contrast (yellow on black, white on black, black on white, or the
colours of a lesson profile). It sits along the top or the bottom of its
screen, spanning the full width, or floats where it is put. A history of
every caption, with times, can be opened and saved.

The controller feeds it: ``add_partial(text)`` while words are being heard,
``add_final(text, timestamp)`` when they settle. It also says what the
captions are doing, so a room looking at an empty band knows why:
``set_starting()`` ("Getting ready to listen…"), ``set_listening(True)``
("Listening…" until someone speaks), ``set_listening(False)`` ("Not
listening") and ``show_problem(message)`` ("Not listening: no microphone…").
``set_running_behind(True)`` shows a boxed note that the captions are running
behind, in a strip on the side away from the screen's edge: the window grows
to hold it, so the caption lines stay where they are on screen.

Keyboard: Esc hides the captions, + and − change the text size, and the
Menu key, Shift+F10 or the Settings button opens the settings menu (lines,
colours, position, frame, history). The settings come back as a
``CaptionSettings`` through ``settings_changed`` so the app can keep them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QVBoxLayout, QWidget

from lessons.profile import Profile
from widgets.announce import announce
from widgets.caption_history import CaptionHistory
from widgets.caption_text import CaptionLagNote, CaptionText

SCHEMES = {  # name: (text, background); "profile" takes a lesson profile's colours
    "yellow-on-black": ("#ffff00", "#000000"),
    "white-on-black": ("#ffffff", "#000000"),
    "black-on-white": ("#000000", "#ffffff"),
    "profile": None,
}
PLACEMENTS = ("top", "bottom", "floating")
MIN_FONT_PT, MAX_FONT_PT = 18.0, 200.0
SIZE_STEP = 1.2
_NO_LIMIT = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export
DEFAULT_FAMILY = "Atkinson Hyperlegible"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Captions", text)


@dataclass(frozen=True)
class CaptionSettings:
    """How the captions look and where they sit."""

    lines: int = 2
    scheme: str = "yellow-on-black"
    placement: str = "bottom"
    frameless: bool = True
    font_size_pt: float = 48.0
    font_family: str = ""  # "" means the profile's family, or Atkinson Hyperlegible

    def checked(self) -> CaptionSettings:
        """These settings with every value brought into range."""
        return replace(
            self,
            lines=max(1, min(3, int(self.lines))),
            scheme=self.scheme if self.scheme in SCHEMES else "yellow-on-black",
            placement=self.placement if self.placement in PLACEMENTS else "bottom",
            font_size_pt=max(MIN_FONT_PT, min(MAX_FONT_PT, float(self.font_size_pt))),
        )


class CaptionsWindow(QWidget):
    """Very large live captions, always on top.

    Signals: ``settings_changed(CaptionSettings)`` after any change the user
    makes; ``dismissed()`` when Esc or the menu hides the window.
    """

    settings_changed = Signal(object)
    dismissed = Signal()

    def __init__(self, settings: CaptionSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt adds the application's name (" — Lesson Lab"), so the title does not repeat it.
        self.setWindowTitle(_tr("Live captions"))
        self.setAccessibleName(_tr("Live captions"))
        self.setAccessibleDescription(_tr(
            "Captions of what the teacher says. Escape hides them, plus and minus change "
            "the size, the Menu key opens the settings."))
        # Showing the captions must not take the keyboard from the teacher's window.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # The style sheet's background also when inside a presentation (see ``embed``).
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._settings = CaptionSettings()
        self._profile: Profile | None = None
        self._drag_from: QPoint | None = None
        self._embedded = False
        self.text = CaptionText(self)
        self.note = CaptionLagNote(self, margin=self.text.margin)  # hidden until needed
        self.history = CaptionHistory(self)
        self.history.setWindowFlags(Qt.WindowType.Window)  # its own window, owned by this one
        self.settings_button = QToolButton(self)
        self.settings_button.setText(_tr("Settings"))
        self.settings_button.setAccessibleName(_tr("Caption settings"))
        self.settings_button.setToolTip(_tr("Caption settings (Menu key or Shift+F10)"))
        self.settings_button.clicked.connect(self.open_settings_menu)
        button_font = self.settings_button.font()
        button_font.setPointSizeF(max(14.0, button_font.pointSizeF() * 1.4))
        self.settings_button.setFont(button_font)
        self.menu = QMenu(self)
        self._actions: dict[tuple[str, object], QAction] = {}
        self._build_menu()
        side = QVBoxLayout()
        side.setContentsMargins(4, 4, 4, 4)
        side.addWidget(self.settings_button)
        side.addStretch(1)
        self._side = side
        self._column = QVBoxLayout()  # the lines, and the note above or below them
        self._column.setSpacing(0)
        self._column.addWidget(self.text, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._column, 1)
        layout.addLayout(side)
        self._apply_window_flags()
        self.apply_settings(settings or CaptionSettings(), announce=False)
        self._state = ""
        self._set_state("waiting", _tr("Waiting for speech\u2026"))

    # ---------------------------------------------------------------- captions

    def add_partial(self, text: str) -> None:
        """Show words still being heard after the settled captions."""
        self.text.set_partial(text)

    def add_final(self, text: str, timestamp: datetime | float | None = None) -> None:
        """A caption has settled: show it and keep it in the history with its time."""
        text = text.strip()
        if not text:
            self.text.set_partial("")
            return
        self.text.add_final(text)
        self.history.add(text, timestamp)

    # ---------------------------------------------------------------- listening or not

    def set_starting(self) -> None:
        """The microphone and speech engine are being got ready."""
        self._set_state("starting", _tr("Getting ready to listen\u2026"))

    def set_listening(self, listening: bool) -> None:
        """Listening (a quiet "Listening…" until words come) or not (said plainly).

        Stopping keeps a problem already shown: it says why better than "Not listening".
        """
        if listening:
            self._set_state("listening", _tr("Listening\u2026"))
        elif self._state != "problem":
            self._set_state("off", notice=_tr("Not listening. Turn live captions on to "
                                              "start again."))

    def show_problem(self, message: str) -> None:
        """Listening has stopped or cannot start because of ``message`` (one sentence)."""
        self.set_running_behind(False)  # the problem is the news now
        self._set_state("problem", notice=_tr("Not listening: {problem}").format(
            problem=message.strip()))

    def set_running_behind(self, behind: bool) -> None:
        """Show (or take away) the note that the captions are running behind.

        Announced once to a screen reader as it appears; never a caption, so
        never in the lines or the history.
        """
        if not self.note.set_shown(behind):
            return
        self.place()
        if behind and self.isVisible():
            announce(self.note.label, self.note.text())

    def running_behind_note(self) -> str:
        """The note's words while it is shown ("" otherwise)."""
        return self.note.text() if self.note.shown else ""

    def state(self) -> str:
        """"waiting", "starting", "listening", "off" or "problem"."""
        return self._state

    def notice(self) -> str:
        """What the captions say about listening, when it is on screen ("" otherwise)."""
        return self.text.notice()

    def shown_lines(self) -> list[str]:
        """The caption lines on screen now, top to bottom."""
        return self.text.shown_lines()

    def clear(self) -> None:
        """Clear the lines on screen (the history stays)."""
        self.text.clear()

    def save_history(self, path: str | Path) -> Path:
        """Save every caption so far as ``[HH:MM:SS] text`` lines."""
        return self.history.save_history(path)

    def show_history(self) -> None:
        """Open the history window."""
        self.history.show()
        self.history.raise_()
        self.history.activateWindow()

    # ---------------------------------------------------------------- settings

    def settings(self) -> CaptionSettings:
        """The settings in use."""
        return self._settings

    def apply_settings(self, settings: CaptionSettings, announce: bool = True) -> None:
        """Use ``settings`` (brought into range); emits ``settings_changed`` if ``announce``."""
        old = self._settings
        self._settings = settings.checked()
        if self._settings.frameless != old.frameless:
            self._apply_window_flags()
        self._apply_look()
        self._arrange_note()
        self._sync_menu()
        self.place()
        if announce and self._settings != old:
            self.settings_changed.emit(self._settings)

    def set_profile(self, profile: Profile | None) -> None:
        """The lesson profile whose colours and font the "profile" scheme follows."""
        self._profile = profile
        self._apply_look()

    def set_lines(self, lines: int) -> None:
        """Show 1, 2 or 3 lines."""
        self._change(lines=lines)

    def set_scheme(self, scheme: str) -> None:
        """One of ``SCHEMES``."""
        self._change(scheme=scheme)

    def set_placement(self, placement: str) -> None:
        """"top", "bottom" or "floating"."""
        self._change(placement=placement)

    def set_frameless(self, frameless: bool) -> None:
        """With or without a window frame."""
        self._change(frameless=frameless)

    def set_font_size(self, points: float) -> None:
        """Text size in points (18 to 200)."""
        self._change(font_size_pt=points)

    def bigger(self) -> None:
        """Larger text."""
        self.set_font_size(round(self._settings.font_size_pt * SIZE_STEP))

    def smaller(self) -> None:
        """Smaller text."""
        self.set_font_size(round(self._settings.font_size_pt / SIZE_STEP))

    def colours(self) -> tuple[str, str]:
        """(text, background) in use."""
        return self.text.colours()

    def move_to_screen(self, screen: QScreen) -> None:
        """Show the captions on ``screen`` (for example the projector), placed as set."""
        self.setScreen(screen)
        if self._settings.placement == "floating":
            area = screen.availableGeometry()
            self.move(area.left() + area.width() // 6, area.top() + area.height() * 2 // 3)
        self.place()

    def embed(self, host: QWidget) -> None:
        """Show inside ``host`` (a full-screen presentation) instead of in a window of its own.

        A window manager keeps a full-screen window above every other, "always
        on top" or not, so over the projector or trainer mode the captions must
        be part of it. Hidden or shown stays as it was; ``host`` lays the band
        out (``widgets.presentation.CaptionsCarrier`` does both).
        """
        hidden = self.isHidden()
        self._embedded = True
        self.setParent(host, Qt.WindowType.Widget)
        self.place()
        self.setHidden(hidden)

    def unembed(self) -> None:
        """Back to a window of its own (after :meth:`embed`), shown if it was."""
        if not self._embedded:
            return
        hidden = self.isHidden()
        self._embedded = False
        self.setParent(None)
        self.setMinimumHeight(0)
        self.setMaximumHeight(_NO_LIMIT)
        self._apply_window_flags()
        self.setHidden(hidden)
        self.place()

    def is_embedded(self) -> bool:
        """True while shown inside another window (see :meth:`embed`)."""
        return self._embedded

    def place(self) -> None:
        """Put the window where its placement says, on the screen it is on."""
        if self._embedded:  # the host gives the width
            self.setFixedHeight(self.text.height_for_lines() + self._note_height(self.width()))
            return
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if self._settings.placement == "floating":
            keep = self.isVisible() and self.width() > 200
            width = self.width() if keep else area.width() * 2 // 3
            self.resize(width, self.text.height_for_lines() + self._note_height(width))
            return
        height = self.text.height_for_lines() + self._note_height(area.width())
        # The frame's own height (title bar) counts too when there is one.
        frame = max(0, self.frameGeometry().height() - self.geometry().height())
        if self._settings.placement == "top":
            top = area.top() + frame
        else:
            top = area.bottom() + 1 - height - frame
        self.setGeometry(QRect(area.left(), top, area.width(), height))

    # ---------------------------------------------------------------- the menu

    def settings_menu(self) -> QMenu:
        """The settings menu (for tests and for a main window's own menu)."""
        return self.menu

    def open_settings_menu(self) -> None:
        """Open the settings menu below the Settings button."""
        self.menu.popup(self.settings_button.mapToGlobal(self.settings_button.rect().bottomLeft()))
        self.menu.setActiveAction(self.menu.actions()[0])

    def _build_menu(self) -> None:
        def group(title: str, key: str, choices: list[tuple[object, str]]) -> None:
            submenu = self.menu.addMenu(title)
            actions = QActionGroup(submenu)
            for value, label in choices:
                action = submenu.addAction(label)
                action.setCheckable(True)
                actions.addAction(action)
                action.triggered.connect(lambda _=False, v=value: self._change(**{key: v}))
                self._actions[(key, value)] = action

        group(_tr("&Lines"), "lines", [(1, _tr("&1 line")), (2, _tr("&2 lines")),
                                       (3, _tr("&3 lines"))])
        group(_tr("&Colours"), "scheme", [
            ("yellow-on-black", _tr("&Yellow on black")),
            ("white-on-black", _tr("&White on black")),
            ("black-on-white", _tr("&Black on white")),
            ("profile", _tr("Lesson &profile colours"))])
        group(_tr("&Position"), "placement", [
            ("top", _tr("&Top of the screen")), ("bottom", _tr("&Bottom of the screen")),
            ("floating", _tr("&Floating"))])
        self.menu.addAction(_tr("L&arger text (+)"), self.bigger)
        self.menu.addAction(_tr("&Smaller text (\u2212)"), self.smaller)
        frame = self.menu.addAction(_tr("Window &frame"))
        frame.setCheckable(True)
        frame.toggled.connect(lambda on: self.set_frameless(not on))
        self._actions[("frame", True)] = frame
        self.menu.addSeparator()
        self.menu.addAction(_tr("Show &history…"), self.show_history)
        self.menu.addAction(_tr("Save history as &text…"), self.history.save)
        self.menu.addAction(_tr("Cl&ear the captions"), self.clear)
        self.menu.addAction(_tr("Hi&de captions (Esc)"), self.dismiss)

    def _sync_menu(self) -> None:
        s = self._settings
        for (key, value), action in self._actions.items():
            action.blockSignals(True)
            if key == "frame":
                action.setChecked(not s.frameless)
            else:
                action.setChecked(getattr(s, key) == value)
            action.blockSignals(False)

    # ---------------------------------------------------------------- keyboard and mouse

    def dismiss(self) -> None:
        """Hide the captions (the app can show them again)."""
        self.hide()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        shift_f10 = key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape:
            self.dismiss()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.bigger()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.smaller()
        elif key == Qt.Key.Key_Menu or shift_f10:
            self.open_settings_menu()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.menu.popup(event.globalPos())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        # A frameless floating window has no title bar: drag it by the captions.
        if event.button() == Qt.MouseButton.LeftButton and self._settings.placement == "floating":
            self._drag_from = event.globalPosition().toPoint() - self.pos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._drag_from is not None:
            self.move(event.globalPosition().toPoint() - self._drag_from)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self._drag_from = None
        super().mouseReleaseEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.history.close()
        self.dismissed.emit()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not getattr(self, "_watching_screen", False):
            handle.screenChanged.connect(lambda _screen: self.place())
            self._watching_screen = True
        self.place()

    # ---------------------------------------------------------------- private

    def _set_state(self, state: str, waiting: str = "", notice: str = "") -> None:
        changed = state != self._state
        self._state = state
        self.text.set_notice(waiting, notice)
        said = notice or waiting
        self.setAccessibleDescription(said)
        if changed and self.isVisible():
            announce(self.text, said, assertive=state == "problem")

    def _note_height(self, width: int) -> int:
        """The lateness note's strip at a window ``width`` (0 while it is hidden)."""
        height = 0
        if self.note.shown:
            height = self.note.height_for(max(1, width - self._side.sizeHint().width()))
            self.note.setFixedHeight(height)  # box layouts honour this, not height-for-width
        self.layout().activate()  # the window's least height follows at once, so it can shrink
        return height

    def _arrange_note(self) -> None:
        # On the side away from the screen's edge: at the bottom the window grows
        # upwards, elsewhere downwards, and either way the lines do not move.
        self._column.removeWidget(self.note)
        self._column.insertWidget(0 if self._settings.placement == "bottom" else 1, self.note)

    def _change(self, **changes: object) -> None:
        self.apply_settings(replace(self._settings, **changes))

    def _apply_window_flags(self) -> None:
        if self._embedded:
            return  # part of a presentation until unembedded
        visible = self.isVisible()
        flags = Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
        if self._settings.frameless:
            flags |= Qt.WindowType.FramelessWindowHint
        self.setWindowFlags(flags)
        if visible:  # changing the flags hides a window
            self.show()

    def _apply_look(self) -> None:
        s = self._settings
        profile = self._profile
        if s.scheme == "profile" and profile is not None:
            colours = (profile.colours.text, profile.colours.background)
        else:
            colours = SCHEMES.get(s.scheme) or SCHEMES["yellow-on-black"]
        self.text.set_colours(*colours)
        # The settings button matches, so the whole strip is one high-contrast band.
        self.setStyleSheet(
            f"CaptionsWindow {{ background: {colours[1]}; }}"
            f" QToolButton {{ color: {colours[0]}; background: {colours[1]};"
            f" border: 1px solid {colours[0]}; padding: 4px; }}"
            f" QToolButton:focus {{ border: 3px solid {colours[0]}; }}")
        self.setAutoFillBackground(True)
        family = s.font_family or (profile.font_family if profile is not None
                                   and s.scheme == "profile" else DEFAULT_FAMILY)
        font = QFont(_usable_family(family))
        font.setPointSizeF(s.font_size_pt)
        self.text.setFont(font)
        self.text.set_lines(s.lines)
        self.note.set_look(*colours, font)


def _usable_family(requested: str) -> str:
    """The family to draw with: the requested one or its accessible fallback."""
    from widgets.fonts import resolve_family

    return resolve_family(requested).family
