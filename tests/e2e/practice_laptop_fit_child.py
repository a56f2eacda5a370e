"""Child process for tests/e2e/test_practice_laptop_fit.py (run on an X display).

Starts the app as ``lesson-lab`` does (app.gui.make_window, without the speech
work in the background), opens the practice window on the first built-in
scenario (Lily: its suggested presets are "Speech, language and communication
needs" and "Autism / attention") as Practice › Practise with a pupil scenario
does, and makes the interface one size larger at a time with View › Larger
interface (Ctrl+Alt+=) up to 250%, letting the window manager settle after
each step. At each size it shows each of the three practice steps in turn
and notes every button on show that is narrower than its size hint (its
words cut) and every scrolling part of the centre that scrolls sideways. It
prints one JSON line: the screen's available area and, for each size, the
practice window's frame, its least size, the cut buttons and the parts
scrolling sideways; and, at 250%, the least size of the window on each
built-in scenario in turn.

``--shot PATH``: the screen grabbed to the PNG ``PATH`` at 250%, on the
step ``--step N`` (0 to 2; 2, Reflect and save, by default).
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication

SETTLE_MS = 1200  # for the window manager to map and frame the window, and after each step
STEP_MS = 400  # after showing another practice step


def _rect(rect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _cut_buttons(window) -> list[str]:
    """The buttons on show narrower than their size hint (their words cut), with their
    widths. A button whose words wrap (a place in the checker, a simulation's switch)
    has a height for each width: it is cut when narrower than its least width or
    shorter than its words need at its width."""
    cut = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        hint = button.sizeHint().width()
        if button.hasHeightForWidth():
            hint = button.minimumSizeHint().width()
            if button.height() < button.heightForWidth(button.width()):
                hint = button.width() + 1  # too short for its wrapped words
        if button.width() < hint:
            name = button.text().replace("&", "") or button.accessibleName() \
                or button.objectName() or type(button).__name__
            cut.append(f"{name!r} {button.width()} < {hint}")
    return cut


def _sideways(window) -> list[str]:
    """The scrolling parts of the window's centre (not the checker, which gives way
    sideways by design) whose contents are cut at the right: they scroll sideways."""
    found = []
    for area in window.centralWidget().findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(area.accessibleName() or area.objectName() or type(area).__name__)
    return found


def main(args: list[str]) -> None:
    shot = args[args.index("--shot") + 1] if "--shot" in args else None
    shot_step = int(args[args.index("--step") + 1]) if "--step" in args else 2
    app = QApplication(sys.argv[:1])
    from app.gui import make_window

    def ready(window) -> None:
        from app.practice.entry import open_practice
        from lessons.scenarios import builtin_scenarios

        window.settings.welcome_shown = True
        practice = open_practice(window, builtin_scenarios()[0].id)
        report = {"screen": _rect(practice.screen().availableGeometry()), "steps": []}
        actions = [window.act.ui_larger] * 6

        def measure() -> None:
            step = {"scale": window.ui_scale, "frame": _rect(practice.frameGeometry()),
                    "framed": practice.frameGeometry() != practice.geometry(),
                    "border": [practice.frameGeometry().width() - practice.width(),
                               practice.frameGeometry().height() - practice.height()],
                    "least": [practice.minimumSizeHint().width(),
                              practice.minimumSizeHint().height()],
                    "cut": {}}
            report["steps"].append(step)
            tabs = list(range(practice.tabs.count()))

            def show_tab() -> None:
                if not tabs:
                    after_tabs()
                    return
                index = tabs.pop(0)
                practice.tabs.setCurrentIndex(index)

                def look() -> None:
                    step["cut"][str(index)] = _cut_buttons(practice)
                    step.setdefault("sideways", {})[str(index)] = _sideways(practice)
                    # The frame on every step: a QStackedWidget is as wide as its widest page.
                    step.setdefault("frames", {})[str(index)] = _rect(practice.frameGeometry())
                    show_tab()

                QTimer.singleShot(STEP_MS, look)

            show_tab()

        def after_tabs() -> None:
            if not actions:
                if shot:
                    practice.tabs.setCurrentIndex(shot_step)
                    QTimer.singleShot(SETTLE_MS, finish)
                else:
                    finish()
                return
            # As the keys do: the action is triggered in the window that has the keyboard.
            practice.activateWindow()
            actions.pop(0).trigger()
            QTimer.singleShot(SETTLE_MS, measure)

        def finish() -> None:
            if shot:
                app.primaryScreen().grabWindow(0).save(shot)
            # Every pupil at 250%: their names, tasks and suggested presets differ.
            report["least_by_scenario"] = {}
            for scenario in builtin_scenarios():
                practice.start_scenario(scenario.id)
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                least = practice.minimumSizeHint()
                report["least_by_scenario"][scenario.id] = [least.width(), least.height()]
            print(json.dumps(report), flush=True)
            os._exit(0)  # nobody to answer "Save this practice session?" on the way out

        QTimer.singleShot(SETTLE_MS, measure)

    make_window(app, ready, background=False)
    app.exec()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
