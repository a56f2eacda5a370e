"""Finding the accessible fonts' files, and choosing a fallback when one is missing."""

from __future__ import annotations

import shutil
from pathlib import Path, PureWindowsPath

import pytest

from lessons.fonts import (
    ACCESSIBLE_FAMILIES,
    ATKINSON,
    COMIC_NEUE,
    LEXEND,
    OPENDYSLEXIC,
    choose_family,
    fallback_chain,
    find_font_files,
    install_hint,
    platform_font_dirs,
)

# The first four bytes of an OpenType file: CFF outlines or TrueType outlines.
FONT_MAGIC = (b"OTTO", b"\x00\x01\x00\x00", b"true")


def _is_font(path: Path) -> bool:
    return path.read_bytes()[:4] in FONT_MAGIC


def test_every_accessible_family_is_installed_here():
    # The Debian packages and PyPI packages are installed by scripts/setup.
    search = find_font_files()
    assert search.missing == ()
    assert set(search.found) == set(ACCESSIBLE_FAMILIES)
    for family, files in search.found.items():
        assert files, family
        assert all(_is_font(path) for path in files), family
    assert any(p.name == "OpenDyslexic-Regular.otf" for p in search.found[OPENDYSLEXIC])
    assert any(p.name == "ComicNeue-Regular.otf" for p in search.found[COMIC_NEUE])
    assert all("fontpkg_lexend" in str(p) for p in search.found[LEXEND])
    # OpenDyslexic's Alta and Mono cuts are other families: not mixed in.
    assert not any("Alta" in p.name or "Mono" in p.name for p in search.found[OPENDYSLEXIC])


def test_a_family_can_be_pretended_missing():
    search = find_font_files(pretend_missing={OPENDYSLEXIC})
    assert search.missing == (OPENDYSLEXIC,)
    assert OPENDYSLEXIC not in search.found and ATKINSON in search.found


def test_an_unknown_family_is_missing():
    assert find_font_files(["Not A Real Font"]).missing == ("Not A Real Font",)


def test_fonts_installed_by_hand_are_found_in_font_folders(tmp_path):
    # As on Windows or macOS: files copied into a fonts folder, in a subfolder.
    real = find_font_files([OPENDYSLEXIC]).found[OPENDYSLEXIC]
    nested = tmp_path / "fonts" / "dyslexia"
    nested.mkdir(parents=True)
    for path in real:
        shutil.copy(path, nested / path.name)
    (nested / "OpenDyslexicAlta-Regular.otf").write_bytes(b"OTTO")  # another family
    search = find_font_files(
        [OPENDYSLEXIC, COMIC_NEUE],
        search_dirs=[tmp_path / "absent", tmp_path / "fonts"],
        use_packages=False,
    )
    assert [p.name for p in search.found[OPENDYSLEXIC]] == sorted(p.name for p in real)
    assert search.missing == (COMIC_NEUE,)


def test_platform_font_folders():
    home = Path("/home/pat")
    win = platform_font_dirs(
        "win32", {"WINDIR": r"C:\Windows", "LOCALAPPDATA": r"C:\Users\pat\AppData\Local"}, home
    )
    assert [PureWindowsPath(p) for p in win] == [
        PureWindowsPath(r"C:\Windows\Fonts"),
        PureWindowsPath(r"C:\Users\pat\AppData\Local\Microsoft\Windows\Fonts"),
    ]
    assert platform_font_dirs("darwin", {}, home) == [
        home / "Library" / "Fonts",
        Path("/Library/Fonts"),
    ]
    linux = platform_font_dirs("linux", {}, home)
    assert linux[0] == home / ".local" / "share" / "fonts"
    assert Path("/usr/share/fonts") in linux


@pytest.mark.parametrize(
    ("requested", "available", "chosen"),
    [
        (OPENDYSLEXIC, {OPENDYSLEXIC, ATKINSON}, OPENDYSLEXIC),
        (OPENDYSLEXIC, {ATKINSON, LEXEND}, ATKINSON),
        (OPENDYSLEXIC, {LEXEND, COMIC_NEUE}, LEXEND),
        (ATKINSON, {LEXEND}, LEXEND),
        (COMIC_NEUE, {"comic neue"}, "comic neue"),  # case ignored, available spelling kept
        ("Arial", {"DejaVu Sans", LEXEND}, LEXEND),
        (OPENDYSLEXIC, {"DejaVu Sans"}, None),
    ],
)
def test_choose_family_walks_the_fallback_chain(requested, available, chosen):
    assert choose_family(requested, available) == chosen


def test_fallback_chain_starts_with_the_family_and_has_no_repeats():
    for family in (*ACCESSIBLE_FAMILIES, "Arial"):
        chain = fallback_chain(family)
        assert chain[0] == family
        assert len(chain) == len(set(chain))
    assert fallback_chain(OPENDYSLEXIC)[1] == ATKINSON


def test_install_hints_name_the_package():
    assert "fonts-opendyslexic" in install_hint(OPENDYSLEXIC)
    assert "fontpkg-lexend" in install_hint(LEXEND)
    assert install_hint("Arial") == ""
