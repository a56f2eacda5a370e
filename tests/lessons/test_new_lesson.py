"""Saving a new lesson: the whole lesson with its pictures, or nothing at all, never over
another file. Real files in a temporary folder; a full disk is a write that raises
ENOSPC part way."""

from __future__ import annotations

import errno
import os
import shutil
import stat

import pytest

from lessons.data_folder import DATA_ENV
from lessons.library import builtin_folder, user_folder
from lessons.loader import load_lesson
from lessons.new_lesson import save_new_lesson

WATER = "ks2-year4-geography-water-cycle.md"
PICTURE = "images/water-cycle.svg"


@pytest.fixture
def water(tmp_path, monkeypatch):
    """The water-cycle lesson (it has a picture) in a folder of its own; an empty user folder."""
    source = tmp_path / "from"
    (source / "images").mkdir(parents=True)
    shutil.copy(builtin_folder() / WATER, source / WATER)
    shutil.copy(builtin_folder() / PICTURE, source / PICTURE)
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))
    path = source / WATER
    return path, path.read_text(encoding="utf-8"), load_lesson(path).lesson


def everything_in(folder) -> list[str]:
    """Every file and folder under ``folder``, hidden temporary files included."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() \
        else []


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def pictures_fail(monkeypatch):
    """Copying a picture fails with a full disk, however it is copied."""
    for name in ("copyfile", "copy2", "copy"):
        monkeypatch.setattr(shutil, name, disk_full)

    def half_then_full(source, target, *_args, **_kwargs):
        target.write(source.read(64))
        disk_full()

    monkeypatch.setattr(shutil, "copyfileobj", half_then_full)


class HalfWriter:
    """A file that takes half of what it is given and then finds the disk full."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, data) -> int:
        self.stream.write(data[:len(data) // 2])
        self.stream.flush()
        disk_full()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stream.close()


def test_a_new_lesson_is_saved_whole_with_its_pictures(water) -> None:
    path, text, lesson = water
    saved = save_new_lesson(text, "The water cycle", user_folder(), lesson, path)
    assert saved == user_folder() / "the-water-cycle.md"
    assert saved.read_text(encoding="utf-8") == text
    assert (user_folder() / PICTURE).read_bytes() == (path.parent / PICTURE).read_bytes()
    assert everything_in(user_folder()) == ["images", PICTURE, saved.name]
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o666 & ~mask  # not a temporary file's 0600


def test_a_picture_that_cannot_be_copied_leaves_nothing_behind(water, pictures_fail) -> None:
    path, text, lesson = water
    with pytest.raises(OSError) as raised:
        save_new_lesson(text, "The water cycle", user_folder(), lesson, path)
    assert raised.value.errno == errno.ENOSPC
    assert everything_in(user_folder()) == []


def test_a_lesson_whose_writing_fails_part_way_leaves_nothing(water, monkeypatch) -> None:
    path, text, lesson = water
    real_fdopen, real_open = os.fdopen, open
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    monkeypatch.setattr("builtins.open", lambda file, mode="r", *a, **k: HalfWriter(
        real_open(file, mode, *a, **k)) if "w" in mode or "x" in mode else
        real_open(file, mode, *a, **k))
    with pytest.raises(OSError):
        save_new_lesson(text, "The water cycle", user_folder(), lesson, None)
    assert everything_in(user_folder()) == []


def test_a_file_that_takes_the_name_meanwhile_is_never_replaced(water, monkeypatch) -> None:
    path, text, lesson = water
    target = user_folder() / "the-water-cycle.md"
    real_link = os.link

    def someone_else_first(source, destination) -> None:
        if destination == target and not target.exists():
            target.write_text("Someone else's lesson.\n", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", someone_else_first)
    saved = save_new_lesson(text, "The water cycle", user_folder(), lesson, None)
    assert saved.name == "the-water-cycle-2.md" and saved.read_text(encoding="utf-8") == text
    assert target.read_text(encoding="utf-8") == "Someone else's lesson.\n"


def test_on_a_disk_with_no_links_it_is_still_whole_or_nothing(water, monkeypatch) -> None:
    path, text, lesson = water
    monkeypatch.setattr(os, "link", lambda *_a: (_ for _ in ()).throw(
        OSError(errno.EPERM, "Operation not permitted")))
    saved = save_new_lesson(text, "The water cycle", user_folder(), lesson, path)
    assert saved.read_text(encoding="utf-8") == text
    assert everything_in(user_folder()) == ["images", PICTURE, saved.name]
    real_open = open
    monkeypatch.setattr("builtins.open", lambda file, mode="r", *a, **k: HalfWriter(
        real_open(file, mode, *a, **k)) if "x" in mode else real_open(file, mode, *a, **k))
    with pytest.raises(OSError):
        save_new_lesson(text, "The water cycle", user_folder(), lesson, None)
    assert everything_in(user_folder()) == ["images", PICTURE, saved.name]
