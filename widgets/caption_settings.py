"""How the live captions look and where they sit, and the menu that changes it.

``CaptionSettings`` is the plain record the app keeps (lines, colours,
position, frame, text size, font). ``caption_colours`` and ``caption_family``
turn it, with the lesson profile, into what the captions draw with.
``CaptionSettingsMenu`` is the captions' settings menu: each choice asks for
a change of one setting, and ``tick`` shows the settings in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from lessons.profile import Profile

SCHEMES = {  # name: (text, background); "profile" takes a lesson profile's colours
    "yellow-on-black": ("#ffff00", "#000000"),
    "white-on-black": ("#ffffff", "#000000"),
    "black-on-white": ("#000000", "#ffffff"),
    "profile": None,
}
PLACEMENTS = ("top", "bottom", "floating")
MIN_FONT_PT, MAX_FONT_PT = 18.0, 200.0
SIZE_STEP = 1.2
DEFAULT_FAMILY = "Atkinson Hyperlegible"


def _tr(text: str) -> str:
    # The captions window's context, so the menu's translations stay with it.
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


def caption_colours(settings: CaptionSettings, profile: Profile | None) -> tuple[str, str]:
    """(text, background) for ``settings``: the profile's when the scheme says so."""
    if settings.scheme == "profile" and profile is not None:
        return profile.colours.text, profile.colours.background
    return SCHEMES.get(settings.scheme) or SCHEMES["yellow-on-black"]


def caption_family(settings: CaptionSettings, profile: Profile | None) -> str:
    """The font family to draw with: the one chosen, the profile's, or the default,
    replaced by its accessible fallback when it is not installed."""
    from widgets.fonts import resolve_family

    family = settings.font_family or (profile.font_family if profile is not None
                                      and settings.scheme == "profile" else DEFAULT_FAMILY)
    return resolve_family(family).family


class CaptionSettingsMenu(QMenu):
    """The captions' settings menu: lines, colours, position, size, frame, history.

    Picking a line count, colours, position or the frame calls
    ``change(setting=value)``; the other items call the commands given.
    """

    def __init__(
        self,
        parent: QWidget,
        change: Callable[..., None],
        *,
        bigger: Callable[[], None],
        smaller: Callable[[], None],
        show_history: Callable[[], None],
        save_history: Callable[[], None],
        clear: Callable[[], None],
        hide: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        # ``change`` is held only by the actions' connections, never by this menu:
        # a Python reference back to the window would keep the window's wrapper
        # alive after Qt has deleted it with a host (see ``embed``).
        self._choices: dict[tuple[str, object], QAction] = {}
        self._group(change, _tr("&Lines"), "lines", [(1, _tr("&1 line")), (2, _tr("&2 lines")),
                                             (3, _tr("&3 lines"))])
        self._group(change, _tr("&Colours"), "scheme", [
            ("yellow-on-black", _tr("&Yellow on black")),
            ("white-on-black", _tr("&White on black")),
            ("black-on-white", _tr("&Black on white")),
            ("profile", _tr("Lesson &profile colours"))])
        self._group(change, _tr("&Position"), "placement", [
            ("top", _tr("&Top of the screen")), ("bottom", _tr("&Bottom of the screen")),
            ("floating", _tr("&Floating"))])
        self.addAction(_tr("L&arger text (+)"), bigger)
        self.addAction(_tr("&Smaller text (\u2212)"), smaller)
        frame = self.addAction(_tr("Window &frame"))
        frame.setCheckable(True)
        frame.toggled.connect(lambda on: change(frameless=not on))
        self._choices[("frame", True)] = frame
        self.addSeparator()
        self.addAction(_tr("Show &history…"), show_history)
        self.addAction(_tr("Save history as &text…"), save_history)
        self.addAction(_tr("Cl&ear the captions"), clear)
        self.addAction(_tr("Hi&de captions (Esc)"), hide)

    def tick(self, settings: CaptionSettings) -> None:
        """Tick the choices ``settings`` make, without asking for any change."""
        for (key, value), action in self._choices.items():
            action.blockSignals(True)
            if key == "frame":
                action.setChecked(not settings.frameless)
            else:
                action.setChecked(getattr(settings, key) == value)
            action.blockSignals(False)

    def _group(self, change: Callable[..., None], title: str, key: str,
               choices: list[tuple[object, str]]) -> None:
        submenu = self.addMenu(title)
        actions = QActionGroup(submenu)
        for value, label in choices:
            action = submenu.addAction(label)
            action.setCheckable(True)
            actions.addAction(action)
            action.triggered.connect(lambda _=False, v=value: change(**{key: v}))
            self._choices[(key, value)] = action
