"""Live captions of what the teacher says, for a hearing-impaired pupil or a projector.

A window that stays on top of everything but the app's own dialogs (see
widgets/captions_placement.py), with one to three very large lines
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
to hold it, so the caption lines stay where they are on screen. Where the
window sits, and how it goes inside a presentation, is in
widgets/captions_placement.py.

Keyboard: Esc (or the Close button beside Settings) hides the captions; inside
a presentation Esc is the presentation's (it leaves it), so there the button
says "Close captions" without naming Esc. + and −
change the text size, and the Menu key, Shift+F10 or the Settings button opens
the settings menu (lines,
colours, position, frame, history). The settings come back as a
``CaptionSettings`` (widgets/caption_settings.py) through ``settings_changed``
so the app can keep them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lessons.profile import Profile
from widgets import keys
from widgets.announce import announce
from widgets.caption_history import CaptionHistory
from widgets.caption_hold import CaptionHold
from widgets.caption_settings import (
    SIZE_STEP,
    CaptionSettings,
    CaptionSettingsMenu,
    caption_colours,
    caption_family,
)
from widgets.caption_text import CaptionLagNote, CaptionText
from widgets.captions_placement import CaptionsPlacement
from widgets.window_role import reaches_reader_as_window


def _tr(text: str) -> str:
    return QCoreApplication.translate("Captions", text)


@reaches_reader_as_window  # a window of its own; a part of a presentation carrying it
class CaptionsWindow(CaptionsPlacement, QWidget):
    """Very large live captions, always on top.

    Signals: ``settings_changed(CaptionSettings)`` after any change the user
    makes; ``dismissed()`` when Esc, the Close button or the menu hides the
    window; ``presentation_left()`` when a presentation that carried it has
    closed (see ``embed``).
    """

    settings_changed = Signal(object)
    dismissed = Signal()
    presentation_left = Signal()  # back in a window of its own after a presentation

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
        self.text = CaptionText(self)
        # A caption that has just settled is not rolled away at once (widgets/caption_hold.py).
        self.hold = CaptionHold(self.text, parent=self)
        self.note = CaptionLagNote(self, margin=self.text.margin)  # hidden until needed
        self.history = CaptionHistory(self)
        self.history.setWindowFlags(Qt.WindowType.Window)  # its own window, owned by this one
        self.settings_button = QToolButton(self)
        self.settings_button.setText(_tr("Settings"))
        self.settings_button.setAccessibleName(_tr("Caption settings"))
        self.settings_button.setToolTip(_tr("Caption settings (Menu key or Shift+F10)"))
        self.settings_button.clicked.connect(self.open_settings_menu)
        # A frameless band has no title bar to close it by: say how, on the band itself.
        self.close_button = QToolButton(self)  # its words and names: _say_how_to_close
        self.close_button.clicked.connect(self.dismiss)
        button_font = self.settings_button.font()
        button_font.setPointSizeF(max(14.0, button_font.pointSizeF() * 1.4))
        for button in (self.settings_button, self.close_button):
            button.setFont(button_font)
            # One width when one is above the other: a column, not a ragged edge.
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.menu = CaptionSettingsMenu(
            self, self._change, bigger=self.bigger, smaller=self.smaller,
            show_history=self.show_history, save_history=self.history.save,
            clear=self.clear, hide=self.dismiss)
        side = QVBoxLayout()
        side.setContentsMargins(4, 4, 4, 4)
        self._buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)  # see _arrange_buttons
        self._buttons.addWidget(self.settings_button)
        self._buttons.addWidget(self.close_button)
        side.addLayout(self._buttons)
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
        self._say_how_to_close()
        self._apply_window_flags()
        self.watch_dialogs()
        self.apply_settings(settings or CaptionSettings(), announce=False)
        self._state = ""
        self._set_state("waiting", _tr("Waiting for speech\u2026"))

    # ---------------------------------------------------------------- captions

    def add_partial(self, text: str) -> None:
        """Show words still being heard after the settled captions.

        For a moment after a caption settles they take only the lines it
        leaves free (see widgets/caption_hold.py).
        """
        self.hold.show_partial(text)

    def add_final(self, text: str, timestamp: datetime | float | None = None) -> None:
        """A caption has settled: show it and keep it in the history with its time."""
        text = text.strip()
        if not text:
            self.hold.show_partial("")
            return
        self.text.add_final(text)
        self.hold.settled(text)
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
        self.hold.release()
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
        self.menu.tick(self._settings)
        self.place()
        if announce and self._settings != old:
            self.settings_changed.emit(self._settings)

    def set_key_words(self, words) -> None:
        """The lesson's key words, shown bold and underlined when they are said."""
        self.text.set_key_words(words)

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

    # ---------------------------------------------------------------- the menu

    def settings_menu(self) -> QMenu:
        """The settings menu (for tests and for a main window's own menu)."""
        return self.menu

    def open_settings_menu(self) -> None:
        """Open the settings menu below the Settings button."""
        self.menu.popup(self.settings_button.mapToGlobal(self.settings_button.rect().bottomLeft()))
        self.menu.setActiveAction(self.menu.actions()[0])

    # ---------------------------------------------------------------- keyboard and mouse

    def dismiss(self) -> None:
        """Hide the captions (the app can show them again)."""
        self.hide()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        shift_f10 = key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape and self.is_embedded():
            super().keyPressEvent(event)  # the presentation's key: it leaves the presentation
            return
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ParentChange:  # into or out of a presentation
            self._say_how_to_close()

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

    def _say_how_to_close(self) -> None:
        """Name Esc on the Close button only where Esc closes the captions.

        Inside a presentation (the projector, trainer mode) Esc leaves the
        presentation and the captions stay, so there it is not named. The
        button's screen-reader name is the words it shows, so voice control
        ("click Close captions") finds it; what it does is its description.
        """
        button = self.close_button
        if self.is_embedded():
            text = _tr("Close captions")
            does = _tr("Put the live captions away ({key}). "
                       "Esc leaves the presentation.").format(key=keys.LIVE_CAPTIONS)
        else:
            text = _tr("Close captions (Esc)")
            does = _tr("Put the live captions away (Esc or {key})").format(key=keys.LIVE_CAPTIONS)
        button.setText(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(does)
        button.setToolTip(does)
        self._arrange_buttons()

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

    def _apply_look(self) -> None:
        s = self._settings
        colours = caption_colours(s, self._profile)
        self.text.set_colours(*colours)
        # The settings button matches, so the whole strip is one high-contrast band.
        self.setStyleSheet(
            f"CaptionsWindow {{ background: {colours[1]}; }}"
            f" QToolButton {{ color: {colours[0]}; background: {colours[1]};"
            f" border: 1px solid {colours[0]}; padding: 4px; }}"
            f" QToolButton:focus {{ border: 3px solid {colours[0]}; }}")
        self.setAutoFillBackground(True)
        font = QFont(caption_family(s, self._profile))
        font.setPointSizeF(s.font_size_pt)
        self.text.setFont(font)
        self.text.set_lines(s.lines)
        self.note.set_look(*colours, font)
        self._arrange_buttons()

    def _arrange_buttons(self) -> None:
        # One above the other, so the lines keep their width; side by side when the
        # band is too low for that (one line of small captions).
        margins = self._side.contentsMargins()
        stacked = (self.settings_button.sizeHint().height() + self.close_button.sizeHint().height()
                   + self._buttons.spacing() + margins.top() + margins.bottom())
        self._buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked <= self.text.height_for_lines()
            else QBoxLayout.Direction.LeftToRight)
