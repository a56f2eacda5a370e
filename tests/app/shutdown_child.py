"""A process that closes the way Lesson Lab does, for tests/app/test_shutdown.py.

    python -m tests.app.shutdown_child MODE FOLDER [WAV]

It saves a transcript through a real ``TranscriptAutosave`` (its disk is
slowed down, so an exit that does not wait for it loses the text), changes a
setting without saving it, starts a real ``SpeechPipeline`` whose engine
thread is busy in its recogniser, stops everything as the window's
``closeEvent`` does, and ends with ``sys.exit(app.shutdown.finish(CODE))``.

MODE is ``idle`` (the recogniser returns at once), ``busy`` (it never returns
by itself) or ``whisper`` (it decodes WAV with faster-whisper again and
again: the kind of native call that crashes the process at teardown). "returned"
is printed when ``finish`` returns instead of ending the process.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import numpy as np

CODE = 3
TEXT = "The water cycle shows how water moves between the sea and the sky."
SLOW_DISK_S = 0.5


class BusyRecogniser:
    """Blocks in ``accept`` the way an engine blocks in a decode."""

    def __init__(self, mode: str, wav: str | None) -> None:
        self.mode = mode
        self.inside = threading.Event()
        self._never = threading.Event()
        self._audio = None
        if mode == "whisper":
            from speech.audio_files import decode_audio_file
            from speech.stt.whisper_engine import WhisperRecogniser

            self._model = WhisperRecogniser.load_model(None).native
            self._audio = decode_audio_file(wav).astype(np.float32) / 32768.0

    def accept(self, chunk) -> list:
        self.inside.set()
        if self.mode == "busy":
            self._never.wait()
        elif self.mode == "whisper":
            while True:  # decoding for as long as the process lasts
                segments, _info = self._model.transcribe(
                    self._audio, language="en", beam_size=5, word_timestamps=True)
                for _segment in segments:
                    pass
        return []

    def flush(self) -> list:
        return []

    def reset(self) -> None:
        pass

    def set_vocabulary(self, words) -> list:
        return []


def main(mode: str, folder: Path, wav: str | None) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.settings import AppSettings
    from app.shutdown import finish
    from app.speech_pipeline import SpeechPipeline
    from app.transcript_autosave import TranscriptAutosave
    from app.transcript_store import TranscriptStore
    from tests.app.speech_doubles import ManualMicrophone

    class SlowStore(TranscriptStore):
        def save(self, text: str) -> Path:
            time.sleep(SLOW_DISK_S)
            return super().save(text)

    _app = QCoreApplication([])
    recogniser = BusyRecogniser(mode, wav)
    pipeline = SpeechPipeline(
        lambda *_message: None, engine="auto", model_path=None, dictation=True,
        vocabulary=(), loader=None,
        recogniser_factory=lambda: (recogniser, "busy", "busy"))
    microphone = ManualMicrophone()
    pipeline.begin(1, microphone)
    microphone.chunks(1)
    if not recogniser.inside.wait(60):
        print("the engine never started", file=sys.stderr)
        return 9

    autosave = TranscriptAutosave(SlowStore(folder / "transcripts"))
    settings = AppSettings(folder / "settings.ini")
    settings.set("test/shutdown", "kept")  # not synced: os._exit must not lose it
    # What the window's closeEvent does: stop listening, save, mark the text finished.
    pipeline.quit()
    autosave.save_now(TEXT)
    autosave.close()
    code = finish(CODE, thread_wait_s=0.5)
    print("returned", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))
