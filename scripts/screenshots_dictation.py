"""Draw the dictation panel and the live captions for docs/ (run by scripts/screenshots_dictation).

    python scripts/screenshots_dictation.py panel OUT.png     # on a 1600x1000 screen
    python scripts/screenshots_dictation.py captions OUT.png  # on a 1920x1080 screen
    python scripts/screenshots_dictation.py meter OUT.png     # the level meter: room, then voice

Needs a real X display (Xvfb); the wrapper script starts one.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LESSON = ROOT / "lessons" / "library" / "ks2-year4-geography-water-cycle.md"

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def settle(ms: int = 300) -> None:
    """Let the window system map, lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def panel_shot(out: Path) -> None:
    from lessons.loader import load_lesson
    from speech.dictation_commands import COMMAND_PHRASES
    from widgets.dictation_panel import DictationPanel

    panel = DictationPanel()
    lesson = load_lesson(LESSON).lesson
    panel.set_word_bank([(entry.word, entry.definition) for entry in lesson.vocabulary])
    panel.setWindowTitle("Lesson Lab: dictation")
    panel.set_microphones([("default", "Laptop microphone"), ("usb", "USB headset")], "usb")
    panel.set_engine_name("Whisper tiny.en (built in)")
    panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])
    panel.set_listening(True)
    panel.set_text("The water cycle.\n\nWater evaporates from the sea when the sun heats it. "
                   "It rises as water vapour and cools to make clouds.")
    panel.show_partial("when the clouds get heavy it")
    panel.show_message("Listening. Say \u201cfull stop\u201d to end a sentence.", "info")
    panel.resize(1100, 900)
    panel.show()
    settle()
    word = panel.word_bank.button_for("evaporation")
    if word is not None:  # the meaning of the word with the focus shows under the bank
        panel.activateWindow()
        word.setFocus()
        settle(100)
    for level in (-30, -24, -19, -22):
        panel.set_level(level)
    settle(100)
    panel.grab().save(str(out))


def meter_shot(out: Path) -> None:
    """Two meters: a humming room with nobody speaking, and a pupil speaking over it."""
    from PySide6.QtWidgets import QFormLayout, QWidget

    from widgets.level_meter import LevelMeter

    window = QWidget()
    window.setWindowTitle("Lesson Lab: microphone level")
    form = QFormLayout(window)
    clock = [0.0]
    for caption, voice in (("Room only:", None), ("Pupil speaking:", -22.0)):
        meter = LevelMeter(window, clock=lambda: clock[0])
        for _ in range(40):  # two seconds of a projector fan at -38 dB
            clock[0] += 0.05
            meter.set_level(-38.0)
        if voice is not None:
            meter.set_level(voice)
        form.addRow(caption, meter)
    window.resize(560, 90)
    window.show()
    settle()
    window.grab().save(str(out))


def captions_shot(out: Path) -> None:
    from lessons.loader import load_lesson
    from lessons.presets import get_preset
    from widgets.caption_settings import CaptionSettings
    from widgets.captions_window import CaptionsWindow
    from widgets.projector import ProjectorView

    screen = QApplication.primaryScreen()
    # A lesson on the projector behind the captions, as a class would see it.
    projector = ProjectorView()
    projector.set_profile(get_preset("Very low vision / projector"))
    lesson = load_lesson(LESSON).lesson
    projector.set_lesson(lesson)
    projector.setGeometry(screen.geometry())
    projector.setWindowFlags(Qt.WindowType.FramelessWindowHint)
    projector.show()
    captions = CaptionsWindow(CaptionSettings(lines=2, placement="bottom", font_size_pt=44))
    captions.set_key_words([entry.word for entry in lesson.vocabulary])  # bold, underlined
    start = datetime.now().replace(microsecond=0)
    said = ["Good morning, everyone. Today we are looking at the water cycle.",
            "Who can tell me what evaporation means?"]
    for i, text in enumerate(said):
        captions.add_final(text, start + timedelta(seconds=6 * i))
    captions.add_partial("that's right, it evaporates from")
    captions.hold.release()  # as 2 s after the last caption settled (widgets/caption_hold.py)
    captions.show()
    settle(600)
    screen.grabWindow(0).save(str(out))


def main() -> int:
    kind, out = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    from widgets.fonts import register_accessible_fonts

    register_accessible_fonts()
    app.setApplicationName("Lesson Lab")
    {"panel": panel_shot, "captions": captions_shot, "meter": meter_shot}[kind](out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
