"""Draw docs/captions-catching-up.png: live captions running behind, over a lesson on the projector.

Real parts: the captions window, its controller, the speech worker and
pipeline, and the built-in Whisper model. espeak-ng speaks classroom
sentences, which are handed to the engine all at once (faster than real
time), so it falls behind as it does on a busy computer. The screen is taken
once the note shows with captions on it. Needs a real X display::

    Xvfb :95 -screen 0 1920x1080x24 -nolisten tcp &
    DISPLAY=:95 QT_QPA_PLATFORM=xcb .venv/bin/python \\
        scripts/screenshots_captions_behind.py docs/captions-catching-up.png
"""

from __future__ import annotations

import queue
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LESSON = ROOT / "lessons" / "library" / "ks2-year4-geography-water-cycle.md"
SAID = [
    "Good morning, everyone. Today we are looking at the water cycle.",
    "When the sun warms the sea, some of the water evaporates.",
    "The water vapour rises, cools and condenses into clouds.",
    "When the drops in a cloud grow heavy, they fall as rain.",
    "The rain runs into rivers and back down to the sea.",
    "Can you tell me where the water in a cloud comes from?",
    "Talk to the person next to you for one minute.",
    "Then we will draw the water cycle in our books.",
]

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from speech.audio import AudioChunk, Stopped  # noqa: E402


def wait_until(condition, timeout_s: float = 180.0) -> None:
    """Run the event loop until ``condition()`` holds (or give up after ``timeout_s``)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start(20)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if not condition():
        raise SystemExit("The captions did not fall behind; try again on a busier machine.")


class QueuedMicrophone:
    """Hands the engine all the audio it is given at once, then waits to be stopped."""

    def __init__(self, samples: np.ndarray) -> None:
        self.input_rate: float | None = None
        self._events: queue.SimpleQueue = queue.SimpleQueue()
        for start in range(0, len(samples), 1600):
            self._events.put(AudioChunk(samples[start:start + 1600]))

    def start(self) -> None:
        self.input_rate = 16_000.0

    def events(self):
        while (event := self._events.get()) is not None:
            yield event
        yield Stopped()

    def stop(self) -> None:
        self._events.put(None)

    def close(self) -> None:
        pass


def spoken(sentences: list[str]) -> np.ndarray:
    """The sentences in espeak-ng's British voice, 16 kHz, a second's pause after each."""
    from speech.audio_files import decode_audio_file

    pieces = []
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(sentences):
            wav = Path(folder) / f"{number}.wav"
            subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", str(wav), text],
                           check=True, capture_output=True)
            pieces += [decode_audio_file(wav), np.zeros(16_000, dtype=np.int16)]
    return np.concatenate(pieces).astype(np.int16)


def main() -> int:
    out = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    app.setApplicationName("Lesson Lab")
    from app.captions_controller import CaptionsController
    from app.speech_worker import SpeechWorker
    from lessons.loader import load_lesson
    from lessons.presets import get_preset
    from widgets.captions_window import CaptionSettings, CaptionsWindow
    from widgets.projector import ProjectorView

    screen = QApplication.primaryScreen()
    projector = ProjectorView()  # the lesson behind the captions, as a class would see it
    projector.set_profile(get_preset("Very low vision / projector"))
    projector.set_lesson(load_lesson(LESSON).lesson)
    projector.setGeometry(screen.geometry())
    projector.setWindowFlags(Qt.WindowType.FramelessWindowHint)
    projector.show()
    window = CaptionsWindow(CaptionSettings(lines=2, placement="bottom", font_size_pt=44))
    microphone = QueuedMicrophone(spoken(SAID))
    worker = SpeechWorker(engine="whisper", list_inputs=list,
                          capture_factory=lambda _device: microphone)
    controller = CaptionsController(window, worker=worker)
    worker.preload()
    wait_until(lambda: bool(worker.engine_key))
    controller.start()
    wait_until(lambda: bool(window.running_behind_note()) and len(window.history.entries()) >= 2)
    wait_until(lambda: True, 0.4)  # painted
    screen.grabWindow(0).save(str(out))
    print(f"{worker.behind_seconds():.0f} s behind; on screen: {window.shown_lines()} "
          f"+ {window.running_behind_note()!r}")
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
