"""A window with just the dictation panel and its controller, for end-to-end tests.

    python -m app.dictation_harness --microphone NAME --start --log events.jsonl
    python -m app.dictation_harness --recover-to offered.json --quit-after-recovery

It runs the real pieces (panel, controller, speech worker, engine, microphone,
transcript store) in a real window, and writes what happens as JSON lines,
one per event, each with the wall-clock time ``t`` (epoch seconds), flushed
at once so that a process killed with SIGKILL has logged everything it did:

    {"t": ..., "event": "listening", "value": true}
    {"t": ..., "event": "text", "text": "The whole text after a phrase settled."}
    {"t": ..., "event": "saved", "text": "The text now on disk."}
    {"t": ..., "event": "error", "message": "..."}

``--recover-to`` answers the recovery question with "bring it back" and
writes the offered text there as JSON; ``--quit-after-recovery`` then closes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app.dictation_harness",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", default="auto", help="auto, vosk or whisper")
    parser.add_argument("--model", default=None, help="a model folder for the engine")
    parser.add_argument("--microphone", default=None, help="microphone name (default: the default)")
    parser.add_argument("--vocabulary", default="", help="key words, separated by commas")
    parser.add_argument("--log", type=Path, default=None, help="write events here (JSON lines)")
    parser.add_argument("--start", action="store_true", help="start dictating at once")
    parser.add_argument("--recover-to", type=Path, default=None,
                        help="offer recovery, accept it, and write the offered text here")
    parser.add_argument("--quit-after-recovery", action="store_true",
                        help="close once recovery has been offered")
    return parser


class EventLog:
    """JSON lines with wall-clock times, each flushed to the operating system at once."""

    def __init__(self, path: Path | None) -> None:
        self._stream = open(path, "a", encoding="utf-8") if path else None  # noqa: SIM115

    def write(self, event: str, **fields: object) -> None:
        if self._stream is None:
            return
        self._stream.write(json.dumps({"t": time.time(), "event": event, **fields}) + "\n")
        self._stream.flush()  # in the kernel now: survives SIGKILL


def main(argv: list[str] | None = None) -> int:
    """Open the harness window and run until it is closed (or killed)."""
    args = _parser().parse_args(argv)
    from PySide6.QtCore import QTimer

    from app.gui import prepare_application

    # As the app prepares itself, without its interface-size style: a panel of its own.
    app = prepare_application(sys.argv[:1], name="Lesson Lab dictation harness",
                              scaled_style=False)

    from app.dictation_controller import DictationController
    from widgets.dictation_panel import DictationPanel

    log = EventLog(args.log)
    panel = DictationPanel()
    panel.setWindowTitle("Lesson Lab: dictation")
    vocabulary = [w.strip() for w in args.vocabulary.split(",") if w.strip()]
    controller = DictationController(panel, engine=args.engine, model_path=args.model,
                                     microphone=args.microphone, vocabulary=vocabulary)
    controller.text_changed.connect(lambda text: log.write("text", text=text))
    controller.listening_changed.connect(lambda value: log.write("listening", value=value))
    controller.worker.engine_ready.connect(lambda name: log.write("engine", name=name))
    controller.worker.partial.connect(lambda text: log.write("partial", text=text))
    controller.worker.error.connect(lambda message: log.write("error", message=message))
    controller.autosave.saved.connect(lambda text: log.write("saved", text=text))
    controller.autosave.save_failed.connect(lambda message: log.write("error", message=message))

    if args.recover_to is not None:
        def accept(text: str) -> bool:
            args.recover_to.write_text(json.dumps({"text": text}), encoding="utf-8")
            log.write("recovery_offered", text=text)
            return True

        controller.ask_restore = accept

        def finished(restored: bool) -> None:
            log.write("recovery_finished", restored=restored)
            if not restored and not args.recover_to.exists():
                args.recover_to.write_text(json.dumps({"text": None}), encoding="utf-8")
            if args.quit_after_recovery:
                panel.close()

        controller.recovery_finished.connect(finished)

    app.aboutToQuit.connect(controller.shutdown)
    panel.resize(900, 700)
    panel.show()
    log.write("window_shown")
    if args.recover_to is not None:
        QTimer.singleShot(0, controller.offer_recovery)
    if args.start:
        QTimer.singleShot(0, controller.start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
