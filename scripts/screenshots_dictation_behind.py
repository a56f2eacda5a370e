"""Draw docs/dictation-catching-up.png and docs/dictation-last-words.png: dictation falling behind.

    python scripts/screenshots_dictation_behind.py OUT_DIR  # the wrapper: same name, no .py

Real parts: the dictation panel, its controller, the speech worker and
pipeline, the built-in Whisper model, and the "last words" window that
closing opens (app/last_words.py). espeak-ng speaks a pupil's dictation
(with "full stop" said aloud), and it is handed to the engine all at once,
faster than real time, so the engine falls behind as it does on a busy
computer. Two shots from one run:

- dictation-catching-up.png: the panel once it says "Catching up: the computer
  is busy…", with the first sentences written down;
- dictation-last-words.png: the window closing opens (``finish_last_words``,
  as the main window calls it) while speech is still waiting, saying how much
  is left; then its "Close now" button is clicked, so the run stays short.

Needs a real X display (Xvfb, 1600x1000); the wrapper script starts one. The
transcript autosave writes to an isolated data folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")
# What a pupil says, spoken commands and all: about 30 s of speech.
SAID = [
    "Today I learned about the water cycle full stop new paragraph",
    "Water evaporates from the sea when the sun warms it full stop",
    "It rises as water vapour and cools to make clouds full stop",
    "When the drops in a cloud get heavy they fall as rain full stop",
    "The rain runs into rivers and flows back to the sea full stop",
    "Then the sun warms the sea and the cycle starts again full stop",
]

import numpy as np  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_speech import QueuedMicrophone, pause, spoken, wait_until  # noqa: E402

BEHIND = "Dictation did not fall behind; try again on a busier machine."


def laptop_microphone():
    """Xvfb has no sound card: the microphone a classroom laptop would list."""
    from speech.audio_devices import AudioDevice

    return [AudioDevice(0, "Laptop microphone", "ALSA", 48_000.0, 1, 0, True, False)]


def shoot_last_words(out: Path, said: list[str]) -> None:
    """Once the last-words window is up and painted: save it, then click "Close now"."""
    from app.last_words import LastWordsDialog

    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, LastWordsDialog) and w.isVisible()]
    if said or not dialogs:
        return
    dialog = dialogs[0]
    said.append("")  # taking it: the watch must not come back in while it paints
    pause(0.4)
    dialog.grab().save(str(out))
    said[0] = dialog.text()
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def main(out_dir: Path) -> int:
    from app.gui import prepare_application

    prepare_application(sys.argv[:1])  # as the app does (app/gui.py)
    from PySide6.QtCore import QTimer

    from app.catching_up import catching_up_message
    from app.dictation_controller import DictationController
    from app.speech_worker import SpeechWorker
    from widgets.dictation_panel import DictationPanel

    out_dir.mkdir(parents=True, exist_ok=True)
    panel = DictationPanel()
    panel.setWindowTitle("Lesson Lab: dictation")
    panel.resize(1100, 800)
    panel.show()
    # Half a second of quiet first, as when a pupil presses Start and then speaks.
    microphone = QueuedMicrophone(np.concatenate([np.zeros(8000, np.int16), spoken(SAID)]))
    worker = SpeechWorker(engine="whisper", dictation=True, list_inputs=laptop_microphone,
                          capture_factory=lambda _device: microphone)
    controller = DictationController(panel, worker=worker)
    worker.preload()
    wait_until(lambda: bool(worker.engine_key), failure="The Whisper model did not load.")
    controller.start()

    # Catching up: the message is up and the first sentences are written down.
    wait_until(lambda: panel.message() == catching_up_message()
               and controller.text().count(".") >= 2, failure=BEHIND)
    pause(0.4)  # painted
    shot = out_dir / "dictation-catching-up.png"
    panel.grab().save(str(shot))
    print(f"{shot}: {worker.behind_seconds():.0f} s behind; {panel.message()!r}; "
          f"text {controller.text()!r}")

    # Closing now, as the main window does, with speech still waiting.
    if worker.waiting_seconds() < 5:
        raise SystemExit("Dictation caught up before the close; try again on a busier machine.")
    shot = out_dir / "dictation-last-words.png"
    said: list[str] = []  # what the window said when it was taken
    watch = QTimer()
    watch.timeout.connect(lambda: shoot_last_words(shot, said))
    watch.start(50)
    settled = controller.finish_last_words()
    watch.stop()
    if not said:
        raise SystemExit("The last-words window did not open.")
    print(f"{shot}: {said[0]!r}; settled {settled}; then {panel.message()!r}")
    controller.shutdown()
    # As the app ends (app/gui.py): the engine may still be inside a decode of the
    # speech left out, and interpreter teardown under it aborts the process.
    from app.shutdown import finish

    return finish(0)


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
