"""Dictation and captions when the automatically chosen Vosk model is damaged.

The built-in Whisper model listens instead and one sentence says so, once per
load; the damaged model is not loaded again. A model the teacher chose keeps
its error, which says how to carry on. Real parts: the real loader, the real
Korean Vosk model with random bytes in two files (the reviewer's recipe),
real Whisper, espeak-ng speech, the real panel and captions window; only the
microphone is a file played into the worker.
"""

from __future__ import annotations

import re

import pytest

from app.captions_controller import CaptionsController
from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from speech.stt.loader import ModelLoader
from tests.app.speech_doubles import FileMicrophone, speech_16k
from tests.fixtures.vosk_models import DAMAGED_NAME, damaged_model
from widgets.captions_window import CaptionsWindow
from widgets.dictation_panel import DictationPanel

pytestmark = pytest.mark.slow  # real model loads and real speech

NOTE = ("The English (UK), small speech model could not be loaded (its files are damaged), "
        "so the built-in English model is used instead. Remove or replace it in "
        "Tools › Speech models.")
CHOSEN = ("The English (UK), small speech model chosen for dictation could not be loaded: its "
          "files are damaged. To carry on, choose Automatic choice (Alt+A) in Tools › Speech "
          "models, or remove the model there.")
WAIT_MS = 120_000


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    return damaged_model(tmp_path_factory.mktemp("stick") / DAMAGED_NAME)


@pytest.fixture
def installed_damaged(tmp_path, monkeypatch, damaged):
    """The damaged model installed as the English (UK) model, as the reviewer imported it."""
    root = tmp_path / "models"
    root.mkdir()
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    (root / DAMAGED_NAME).symlink_to(damaged, target_is_directory=True)
    return root / DAMAGED_NAME


@pytest.fixture
def speech(speak):
    return speech_16k(speak("Plants need light and water to make their own food."))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _dictation(qtbot, tmp_path, worker):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    autosave = TranscriptAutosave(TranscriptStore(tmp_path / "transcripts"))
    return panel, DictationController(panel, worker=worker, autosave=autosave)


def test_dictation_and_captions_fall_back_to_whisper_and_say_so(qtbot, tmp_path,
                                                                installed_damaged, speech):
    loader = ModelLoader()
    worker = SpeechWorker(engine="auto", dictation=True, loader=loader, list_inputs=list,
                          capture_factory=lambda device: FileMicrophone(speech))
    panel, dictation = _dictation(qtbot, tmp_path, worker)
    replaced: list[str] = []
    worker.model_replaced.connect(replaced.append)

    with qtbot.waitSignal(worker.idle, timeout=WAIT_MS):
        dictation.start()  # F9

    assert replaced == [NOTE]
    assert worker.engine_name == "English, built in" and worker.engine_key == "whisper"
    assert {"light", "water", "food"} <= _words(panel.text()), panel.text()
    # Where dictation shows problems, and still there once listening has stopped.
    assert panel.message() == NOTE and panel.message_bar.kind == "error"
    loads = loader.loads_started

    with qtbot.waitSignal(worker.idle, timeout=WAIT_MS):
        dictation.start()  # F9 again: the same engine, nothing loaded or said again
    assert replaced == [NOTE] and loader.loads_started == loads

    # Captions (Ctrl+Shift+C) load for themselves: they say so too, but the
    # damaged model is not tried again and the captions do not say "Not listening".
    window = CaptionsWindow()
    qtbot.addWidget(window)
    captions_worker = SpeechWorker(engine="auto", loader=loader, list_inputs=list,
                                   capture_factory=lambda device: FileMicrophone(speech))
    captions = CaptionsController(window, worker=captions_worker)
    errors: list[str] = []
    captions.error.connect(errors.append)
    with qtbot.waitSignal(captions_worker.idle, timeout=WAIT_MS):
        captions.start()
    assert errors == [NOTE] and loader.loads_started == loads
    # Stopped at the end of the recording ("off"), never stopped by a "problem".
    assert window.state() == "off" and NOTE not in window.notice()
    assert {"light", "water", "food"} <= _words(" ".join(e.text for e in window.history.entries()))
    for controller in (dictation, captions):
        controller.shutdown()


def test_a_model_the_teacher_chose_keeps_its_error_and_says_how_to_carry_on(
        qtbot, tmp_path, installed_damaged, speech):
    loader = ModelLoader()
    worker = SpeechWorker(engine="vosk", model_path=installed_damaged, dictation=True,
                          loader=loader, list_inputs=list,
                          capture_factory=lambda device: FileMicrophone(speech))
    panel, dictation = _dictation(qtbot, tmp_path, worker)
    ready: list[str] = []
    worker.engine_ready.connect(ready.append)

    with qtbot.waitSignal(worker.idle, timeout=WAIT_MS):
        dictation.start()

    assert panel.message() == CHOSEN and panel.message_bar.kind == "error"
    assert ready == [] and panel.text() == "" and not worker.is_listening()
    assert not loader.is_loaded("whisper")  # nothing else chosen behind the teacher's back
    dictation.shutdown()
