"""Problems a teacher understands, shown in the panel, and dictation that keeps working."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from speech.audio import MICROPHONE_GONE
from speech.audio_devices import NO_MICROPHONE
from speech.stt.base import Final, ModelLoadError, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser
from widgets.dictation_panel import DictationPanel


def _no_dialogs() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_no_microphone_is_said_in_the_panel_and_a_retry_works(rig):  # noqa: F811
    r = rig([Final("here I am")], problems=[NO_MICROPHONE])
    r.panel.toggle_listening()
    r.qtbot.waitUntil(lambda: r.panel.message() == NO_MICROPHONE)
    assert r.panel.message_bar.kind == "error"
    r.qtbot.waitUntil(lambda: not r.controller.worker.is_busy())
    assert not r.panel.is_listening()
    assert _no_dialogs()
    # The microphone is plugged in: Start again works and the old problem goes.
    r.start()
    assert r.panel.message() != NO_MICROPHONE
    r.hear(1)
    r.wait_for_text("Here I am")


def test_an_unplugged_microphone_keeps_the_text_and_says_so(rig):  # noqa: F811
    r = rig([Final("the heart pumps blood full stop"), Partial("all around")],
            at_flush=[Final("all around the body")])
    r.start()
    r.hear(2)
    r.qtbot.waitUntil(lambda: r.panel.partial() != "")
    r.rack.last.unplug(MICROPHONE_GONE)
    r.wait_for_text("The heart pumps blood. All around the body")
    r.qtbot.waitUntil(lambda: not r.panel.is_listening())
    assert r.panel.message() == MICROPHONE_GONE and r.panel.message_bar.kind == "error"
    assert "text so far is kept" in MICROPHONE_GONE
    assert r.saved_text() == "The heart pumps blood. All around the body"


def test_an_engine_that_fails_to_load_is_reported_and_the_next_start_retries(rig):  # noqa: F811
    recogniser = ScriptedRecogniser([Final("it works now")])
    attempts = []

    def factory():
        attempts.append(1)
        if len(attempts) == 1:
            raise ModelLoadError("The speech model could not be loaded: it is damaged.")
        return recogniser, "Scripted engine", "scripted"

    r = rig(factory=factory)
    statuses = []
    r.controller.status_changed.connect(statuses.append)
    r.panel.toggle_listening()
    r.qtbot.waitUntil(lambda: "damaged" in r.panel.message())
    r.qtbot.waitUntil(lambda: not r.controller.worker.is_busy())
    assert not r.panel.is_listening() and r.panel.message_bar.kind == "error"
    assert any("damaged" in s for s in statuses)
    assert _no_dialogs()
    r.start()
    r.hear(1)
    r.wait_for_text("It works now")


def _real_engine_rig(qtbot, tmp_path, engine, model_path):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    worker = SpeechWorker(engine=engine, model_path=model_path, dictation=True,
                          capture_factory=MicrophoneRack(), list_inputs=list)
    autosave = TranscriptAutosave(TranscriptStore(tmp_path / "transcripts"))
    return panel, DictationController(panel, worker=worker, autosave=autosave)


def test_a_damaged_whisper_model_is_refused_with_a_plain_message(qtbot, tmp_path):
    folder = tmp_path / "whisper-model"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"not a model at all")
    (folder / "config.json").write_text("{}")
    (folder / "tokenizer.json").write_text("{}")
    panel, controller = _real_engine_rig(qtbot, tmp_path, "whisper", folder)
    panel.toggle_listening()
    qtbot.waitUntil(lambda: "checksum" in panel.message(), timeout=20_000)
    qtbot.waitUntil(lambda: not controller.worker.is_busy())
    assert panel.message_bar.kind == "error" and not panel.is_listening()
    assert "Traceback" not in panel.message()
    controller.shutdown()


def test_a_missing_vosk_model_is_refused_with_a_plain_message(qtbot, tmp_path):
    panel, controller = _real_engine_rig(qtbot, tmp_path, "vosk", tmp_path / "no-such-model")
    panel.toggle_listening()
    qtbot.waitUntil(lambda: panel.message_bar.kind == "error", timeout=20_000)
    assert "model" in panel.message().lower() and "Traceback" not in panel.message()
    qtbot.waitUntil(lambda: not controller.worker.is_busy())
    assert not panel.is_listening()
    controller.shutdown()


def test_a_disk_that_refuses_the_autosave_is_said_once(rig, tmp_path):  # noqa: F811
    r = rig([Final("one"), Final("two"), Final("three")])
    # A file where the transcripts folder should be: every save fails.
    r.store.folder = tmp_path / "blocked"
    r.store.folder.write_text("in the way")
    shown = []
    r.controller.status_changed.connect(shown.append)
    r.start()
    r.hear(3)
    r.wait_for_text("One two three")
    r.autosave.wait_until_idle(10)
    r.qtbot.waitUntil(lambda: "could not be saved" in r.panel.message())
    assert r.panel.message_bar.kind == "error"
    assert sum("could not be saved" in s for s in shown) == 1
