"""Accessible fonts in Qt: register them at start-up, and fall back with a visible note.

``register_accessible_fonts()`` (called once a QApplication exists) hands the
files ``lessons.fonts`` finds to Qt's font database and works out which of the
accessible families can be used. ``resolve_family()`` turns the font family a
profile asks for into one that is really there, walking the fallback chain,
with a plain note for the user when it had to swap.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from lessons.fonts import ACCESSIBLE_FAMILIES, FontSearch, choose_family, find_font_files

# Qt gives a file a new id each time it is added; remember what is registered.
_REGISTERED: dict[Path, int] = {}
_CURRENT: FontSetup | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fonts", text)


@dataclass(frozen=True)
class ResolvedFont:
    """The family to draw with for a requested family, and a note if it differs."""

    requested: str
    family: str
    note: str = ""  # empty when the requested family is used

    @property
    def substituted(self) -> bool:
        """True when another family stands in for the requested one."""
        return bool(self.note)


@dataclass(frozen=True)
class FontSetup:
    """Which accessible families can be used, and a note for each one that cannot."""

    available: tuple[str, ...]  # accessible families that can be used, in the usual order
    missing: tuple[str, ...]  # accessible families that cannot
    notes: tuple[str, ...]  # one plain sentence per missing family
    files_registered: int  # font files handed to Qt
    system_family: str  # the computer's standard font, the last resort
    pretend_missing: tuple[str, ...] = ()

    def resolve(self, requested: str) -> ResolvedFont:
        """The family to use for ``requested``, with a note if another stands in."""
        if self._usable(requested):
            return ResolvedFont(requested, requested)
        chosen = choose_family(requested, self.available)
        family = chosen or self.system_family
        return ResolvedFont(requested, family, missing_note(requested, chosen, family))

    def _usable(self, family: str) -> bool:
        key = family.casefold()
        if key in {f.casefold() for f in self.pretend_missing}:
            return False
        if key in {f.casefold() for f in ACCESSIBLE_FAMILIES}:
            return key in {f.casefold() for f in self.available}
        return key in {f.casefold() for f in QFontDatabase.families()}


def missing_note(requested: str, fallback: str | None, system_family: str = "") -> str:
    """The note shown when ``requested`` is missing and ``fallback`` stands in.

    For example "OpenDyslexic is not installed, so Lesson Lab uses Atkinson
    Hyperlegible instead."; with no accessible ``fallback`` it names the
    computer's standard font.
    """
    if fallback:
        text = _tr("{requested} is not installed, so Lesson Lab uses {fallback} instead.")
        return text.format(requested=requested, fallback=fallback)
    text = _tr(
        "{requested} is not installed, so Lesson Lab uses the computer's standard font"
        " ({system}) instead."
    )
    return text.format(requested=requested, system=system_family or _tr("sans-serif"))


def register_accessible_fonts(
    *, pretend_missing: Collection[str] = (), search: FontSearch | None = None
) -> FontSetup:
    """Register the accessible fonts' files with Qt and report what can be used.

    Needs a QGuiApplication. Safe to call again: a file is registered once.
    ``pretend_missing`` treats those families as not installed (even if the
    system has them), to show or test the fallback. The result also becomes
    the setup ``resolve_family()`` uses.
    """
    global _CURRENT
    pretend = tuple(pretend_missing)
    if search is None:
        search = find_font_files(pretend_missing=pretend)
    registered_families: set[str] = set()
    for files in search.found.values():
        for path in files:
            font_id = _REGISTERED.get(path)
            if font_id is None:
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id < 0:
                    continue  # an unreadable file: the family may still have others
                _REGISTERED[path] = font_id
            registered_families.update(QFontDatabase.applicationFontFamilies(font_id))
    known = {f.casefold() for f in registered_families} | {
        f.casefold() for f in QFontDatabase.families()
    }
    hidden = {f.casefold() for f in pretend}
    available = tuple(
        f for f in ACCESSIBLE_FAMILIES if f.casefold() in known and f.casefold() not in hidden
    )
    missing = tuple(f for f in ACCESSIBLE_FAMILIES if f not in available)
    system = _system_family()
    notes = tuple(missing_note(f, choose_family(f, available), system) for f in missing)
    _CURRENT = FontSetup(available, missing, notes, len(_REGISTERED), system, pretend)
    return _CURRENT


def current_font_setup() -> FontSetup:
    """The setup from the last ``register_accessible_fonts()``, registering now if none."""
    return _CURRENT if _CURRENT is not None else register_accessible_fonts()


def resolve_family(requested: str, setup: FontSetup | None = None) -> ResolvedFont:
    """The family to draw a profile's ``font_family`` with, and a note if it was swapped.

    Uses ``setup`` or the current one. Never fails: the last resort is the
    computer's standard sans-serif font.
    """
    return (setup or current_font_setup()).resolve(requested)


def _system_family() -> str:
    """The real name of the standard font (Qt reports aliases like "Sans Serif")."""
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    return QFontInfo(QFont(general)).family() or general.family()
