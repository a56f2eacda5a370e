"""A screenshot of dictation into the lesson editor, taken during a real run.

    python scripts/screenshots_editor.py OUT_FOLDER    (run by scripts/screenshots_editor)

Needs a real X display (Xvfb, 1600x1000; the wrapper starts one) and
PulseAudio. The lesson editor window opens on the built-in water cycle
lesson with a private PulseAudio microphone (app/bench_audio_devices.py);
espeak-ng speaks into it in real time and the built-in Whisper engine
hears it. The picture, docs/editor-dictation.png, is taken while a second
sentence is still being heard: the first has gone into the text at the
cursor, the second shows in the dictation line, not yet in the text. Then
docs/editor-details.png shows the same lesson's "Lesson details" tab: the
form for its title, key stage, needs, key words and the rest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")

from app.bench_audio_devices import MIC_DEVICE, VirtualAudio  # noqa: E402

LESSON = "ks2-year4-geography-water-cycle.md"
AFTER = "starting at the sea."
SAID = ["The arrows show where the water goes next full stop",
        "The sun heats the water in the seas and the lakes and the rivers "
        "and then it rises up into the sky as water vapour"]
TRIES = 3  # a busy machine may settle a phrase before it has shown much of it


def spoken(sentence: str, folder: Path):
    """espeak-ng says ``sentence`` as 16 kHz samples."""
    from speech.audio_files import decode_audio_file

    wav = folder / f"said{abs(hash(sentence))}.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "145", "-w", str(wav), sentence],
                   check=True, capture_output=True)
    return decode_audio_file(wav)


def wait_for(condition, seconds: float) -> bool:
    from app.practice.harness import settle

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        settle(50)
    return False


def main(out: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="lesson-lab-editor-shot-"))
    with VirtualAudio() as audio:
        os.environ.update(audio.env)  # before PortAudio starts, so it finds the microphone
        from PySide6.QtWidgets import QApplication

        import widgets  # noqa: F401 - the PySide6 guard, before any window
        from app.practice.editor_window import DISCARD, LessonEditorWindow
        from app.practice.harness import settle
        from app.speech_worker import SpeechWorker
        from lessons.library import builtin_folder
        from lessons.presets import get_preset
        from widgets.fonts import register_accessible_fonts

        app = QApplication(sys.argv[:1])
        from app.safe_gc import collect_between_events

        collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
        app.setApplicationName("Lesson Lab")
        register_accessible_fonts()
        window = LessonEditorWindow(None, get_preset("Dyslexia"), worker_factory=lambda: (
            SpeechWorker(engine="whisper", dictation=True, device=MIC_DEVICE)))
        window.ask_unsaved_changes = lambda: DISCARD
        window.open_lesson(builtin_folder() / LESSON)
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
        window.show()
        window.activateWindow()
        settle(800)
        editor = window.editor
        cursor = editor.text_edit.textCursor()
        cursor.setPosition(editor.text_edit.toPlainText().index(AFTER) + len(AFTER))
        editor.text_edit.setTextCursor(cursor)
        editor.text_edit.centerCursor()
        window.dictate_action.trigger()
        dictation = window.dictation
        if not wait_for(lambda: dictation.is_listening() and dictation.worker.engine_key, 120):
            print("The microphone or the engine did not start.", file=sys.stderr)
            return 1
        phrases: list[str] = []
        dictation.phrase_added.connect(phrases.append)
        audio.say(spoken(SAID[0], work))
        if not wait_for(lambda: any(p.rstrip().endswith(".") for p in phrases), 120):
            print("The first sentence was not heard.", file=sys.stderr)
            return 1
        line = window.dictation_line
        shot = out / "editor-dictation.png"
        taken: list[str] = []

        said = set(SAID[1].lower().split())

        def grab(_text: str) -> None:
            # As soon as enough is heard: a partial lasts only until the phrase settles.
            # A guess that loops or strays ("the sub, the sub") is not the picture.
            heard = line.partial_text().lower().replace(",", "").split()
            if taken or len(heard) < 4 or len(heard) > len(said) + 2 or \
                    sum(w in said for w in heard) < 0.9 * len(heard):
                return
            window.repaint()
            QApplication.primaryScreen().grabWindow(0).save(str(shot))
            taken.append(line.partial_text())

        dictation.worker.partial.connect(grab)
        for _attempt in range(TRIES):
            count = len(phrases)
            audio.say(spoken(SAID[1], work))
            if wait_for(lambda: bool(taken), 60):
                break
            wait_for(lambda before=count: len(phrases) > before, 60)
            dictation.line.show_partial("")
            editor.undo()  # try again from the same place
        else:
            print("The second sentence was not shown while being heard.", file=sys.stderr)
            return 1
        print(f"{shot} ({shot.stat().st_size // 1024} KB): text {phrases!r}, "
              f"hearing {taken[0]!r}")
        window.dictate_action.trigger()
        wait_for(lambda: not dictation.worker.is_busy(), 60)
        details = out / "editor-details.png"
        editor.pages.setCurrentWidget(editor.details)
        editor.details.focus_field("title")
        editor.details.title.deselect()
        settle(300)
        window.repaint()
        QApplication.primaryScreen().grabWindow(0).save(str(details))
        print(f"{details} ({details.stat().st_size // 1024} KB)")
        window.close()
        settle(200)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
