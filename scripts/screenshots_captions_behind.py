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

import sys
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

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_speech import QueuedMicrophone, pause, spoken, wait_until  # noqa: E402

BEHIND = "The captions did not fall behind; try again on a busier machine."


def main() -> int:
    out = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    app.setApplicationName("Lesson Lab")
    from app.captions_controller import CaptionsController
    from app.speech_worker import SpeechWorker
    from lessons.loader import load_lesson
    from lessons.presets import get_preset
    from widgets.caption_settings import CaptionSettings
    from widgets.captions_window import CaptionsWindow
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
    wait_until(lambda: bool(worker.engine_key), failure="The Whisper model did not load.")
    controller.start()
    wait_until(lambda: bool(window.running_behind_note()) and len(window.history.entries()) >= 2,
               failure=BEHIND)
    pause(0.4)  # painted
    screen.grabWindow(0).save(str(out))
    print(f"{worker.behind_seconds():.0f} s behind; on screen: {window.shown_lines()} "
          f"+ {window.running_behind_note()!r}")
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
