"""Child process for tests/e2e/test_interface_size_fit.py (run on an X display).

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background) on the water cycle, with the dictation panel as it is
once dictation is ready (its message, the word bank and the spoken commands);
opens the lesson editor, the practice window, Speech models and the live
captions (shown as Ctrl+Shift+C shows them, without the microphone); then makes
the interface one size larger at a time with View › Larger interface
(Ctrl+Alt+=) up to 250% and back down to 100% with Smaller interface, letting
the window manager settle after each step. It prints one JSON line: the
screen's available area and, for each size, every window's frame and the
least size it may be made. Then it closes the main window, which saves its
geometry as quitting does.

``--stay``: only up to 250%, and closed there. ``--top N``: the main window
moved to ``N`` first (a teacher moved it to the top of the screen).
``--again`` (on the data folder of an earlier run): only opens the main window,
as the next start does, and reports its frame.
``--shot PATH``: only the main window, up to 250%, and the screen grabbed to
the PNG ``PATH`` there (docs/interface-size-250.png).
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SETTLE_MS = 1500  # for the window manager to map and frame each window, and after each step


def _rect(rect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _frames(windows: dict) -> dict:
    return {name: {"frame": _rect(w.frameGeometry()),
                   "framed": w.frameGeometry() != w.geometry(),
                   "least": [w.minimumSizeHint().width(), w.minimumSizeHint().height()]}
            for name, w in windows.items()}


def main(args: list[str]) -> None:
    again = "--again" in args
    stay = "--stay" in args  # quit at 250%
    top = int(args[args.index("--top") + 1]) if "--top" in args else None
    shot = args[args.index("--shot") + 1] if "--shot" in args else None
    app = QApplication(sys.argv[:1])
    from app.gui import make_window

    def ready(window) -> None:
        report = {"screen": _rect(window.screen().availableGeometry())}
        if again:
            def finish_again() -> None:
                report["scale"] = window.ui_scale
                report["steps"] = [{"scale": window.ui_scale,
                                    "windows": _frames({"main window": window})}]
                print(json.dumps(report), flush=True)
                app.exit(0)

            QTimer.singleShot(SETTLE_MS, finish_again)
            return
        from app.controllers import attach_controllers
        from app.practice.entry import open_practice
        from lessons.library import builtin_folder
        from lessons.scenarios import builtin_scenarios
        from tests.app.main_window_helpers import choose

        window.settings.welcome_shown = True
        window.refresh_library()  # as the background start-up does
        choose(window, "The water cycle")
        attach_controllers(window, ("captions",))
        from tests.e2e.dictation_scene import dictation_ready

        dictation_ready(window)
        window.lesson_path = builtin_folder() / "ks2-year4-geography-water-cycle.md"
        windows = {"main window": window}
        if not shot:  # the picture is of the main window alone
            windows.update({"lesson editor": window.open_lesson_editor(),
                            "practice": open_practice(window, builtin_scenarios()[0].id),
                            "speech models": window.open_model_manager()})
            captions = window.captions_window
            captions.show()  # as Ctrl+Shift+C does, without starting the microphone
            captions.add_final("Rain falls from the clouds.")
            windows["captions"] = captions
        if top is not None:  # where a teacher has moved the window to
            window.move(window.x(), top)
        report["steps"] = []
        actions = [window.act.ui_larger] * 6
        if not (stay or shot):
            actions += [window.act.ui_smaller] * 6

        def step() -> None:
            report["steps"].append({"scale": window.ui_scale, "windows": _frames(windows)})
            if shot and abs(window.ui_scale - 2.5) < 0.01:
                app.primaryScreen().grabWindow(0).save(shot)
            if not actions:
                finish()
                return
            # As the keys do: the action is triggered in the window that has the keyboard.
            window.activateWindow()
            actions.pop(0).trigger()
            QTimer.singleShot(SETTLE_MS, step)

        def finish() -> None:
            print(json.dumps(report), flush=True)
            for w in windows.values():
                if w is not window:
                    w.hide()  # without asking about the practice session
            window.close()  # saves the geometry, as quitting does
            os._exit(0)  # nobody to answer "Save this practice session?" on the way out

        QTimer.singleShot(SETTLE_MS, step)

    make_window(app, ready, background=False)
    app.exec()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
