"""The model manager controller with the real dialog, real models/ and a real HTTP server.

Downloads come from :class:`tests.fixtures.http_server.ModelServer` on
127.0.0.1, serving small but correctly laid-out model zips that the tests
build; nothing touches the internet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

import models
from app.model_manager import ModelManager, ProgressThrottle
from tests.app.drops import drop_files
from tests.fixtures.http_server import ModelServer
from tests.fixtures.vosk_models import copy_model, korean_model_folder, stored_zip
from tests.models.fakes import fake_model_zip, leftovers, official_entry, write_fake_model
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog

NAME = "vosk-model-small-en-gb-0.15"  # in the catalogue, so the dialog lists it
WAIT_MS = 30_000  # generous: the machine is shared; no test depends on speed


@pytest.fixture
def model_server():
    server = ModelServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def models_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    monkeypatch.delenv("LESSON_LAB_MODEL_BASE_URL", raising=False)
    return root


@pytest.fixture
def archive(tmp_path, model_server) -> bytes:
    """A fake model zip for NAME, served with a matching model-list.json entry."""
    built = tmp_path / "built"
    built.mkdir()
    data = fake_model_zip(built, NAME).read_bytes()
    model_server.add(f"{NAME}.zip", data)
    model_server.add_model_list([official_entry(NAME, data)])
    return data


@pytest.fixture
def manager(qtbot, models_root, model_server):
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    dialog.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    controller = ModelManager(dialog, base_url=model_server.base_url, root=models_root)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.row(NAME) is not None, timeout=WAIT_MS)
    yield controller, dialog
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def _record_progress(dialog: ModelManagerDialog, name: str) -> list[tuple[str, int]]:
    """Every (stage word, percentage) the busy row showed, in order."""
    seen: list[tuple[str, int]] = []

    def look(*_args) -> None:
        row = dialog.row(name)
        if row is None or not row.busy or row.progress is None or row.progress.percent is None:
            return
        shown = (row.progress.text.split()[0], row.progress.percent)
        if not seen or seen[-1] != shown:
            seen.append(shown)

    dialog.table_model.dataChanged.connect(look)
    dialog.table_model.modelReset.connect(look)
    return seen


def _start_download(dialog: ModelManagerDialog, name: str = NAME) -> None:
    assert dialog.select(name)
    assert dialog.download_button.isEnabled()
    dialog.download_button.click()


def test_download_shows_rising_progress_and_ends_installed(qtbot, manager, model_server, archive,
                                                           models_root):
    controller, dialog = manager
    model_server.delay_per_chunk = 0.01  # several reports reach the GUI
    percents = _record_progress(dialog, NAME)
    _start_download(dialog)
    qtbot.waitUntil(lambda: dialog.row(NAME).installed, timeout=WAIT_MS)
    downloading = [percent for stage, percent in percents if stage.startswith("Download")]
    assert len(downloading) >= 2, percents
    assert downloading == sorted(downloading) and downloading[-1] == 100, percents
    assert ("Unpacking:", 100) in percents, "then the unpacking shows its own progress"
    row = dialog.row(NAME)
    # The first English Vosk model is what dictation takes when left to choose.
    assert row.status == "Installed; in use for dictation and captions (chosen automatically)"
    assert row.can_remove and not row.busy and row.in_use
    assert row.progress is None
    assert "'English (UK), small' is installed and ready to use." in dialog.message_text()
    assert "matches the official checksum" in dialog.message_text()
    assert models.find_installed(NAME, models_root).valid
    assert models.partial_downloads(models_root) == {}


def test_the_gui_thread_keeps_running_during_a_slow_download(qtbot, manager, model_server,
                                                              archive):
    controller, dialog = manager
    model_server.delay_per_chunk = 0.03
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(controller.busy() != []))
    ticks_at_progress: list[int] = []
    dialog.table_model.dataChanged.connect(lambda *_: ticks_at_progress.append(len(ticks)))
    timer.start()
    _start_download(dialog)
    qtbot.waitUntil(lambda: dialog.row(NAME).installed, timeout=WAIT_MS)
    timer.stop()
    # The timer fired while the download ran, and between progress updates.
    assert sum(ticks) >= 10, sum(ticks)
    assert len(set(ticks_at_progress)) >= 3, ticks_at_progress


def test_cancel_keeps_a_partial_that_the_row_offers_to_resume(qtbot, manager, model_server,
                                                             archive, models_root):
    controller, dialog = manager
    model_server.delay_per_chunk = 0.05  # about two seconds for the whole file
    _start_download(dialog)
    qtbot.waitUntil(lambda: (dialog.row(NAME).progress or None) is not None
                    and (dialog.row(NAME).progress.percent or 0) > 0, timeout=WAIT_MS)
    assert dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.cancel_button.click()
    assert finished.args[1] == "cancelled"
    row = dialog.row(NAME)
    assert not row.installed and not row.busy and row.resumable
    assert "Resume" in row.status
    assert dialog.download_button.text() == "&Resume"
    assert "choose Resume to carry on" in dialog.message_text()
    kept = models.partial_downloads(models_root)[NAME]
    assert 0 < kept < len(archive)
    assert not (models_root / NAME).exists()

    model_server.delay_per_chunk = 0.0
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.row(NAME).installed, timeout=WAIT_MS)
    assert model_server.seen(f"{NAME}.zip")[-1].range == f"bytes={kept}-"
    assert models.find_installed(NAME, models_root).valid


def test_a_wrong_checksum_shows_the_plain_error_and_installs_nothing(qtbot, manager,
                                                                    model_server, archive,
                                                                    models_root):
    controller, dialog = manager
    model_server.add_model_list([official_entry(NAME, archive, md5="0" * 32)])
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        _start_download(dialog)
    assert finished.args[1] == "failed"
    # The models/ message, with the model named as the table names it.
    plain = str(models.ChecksumMismatch(NAME))
    assert f"'{NAME}'" in plain
    assert dialog.message_text() == plain.replace(f"'{NAME}'", "'English (UK), small'")
    assert not dialog.message_icon.pixmap().isNull()
    row = dialog.row(NAME)
    assert not row.installed and not row.resumable
    assert row.status == "Download failed: see the message below"
    assert leftovers(models_root) == [".partial"]


@pytest.mark.slow  # a real model (265 MB) is unpacked and tried
def test_import_a_zip_from_a_usb_stick(qtbot, manager, tmp_path, models_root):
    controller, dialog = manager
    usb = tmp_path / "usb"
    usb.mkdir()
    # The real Korean model, zipped as the French one: the speech engine tries what is
    # imported, so placeholder files would be refused (tests/app/test_model_damage_check.py).
    zipped = stored_zip(korean_model_folder(), usb / "vosk-model-small-fr-0.22.zip",
                        "vosk-model-small-fr-0.22")
    dialog.ask_import_path = lambda kind: str(zipped) if kind == "zip" else None
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.import_zip_button.click()
    assert finished.args[1] == "succeeded", finished.args
    row = dialog.row("vosk-model-small-fr-0.22")
    assert row.installed and row.language == "French" and row.status == "Installed"
    assert dialog.selected_name() == "vosk-model-small-fr-0.22"
    assert "'French, small' is imported and ready to use." in dialog.message_text()
    assert not any(r.name.startswith("import:") for r in dialog.rows())


@pytest.mark.slow  # a real model (265 MB) is copied twice and tried
def test_import_a_model_folder(qtbot, manager, tmp_path, models_root):
    controller, dialog = manager
    source = copy_model(tmp_path / "usb" / "vosk-model-small-de-0.15")
    dialog.ask_import_path = lambda kind: str(source) if kind == "folder" else None
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.import_folder_button.click()
    assert finished.args[1] == "succeeded", finished.args
    assert dialog.row("vosk-model-small-de-0.15").installed
    assert source.is_dir(), "the stick's copy is left alone"


def test_importing_an_incomplete_zip_names_what_is_missing(qtbot, manager, tmp_path,
                                                           models_root):
    controller, dialog = manager
    broken = fake_model_zip(tmp_path, "half-model", omit=("am/final.mdl",))
    dialog.ask_import_path = lambda kind: str(broken)
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS):
        dialog.import_zip_button.click()
    assert "Missing: am/final.mdl" in dialog.message_text()
    assert leftovers(models_root) == []


def test_remove_asks_for_confirmation_first(qtbot, models_root, model_server):
    write_fake_model(models_root / "vosk-model-small-fr-0.22")
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    controller = ModelManager(dialog, base_url=model_server.base_url, root=models_root)
    qtbot.waitUntil(lambda: dialog.row("vosk-model-small-fr-0.22") is not None, timeout=WAIT_MS)
    assert dialog.row("vosk-model-small-fr-0.22").installed
    answers = [False, True]
    asked: list[str] = []
    dialog.ask_confirm = lambda text: asked.append(text) or answers.pop(0)
    dialog.select("vosk-model-small-fr-0.22")
    dialog.remove_button.click()
    assert len(asked) == 1 and controller.is_idle()
    assert (models_root / "vosk-model-small-fr-0.22").is_dir()
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert not (models_root / "vosk-model-small-fr-0.22").exists()
    row = dialog.row("vosk-model-small-fr-0.22")
    assert not row.installed and row.status == "Not installed"
    assert dialog.message_text() == "'French, small' has been removed."
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def test_verify_of_a_broken_model_names_the_missing_file(qtbot, models_root, model_server):
    write_fake_model(models_root / "vosk-model-small-de-0.15", omit=("conf/model.conf",))
    write_fake_model(models_root / "vosk-model-small-fr-0.22")
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    controller = ModelManager(dialog, base_url=model_server.base_url, root=models_root)
    qtbot.waitUntil(lambda: dialog.row("vosk-model-small-de-0.15") is not None, timeout=WAIT_MS)
    assert dialog.row("vosk-model-small-de-0.15").status == (
        "Not usable: some of its files are missing (Verify says which)")
    dialog.select("vosk-model-small-de-0.15")
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS) as finished:
        dialog.verify_button.click()
    assert finished.args[1] == "failed"
    assert "missing conf/model.conf" in dialog.message_text()
    dialog.select("vosk-model-small-fr-0.22")
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS):
        dialog.verify_button.click()
    # Every file, but placeholder bytes (a sound model passes:
    # tests/app/test_model_damage_check.py).
    assert dialog.message_text() == (
        "'French, small' has every file it needs, but they are damaged, so it cannot be "
        "used. Remove it, then download or import it again.")
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def test_the_bundled_whisper_model_is_installed_and_cannot_be_removed(manager):
    controller, dialog = manager
    row = dialog.rows()[0]
    assert row.name == "whisper-tiny.en" and row.engine == "Whisper"
    # No English Vosk model here, so dictation left to choose takes this one.
    assert row.installed and not row.can_remove
    assert row.status == (
        "Installed with the app; in use for dictation and captions (chosen automatically)")
    dialog.select(row.name)
    assert not dialog.remove_button.isEnabled() and dialog.verify_button.isEnabled()


def test_closing_the_dialog_keeps_the_download_going(qtbot, manager, model_server, archive,
                                                     models_root):
    controller, dialog = manager
    model_server.delay_per_chunk = 0.02
    _start_download(dialog)
    qtbot.waitUntil(lambda: dialog.row(NAME).busy, timeout=WAIT_MS)
    dialog.close_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: controller.busy() == [], timeout=WAIT_MS)
    assert models.find_installed(NAME, models_root).valid
    reopened = ModelManagerDialog()
    qtbot.addWidget(reopened)
    controller.attach(reopened)
    assert reopened.row(NAME).installed


def test_the_throttle_passes_about_ten_reports_a_second():
    now = [0.0]
    throttle = ProgressThrottle(0.1, clock=lambda: now[0])
    total = 10_000_000
    sent = 0
    for step in range(1, 1001):  # a report every 5 ms for 5 seconds
        now[0] = step * 0.005
        done = min(total, step * 10_000)
        sent += throttle.should_send(models.Progress(models.DOWNLOAD, done, total, 2e6))
    assert 45 <= sent <= 52, sent
    # A new stage and the last report of a stage always pass.
    assert throttle.should_send(models.Progress(models.UNPACK, 1, 100, 0.0))
    assert throttle.should_send(models.Progress(models.UNPACK, 100, 100, 0.0))


def test_a_manager_dropped_during_a_download_is_freed_on_the_gui_thread(
        qtbot, models_root, model_server, archive):
    # Its worker must hold no Qt object: one last held by a worker thread is
    # destroyed there, while the GUI thread may be using what it is connected
    # to, and the app crashes (as the speech report loader once did).
    import gc
    import threading
    import weakref

    model_server.delay_per_chunk = 0.2
    controller = ModelManager(base_url=model_server.base_url, root=models_root)
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)  # the first scan
    finished = []
    controller.job_finished.connect(lambda *args: finished.append(args))
    controller.download(NAME)
    worker = next(t for t in threading.enumerate() if t.name == "model-download")
    gone = weakref.ref(controller)
    del controller
    gc.collect()
    assert worker.is_alive()
    assert gone() is None  # freed here, while its worker still downloads
    worker.join(WAIT_MS / 1000)
    assert not worker.is_alive()
    qtbot.wait(50)  # the worker's last report finds no controller and is dropped
    assert finished == []
    assert models.find_installed(NAME, models_root).valid  # the download itself went on


# ----- a model dropped on the window (widgets/model_drops.py) ------------------------------

def test_a_models_zip_dropped_on_the_list_is_imported(qtbot, manager, tmp_path, models_root):
    controller, dialog = manager
    # Incomplete, so the import is refused quickly: the message shows it was tried.
    broken = fake_model_zip(tmp_path, "half-model", omit=("am/final.mdl",))
    with qtbot.waitSignal(controller.job_finished, timeout=WAIT_MS):
        assert drop_files(dialog.table.viewport(), broken)
    assert "Missing: am/final.mdl" in dialog.message_text()
    assert leftovers(models_root) == []


@pytest.mark.parametrize("name", ["lesson.md", "photo.jpg"])
def test_a_file_dropped_that_is_not_a_model_is_named_and_nothing_is_imported(
        qtbot, manager, tmp_path, models_root, name):
    controller, dialog = manager
    dropped = tmp_path / name
    dropped.write_text("not a model", encoding="utf-8")
    started: list[str] = []
    dialog.import_requested.connect(started.append)
    assert drop_files(dialog, dropped)
    qtbot.waitUntil(lambda: bool(dialog.message_text()), timeout=WAIT_MS)
    assert dialog.message_text() == (
        f"“{name}” is not a speech model. Drop a model's zip file or its folder here.")
    assert started == [] and leftovers(models_root) == []
