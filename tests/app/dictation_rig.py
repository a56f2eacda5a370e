"""A real DictationPanel and DictationController around a scripted engine and microphone.

For the controller's unit tests: the panel, the controller, the worker's
threads, the autosave thread and the transcript store are all real; only the
recogniser and the microphone are doubles (tests/app/speech_doubles.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device
from widgets.dictation_panel import DictationPanel


class CountingStore(TranscriptStore):
    """The real store, counting its saves."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.saves: list[str] = []

    def save(self, text: str) -> Path:
        path = super().save(text)
        self.saves.append(text)
        return path


@dataclass
class Rig:
    qtbot: object
    panel: DictationPanel
    controller: DictationController
    recogniser: ScriptedRecogniser
    rack: MicrophoneRack
    autosave: TranscriptAutosave
    store: CountingStore

    def start(self) -> None:
        """Press the panel's big button and wait until the microphone is open."""
        self.qtbot.mouseClick(self.panel.toggle_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(self.controller.is_listening)

    def hear(self, chunks: int = 1) -> None:
        """The microphone hears ``chunks`` more chunks (one scripted step each)."""
        self.rack.last.chunks(chunks)

    def wait_for_text(self, text: str) -> None:
        self.qtbot.waitUntil(lambda: self.panel.text() == text)

    def saved_text(self) -> str | None:
        """The newest transcript on disk, read the way the next start reads it."""
        self.autosave.wait_until_idle(10)
        records = TranscriptStore(self.store.folder).transcripts()
        return records[0].text if records else None


@pytest.fixture
def rig(qtbot, tmp_path):
    built: list[Rig] = []

    def build(script=(), at_flush=(), *, key="scripted", problems=(), factory=None,
              devices=None, microphone=None, interval_ms=1000) -> Rig:
        panel = DictationPanel()
        qtbot.addWidget(panel)
        recogniser = ScriptedRecogniser(script, at_flush)
        rack = MicrophoneRack(problems)
        inputs = devices if devices is not None else [fake_device("Desk microphone", 0, True)]
        worker = SpeechWorker(
            recogniser_factory=factory or (lambda: (recogniser, "Scripted engine", key)),
            capture_factory=rack, list_inputs=lambda: inputs, dictation=True)
        store = CountingStore(tmp_path / "transcripts")
        autosave = TranscriptAutosave(store, interval_ms=interval_ms)
        controller = DictationController(
            panel, worker=worker, autosave=autosave, microphone=microphone)
        made = Rig(qtbot, panel, controller, recogniser, rack, autosave, store)
        built.append(made)
        return made

    yield build
    for made in built:
        made.controller.shutdown()
        made.autosave.wait_until_idle(10)
