"""Choosing the speech model dictation and captions use, in the model manager.

A real main window with the real dictation and captions controllers attached,
the real model manager reading a models folder that holds a fake (but
correctly laid out) Vosk model, and the real settings file. The controllers'
``set_engine`` calls are recorded (they still run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.controllers import attach_controllers
from app.settings import AppSettings
from tests.app.main_window_helpers import Opened
from tests.models.fakes import write_fake_model

FRENCH = "vosk-model-small-fr-0.22"  # not English: "auto" would never take it
WHISPER = "whisper-tiny.en"  # installed with the app
IN_USE = "in use for dictation and captions"
WAIT_MS = 30_000


@pytest.fixture
def models_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    monkeypatch.delenv("LESSON_LAB_MODEL_BASE_URL", raising=False)
    write_fake_model(root / FRENCH)
    return root


@pytest.fixture
def opened(qtbot, tmp_path, models_root):
    made = Opened(qtbot, tmp_path)
    yield made
    for window in made.windows:
        if window.model_manager is not None:
            window.model_manager.shutdown()
    made.close_all()
    for window in made.windows:
        if window.model_manager is not None:
            qtbot.waitUntil(window.model_manager.is_idle, timeout=WAIT_MS)


def _record_set_engine(controller) -> list[tuple]:
    calls, real = [], controller.set_engine

    def recording(*args):
        calls.append(args)
        return real(*args)

    controller.set_engine = recording
    return calls


def _window_with_models(qtbot, opened):
    window = opened.open()
    assert attach_controllers(window, ("dictation", "captions")) == ["dictation", "captions"]
    asked = [_record_set_engine(c) for c in (window.dictation, window.captions)]
    dialog = window.open_model_manager()
    dialog.ask_close_during_download = lambda count: "keep"
    qtbot.waitUntil(lambda: dialog.row(FRENCH) is not None, timeout=WAIT_MS)
    return window, dialog, asked


def _checked_engine(window) -> list[str]:
    return [a.data() for a in window.act.engines.actions() if a.isChecked()]


def test_use_for_dictation_from_the_keyboard_is_saved_and_reaches_both_controllers(
        qtbot, opened, models_root):
    window, dialog, asked = _window_with_models(qtbot, opened)
    folder = str(models_root / FRENCH)
    assert IN_USE not in dialog.row(FRENCH).status
    assert dialog.use_button.accessibleName() == "Use for dictation"
    assert dialog.select(FRENCH) and dialog.use_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # A mnemonic "animates" the click, so the choice arrives a moment later.
    with qtbot.waitSignal(window.model_manager.model_chosen, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)

    assert (window.settings.engine, window.settings.model) == ("vosk", folder)
    assert asked == [[("vosk", folder)], [("vosk", folder)]]
    assert _checked_engine(window) == ["vosk"]
    row = dialog.row(FRENCH)
    assert row.in_use and row.status == f"Installed; {IN_USE}"
    assert not dialog.use_button.isEnabled(), "it is already in use"
    assert dialog.in_use_text() == "Dictation and captions use: French, small"
    assert not dialog.row(WHISPER).in_use
    assert "will use 'French, small'" in dialog.message_text()

    # The next start: a new window on the same settings file.
    window.close()
    assert AppSettings(opened.settings_path).model == folder
    again = opened.open()
    attach_controllers(again, ("dictation", "captions"))
    for controller in (again.dictation, again.captions):
        pipeline = controller.worker._pipeline
        assert (pipeline._engine, str(pipeline._model_path)) == ("vosk", folder)
    dialog = again.open_model_manager()
    qtbot.waitUntil(lambda: dialog.row(FRENCH) is not None, timeout=WAIT_MS)
    assert dialog.row(FRENCH).in_use and IN_USE in dialog.row(FRENCH).status
    assert dialog.in_use_text() == "Dictation and captions use: French, small"


def test_the_built_in_whisper_model_can_be_chosen_then_automatic_again(qtbot, opened):
    window, dialog, asked = _window_with_models(qtbot, opened)
    dialog.select(WHISPER)
    dialog.use_button.click()
    assert (window.settings.engine, window.settings.model) == ("whisper", "")
    assert asked == [[("whisper", None)], [("whisper", None)]]
    assert dialog.row(WHISPER).status == f"Installed with the app; {IN_USE}"
    assert _checked_engine(window) == ["whisper"]
    assert dialog.automatic_button.isEnabled()

    dialog.automatic_button.click()
    assert (window.settings.engine, window.settings.model) == ("auto", "")
    assert asked[0][-1] == ("auto", None) and asked[1][-1] == ("auto", None)
    assert not dialog.automatic_button.isEnabled()
    # No English Vosk model here: left to choose, dictation takes Whisper, and says so.
    assert dialog.row(WHISPER).status.endswith("(chosen automatically)")
    assert not dialog.row(FRENCH).in_use


def test_removing_the_model_in_use_goes_back_to_automatic_with_a_note(qtbot, opened,
                                                                      models_root):
    window, dialog, asked = _window_with_models(qtbot, opened)
    dialog.select(FRENCH)
    dialog.use_button.click()
    dialog.ask_confirm = lambda text: True
    with qtbot.waitSignal(window.model_manager.job_finished, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert not (models_root / FRENCH).exists()
    assert (window.settings.engine, window.settings.model) == ("auto", "")
    assert asked[0][-1] == ("auto", None) and asked[1][-1] == ("auto", None)
    note = "will now choose a speech model for themselves"
    assert note in dialog.message_text()
    assert note in window.statusBar().currentMessage()
    assert _checked_engine(window) == ["auto"]


def test_a_model_with_missing_files_cannot_be_chosen(qtbot, opened, models_root):
    write_fake_model(models_root / "vosk-model-small-de-0.15", omit=("conf/model.conf",))
    window, dialog, asked = _window_with_models(qtbot, opened)
    qtbot.waitUntil(lambda: dialog.row("vosk-model-small-de-0.15") is not None,
                    timeout=WAIT_MS)
    dialog.select("vosk-model-small-de-0.15")
    assert not dialog.use_button.isEnabled()
    window.model_manager.use_model("vosk-model-small-de-0.15")
    assert "cannot be used for dictation" in dialog.message_text()
    assert asked == [[], []] and window.settings.model == ""


def test_another_engine_from_the_menu_forgets_the_chosen_model(qtbot, opened, models_root):
    window, dialog, _asked = _window_with_models(qtbot, opened)
    dialog.select(FRENCH)
    dialog.use_button.click()
    # The menu talks to the controllers' workers.
    workers = [_record_set_engine(c.worker) for c in (window.dictation, window.captions)]
    whisper = next(a for a in window.act.engines.actions() if a.data() == "whisper")
    whisper.trigger()
    # Whisper must not be handed a Vosk model's folder.
    assert (window.settings.engine, window.settings.model) == ("whisper", "")
    assert workers == [[("whisper", None)], [("whisper", None)]]
