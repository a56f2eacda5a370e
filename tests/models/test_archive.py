"""Malicious and broken zip files are refused before anything is written."""

from __future__ import annotations

import threading
import zipfile

import pytest

import models
from models import archive
from tests.models.fakes import (
    DEVICE_MODE,
    SYMLINK_MODE,
    add_entry,
    leftovers,
    write_fake_model,
    zip_folder,
)


@pytest.fixture
def good_zip(tmp_path):
    folder = write_fake_model(tmp_path / "src")
    return zip_folder(folder, tmp_path / "vosk-model-good.zip", wrapper="vosk-model-good")


def _with_extra(good_zip, extra):
    """Copy of the good zip with one extra (malicious) entry appended."""
    with zipfile.ZipFile(good_zip, "a") as handle:
        extra(handle)
    return good_zip


def _refused(path, models_root, tmp_path, outside=None):
    with pytest.raises(models.UnsafeArchive) as caught:
        models.import_model(path)
    assert leftovers(models_root) == []  # not even a hidden work folder
    if outside is not None:
        assert not outside.exists()
    return str(caught.value)


def test_absolute_paths_are_refused(good_zip, models_root, tmp_path):
    target = tmp_path / "absolute-evil.txt"
    path = _with_extra(good_zip, lambda z: z.writestr(str(target), b"owned"))
    message = _refused(path, models_root, tmp_path, outside=target)
    assert message.startswith("This zip file cannot be used safely:")
    assert "outside the models folder" in message


def test_parent_folder_traversal_is_refused(good_zip, models_root, tmp_path):
    path = _with_extra(good_zip, lambda z: z.writestr("vosk-model-good/../../../evil.txt", b"x"))
    _refused(path, models_root, tmp_path, outside=tmp_path / "evil.txt")
    assert not (models_root.parent / "evil.txt").exists()


def test_windows_style_traversal_is_refused(good_zip, models_root, tmp_path):
    path = _with_extra(good_zip, lambda z: z.writestr("..\\..\\evil.txt", b"x"))
    _refused(path, models_root, tmp_path)


def test_symbolic_links_are_refused(good_zip, models_root, tmp_path):
    path = _with_extra(
        good_zip, lambda z: add_entry(z, "vosk-model-good/am/link", b"/etc/passwd", SYMLINK_MODE)
    )
    assert "link" in _refused(path, models_root, tmp_path)


def test_device_files_are_refused(good_zip, models_root, tmp_path):
    path = _with_extra(good_zip, lambda z: add_entry(z, "vosk-model-good/dev", b"", DEVICE_MODE))
    assert "device" in _refused(path, models_root, tmp_path)


def test_a_zip_bomb_is_refused_by_its_declared_size(good_zip, models_root):
    plan = archive.plan_extraction(good_zip)
    with pytest.raises(models.UnsafeArchive) as caught:
        archive.plan_extraction(good_zip, max_unpacked_bytes=plan.unpacked_bytes - 1)
    assert "would unpack to" in str(caught.value)


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path, models_root, monkeypatch):
    monkeypatch.setattr(archive, "_RATIO_FLOOR", 1_000_000)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("m/am/final.mdl", bytes(8_000_000))  # zeros squash about 1000 times
    with pytest.raises(models.UnsafeArchive) as caught:
        models.import_model(bomb)
    assert "zip bomb" in str(caught.value)
    assert leftovers(models_root) == []


def test_duplicate_entries_are_refused(good_zip, models_root, tmp_path):
    def duplicate(handle):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
            handle.writestr("vosk-model-good/README", b"second copy")

    path = _with_extra(good_zip, duplicate)
    assert "more than once" in _refused(path, models_root, tmp_path)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path, models_root):
    fake = tmp_path / "model.zip"
    fake.write_bytes(b"PK but not really a zip file")
    with pytest.raises(models.NotAnArchive) as caught:
        models.import_model(fake)
    assert "is not a zip file that Lesson Lab can open" in str(caught.value)
    assert leftovers(models_root) == []


def test_cancelling_while_unpacking_leaves_nothing(good_zip, models_root):
    cancel = threading.Event()

    def stop_mid_way(progress):
        if progress.stage == models.UNPACK and progress.done > 100_000:
            cancel.set()

    with pytest.raises(models.Cancelled):
        models.import_model(good_zip, progress=stop_mid_way, cancel=cancel)
    assert leftovers(models_root) == []


def test_a_good_zip_unpacks_with_ordinary_permissions(good_zip, models_root):
    with zipfile.ZipFile(good_zip, "a") as handle:
        add_entry(handle, "vosk-model-good/tool.sh", b"#!/bin/sh\n", 0o100777)
    result = models.import_model(good_zip)
    assert (result.path / "tool.sh").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    "entry",
    ["/tmp/evil.txt", "../evil.txt", "m/../../evil.txt", "..\\evil.txt", "C:/evil.txt"],
)
def test_escaping_names_are_refused_before_anything_is_unpacked(entry, good_zip):
    """The listing check alone refuses them; unpacking never starts."""
    with zipfile.ZipFile(good_zip, "a") as handle:
        handle.writestr(entry, b"x")
    with pytest.raises(models.UnsafeArchive) as caught:
        archive.plan_extraction(good_zip)
    assert "would be written outside the models folder" in str(caught.value)
