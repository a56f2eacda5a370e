"""Choosing the Vosk engine when no Vosk model is installed.

The usability review: Dictation › Speech engine › Vosk could be chosen with
no model; F9 then said "The vosk engine cannot run here: no English Vosk
model is installed." (no next step) while the status bar said "Dictation is
listening." and the panel still named the built-in model. Real main window,
dictation controller and speech worker loading the engine for real (no Vosk
model in the test's data folder); only the microphone is a double.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import app.dictation_controller as dictation_module
from app.controllers import attach_controllers
from app.speech_report import EngineInfo, SpeechReport
from app.speech_worker import SpeechWorker
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.speech_doubles import ManualMicrophone, ScriptedRecogniser

NOT_INSTALLED = "No English Vosk model is installed."


def _report(vosk_ready: bool) -> SpeechReport:
    engines = (EngineInfo("vosk", "Vosk: word by word", vosk_ready,
                          "" if vosk_ready else NOT_INSTALLED),
               EngineInfo("whisper", "Whisper tiny.en: English, built in", True, "",
                          "English, built in"))
    return SpeechReport(engines, engines[1].description, (), "", "none")


def _vosk_action(window):
    (action,) = [a for a in window.act.engines.actions() if a.data() == "vosk"]
    return action


class LateMicrophone(ManualMicrophone):
    """Opens once the engine has failed: the order the review met (the microphone's
    thread and the engine's thread race; either may report first)."""

    def __init__(self, device: str | None, engine_failed: threading.Event) -> None:
        super().__init__(device)
        self._engine_failed = engine_failed

    def start(self) -> None:
        self._engine_failed.wait(10)
        super().start()


@pytest.fixture
def real_loading(monkeypatch):
    """Dictation workers load their engine for real; the microphone is a double."""
    real_worker_for = dictation_module.worker_for

    def worker_for(owner, _worker, *, engine, model_path, **kwargs):
        engine_failed = threading.Event()
        worker = SpeechWorker(engine=engine, model_path=model_path, dictation=True,
                              capture_factory=lambda device: LateMicrophone(device,
                                                                            engine_failed),
                              list_inputs=list)
        worker.error.connect(lambda _message: engine_failed.set())
        return real_worker_for(owner, worker, engine=engine, model_path=model_path, **kwargs)

    monkeypatch.setattr(dictation_module, "worker_for", worker_for)


def test_the_vosk_item_is_disabled_until_a_model_is_installed(qtbot, opened):
    window = opened.open()
    action = _vosk_action(window)
    window._speech_report_ready(_report(vosk_ready=False))
    assert not action.isEnabled()
    assert "Tools › Speech models" in action.text() + action.toolTip() + action.statusTip()
    window._speech_report_ready(_report(vosk_ready=True))
    assert action.isEnabled()


def test_a_saved_vosk_choice_without_its_model_says_what_to_do(
        qtbot, opened, real_loading):
    window = opened.open()
    window.settings.engine = "vosk"  # chosen on an earlier day; the model has gone since
    window.settings.model = ""
    assert attach_controllers(window, ("dictation",)) == ["dictation"]
    panel = window.dictation_panel
    panel.set_text("Rain falls.")
    # Until the session is over: the microphone may report it opened after the problem.
    with qtbot.waitSignal(window.dictation.worker.idle, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    QApplication.processEvents()
    assert panel.message_bar.kind == "error"
    message = panel.message()
    assert "Tools › Speech models" in message and "Automatic" in message, message
    assert "vosk engine" not in message
    assert not panel.is_listening()
    assert window.statusBar().currentMessage() == message
    assert "listening" not in window.statusBar().currentMessage().lower()
    assert panel.engine_label.text() == "" or "built in" not in panel.engine_label.text()
    assert panel.text() == "Rain falls."


def test_the_vosk_item_follows_models_installed_and_removed_while_the_app_runs(
        qtbot, opened, tmp_path, monkeypatch):
    from tests.fixtures.vosk_models import DAMAGED_NAME as ENGLISH_NAME
    from tests.fixtures.vosk_models import linked_model

    root = tmp_path / "models"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    window = opened.open()
    action = _vosk_action(window)
    window._speech_report_ready(_report(vosk_ready=False))
    window.open_model_manager()
    manager = window.model_manager
    qtbot.waitUntil(lambda: manager.vosk_ready() is not None)
    assert not action.isEnabled()
    # A model arrives in the models folder (as a download or an import leaves it);
    # the manager looks again, as it does after each job and each time it opens.
    linked_model(root / ENGLISH_NAME)
    manager.refresh()
    qtbot.waitUntil(action.isEnabled)
    assert "Tools › Speech models" not in action.text()
    manager.remove(ENGLISH_NAME)
    qtbot.waitUntil(lambda: not action.isEnabled())
    window.model_dialog.close()


def test_choosing_another_engine_stops_the_panel_naming_the_old_model(rig):  # noqa: F811
    r = rig(factory=lambda: (ScriptedRecogniser([]), "English, built in", "whisper"))
    r.start()
    r.qtbot.waitUntil(lambda: r.panel.engine_label.text() == "Speech model: English, built in")
    r.controller.stop()
    r.qtbot.waitUntil(lambda: not r.controller.worker.is_busy())
    r.controller.set_engine("vosk")  # Dictation › Speech engine, as the review did
    assert "built in" not in r.panel.engine_label.text()


@pytest.mark.parametrize("vosk_ready", [False, True])
def test_the_engine_menu_says_how_each_writes_not_the_engines_name(opened, vosk_ready):
    # As the Speech models window names them ("Word by word", "Phrase by phrase");
    # the engine is in the tooltip for whoever asks.
    window = opened.open()
    window._speech_report_ready(_report(vosk_ready=vosk_ready))
    texts = {a.data(): a.text().replace("&", "") for a in window.act.engines.actions()}
    assert texts["vosk"].startswith("Word by word")
    assert texts["whisper"] == "Phrase by phrase (the built-in English model)"
    for text in texts.values():
        assert not any(name in text for name in ("Vosk", "Whisper", "tiny.en")), text
    assert "Vosk" in _vosk_action(window).toolTip()
