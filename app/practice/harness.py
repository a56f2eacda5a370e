"""Run practice mode on its own, or drive one scenario start to finish in a real window.

    python -m app.practice                         # practice mode, the list of pupils
    python -m app.practice --scenario ID           # straight into one scenario
    python -m app.practice --trainer ID            # trainer mode for one scenario
    python -m app.practice --self-test OUT_DIR     # scripted run, for the end-to-end test

The self-test works as a teacher would, with real key presses and mouse
clicks sent by QTest to the real window (under X, e.g. Xvfb): it picks the
scenario with the arrow keys and Enter, clicks the pupil's first suggested
preset and three Fix buttons, turns on a simulation and flips it with F8,
types an answer to each reflection question, saves the session and exports
it as a Word document and a PDF into OUT_DIR. It prints one line of JSON (the
record's file, the scores before and after, the answers, the exports) and
exits 0, or prints the error and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

SELF_TEST_SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"
ANSWER = "Answer {n}: I raised the text size and used a cream background for {name}."


def settle(ms: int = 150) -> None:
    """Let the window system map, lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def click(widget: QWidget) -> None:
    """A real left click in the middle of ``widget``."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     widget.rect().center())
    settle(60)


def click_tab(window, index: int) -> None:
    """Click the tab ``index`` of the practice steps."""
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     bar.tabRect(index).center())
    settle(150)


def self_test(window, out_dir: Path, scenario_id: str = SELF_TEST_SCENARIO) -> dict:
    """Drive ``window`` (a shown PracticeWindow) through one scenario; returns what happened."""
    from lessons.reflection import ReflectionStore

    out_dir.mkdir(parents=True, exist_ok=True)
    chooser = window.chooser
    target = next(i for i, s in enumerate(chooser.scenarios) if s.id == scenario_id)
    chooser.list.setFocus()
    QTest.keyClick(chooser.list, Qt.Key.Key_Home)
    for _ in range(target):
        QTest.keyClick(chooser.list, Qt.Key.Key_Down)
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    settle(300)
    if window.scenario() is None or window.scenario().id != scenario_id:
        raise RuntimeError("Enter in the list of pupils did not start the scenario")
    before = dict(window.workbench.scores())

    click(window.suggestion_buttons[0])
    for _ in range(3):
        buttons = [b for b in window.checker.fix_buttons() if b.property("fix").kind == "profile"]
        if not buttons:
            break
        window.checker.scroll.ensureWidgetVisible(buttons[0])
        settle(60)
        click(buttons[0])

    click_tab(window, 1)
    click(window.simulation_panel.switch("blur"))
    QTest.keyClick(window, Qt.Key.Key_F8)
    settle(200)
    flipped = window.simulation_label.text()
    QTest.keyClick(window, Qt.Key.Key_F8)
    settle(200)

    click_tab(window, 2)
    name = window.scenario().name
    for number, edit in enumerate(window.reflections.answer_edits(), start=1):
        QTest.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        QTest.keyClicks(edit, ANSWER.format(n=number, name=name))
    settle(100)
    click(window.reflections.save_button)
    window.ask_export_path = lambda fmt, _suggestion: str(out_dir / f"practice-record.{fmt}")
    click(window.reflections.export_docx_button)
    click(window.reflections.export_pdf_button)
    sessions = ReflectionStore().sessions()
    if not sessions:
        raise RuntimeError("the session was not saved in the reflection log")
    session = sessions[0]
    return {
        "record": str(ReflectionStore().folder / f"{session.id}.json"),
        "scenario": scenario_id,
        "scores_before": before,
        "scores_after": dict(window.workbench.scores()),
        "flipped_label": flipped,
        "answers": window.reflections.answers(),
        "word": str(out_dir / "practice-record.docx"),
        "pdf": str(out_dir / "practice-record.pdf"),
    }


def main(argv: list[str] | None = None) -> int:
    """Run practice mode (or the self-test); returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m app.practice",
                                     description="Lesson Lab practice mode on its own.")
    parser.add_argument("--scenario", metavar="ID", help="start with this pupil scenario")
    parser.add_argument("--trainer", metavar="ID", help="trainer mode for this scenario")
    parser.add_argument("--self-test", type=Path, metavar="OUT_DIR",
                        help="drive one scenario start to finish and export into OUT_DIR")
    args = parser.parse_args(argv)

    from app.gui import prepare_application

    # As the app prepares itself, but in Qt's own style: no interface-size style here.
    app = prepare_application(sys.argv[:1], scaled_style=False)
    from app.practice.entry import open_practice, open_trainer

    if args.trainer:
        view = open_trainer(None, args.trainer)
        return app.exec() if view is not None else 0
    window = open_practice(None, args.scenario)
    if args.self_test is None:
        return app.exec()

    window.setGeometry(app.primaryScreen().availableGeometry())
    outcome: dict = {}

    def run() -> None:
        try:
            window.activateWindow()
            settle(400)
            outcome.update(self_test(window, args.self_test))
        except Exception:  # noqa: BLE001 - report any failure to the test, then exit 1
            outcome["error"] = traceback.format_exc()
        finally:
            app.quit()

    QTimer.singleShot(0, run)
    app.exec()
    print(json.dumps(outcome, ensure_ascii=False))
    return 1 if "error" in outcome else 0
