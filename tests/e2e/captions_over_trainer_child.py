"""Child process for tests/e2e/test_captions_over_trainer.py (run on an X display).

Opens the real main window with live captions shown, opens trainer mode as a
teacher does (Ctrl+Shift+T, then OK in the question), and grabs the whole X
screen (the root window: what the room would see) three times: trainer mode,
trainer mode blanked with B, and shown again with B. Each PNG goes to
OUT_FOLDER/NAME.png and "grabbed NAME" is printed. Run by hand with
``--caption "…"`` (once a line) and ``--step N`` it makes the picture for
docs/trainer-captions.png.

    python tests/e2e/captions_over_trainer_child.py OUT_FOLDER DATA_FOLDER \
        [--caption TEXT]... [--step N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from app.controllers import attach_controllers
from app.main_window import MainWindow
from app.practice.trainer_view import TrainerView
from app.settings import AppSettings
from lessons.library import builtin_folder
from lessons.profile_store import ProfileStore

SETTLE_MS = 1500  # for the window manager to map, raise and stack the windows
CAPTION = "Rain falls from the clouds."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("data")
    parser.add_argument("--caption", action="append")
    parser.add_argument("--step", type=int, default=1, help="the step shown, from 1")
    args = parser.parse_args()
    out = Path(args.out)
    app = QApplication(sys.argv[:1])
    settings = AppSettings(Path(args.data) / "settings.ini")
    settings.welcome_shown = True
    window = MainWindow(settings, ProfileStore(Path(args.data) / "profiles"), [builtin_folder()])
    window.show()
    attach_controllers(window, ("captions",))
    captions = window.captions_window
    captions.show()  # as Ctrl+Shift+C does, without starting the microphone
    for line in args.caption or [CAPTION]:
        captions.add_final(line)

    def answer_question() -> None:
        # "Which pupil should the projector show?": OK takes the first pupil.
        question = QApplication.activeModalWidget()
        if isinstance(question, QInputDialog):
            QTest.keyClick(question, Qt.Key.Key_Return)
        else:
            QTimer.singleShot(200, answer_question)

    def open_trainer() -> None:
        window.activateWindow()
        QTimer.singleShot(SETTLE_MS // 3, answer_question)
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(window, Qt.Key.Key_T, ctrl_shift)
        for _step in range(args.step - 1):
            QTest.keyClick(trainer(), Qt.Key.Key_Right)

    def trainer() -> TrainerView:
        (shown,) = [t for t in window.findChildren(TrainerView) if t.isVisible()]
        return shown

    def grab(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
        print("grabbed", name, flush=True)

    steps = [
        (SETTLE_MS, open_trainer),
        (2 * SETTLE_MS, lambda: grab("trainer")),
        (0, lambda: QTest.keyClick(trainer(), Qt.Key.Key_B)),
        (SETTLE_MS // 2, lambda: grab("blank")),
        (0, lambda: QTest.keyClick(trainer(), Qt.Key.Key_B)),
        (SETTLE_MS // 2, lambda: grab("shown-again")),
        (0, app.quit),
    ]

    def run(index: int = 0) -> None:
        delay, step = steps[index]

        def do() -> None:
            step()
            if index + 1 < len(steps):
                run(index + 1)
        QTimer.singleShot(delay, do)

    run()
    app.exec()


if __name__ == "__main__":
    main()
