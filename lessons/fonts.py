"""Where the accessible font families' files are, and what to use when one is missing.

Pure: finds files, registers nothing (``widgets/fonts.py`` hands them to Qt).

* OpenDyslexic and Comic Neue come from Debian's ``fonts-opendyslexic`` and
  ``fonts-comic-neue`` packages (or the same files installed by hand on
  Windows or macOS).
* Atkinson Hyperlegible and Lexend come from the PyPI packages
  ``fontpkg-atkinson-hyperlegible`` and ``fontpkg-lexend``, which Lesson Lab
  depends on, so they are present wherever Lesson Lab is installed.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ATKINSON = "Atkinson Hyperlegible"
LEXEND = "Lexend"
OPENDYSLEXIC = "OpenDyslexic"
COMIC_NEUE = "Comic Neue"
ACCESSIBLE_FAMILIES = (ATKINSON, LEXEND, OPENDYSLEXIC, COMIC_NEUE)


@dataclass(frozen=True)
class _Source:
    file_name: re.Pattern[str]  # matches this family's file names and no other family's
    debian_dir: str | None  # where the Debian package puts the files
    python_package: str | None  # a module with ``ROOT``; the files are in ROOT / "files"
    install_hint: str


_SOURCES: dict[str, _Source] = {
    ATKINSON: _Source(
        re.compile(r"Atkinson-?Hyperlegible-[\w-]+\.(ttf|otf)", re.IGNORECASE),
        None,
        "fontpkg_atkinson_hyperlegible",
        "Install the Python package fontpkg-atkinson-hyperlegible.",
    ),
    LEXEND: _Source(
        re.compile(r"Lexend(\[wght\]|-[A-Za-z]+)\.(ttf|otf)", re.IGNORECASE),
        None,
        "fontpkg_lexend",
        "Install the Python package fontpkg-lexend.",
    ),
    OPENDYSLEXIC: _Source(
        re.compile(r"OpenDyslexic-[A-Za-z]+\.(otf|ttf)", re.IGNORECASE),
        "/usr/share/fonts/opentype/opendyslexic",
        None,
        "On Debian or Ubuntu, install the package fonts-opendyslexic.",
    ),
    COMIC_NEUE: _Source(
        re.compile(r"ComicNeue-[A-Za-z]+\.(otf|ttf)", re.IGNORECASE),
        "/usr/share/fonts/opentype/comic-neue",
        None,
        "On Debian or Ubuntu, install the package fonts-comic-neue.",
    ),
}

#: When a family is missing, the first of these that is available is used.
#: Each is a sans-serif font designed for legibility, closest first.
FALLBACKS: dict[str, tuple[str, ...]] = {
    OPENDYSLEXIC: (ATKINSON, LEXEND, COMIC_NEUE),
    COMIC_NEUE: (ATKINSON, LEXEND, OPENDYSLEXIC),
    LEXEND: (ATKINSON, COMIC_NEUE, OPENDYSLEXIC),
    ATKINSON: (LEXEND, COMIC_NEUE, OPENDYSLEXIC),
}
#: For any other family a profile names (say "Arial" on a machine without it).
DEFAULT_FALLBACKS = (ATKINSON, LEXEND, COMIC_NEUE, OPENDYSLEXIC)


@dataclass(frozen=True)
class FontSearch:
    """What ``find_font_files`` found: family → font files, and the families not found."""

    found: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


def install_hint(family: str) -> str:
    """One plain sentence on how to install ``family`` ("" for a family we do not know)."""
    source = _SOURCES.get(family)
    return source.install_hint if source else ""


def platform_font_dirs(
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> list[Path]:
    """The folders where fonts installed on this computer live (existing or not)."""
    env = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        windir = env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        if env.get("LOCALAPPDATA"):
            dirs.append(Path(env["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts")]
    data_home = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        data_home / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def find_font_files(
    families: Iterable[str] = ACCESSIBLE_FAMILIES,
    *,
    pretend_missing: Collection[str] = (),
    search_dirs: Iterable[Path] | None = None,
    use_packages: bool = True,
) -> FontSearch:
    """Find the font files of each family in ``families``.

    Looks in the Python font package (for Atkinson Hyperlegible and Lexend),
    then the Debian package's folder, then ``search_dirs`` (default: the
    platform's font folders, searched recursively). A family in
    ``pretend_missing`` is reported missing without looking, so tests and
    demonstrations can show the fallback without uninstalling anything.
    ``use_packages=False`` skips the package locations and searches only
    ``search_dirs`` (as on Windows or macOS, where fonts are installed by hand).
    """
    dirs = list(platform_font_dirs() if search_dirs is None else search_dirs)
    found: dict[str, tuple[Path, ...]] = {}
    missing: list[str] = []
    for family in families:
        source = _SOURCES.get(family)
        files: list[Path] = []
        if family not in pretend_missing and source is not None:
            if use_packages:
                files = _package_files(source) or _debian_files(source)
            files = files or _search(source, dirs)
        if files:
            found[family] = tuple(sorted(files))
        else:
            missing.append(family)
    return FontSearch(found, tuple(missing))


def fallback_chain(family: str) -> tuple[str, ...]:
    """``family`` followed by the families to try, in order, when it is missing."""
    rest = FALLBACKS.get(family, DEFAULT_FALLBACKS)
    return (family, *(f for f in rest if f != family))


def choose_family(requested: str, available: Collection[str]) -> str | None:
    """The first family in ``fallback_chain(requested)`` that is ``available``.

    Names match ignoring case. ``None`` when none is available (the caller then
    uses the system's default sans-serif font).
    """
    by_key = {name.casefold(): name for name in available}
    for family in fallback_chain(requested):
        if family.casefold() in by_key:
            return by_key[family.casefold()]
    return None


def _matching(folder: Path, source: _Source) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if source.file_name.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []


def _package_files(source: _Source) -> list[Path]:
    if source.python_package is None:
        return []
    try:
        module = importlib.import_module(source.python_package)
    except ImportError:
        return []
    root = getattr(module, "ROOT", None)
    return _matching(Path(root) / "files", source) if root else []


def _debian_files(source: _Source) -> list[Path]:
    return _matching(Path(source.debian_dir), source) if source.debian_dir else []


def _search(source: _Source, dirs: Iterable[Path]) -> list[Path]:
    for folder in dirs:
        if not folder.is_dir():
            continue
        files = [
            path
            for path in _walk(folder)
            if source.file_name.fullmatch(path.name) and path.is_file()
        ]
        if files:
            return files
    return []


def _walk(folder: Path) -> Iterable[Path]:
    """Every file under ``folder``; unreadable folders are passed over quietly."""
    for root, _dirs, names in os.walk(folder, onerror=lambda _error: None):
        for name in names:
            yield Path(root) / name
