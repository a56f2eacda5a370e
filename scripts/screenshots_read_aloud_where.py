"""Screenshots: read back highlighting the pupil's words, and read aloud on the projector.

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots_read_aloud_where.py OUT

The real main window (isolated settings and library), read aloud with eSpeak NG
playing into a private PulseAudio server (app/bench_audio_devices.py), and the
real dictation panel. Two pictures of the whole X screen, each taken while a
word is being spoken:

- read-back-highlight.png: the dictation dock's text read back, the spoken word
  boxed and its sentence shaded, the button saying "Stop reading back";
- projector-read-aloud.png: F11 then F5: the slide read, its word highlighted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bench_audio_devices import SPEAKER_DEVICE, VirtualAudio  # noqa: E402

TEXT = ("My dog is called Rex. He likes to run in the park every day. "
        "When it rains he stays inside and sleeps by the fire.")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with VirtualAudio() as audio, tempfile.TemporaryDirectory() as home:
        os.environ.update(audio.env)
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from app.main_window import MainWindow
        from app.read_aloud import ReadAloudController
        from app.read_back import ReadBack
        from app.settings import AppSettings
        from lessons.library import builtin_folder
        from lessons.profile_store import ProfileStore
        from scripts.screenshot_speech import pause, wait_until

        app = QApplication.instance() or QApplication([])
        window = MainWindow(AppSettings(Path(home) / "settings.ini"),
                            ProfileStore(Path(home) / "profiles"), [builtin_folder()])
        window.resize(1500, 950)
        window.show()
        reader = ReadAloudController(window.view, window, device=SPEAKER_DEVICE, rate_scale=0.6)
        window.attach_read_aloud(reader)
        wait_until(reader.voices_known, 60, "No voice started.")
        for row in range(window.library.list.count()):
            if window.library.list.item(row).text().startswith("The water cycle"):
                window.library.list.setCurrentRow(row)
        pause(1)

        def shot(name: str) -> None:
            screen = QGuiApplication.primaryScreen()
            screen.grabWindow(0).save(str(out / name))
            print(out / name)

        # Read back in the dictation dock (the dictation controller is left out:
        # it would load Whisper; the panel's own request goes straight to read back).
        panel = window.dictation_panel
        panel.set_text(TEXT)
        read_back = ReadBack(panel, reader)
        panel.read_back_requested.connect(read_back.toggle)
        words: list[str] = []
        reader.word_highlighted.connect(lambda _s, _n, w: words.append(w))
        QTest.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: len(words) >= 8, 60, "Read back highlighted nothing.")
        shot("read-back-highlight.png")
        reader.stop()
        pause(0.5)

        projector = window.start_projector()
        pause(1)
        projector.next_section()
        pause(0.5)
        words.clear()
        QTest.keyClick(projector, Qt.Key.Key_F5)
        wait_until(lambda: len(words) >= 6, 60, "The projector highlighted nothing.")
        shot("projector-read-aloud.png")
        reader.stop()
        QTest.keyClick(projector, Qt.Key.Key_Escape)
        reader.shutdown(5)
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots-read-aloud"))
