"""The app's side of the screen-reader tests: a part of Lesson Lab, shown on the real bus.

    python -m tests.accessibility.show_for_reader SCENE

run from the repository's root under the project's venv, on an X display
(the xcb platform: offscreen has no accessibility bridge) with the D-Bus
session of tests/accessibility/conftest.py and
``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``. SCENE is a key of ``SCENES``; each
scene makes its windows as the app makes them.

It prints one JSON line per event to stdout and reads one command per line
from stdin:

    (at start)        {"ready": PID, "states": [...]}
    state NAME        put the scene in that state (a dialog open, a tab shown,
                      interface size 200%...) and print {"state": NAME, "window":
                      the accessible name of the window to check, "widgets":
                      [...]}; ``widgets`` is Qt's own account of that window's
                      shown controls ({"kind", "name", "checkable", "checked",
                      "class", "text"}), which the test compares with what
                      reached the bus
    announce          make the scene's real announcements, then print
                      {"announced": [{"text", "assertive"}, ...]}
    check TEXT        announce TEXT (the test's own message, to know that a
                      listener is heard), then print {"checked": TEXT}
    quit              (or the end of stdin) close and exit 0

Any exception is printed as {"error": "..."} and the command is over.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QTreeView,
    QWidget,
)

SETTLE_MS = 300  # of the event loop after a change, before the test is told
TEXT_CHARS = 200  # of a text area's text, for the test to find on the bus


def emit(**record: object) -> None:
    """One JSON line to the test."""
    print(json.dumps(record), flush=True)


# ----- Qt's own account of the controls ---------------------------------------------------


def kind_of(widget: QWidget) -> str | None:
    """What sort of control ``widget`` is, as the test names it; None for anything else."""
    parent = widget.parentWidget()
    if isinstance(widget, QCheckBox):
        return "check box"
    if isinstance(widget, QRadioButton):
        return "radio button"
    if isinstance(widget, QAbstractButton):
        return "toggle" if widget.isCheckable() else "button"
    if isinstance(widget, QComboBox):
        return "combo box"
    if isinstance(widget, QAbstractSpinBox):
        return "spin box"
    if isinstance(widget, QScrollBar):
        return None  # part of a scrolling area, named by it
    if isinstance(widget, QAbstractSlider):
        return "slider"
    if isinstance(widget, QLineEdit):
        # The editing part of a spin box or an editable combo box belongs to it.
        return None if isinstance(parent, (QAbstractSpinBox, QComboBox)) else "text field"
    if isinstance(widget, QTextBrowser):
        return "text browser"
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return "text area"
    if isinstance(widget, QAbstractItemView):
        if isinstance(parent, QComboBox) or (parent and isinstance(parent.parentWidget(),
                                                                   QComboBox)):
            return None  # a combo box's pop-up list
        if isinstance(widget, QTreeView):
            return "tree"
        if isinstance(widget, QTableView):
            return "table"
        return "list"
    if isinstance(widget, QTabBar):
        return "tab bar"
    return None


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def controls_of(window: QWidget) -> list[dict]:
    """Every shown control in ``window``, as Qt itself describes it."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        kind = kind_of(widget)
        if kind is None:
            continue
        checkable = isinstance(widget, QAbstractButton) and widget.isCheckable()
        text = widget.toPlainText() if isinstance(widget, (QTextEdit, QPlainTextEdit)) else ""
        found.append({"kind": kind, "name": accessible_name(widget), "checkable": checkable,
                      "checked": checkable and widget.isChecked(),
                      "class": type(widget).__name__, "text": text[:TEXT_CHARS]})
    return found


def labels_of(window: QWidget) -> list[dict]:
    """Every shown label in ``window`` with words in it, as Qt has it: what a sighted
    user reads there ("text", plain, the Alt letter's & taken out) and its accessible
    name, for the test to find those words on the bus."""
    from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in Qt GUI
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.window() is not window:
            continue
        text = label.text()
        if label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
            document = QTextDocument()
            document.setHtml(text)
            text = document.toPlainText()
        elif label.buddy() is not None:
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = " ".join(text.split())
        if text:
            found.append({"text": text[:TEXT_CHARS], "name": accessible_name(label),
                          "class": type(label).__name__})
    return found


# ----- scenes ---------------------------------------------------------------------------


class Scene:
    """Windows to show, the states they can be put in and what they announce."""

    def __init__(self) -> None:
        self.states: dict[str, Callable[[], QWidget]] = {}
        self.announcements: Callable[[], list[dict]] = lambda: []
        self.keep: list[QObject] = []  # windows and controllers kept alive


def _main_window():
    """The main window as the app opens it, with the library listed and the speech
    controllers attached (their menus, tool bars and message bar are part of it)."""
    from app.controllers import attach_controllers
    from app.gui import make_window

    app = QApplication.instance()
    window = make_window(app, background=False)
    window.refresh_library()
    attach_controllers(window)
    return window


def main_scene() -> Scene:
    """The main window with the simulations dock open."""
    scene = Scene()
    window = _main_window()
    window.show_simulations(True)
    scene.keep.append(window)
    size, docks = window.size(), window.saveState()

    def as_opened() -> QWidget:
        window.dictation_panel.set_listening(False)
        window.dictation_panel.set_text("")
        window.show_side_by_side(False)
        window.set_ui_scale(1.0, remember=False)
        window.resize(size)
        window.restoreState(docks)
        window.library.search.clear()
        window.dictation_panel.message_bar.dismiss()
        window.read_aloud_message.dismiss()
        return window

    def large() -> QWidget:
        # Interface size 200%: the tool bars run out of room and show their » button.
        window.set_ui_scale(2.0, remember=False)
        return window

    def messages() -> QWidget:
        as_opened()
        window.library.search.setText("no lesson is called this")  # its clear button shows
        window.dictation_panel.message_bar.show_message(
            "Your dictation from last time was kept.", "info", "Bring it back", lambda: None)
        window.read_aloud_message.show_message("Read aloud: no voice was found.", "error")
        return window

    def side_by_side() -> QWidget:
        as_opened()
        window.show_side_by_side(True)
        return window

    def dictating() -> QWidget:
        # The dictation panel as the controller drives it while a pupil speaks.
        as_opened()
        panel = window.dictation_panel
        panel.set_listening(True)
        panel.set_level(-18.0)
        panel.set_text("The water cycle shows how water moves.")
        panel.show_partial("between the sea")
        return window

    scene.states = {"as opened": as_opened, "interface size 200%": large,
                    "with messages": messages, "side by side": side_by_side,
                    "dictating": dictating}

    def announcements() -> list[dict]:
        as_opened()
        said = []
        window.library.search.setText("no lesson is called this")
        said.append({"text": window.library.empty_label.text(), "assertive": False})
        window.dictation_panel.show_message("Saved as lesson notes.txt.", "info")
        said.append({"text": "Saved as lesson notes.txt.", "assertive": False})
        window.dictation_panel.show_message("The microphone was unplugged.", "error")
        said.append({"text": "The microphone was unplugged.", "assertive": True})
        window.set_ruler_shown(True)  # View > Reading ruler: the status bar says so
        said.append({"text": window.statusBar().currentMessage(), "assertive": False})
        window.set_ruler_shown(False)
        said.append({"text": window.statusBar().currentMessage(), "assertive": False})
        return said

    scene.announcements = announcements
    return scene


def dialogs_scene() -> Scene:
    """The windows the main window opens, one at a time: speech models, shortcuts, About,
    the profile editor (the app's preferences for how a lesson looks), the welcome, a
    key word's definition and the projector."""
    scene = Scene()
    window = _main_window()
    scene.keep.append(window)
    opened: list[QWidget] = []

    def showing(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def state() -> QWidget:
            for dialog in opened:
                dialog.hide()
            dialog = make()
            dialog.show()
            opened.append(dialog)
            return dialog
        return state

    scene.states = {
        "speech models": showing(window.open_model_manager),
        "keyboard shortcuts": showing(window.show_shortcuts),
        "about": showing(window.show_about),
        "profile editor": showing(window.edit_profile),
        "welcome": showing(lambda: window.show_welcome(window.speech_report)),
        "key word definition": showing(lambda: window.view.show_definition(
            window.lesson.vocabulary[0].word, window.lesson.vocabulary[0].definition)),
        "projector": showing(window.start_projector),
    }

    def announcements() -> list[dict]:
        dialog = scene.states["speech models"]()
        dialog.show_message("The model was imported and checked.")
        dialog.show_error("That zip file does not hold a speech model.")
        return [{"text": "The model was imported and checked.", "assertive": False},
                {"text": "That zip file does not hold a speech model.", "assertive": True}]

    scene.announcements = announcements
    return scene


def practice_scene() -> Scene:
    """Practice mode: the list of pupils, then each of the three steps of a scenario."""
    from app.practice import open_practice
    from app.practice.practice_window import TAB_ADAPT, TAB_REFLECT, TAB_SIMULATE
    from lessons.scenarios import builtin_scenarios

    scene = Scene()
    window = open_practice(None)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.ask_save_before_closing = lambda: "discard"  # nobody is there to answer
    scene.keep.append(window)
    scenario = builtin_scenarios()[0]

    def chooser() -> QWidget:
        window.show_chooser()
        return window

    def step(tab: int) -> Callable[[], QWidget]:
        def state() -> QWidget:
            if window.scenario() is None or window.pages.currentIndex() == 0:
                window.start_scenario(scenario)
            window.tabs.setCurrentIndex(tab)
            return window
        return state

    scene.states = {"pupils": chooser, "adapt": step(TAB_ADAPT),
                    "see it as a pupil might": step(TAB_SIMULATE), "reflect": step(TAB_REFLECT)}

    def announcements() -> list[dict]:
        step(TAB_ADAPT)()
        window.checker.show_message("That fix could not be made here.", "error")
        said = [{"text": "Problem: That fix could not be made here.", "assertive": True}]
        window.editor.show_message("Line 4: a table row has a cell too many.", "error")
        said.append({"text": window.editor.status.text(), "assertive": True})
        window.show_message("Saved to your reflection log.", "info")  # under step 3
        said.append({"text": "Saved to your reflection log.", "assertive": False})
        return said

    scene.announcements = announcements
    return scene


def captions_scene() -> Scene:
    """The live captions window as the captions controller makes it, listening."""
    from app.controllers import saved_caption_settings
    from app.settings import AppSettings
    from widgets.captions_window import CaptionsWindow

    scene = Scene()
    captions = CaptionsWindow(saved_caption_settings(AppSettings()))
    captions.show()
    scene.keep.append(captions)

    def listening() -> QWidget:
        captions.set_listening(True)
        captions.add_final("The river flows down the mountain towards the sea.")
        return captions

    def history() -> QWidget:
        listening()
        captions.show_history()
        return captions.history

    scene.states = {"listening": listening, "with history": history}

    def announcements() -> list[dict]:
        captions.set_listening(False)
        captions.set_listening(True)
        said = [{"text": captions.notice() or captions.accessibleDescription(),
                 "assertive": False}]
        captions.add_final("Look at the diagram.")
        said.append({"text": "Look at the diagram.", "assertive": False})
        return said

    scene.announcements = announcements
    return scene


SCENES: dict[str, Callable[[], Scene]] = {
    "main": main_scene, "dialogs": dialogs_scene, "practice": practice_scene,
    "captions": captions_scene,
}


# ----- the command loop -----------------------------------------------------------------


class Commands(QObject):
    """Lines from stdin, read on a thread, delivered on the GUI thread."""

    line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True, name="commands").start()

    def _read(self) -> None:
        for text in sys.stdin:
            self.line.emit(text.strip())
        self.line.emit("quit")


def run(scene: Scene, command: str) -> None:
    """Carry out one command from the test; the answer follows once the loop has settled."""
    word, _, argument = command.partition(" ")
    if word == "state":
        window = scene.states[argument]()
        window.raise_()
        window.activateWindow()
        later(lambda: emit(state=argument, window=accessible_name(window) or window.windowTitle(),
                           widgets=controls_of(window), labels=labels_of(window)))
    elif word == "announce":
        said = scene.announcements()
        later(lambda: emit(announced=said))
    elif word == "check":
        from widgets.announce import announce

        announce(QApplication.activeWindow() or scene.keep[0], argument)
        emit(checked=argument)
    else:
        emit(error=f"unknown command {command!r}")


def later(answer: Callable[[], None]) -> None:
    """Answer after ``SETTLE_MS`` of the event loop: layouts, deferred deletions (a dock
    tab bar Qt no longer needs) and the accessibility bridge have caught up by then."""
    def reply() -> None:
        try:
            answer()
        except Exception:  # noqa: BLE001 - tell the test what broke
            emit(error=traceback.format_exc())

    QTimer.singleShot(SETTLE_MS, reply)


def close(scene: Scene) -> None:
    """Close the scene's windows as at the bell: nobody answers "Save your dictation?"."""
    from app.dictation_unsaved import close_without_asking
    from app.main_window import MainWindow

    for window in scene.keep:
        if isinstance(window, MainWindow):
            close_without_asking(window)
        elif isinstance(window, QWidget):
            window.close()


def main(argv: list[str]) -> int:
    app = QApplication([sys.argv[0]])
    scene = SCENES[argv[0]]()
    commands = Commands()

    def on_line(text: str) -> None:
        if text in ("quit", ""):
            close(scene)
            app.quit()
            return
        try:
            run(scene, text)
        except Exception:  # noqa: BLE001 - tell the test what broke
            emit(error=traceback.format_exc())

    commands.line.connect(on_line)
    later(lambda: (emit(ready=os.getpid(), states=list(scene.states)), commands.start()))
    code = app.exec()
    from app.shutdown import finish

    return finish(code)  # waits for the speech controllers' threads, as the app does


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
