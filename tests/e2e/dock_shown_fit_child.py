"""Child process for tests/e2e/test_dock_shown_fit.py (run on an X display).

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background) on the water cycle, with the dictation panel as it is
once dictation is ready (its message, the word bank and the spoken commands),
then shows and hides docks from the menus, letting the window manager settle
after each step:

- at 100%, in a window a teacher made shorter (1400 x 800) and put at the
  bottom of the screen: Dictation › Dictation panel (Ctrl+Shift+D) off, Tools ›
  See it as a pupil might (Ctrl+Shift+V) on, the dictation panel on again (above
  the simulations), then the simulations off, on and off;
- the window back at its opening size and place, View › Larger interface
  (Ctrl+Alt+=) to 125%, and the simulations on and off;
- three sizes larger, to 200%, and the simulations on and off.

It prints one JSON line: the screen's available area and, for each step, its
name, the interface size, the main window's frame, whether the window
manager framed it, and the docks on show (their side and top). The actions are
triggered as their keys trigger them.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SETTLE_MS = 1500  # for the window manager to frame and place the window after each step
SHORT = (1400, 800)  # a window a teacher made shorter than it opens


def _rect(rect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def main() -> None:
    app = QApplication(sys.argv[:1])
    from app.gui import make_window
    from app.main_window import OPENING_SIZE

    def ready(window) -> None:
        from tests.app.main_window_helpers import choose
        from tests.e2e.dictation_scene import dictation_ready

        area = window.screen().availableGeometry()
        report = {"screen": _rect(area), "steps": []}
        window.settings.welcome_shown = True
        window.refresh_library()  # as the background start-up does
        choose(window, "The water cycle")
        dictation_ready(window)
        opening = window.pos()
        act = window.act

        def to_bottom() -> None:
            frame = window.frameGeometry()
            window.move(window.x(), area.y() + area.height() - frame.height())

        def back_to_opening() -> None:
            window.resize(OPENING_SIZE)
            window.move(opening)

        # (name of the step when it is done, what the teacher does)
        plan = [
            ("", lambda: window.resize(*SHORT)),
            ("100% before", to_bottom),
            ("100% dictation hidden", act.dictation_toggle.trigger),
            ("100% simulations shown alone", act.simulations.trigger),
            ("100% dictation shown above the simulations", act.dictation_toggle.trigger),
            ("100% simulations hidden", act.simulations.trigger),
            ("100% simulations shown", act.simulations.trigger),
            ("100% simulations hidden again", act.simulations.trigger),
            ("", back_to_opening),
            ("125% before", act.ui_larger.trigger),
            ("125% simulations shown", act.simulations.trigger),
            ("125% simulations hidden", act.simulations.trigger),
            ("", act.ui_larger.trigger),
            ("", act.ui_larger.trigger),
            ("200% before", act.ui_larger.trigger),
            ("200% simulations shown", act.simulations.trigger),
            ("200% simulations hidden", act.simulations.trigger),
        ]

        def step() -> None:
            if not plan:
                print(json.dumps(report), flush=True)
                os._exit(0)
            name, do = plan.pop(0)
            # As the keys do: the action is triggered in the window that has the keyboard.
            window.activateWindow()
            do()
            QTimer.singleShot(SETTLE_MS, lambda: record(name))

        def record(name: str) -> None:
            if name:
                frame = window.frameGeometry()
                report["steps"].append({
                    "name": name, "scale": window.ui_scale, "frame": _rect(frame),
                    "framed": frame != window.geometry(),
                    # Each dock on show: its side (Qt.DockWidgetArea) and its top.
                    "docks": {d.objectName(): [int(window.dockWidgetArea(d).value), d.y()]
                              for d in window._docks if d.isVisible()}})
            step()

        QTimer.singleShot(SETTLE_MS, step)

    make_window(app, ready, background=False)
    app.exec()
    os._exit(0)


if __name__ == "__main__":
    main()
