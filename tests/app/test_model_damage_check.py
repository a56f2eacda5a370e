"""Importing and checking a damaged Vosk model, in the model manager and on the command line.

The reviewer's folder: ``vosk-model-small-en-gb-0.15`` with every file a model
needs, random bytes in am/final.mdl and graph/HCLr.fst (made from the real
Korean model). It used to be imported as "ready to use" and Verify said it
"has every file it needs". Now the speech engine tries it (in a child
process) and it is refused, or reported as damaged; the real model passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.model_manager import ModelManager
from tests.fixtures.cli import lesson_lab
from tests.fixtures.vosk_models import DAMAGED_NAME, damaged_model, korean_model_folder
from tests.models.fakes import leftovers
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog

WAIT_MS = 60_000  # generous: the machine is shared; no test depends on speed
REFUSED = ("The folder {source} holds a damaged speech model (the speech engine could not "
           "load it), so nothing was installed. Copy it again from where it was first "
           "downloaded, or download it again.")
DAMAGED_ON_VERIFY = ("'English (UK), small' has every file it needs, but they are damaged, "
                     "so it cannot be used. Remove it, then download or import it again.")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> Path:
    return damaged_model(tmp_path_factory.mktemp("usb") / DAMAGED_NAME)


@pytest.fixture
def models_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    return root


@pytest.fixture
def manager(qtbot, models_root):
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    dialog.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    # Nothing is downloaded here: the base address is never asked for.
    controller = ModelManager(dialog, base_url="http://127.0.0.1:9/models", root=models_root)
    qtbot.waitUntil(lambda: dialog.row(DAMAGED_NAME) is not None, timeout=WAIT_MS)
    yield controller, dialog
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def _statuses(dialog: ModelManagerDialog, key: str) -> list[str]:
    """Every progress line the row ``key`` showed, in order."""
    seen: list[str] = []

    def look(*_args) -> None:
        row = dialog.row(key)
        if row is not None and row.progress is not None and (
                not seen or seen[-1] != row.progress.text):
            seen.append(row.progress.text)

    dialog.table_model.dataChanged.connect(look)
    dialog.table_model.modelReset.connect(look)
    return seen


def test_the_manager_refuses_to_import_a_damaged_folder(qtbot, manager, models_root, damaged):
    controller, dialog = manager
    dialog.ask_import_path = lambda kind: str(damaged) if kind == "folder" else None
    statuses = _statuses(dialog, f"import:{damaged}")
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.import_folder_button.click()
    assert finished.args[1] == "failed", finished.args
    assert dialog.message_text() == REFUSED.format(source=damaged)
    assert "Checking that the speech engine can load it…" in statuses
    assert leftovers(models_root) == []  # nothing installed, no work folder left
    row = dialog.row(DAMAGED_NAME)
    assert not row.installed and not row.in_use
    assert (damaged / "am" / "final.mdl").is_file()  # the stick's copy is left alone


@pytest.mark.slow  # the real model is tried (a few seconds)
def test_verify_tells_a_damaged_model_from_a_sound_one(qtbot, models_root, damaged):
    models_root.mkdir()
    (models_root / DAMAGED_NAME).symlink_to(damaged, target_is_directory=True)
    sound = "vosk-model-small-en-us-0.15"
    (models_root / sound).symlink_to(korean_model_folder(), target_is_directory=True)
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    controller = ModelManager(dialog, base_url="http://127.0.0.1:9/models", root=models_root)
    qtbot.waitUntil(lambda: dialog.row(sound) is not None, timeout=WAIT_MS)

    dialog.select(DAMAGED_NAME)
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.verify_button.click()
    assert finished.args[1] == "failed"
    assert dialog.message_text() == DAMAGED_ON_VERIFY

    dialog.select(sound)
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.verify_button.click()
    assert finished.args[1] == "succeeded"
    assert dialog.message_text() == "'English (US), small' has every file it needs."
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


@pytest.mark.slow  # the real model is tried too (a few seconds)
def test_the_command_line_refuses_and_reports_a_damaged_folder(models_root, damaged):
    imported = lesson_lab("models", "import", damaged)
    assert imported.returncode == 1 and "Traceback" not in imported.stderr
    assert imported.stderr.strip().splitlines()[-1] == (
        "lesson-lab: " + REFUSED.format(source=damaged))
    assert "Checking that the speech engine can load it…" in imported.stderr
    assert leftovers(models_root) == []

    checked = lesson_lab("models", "verify", damaged)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert checked.stdout.strip() == (
        f"{damaged}: This Vosk speech model has every file it needs, but they are damaged: "
        "the speech engine could not load it.")
    # The sound model passes.
    sound = lesson_lab("models", "verify", korean_model_folder())
    assert sound.returncode == 0, sound.stderr
    assert sound.stdout.strip() == "This is a complete Vosk speech model."
