"""Downloading and installing models from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import shutil
import threading
import uuid
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest

import models
from models import install as install_module
from models.paths import partial_download_path
from tests.models.fakes import (
    SYMLINK_MODE,
    AsideWatcher,
    add_entry,
    fake_model_zip,
    leftovers,
    official_entry,
    payload,
)

NAME = "vosk-model-small-test-0.1"


@pytest.fixture
def served(model_server, models_root, tmp_path):
    """A fake model zip on the server, listed with its true MD5 sum."""
    data = fake_model_zip(tmp_path, NAME).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])
    return data


def test_progress_reports_increasing_bytes_and_the_right_total(model_server, served, models_root):
    reports = []
    result = models.install_model(NAME, base_url=model_server.base_url, progress=reports.append)

    downloads = [r for r in reports if r.stage == models.DOWNLOAD]
    assert len(downloads) > 4, "a half-megabyte file should arrive in several pieces"
    done = [r.done for r in downloads]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert {r.total for r in downloads} == {len(served)}
    assert done[-1] == len(served)
    assert all(r.rate >= 0 for r in downloads)
    assert downloads[-1].fraction == 1.0
    unpacks = [r for r in reports if r.stage == models.UNPACK]
    assert unpacks and unpacks[-1].done == unpacks[-1].total

    assert result.checksum == models.CHECKSUM_VERIFIED
    assert result.path == models_root / NAME
    assert (models_root / NAME / "am" / "final.mdl").is_file()
    assert not partial_download_path(NAME, models_root).exists()
    installed = {m.name: m for m in models.list_installed()}
    assert installed[NAME].valid


def test_a_real_download_reports_a_rate(model_server, served, models_root):
    # Slowed down (16 KiB every 20 ms) so the download lasts long enough to measure.
    # The meter's arithmetic is checked with a hand-turned clock in test_progress.py;
    # here, only that a real download reports a rate at all, every time.
    model_server.delay_per_chunk = 0.02
    seen = []

    def note(progress):
        if progress.stage == models.DOWNLOAD:
            seen.append(progress)

    models.install_model(NAME, base_url=model_server.base_url, progress=note)

    assert len(seen) > 5  # 64 KiB reads of a half-megabyte file
    assert all(report.rate > 0 for report in seen)


def test_a_download_is_unpacked_aside_and_renamed_into_place(model_server, served, models_root):
    watcher = AsideWatcher(models_root, NAME)
    result = models.install_model(NAME, base_url=model_server.base_url, progress=watcher)

    assert watcher.unpack_reports > 4
    assert not watcher.final_seen_early, "the model folder appeared before it was complete"
    assert watcher.reports_without_aside == 0 and len(watcher.aside_folders) == 1
    assert watcher.most_bytes_aside >= len(payload())  # the big file was written aside
    assert result.path == models_root / NAME and (result.path / "am" / "final.mdl").is_file()
    # Afterwards only the model and the (empty) downloads folder are left.
    assert sorted(path.name for path in models_root.iterdir()) == [".partial", NAME]


def test_resume_after_a_dropped_connection_fetches_only_the_rest(model_server, served, models_root):
    cut = 200_000
    model_server.drop_once(f"{NAME}.zip", after_bytes=cut)
    with pytest.raises(models.DownloadInterrupted):
        models.install_model(NAME, base_url=model_server.base_url, retries=0)
    part = partial_download_path(NAME, models_root)
    assert part.stat().st_size == cut
    assert not (models_root / NAME).exists()

    result = models.install_model(NAME, base_url=model_server.base_url)

    first, second = model_server.seen(f"{NAME}.zip")
    assert first.range is None and first.bytes_sent == cut
    assert second.range == f"bytes={cut}-" and second.status == 206
    assert second.bytes_sent == len(served) - cut < len(served)
    assert result.resumed_from == cut
    assert result.checksum == models.CHECKSUM_VERIFIED  # the joined file is whole
    assert not part.exists()


def test_a_dropped_connection_is_retried_within_one_install(model_server, served, models_root):
    model_server.drop_once(f"{NAME}.zip", after_bytes=100_000)
    result = models.install_model(NAME, base_url=model_server.base_url)
    requests = model_server.seen(f"{NAME}.zip")
    assert [r.range for r in requests] == [None, "bytes=100000-"]
    assert result.checksum == models.CHECKSUM_VERIFIED


def test_a_server_that_ignores_range_makes_a_clean_fresh_start(model_server, served, models_root):
    part = partial_download_path(NAME, models_root)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"stale bytes that are not the start of the file" * 100)
    model_server.ignore_range = True

    result = models.install_model(NAME, base_url=model_server.base_url)

    (request,) = model_server.seen(f"{NAME}.zip")
    assert request.range is not None and request.status == 200
    assert request.bytes_sent == len(served)
    assert result.checksum == models.CHECKSUM_VERIFIED  # the stale bytes were dropped


def test_a_complete_part_file_is_not_downloaded_again(model_server, served, models_root):
    part = partial_download_path(NAME, models_root)
    part.parent.mkdir(parents=True)
    part.write_bytes(served)
    result = models.install_model(NAME, base_url=model_server.base_url)
    (request,) = model_server.seen(f"{NAME}.zip")
    assert request.status == 416 and request.bytes_sent == 0
    assert result.checksum == models.CHECKSUM_VERIFIED


def test_a_wrong_checksum_is_refused_and_leaves_nothing(model_server, models_root, tmp_path):
    data = fake_model_zip(tmp_path, NAME).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data, md5="0" * 32)])

    with pytest.raises(models.ChecksumMismatch) as caught:
        models.install_model(NAME, base_url=model_server.base_url)

    assert "does not match the official checksum" in str(caught.value)
    assert leftovers(models_root) == [".partial"]  # an empty folder, no .part, no model
    assert not [m for m in models.list_installed() if not m.bundled]


def test_an_unreachable_model_list_is_reported_and_the_install_goes_on(
    model_server, models_root, tmp_path
):
    name = "vosk-model-small-en-gb-0.15"  # in the catalogue, so it needs no list
    data = fake_model_zip(tmp_path, name).read_bytes()
    model_server.add(f"{name}.zip", data)  # no model-list.json: the server answers 404

    result = models.install_model(name, base_url=model_server.base_url)

    assert result.checksum == models.CHECKSUM_UNCHECKED
    assert "could not be checked" in result.checksum_note
    installed = models.find_installed(name)
    assert installed is not None and installed.valid and installed.language == "en-gb"
    assert installed.checksum == models.CHECKSUM_UNCHECKED


def test_cancelling_keeps_the_partial_download_for_later(model_server, served, models_root):
    cancel = threading.Event()

    def stop_after_some(progress):
        if progress.stage == models.DOWNLOAD and progress.done >= 100_000:
            cancel.set()

    with pytest.raises(models.Cancelled):
        models.install_model(
            NAME, base_url=model_server.base_url, progress=stop_after_some, cancel=cancel
        )
    part = partial_download_path(NAME, models_root)
    kept = part.stat().st_size
    assert 100_000 <= kept < len(served)
    assert models.partial_downloads() == {NAME: kept}
    assert not (models_root / NAME).exists()

    models.install_model(NAME, base_url=model_server.base_url)
    assert model_server.seen(f"{NAME}.zip")[-1].range == f"bytes={kept}-"


def test_not_enough_disk_space_stops_before_downloading(
    model_server, served, models_root, monkeypatch
):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(
        install_module.shutil, "disk_usage", lambda path: usage(10**9, 10**9, 400_000)
    )
    with pytest.raises(models.NotEnoughSpace) as caught:
        models.install_model(NAME, base_url=model_server.base_url)
    needed = int(len(served) * install_module.DOWNLOAD_SPACE_FACTOR)
    assert str(caught.value) == (
        "There is not enough free disk space to install this model: "
        f"it needs {models.format_megabytes(needed)} and 0.4 MB is free."
    )
    assert model_server.seen(f"{NAME}.zip") == []


def test_an_unknown_model_name_is_refused(model_server, served, models_root):
    with pytest.raises(models.UnknownModel) as caught:
        models.install_model("vosk-model-no-such-thing-9", base_url=model_server.base_url)
    assert "There is no model called 'vosk-model-no-such-thing-9'" in str(caught.value)
    assert model_server.seen("vosk-model-no-such-thing-9.zip") == []


@pytest.mark.parametrize("bad", ["../evil", "a/b", "..", ".hidden", "C:\\x", ""])
def test_names_that_could_escape_the_models_folder_are_refused(bad, models_root):
    with pytest.raises(models.BadModelName):
        models.install_model(bad, base_url="http://127.0.0.1:9")


def test_an_installed_model_is_not_overwritten_unless_asked(model_server, served, models_root):
    models.install_model(NAME, base_url=model_server.base_url)
    with pytest.raises(models.AlreadyInstalled):
        models.install_model(NAME, base_url=model_server.base_url)
    (models_root / NAME / "stale.txt").write_text("from the old copy")
    models.install_model(NAME, base_url=model_server.base_url, replace=True)
    assert not (models_root / NAME / "stale.txt").exists()
    assert [p for p in leftovers(models_root) if p.startswith(".") and p != ".partial"] == []


def test_no_server_gives_a_plain_sentence(models_root):
    with pytest.raises(models.DownloadFailed) as caught:
        models.install_model("vosk-model-small-en-us-0.15", base_url="http://127.0.0.1:9/models")
    assert "could not reach 127.0.0.1" in str(caught.value)


def test_an_archive_that_is_not_a_model_is_refused_and_deleted(model_server, models_root, tmp_path):
    data = fake_model_zip(tmp_path, NAME, omit=("conf/model.conf",)).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])
    with pytest.raises(models.InvalidModel) as caught:
        models.install_model(NAME, base_url=model_server.base_url)
    assert caught.value.missing == ["conf/model.conf"]
    assert leftovers(models_root) == [".partial"]


ESCAPE = f"/tmp/lesson-lab-escape-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("entry", "mode", "reason"),
    [
        ("../evil", None, "'../evil' would be written outside the models folder."),
        (
            f"{NAME}/../../evil",
            None,
            f"'{NAME}/../../evil' would be written outside the models folder.",
        ),
        (ESCAPE, None, f"'{ESCAPE}' would be written outside the models folder."),
        (
            f"{NAME}/conf/extra.conf",
            SYMLINK_MODE,
            f"it contains a link ('{NAME}/conf/extra.conf').",
        ),
    ],
    ids=["parent-folder", "parent-inside-wrapper", "absolute-path", "symlink"],
)
def test_a_malicious_archive_is_refused_and_leaves_nothing(
    entry, mode, reason, model_server, models_root, tmp_path
):
    # A complete model, so the only thing wrong is the one bad entry; listed
    # with its true checksum, so the download itself is accepted.
    source = tmp_path / "server"
    source.mkdir()
    archive = fake_model_zip(source, NAME)
    with zipfile.ZipFile(archive, "a") as bad:
        add_entry(bad, entry, b"/etc/passwd" if mode else b"planted by a bad archive", mode)
    data = archive.read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])

    with pytest.raises(models.UnsafeArchive) as caught:
        models.install_model(NAME, base_url=model_server.base_url, progress=lambda _p: None)

    assert str(caught.value) == f"This zip file cannot be used safely: {reason}"
    assert model_server.seen(f"{NAME}.zip")[0].bytes_sent == len(data)  # it was downloaded
    # Nothing installed, no .part to resume, no hidden work folder, nothing planted.
    assert leftovers(models_root) == [".partial"]
    assert not [m for m in models.list_installed() if not m.bundled]
    assert [*tmp_path.rglob("*evil*"), *tmp_path.rglob("extra.conf")] == []
    assert not Path(ESCAPE).exists()


def test_the_environment_variable_sets_the_download_address(
    model_server, served, models_root, monkeypatch
):
    monkeypatch.setenv("LESSON_LAB_MODEL_BASE_URL", model_server.base_url)
    models.install_model(NAME)
    assert len(model_server.seen(f"{NAME}.zip")) == 1


def test_the_disk_check_uses_the_real_free_space(models_root):
    free = shutil.disk_usage(models_root.parent).free
    with pytest.raises(models.NotEnoughSpace):
        models.check_free_space(free * 2, models_root.parent)
    models.check_free_space(1, models_root.parent)
