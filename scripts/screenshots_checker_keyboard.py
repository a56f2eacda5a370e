"""Draw docs/checker-keyboard.png: the checker at interface size 200%, a finding focused by keys.

    python scripts/screenshots_checker_keyboard.py OUT.png  # the wrapper: same name, no .py

The practice window opens a Year 2 scenario as ``open_practice`` does, with
the app's style (``app.gui.prepare_application``) at interface size 200%, so the
focus ring is drawn thick. The finding is reached as a keyboard user
reaches it, with key presses sent to the window by QTest: Alt+G (the
"Group by" label's shortcut), Tab to the first finding, then Down until the
reading-age finding has the focus. The shot is the checker panel, its
dock dragged wider first.

Needs a real X display (Xvfb, 1600x1000); the wrapper script starts one.
Profiles and the reflection log go to an isolated data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")
SCENARIO = "year2-hard-of-hearing-great-fire"
FINDING = "reading age"  # words in the accessible name of the finding to focus

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import widgets  # noqa: E402, F401 - the PySide6 guard, before any window
from app.practice.harness import settle  # noqa: E402

MOST_KEYS = 80  # a bound on the key presses, never reached unless the chain changes


def press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key press and release, sent to the widget with the keyboard focus."""
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    settle(60)


def focused_card(checker):
    """The finding card with the keyboard focus, or None."""
    focus = QApplication.focusWidget()
    return focus if focus in checker.finding_cards() else None


def main(out: Path) -> int:
    from app.gui import prepare_application
    from app.practice.entry import open_practice
    from app.ui_scale import apply_ui_scale

    prepare_application(sys.argv[:1])  # as the app does, with its interface-size style
    apply_ui_scale(2.0)  # View > Interface size > 200%
    window = open_practice(None, SCENARIO)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    window.activateWindow()
    settle(1000)
    if not window.isActiveWindow():
        raise SystemExit("The practice window did not take the keyboard focus.")
    checker = window.checker
    # Wider than it opens (a third of the window), as a teacher might drag it.
    window.resizeDocks([window.checker_dock], [760], Qt.Orientation.Horizontal)
    settle(300)

    press(Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # "Group by:"
    if QApplication.focusWidget() is not checker.group_combo:
        raise SystemExit("Alt+G did not reach the checker's Group by list.")
    for _ in range(MOST_KEYS):
        if focused_card(checker) is not None:
            break
        press(Qt.Key.Key_Tab)
    for _ in range(MOST_KEYS):
        card = focused_card(checker)
        if card is None or FINDING in card.accessibleName().lower():
            break
        press(Qt.Key.Key_Down)
    card = focused_card(checker)
    if card is None or FINDING not in card.accessibleName().lower():
        raise SystemExit(f"The keyboard did not reach the {FINDING} finding.")
    settle(500)
    checker.grab().save(str(out))
    print(f"{out}: {checker.width()}x{checker.height()}, focused {card.accessibleName()!r}")
    window.ask_save_before_closing = lambda: "discard"  # a screenshot run keeps no record
    window.close()
    apply_ui_scale(1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1
                          else ROOT / "docs" / "checker-keyboard.png"))
