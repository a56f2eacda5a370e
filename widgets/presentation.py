"""Full-screen presenting windows (the projector, trainer mode) and the captions they carry.

A window manager keeps a full-screen window above every other, "always on
top" or not (checked with Openbox; GNOME and KDE stack full-screen windows
the same way), so the live captions' own window would vanish behind a
presentation. While one presents, the captions are a band inside it, above
or below what it shows, as placed in their settings ("floating" goes
below); when it goes, they are a window of their own again, shown if they
were.

- :class:`PresentationWindow` is the base of every full-screen view: it
  presents full screen, lays a carried band out above or below its content
  (``carry``), blanks its screen with B or "." (the band stays in sight:
  the trainer is still talking) and says ``closing()`` before it goes.
- :class:`CaptionsCarrier` moves one captions window into the newest
  presentation, follows the captions' placement, and hands them to the one
  below when a presentation closes (trainer mode with the projector on top
  of it), or back to a window of their own after the last.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from widgets.captions_window import CaptionsWindow
from widgets.window_role import reaches_reader_as_window

# Size keys a presentation answers itself, with or without Ctrl; a window lending
# its own shortcuts (see ``keeps_shortcut``) must not take these from it.
OWN_SHORTCUTS = ("Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


@reaches_reader_as_window  # "frame" to a reader, as the main window is
class PresentationWindow(QWidget):
    """A full-screen view that can carry a band (the live captions) and blank its screen.

    Subclasses add what they show to ``layout()`` (a vertical layout with no
    margins); a carried band goes first or last in it. Signal ``closing()``
    is emitted however the window ends, before it goes.
    """

    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._carried: QWidget | None = None
        # B or "." (a clicker's blank-screen button) turns the screen black, as in
        # presentation software, so the class looks at the trainer.
        self.blank = QLabel(self)
        self.blank.setAccessibleName(_tr("The screen is blank: press B to show it again"))
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

    def present(self) -> None:
        """Show full screen and take the keyboard."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            # Without a window manager (a bare X server, a kiosk) full screen is
            # only a request: size the window to the screen as well.
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def keeps_shortcut(self, sequence: QKeySequence) -> bool:
        """True for a key this window answers itself (so no lent action may take it)."""
        return any(sequence.matches(QKeySequence(own)) == QKeySequence.SequenceMatch.ExactMatch
                   for own in OWN_SHORTCUTS)

    # ----- a carried band -------------------------------------------------------

    def carry(self, band: QWidget, at_top: bool) -> None:
        """Show ``band`` (a child, such as the live captions) above or below the content."""
        self._carried = band
        layout = self.layout()
        layout.removeWidget(band)
        layout.insertWidget(0 if at_top else layout.count(), band)
        self._keep_band_in_sight()

    def carried(self) -> QWidget | None:
        """The band carried now (None when there is none)."""
        band = self._carried
        return band if band is not None and band.parent() is self else None

    def _keep_band_in_sight(self) -> None:
        band = self.carried()
        if band is not None:
            band.raise_()  # above the black panel too

    # ----- blanking -------------------------------------------------------------

    def is_blank(self) -> bool:
        """True while the screen is blanked (B or ".")."""
        return self.blank.isVisible()

    def set_blank(self, blank: bool) -> None:
        """Turn the screen black, or show it again; a carried band stays in sight."""
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(blank)
        self.blank.raise_()
        self._keep_band_in_sight()

    def blank_key(self, key: int) -> bool:
        """Answer B or "." (blank or show), or any other key but Esc while blank (show).

        True when ``key`` was used up.
        """
        if key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.set_blank(not self.is_blank())
            return True
        if self.is_blank() and key != Qt.Key.Key_Escape:
            self.set_blank(False)  # any other key brings the screen back, where it was
            return True
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.blank.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.closing.emit()
        super().closeEvent(event)


class CaptionsCarrier(QObject):
    """Keeps ``captions`` inside the newest presentation showing, or in their own window."""

    def __init__(self, captions: CaptionsWindow) -> None:
        super().__init__(captions)
        self.captions = captions
        self._hosts: list[PresentationWindow] = []
        captions.settings_changed.connect(self._moved)

    def carry_into(self, host: PresentationWindow) -> None:
        """Carry the captions in ``host`` until it closes (then in the one before, if any)."""
        if host in self._hosts:
            self._hosts.remove(host)
        else:
            host.closing.connect(lambda h=host: self._host_gone(h))
            # Deleted without closing (its parent went): only forget it.
            host.destroyed.connect(lambda _obj=None, h=host: self._forget(h))
        self._hosts.append(host)
        self._place()

    def host(self) -> PresentationWindow | None:
        """The presentation carrying the captions now."""
        return self._hosts[-1] if self._hosts else None

    def _place(self) -> None:
        host = self.host()
        if host is None:
            self.captions.unembed()
            return
        self.captions.embed(host)
        host.carry(self.captions, at_top=self.captions.settings().placement == "top")

    def _moved(self, _settings) -> None:
        # Top or bottom chosen from the captions' menu while presenting.
        if self._hosts:
            self._place()

    def _host_gone(self, host: PresentationWindow) -> None:
        if host in self._hosts:
            self._hosts.remove(host)
            self._place()

    def _forget(self, host: PresentationWindow) -> None:
        if host in self._hosts:
            self._hosts.remove(host)
