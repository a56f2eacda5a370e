"""Drive the real Lesson Lab window from a short JSON script (end-to-end tests, screenshots).

    python -m app.e2e_harness SCRIPT.json

The app starts exactly as ``lesson-lab`` starts it (``app.gui.make_window``:
the main window first, then the library scan, the speech report and the
read-aloud, dictation and captions controllers in the background), with the
real engines and the computer's real sound devices. The script's
``settings`` are saved before the window opens, as a returning user's
choices would be (for example the microphone and speakers to use).

The ``steps`` then run one after another on the GUI thread. A step is one
of these (keys are pressed with QTest on the widget with the keyboard focus,
so the window's own shortcuts act on them)::

    {"wait": "CONDITION", "timeout": 60}    a name in ``_conditions``, "highlights:N"
                                            (N words highlighted) or "file:PATH"
    {"key": "F9"}                           or "Ctrl+Shift+C", "F4"...
    {"select_lesson": "The water cycle"}    as a click in the library does
    {"select_text": "Look at the diagram."} select text in the lesson, as a drag does
                                            (with "caret": true, put the caret before it)
    {"profile": "Dyslexia"}                 choose a preset or profile
    {"activate": true}                      bring the keyboard back to the main window
    {"answer": "Bring it back"}             click that button of the open question box
                                            (wait for "question" first)
    {"screenshot": "PATH.png"}              the whole screen, as the X server drew it
    {"sleep": 500}                          milliseconds
    {"quit": true}

What the window shows is written to the script's ``log`` as JSON lines, each
with the wall-clock time ``t`` (epoch seconds), flushed at once::

    {"t": ..., "event": "panel", "text": "...", "partial": "..."}   the dictation text
    {"t": ..., "event": "highlight", "start": 12, "length": 5, "word": "water", "shown": "water"}
    {"t": ..., "event": "status", "text": "..."}                    the status bar
    {"t": ..., "event": "captions", "lines": ["..."]}
    {"t": ..., "event": "step", "index": 3, "step": {...}}          a step has begun
    {"t": ..., "event": "question", "title": "...", "text": "...", "details": "...",
     "answer": "..."}                                              a box answered
    {"t": ..., "event": "recovery", "restored": true, "text": "..."}  the recovery offer
                                            at start is over; the dictation text after it
    {"t": ..., "event": "done", "code": 0, "reason": ""}

plus ``window_up``, ``controllers``, ``library``, ``lesson``, ``engine``,
``listening``, ``voice``, ``reading``, ``captions_listening`` and ``error``. The
script may also say ``"maximise": true`` (the window fills the screen) and
``"timeout"`` (seconds for the whole run, 170 by default).
The process exits 0 when every step ran, 1 when one failed or timed out.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import time
from pathlib import Path

POLL_MS = 20


class EventLog:
    """JSON lines with wall-clock times, flushed at once so a reader sees them live."""

    def __init__(self, path: str | None) -> None:
        self._stream = open(path, "a", encoding="utf-8") if path else None  # noqa: SIM115

    def write(self, event: str, **fields: object) -> None:
        if self._stream is not None:
            record = {"t": time.time(), "event": event, **fields}
            self._stream.write(json.dumps(record) + "\n")
            self._stream.flush()


def _conditions(window, seen: dict) -> dict:
    """Named states of the window a step can wait for."""
    panel = window.dictation_panel

    def caption_lines() -> list[str]:
        shown = window.captions_window.shown_lines() if window.captions_window else []
        return [line for line in shown if line.strip()]

    return {
        "controllers": lambda: seen["controllers"],
        "library": lambda: bool(window.library.entries()),
        "listening": lambda: window.dictation is not None and window.dictation.is_listening(),
        "not_listening": lambda: window.dictation is not None
        and not window.dictation.worker.is_busy(),
        "partial": lambda: bool(panel.partial().strip()),
        "settled": lambda: bool(panel.text().strip()) and not panel.partial().strip(),
        "voices": lambda: window.read_aloud is not None and window.read_aloud.voices_known(),
        "reading": lambda: window.read_aloud is not None and window.read_aloud.is_speaking(),
        "not_reading": lambda: window.read_aloud is not None
        and not window.read_aloud.is_speaking(),
        # Settled text with the words still being heard after it.
        "dictating": lambda: bool(panel.text().strip()) and bool(panel.partial().strip()),
        "captions_listening": lambda: window.captions is not None
        and window.captions.is_listening(),
        # A phrase has settled and no newer guess is on show.
        "caption_settled": lambda: seen["captions"] == "final" and bool(caption_lines()),
        "captions_idle": lambda: window.captions is not None
        and not window.captions.worker.is_busy(),
        "projector": lambda: window.projector is not None and window.projector.isVisible(),
        "active": lambda: window.isActiveWindow(),
        # A modal question (a QMessageBox) is open and waits for an answer.
        "question": lambda: _question_box() is not None,
        # The offer of dictation left by a session that did not close is over.
        "recovery_done": lambda: seen.get("recovery") is not None,
    }


def _question_box():
    """The open modal QMessageBox, if there is one."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    return box if isinstance(box, QMessageBox) and box.isVisible() else None


def _answer(answer: str, log: EventLog) -> None:
    """Click the button called ``answer`` (mnemonic "&" ignored) of the open question box."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    box = _question_box()
    if box is None:
        raise ValueError("no question is open")
    names = {button.text().replace("&", ""): button for button in box.buttons()}
    if answer not in names:
        raise ValueError(f"the question has no {answer!r} button, only {sorted(names)}")
    log.write("question", title=box.windowTitle(), text=box.text(),
              details=box.informativeText(), answer=answer)
    QTest.mouseClick(names[answer], Qt.MouseButton.LeftButton)


def _observe(window, log: EventLog, seen: dict) -> None:
    """Log what the window shows as it changes (connected once the controllers are up)."""
    panel = window.dictation_panel
    last_panel = [None]

    def panel_changed(*_args) -> None:
        # Connected after the controller's own slots, so the panel is up to date.
        state = (panel.text(), panel.partial())
        if state != last_panel[0]:
            last_panel[0] = state
            log.write("panel", text=state[0], partial=state[1])

    window.statusBar().messageChanged.connect(lambda text: log.write("status", text=text))
    window.lesson_changed.connect(lambda lesson: log.write("lesson", title=lesson.title))
    if window.dictation is not None:
        worker = window.dictation.worker
        for signal in (worker.partial, worker.final, worker.idle):
            signal.connect(panel_changed)
        worker.engine_ready.connect(lambda name: log.write("engine", name=name))
        window.dictation.listening_changed.connect(lambda on: log.write("listening", value=on))
        worker.error.connect(lambda message: log.write("error", source="dictation",
                                                       message=message))

        def recovery_over(restored: bool) -> None:
            seen["recovery"] = restored
            log.write("recovery", restored=restored, text=panel.text())

        window.dictation.recovery_finished.connect(recovery_over)
    reader = window.read_aloud
    if reader is not None:
        def highlighted(start: int, length: int, word: str) -> None:
            seen["highlights"] += 1
            # What the view paints as the spoken word at this moment: the extra
            # selection over the highlighter's (start, end).
            word_range = reader.highlighter.word()
            shown = next((s.cursor.selectedText() for s in reader.view().extraSelections()
                          if (s.cursor.selectionStart(), s.cursor.selectionEnd()) == word_range),
                         "")
            log.write("highlight", start=start, length=length, word=word, shown=shown)

        reader.word_highlighted.connect(highlighted)
        reader.speaking_changed.connect(lambda on: log.write("reading", value=on))
        reader.voice_changed.connect(lambda name: log.write("voice", name=name))
        reader.error.connect(lambda message: log.write("error", source="read aloud",
                                                       message=message))
    captions = window.captions
    if captions is not None:
        def captions_changed(kind: str) -> None:
            seen["captions"] = kind
            log.write("captions", kind=kind, lines=window.captions_window.shown_lines())

        captions.worker.partial.connect(lambda *_a: captions_changed("partial"))
        captions.worker.final.connect(lambda *_a: captions_changed("final"))
        captions.worker.idle.connect(lambda: captions_changed("idle"))
        captions.listening_changed.connect(lambda on: log.write("captions_listening", value=on))
        captions.error.connect(lambda message: log.write("error", source="captions",
                                                         message=message))


class Runner:
    """Runs the script's steps in order, polling wait conditions on a GUI-thread timer."""

    def __init__(self, app, window, steps: list[dict], log: EventLog, seen: dict) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.window, self.steps, self.log = app, window, steps, log
        self.conditions = _conditions(window, seen)
        self.seen = seen
        self.index = -1
        self.deadline = 0.0
        self.code: int | None = None
        self.timer = QTimer(interval=POLL_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._next()
        self.timer.start()

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.steps):
            self.finish(0)
            return
        step = self.steps[self.index]
        self.log.write("step", index=self.index, step=step)
        self.deadline = time.monotonic() + float(step.get("timeout", 60))

    def _tick(self) -> None:
        if self.code is not None:
            return
        step = self.steps[self.index]
        try:
            if not self._run(step):
                if time.monotonic() > self.deadline:
                    self.finish(1, f"timed out: {json.dumps(step)}")
                return
        except Exception as error:  # noqa: BLE001 - tell the test, then close
            self.finish(1, f"{json.dumps(step)} failed: {error!r}")
            return
        self._next()

    def _run(self, step: dict) -> bool:
        """Do ``step``; False while it is still waiting."""
        from PySide6.QtGui import QKeySequence
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        window = self.window
        if "wait" in step:
            name = step["wait"]
            if name.startswith("file:"):
                return Path(name[5:]).exists()
            if name.startswith("highlights:"):
                return self.seen["highlights"] >= int(name[11:])
            return bool(self.conditions[name]())
        if "key" in step:
            combination = QKeySequence(step["key"])[0]
            target = QApplication.focusWidget() or QApplication.activeWindow() or window
            QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
        elif "select_lesson" in step:
            if not window.library.select_title(step["select_lesson"]):
                raise ValueError(f"no lesson called {step['select_lesson']!r}")
        elif "select_text" in step:
            view = window.view
            found = view.document().find(step["select_text"])
            if found.isNull():
                raise ValueError(f"the lesson does not show {step['select_text']!r}")
            if step.get("caret"):  # just the caret, at the start of the text
                found.setPosition(found.selectionStart())
            view.setTextCursor(found)
            view.setFocus()
        elif "profile" in step:
            if not window.choose_profile(step["profile"]):
                raise ValueError(f"no profile called {step['profile']!r}")
        elif "answer" in step:
            _answer(step["answer"], self.log)
        elif "activate" in step:
            window.activateWindow()
            window.view.setFocus()
        elif "screenshot" in step:
            path = Path(step["screenshot"])
            path.parent.mkdir(parents=True, exist_ok=True)
            QApplication.processEvents()  # paint what has changed before the grab
            if not self.app.primaryScreen().grabWindow(0).save(str(path)):
                raise OSError(f"could not save {path}")
        elif "sleep" in step:
            if not step.get("_until"):
                step["_until"] = time.monotonic() + step["sleep"] / 1000
            return time.monotonic() >= step["_until"]
        elif "quit" in step:
            self.finish(0)
            return False
        else:
            raise ValueError("unknown step")
        return True

    def finish(self, code: int, reason: str = "") -> None:
        if self.code is not None:
            return
        self.code = code
        self.timer.stop()
        self.log.write("done", code=code, reason=reason)
        from app.dictation_unsaved import close_without_asking

        # As at the bell: nobody answers "Save your dictation?" (the transcript keeps it).
        close_without_asking(self.window)
        self.app.quit()


def main(argv: list[str] | None = None) -> int:
    """Run the script named on the command line; 0 when every step ran."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    script = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    faulthandler.enable()  # a crash in a driver says where, on stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.settings import AppSettings

    app = QApplication(sys.argv[:1])
    settings = AppSettings()
    for key, value in script.get("settings", {}).items():
        setattr(settings, key, value)
    settings.sync()
    log = EventLog(script.get("log"))
    log.write("start", pid=os.getpid(), platform=app.platformName())
    seen = {"controllers": False, "highlights": 0, "captions": "", "recovery": None}
    holder: dict = {}

    def window_up(window) -> None:
        log.write("window_up")

    def controllers_up(window) -> None:
        seen["controllers"] = True
        _observe(window, log, seen)
        log.write("controllers", read_aloud=window.read_aloud is not None,
                  dictation=window.dictation is not None, captions=window.captions is not None)
        window.library_loaded.connect(
            lambda: log.write("library", lessons=len(window.library.entries())))
        if window.library.entries():
            log.write("library", lessons=len(window.library.entries()))
        holder["runner"] = Runner(app, window, list(script.get("steps", [])), log, seen)
        holder["runner"].start()

    from app.gui import make_window

    window = make_window(app, window_up, on_controllers=controllers_up)
    if script.get("maximise"):  # no window manager under Xvfb: fill the screen by hand
        window.setGeometry(app.primaryScreen().availableGeometry())
    QTimer.singleShot(int(script.get("timeout", 170) * 1000),
                      lambda: holder["runner"].finish(1, "the script took too long")
                      if "runner" in holder else app.quit())
    app.exec()
    runner = holder.get("runner")
    return 1 if runner is None or runner.code else 0


if __name__ == "__main__":
    from app.shutdown import finish

    sys.exit(finish(main()))  # ends as lesson-lab does (app.gui.run_gui)
