"""The model manager's messages name models as its table does ("French, small").

Fails on the old code, whose messages used file names the table no longer
shows ("'vosk-model-small-fr-0.22' has been removed.").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.model_manager import ModelManager
from app.model_manager_names import friendly_name, with_friendly_name
from models import load_catalogue
from tests.models.fakes import write_fake_model
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog

FRENCH = "vosk-model-small-fr-0.22"
GERMAN = "vosk-model-small-de-0.15"
WAIT_MS = 30_000  # generous: the machine is shared; no test depends on speed


@pytest.fixture
def models_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    return root


@pytest.fixture
def manager(qtbot, models_root):
    write_fake_model(models_root / FRENCH)
    write_fake_model(models_root / GERMAN, omit=("conf/model.conf",))
    write_fake_model(models_root / "our-school-model")  # not in the catalogue
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    dialog.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    dialog.ask_confirm = lambda text: True
    # Nothing is downloaded here: the base address is never asked for.
    controller = ModelManager(dialog, base_url="http://127.0.0.1:9/models", root=models_root)
    qtbot.waitUntil(lambda: dialog.row(FRENCH) is not None, timeout=WAIT_MS)
    yield controller, dialog
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def _run(qtbot, controller, button):
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        button.click()
    return finished.args


def test_check_use_and_remove_name_the_model_as_the_table_does(qtbot, manager):
    controller, dialog = manager
    assert dialog.row(FRENCH).title == "French, small"
    dialog.select(FRENCH)
    _run(qtbot, controller, dialog.verify_button)
    # Every file, but placeholder bytes: damaged (named as the table names it).
    assert dialog.message_text() == (
        "'French, small' has every file it needs, but they are damaged, so it cannot be "
        "used. Remove it, then download or import it again.")
    controller.use_model(FRENCH)
    assert dialog.message_text().startswith("Dictation and captions will use 'French, small'")
    dialog.select(FRENCH)
    _run(qtbot, controller, dialog.remove_button)
    assert dialog.message_text().startswith("'French, small' has been removed.")
    assert FRENCH not in dialog.message_text()


def test_a_broken_model_is_named_as_the_table_names_it(qtbot, manager):
    controller, dialog = manager
    dialog.select(GERMAN)
    outcome = _run(qtbot, controller, dialog.verify_button)
    assert outcome[1] == "failed"
    assert dialog.message_text().startswith(
        "'German, small' cannot be used because it is missing conf/model.conf.")
    controller.use_model(GERMAN)
    assert dialog.message_text() == (
        "'German, small' cannot be used for dictation: it is not installed with every "
        "file it needs.")


def test_errors_from_the_models_folder_use_the_friendly_name(qtbot, manager, models_root):
    controller, dialog = manager
    dialog.select(FRENCH)
    shutil.rmtree(models_root / FRENCH)  # gone behind the app's back
    outcome = _run(qtbot, controller, dialog.remove_button)
    assert outcome[1] == "failed"
    assert "'French, small'" in dialog.message_text()
    assert FRENCH not in dialog.message_text()


def test_a_model_outside_the_catalogue_keeps_its_own_name(qtbot, manager):
    controller, dialog = manager
    dialog.select("our-school-model")
    _run(qtbot, controller, dialog.verify_button)
    assert dialog.message_text() == (
        "'our-school-model' has every file it needs, but they are damaged, so it cannot be "
        "used. Remove it, then download or import it again.")


def test_name_helpers():
    catalogue = load_catalogue()
    assert friendly_name(catalogue, FRENCH) == "French, small"
    assert friendly_name(catalogue, "our-school-model") == "our-school-model"
    assert with_friendly_name(f"No model called '{FRENCH}' is installed.", FRENCH,
                              "French, small") == "No model called 'French, small' is installed."
