"""Draw the main window for docs/main-window.png (run by scripts/screenshots_main).

    python scripts/screenshots_main.py OUT.png

Needs a real X display (Xvfb, 1600x1000); the wrapper script starts one. The
app starts as ``lesson-lab`` does (app/gui.py), with its real controllers,
in an isolated data folder; then a lesson is chosen, and the dictation panel
is given a few sentences as a pupil might have dictated them. The shot is the
whole screen, as the X server drew it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LESSON_LAB_DATA"] = tempfile.mkdtemp(prefix="lesson-lab-shots-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LESSON_TITLE = "The water cycle"
PROFILE = "Dyslexia"


def settle(ms: int = 400) -> None:
    """Let the X server map, lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from app.dictation_unsaved import close_without_asking
    from app.gui import make_window
    from app.settings import AppSettings

    AppSettings().welcome_shown = True  # the welcome has its own picture
    window = make_window(app)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    settle(300)
    with_library = QEventLoop()
    window.library_loaded.connect(with_library.quit)
    if not window.library.entries():
        with_library.exec()
    if not window.library.select_title(LESSON_TITLE):
        raise SystemExit(f"no lesson called {LESSON_TITLE!r}")
    if not window.choose_profile(PROFILE):
        raise SystemExit(f"no profile called {PROFILE!r}")
    # The speech controllers attach a moment after the window opens, and the
    # dictation controller shows the panel idle when it does: stage after that.
    for _ in range(200):
        if window.dictation is not None:
            break
        settle(50)
    panel = window.dictation_panel
    panel.set_text("Water evaporates from the sea when the sun heats it. It rises as "
                   "water vapour and cools to make clouds.")
    panel.show_partial("when the clouds get heavy")
    window.set_microphone_live(True)
    panel.set_listening(True)
    for level in (-30, -24, -19, -22):
        panel.set_level(level)
    window.view.setFocus()
    settle(1500)  # the speech report names the engine and voice
    for _ in range(200):  # the engine ready: its name shows, with a "ready" note
        if panel.engine_label.text():
            break
        settle(50)
    # Listening, as the controller says it when the microphone opens.
    panel.show_message(window.dictation.listening_message(), "info")
    # Xvfb has no sound card: name the microphone a classroom laptop would have.
    panel.set_microphones([("default", "Laptop microphone")], "default")
    settle(200)
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    # The same at View > Interface size 200% (not remembered): the docks become tabs.
    large = out.with_name(out.stem + "-200" + out.suffix)
    window.set_ui_scale(2.0, remember=False)
    settle(1500)
    QApplication.primaryScreen().grabWindow(0).save(str(large))
    print(f"{large} ({large.stat().st_size // 1024} KB)")
    window.set_ui_scale(1.0, remember=False)
    panel.set_listening(False)
    settle(500)
    speak_as_i_type_shot(window, out.with_name("speak-as-i-type.png"))
    close_without_asking(window)


def speak_as_i_type_shot(window, out: Path) -> None:
    """Dictation › Speak as I type open, Words chosen, and the pupil typing in the panel."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from speech.typing_echo import WORDS

    panel = window.dictation_panel
    window.set_microphone_live(False)
    panel.clear_message()
    # Set, not typed: Xvfb has no sound card, so an echo would only say it cannot be heard.
    panel.set_text("Water evaporates form the sea ")  # "form" heard, not "from"
    window.typing_echo.set_mode(WORDS)
    menu = window.act.menus["dictation"]
    submenu = window.findChild(type(menu), "menu-speak-as-i-type")
    for action in submenu.actions():
        action.setChecked(action.data() == WORDS)
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    settle(300)
    menu.setActiveAction(submenu.menuAction())
    QTest.keyClick(menu, Qt.Key.Key_Right)  # opens the submenu, as the keyboard does
    settle(300)
    submenu.setActiveAction(next(a for a in submenu.actions() if a.data() == WORDS))
    settle(300)
    QApplication.primaryScreen().grabWindow(0).save(str(out))
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    submenu.hide()
    menu.hide()
    window.typing_echo.set_mode("off")
    panel.set_text("")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "main-window.png")
