"""``lesson-lab models ...`` run as a real process: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.paths import partial_download_path
from speech.stt.vosk_trial import PASSES_FILE
from tests.fixtures.vosk_models import korean_model_folder, stored_zip
from tests.models.fakes import fake_model_zip, official_entry, write_fake_model

REPO = Path(__file__).resolve().parents[2]
NAME = "vosk-model-small-test-0.1"


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "models", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lesson-lab: ")
    assert expected in lines[0]


def test_import_of_a_missing_path_is_one_clear_line(tmp_path, models_root):
    missing = tmp_path / "no-such-stick" / "model.zip"
    result = run_cli("import", str(missing))
    assert_one_clear_line(result, f"There is no file or folder at {missing}.")


def test_install_of_an_unknown_name_is_one_clear_line(models_root):
    # Port 9 on 127.0.0.1 is closed, so the official list cannot be reached either.
    result = run_cli(
        "install", "vosk-model-made-up-1.0", LESSON_LAB_MODEL_BASE_URL="http://127.0.0.1:9"
    )
    assert_one_clear_line(result, "There is no model called 'vosk-model-made-up-1.0'.")


def test_install_of_a_path_like_name_is_one_clear_line(models_root):
    result = run_cli("install", "../../etc", LESSON_LAB_MODEL_BASE_URL="http://127.0.0.1:9")
    assert_one_clear_line(result, "'../../etc' is not a model name")


def test_remove_of_a_model_that_is_not_there(models_root):
    assert_one_clear_line(run_cli("remove", "vosk-model-gone"), "No model called")


def test_verify_names_the_missing_files_and_exits_1(tmp_path, models_root):
    folder = write_fake_model(tmp_path / "partial", omit=("am/final.mdl", "conf/mfcc.conf"))
    result = run_cli("verify", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Missing: am/final.mdl, conf/mfcc.conf." in result.stdout

    # Every file, but placeholder bytes: the speech engine cannot load it (a
    # sound model passes: tests/app/test_model_damage_check.py).
    whole = run_cli("verify", str(write_fake_model(tmp_path / "whole")))
    assert whole.returncode == 1 and "Traceback" not in whole.stderr
    assert "has every file it needs, but they are damaged" in whole.stdout


def test_list_shows_installed_and_available_models_with_sizes(models_root):
    write_fake_model(models_root / "vosk-model-small-en-gb-0.15")
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    installed, available = result.stdout.split("Models you can download")
    assert "whisper-tiny.en" in installed and "installed with the app" in installed
    assert "vosk-model-small-en-gb-0.15" in installed and "English (UK)" in installed
    assert "vosk-model-small-en-gb-0.15" not in available
    line = next(x for x in available.splitlines() if "vosk-model-small-pl-0.22" in x)
    assert "Polish" in line and "53 MB" in line
    assert "No official Vosk model yet for: Urdu" in result.stdout


def test_a_vosk_model_never_tried_is_not_called_ready(models_root):
    # Every file is there, but they are placeholders: only trying it would tell.
    write_fake_model(models_root / "vosk-model-small-en-gb-0.15")
    result = run_cli("list")
    line = next(x for x in result.stdout.splitlines() if "vosk-model-small-en-gb-0.15" in x)
    assert not line.rstrip().endswith("ready")
    assert line.rstrip().endswith(
        "not tried yet ('lesson-lab models verify vosk-model-small-en-gb-0.15' tries it)")


def test_install_shows_progress_then_remove(model_server, models_root, tmp_path):
    data = fake_model_zip(tmp_path, NAME).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])

    result = run_cli("install", NAME, "--base-url", model_server.base_url)

    assert result.returncode == 0, result.stderr
    assert "Downloading" in result.stderr and "100%" in result.stderr
    assert " of 0.5 MB" in result.stderr
    assert f"Installed {NAME} in {models_root / NAME}." in result.stdout
    assert "The download matches the official checksum." in result.stdout

    removed = run_cli("remove", NAME)
    assert removed.returncode == 0 and removed.stdout.strip() == f"Removed {NAME}."
    assert not (models_root / NAME).exists()


@pytest.mark.slow  # a real model (265 MB) is unpacked and tried
def test_import_a_zip_then_it_is_listed(models_root, tmp_path):
    # The real Korean model, zipped as the French one: the speech engine tries
    # what is imported, so a zip of placeholder files would now be refused.
    archive = stored_zip(korean_model_folder(), tmp_path / "vosk-model-small-fr-0.22.zip",
                         "vosk-model-small-fr-0.22")

    result = run_cli("import", str(archive))

    assert result.returncode == 0, result.stderr
    target = models_root / "vosk-model-small-fr-0.22"
    assert result.stdout.strip() == f"Installed vosk-model-small-fr-0.22 in {target}."
    assert "Unpacking" in result.stderr and "100%" in result.stderr
    assert "Checking that the speech engine can load it…" in result.stderr
    assert "Traceback" not in result.stderr
    assert (target / "am" / "final.mdl").is_file()
    # Nothing left over beside the model, but the note that its trial passed.
    assert sorted(p.name for p in models_root.iterdir()) == [
        PASSES_FILE, "vosk-model-small-fr-0.22"]

    listed = run_cli("list")
    assert listed.returncode == 0, listed.stderr
    installed, available = listed.stdout.split("Models you can download")
    line = next(x for x in installed.splitlines() if "vosk-model-small-fr-0.22" in x)
    assert "vosk" in line and "French" in line and line.rstrip().endswith("ready")
    assert "vosk-model-small-fr-0.22" not in available  # no longer offered for download

    as_json = json.loads(run_cli("list", "--json").stdout)
    entry = next(m for m in as_json["installed"] if m["name"] == "vosk-model-small-fr-0.22")
    assert entry["valid"] and entry["path"] == str(target) and entry["language"] == "fr"


# ``python -m app.cli ARGS`` with Ctrl+C handled as Python does by default.
_WITH_CTRL_C = ("import runpy, signal, sys; "
                "signal.signal(signal.SIGINT, signal.default_int_handler); "
                "sys.argv = ['lesson-lab', *sys.argv[1:]]; "
                "runpy.run_module('app.cli', run_name='__main__', alter_sys=True)")


def test_ctrl_c_cancels_cleanly_and_keeps_the_partial_download(model_server, models_root, tmp_path):
    data = fake_model_zip(tmp_path, NAME).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])
    model_server.delay_per_chunk = 0.1  # about three seconds for the whole file

    # Ctrl+C as a terminal gives it, whatever this process does with SIGINT: a child
    # inherits an ignored SIGINT, and Python then never raises KeyboardInterrupt.
    # In two full runs the child finished the download as if it had no Ctrl+C.
    ignored_here = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    process = subprocess.Popen(
        [sys.executable, "-c", _WITH_CTRL_C, "models", "install", NAME],
        cwd=REPO,
        env={**os.environ, "LESSON_LAB_MODEL_BASE_URL": model_server.base_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = process.stderr.readline()  # the first progress line
        assert first_line.startswith("Downloading"), first_line
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 130, (ignored_here, stderr[-500:])
    assert "Traceback" not in stderr
    assert "Cancelled. What was downloaded is kept" in stderr
    part = partial_download_path(NAME, models_root)
    kept = part.stat().st_size
    assert 0 < kept < len(data)
    assert not (models_root / NAME).exists()

    # The next run carries on from where it stopped.
    model_server.delay_per_chunk = 0.0
    resumed = run_cli("install", NAME, "--base-url", model_server.base_url)
    assert resumed.returncode == 0, resumed.stderr
    assert "Carried on from" in resumed.stdout
    assert model_server.seen(f"{NAME}.zip")[-1].range == f"bytes={kept}-"


def test_list_as_json_for_other_programs(models_root):
    write_fake_model(models_root / "half", omit=("conf/model.conf",))
    result = run_cli("list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert listing["folder"] == str(models_root)
    installed = {m["name"]: m for m in listing["installed"]}
    assert installed["half"]["missing"] == ["conf/model.conf"] and not installed["half"]["valid"]
    assert installed["whisper-tiny.en"]["bundled"]
    first = listing["available"][0]
    # English (UK) comes first, for schools in England.
    assert first["name"] == "vosk-model-small-en-gb-0.15" and first["url"].endswith(".zip")
