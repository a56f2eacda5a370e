"""More scenes for the screen-reader tests: the windows a teacher opens from the menus
that tests/accessibility/show_for_reader.py does not show.

    python -m tests.accessibility.show_windows_for_reader editor
    python -m tests.accessibility.show_windows_for_reader tools

It runs like show_for_reader.py (the same commands and replies):

- "editor": Tools › Check and edit this lesson…, the lesson editor with the
  checker beside it, on its Lesson text tab, on its Lesson details tab, and
  with a message under the text and a key word listed twice;
- "tools": Practice › My reflection log… (empty, then with two records and a
  message), trainer mode on each of its steps, the live captions' history
  after Save as text… (a message beside the button), and the live captions with
  their note that they are running behind.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.accessibility import show_for_reader as shown

EDITOR_MESSAGE = "Line 4: a table row has a cell too many."


def editor_scene() -> shown.Scene:
    """The lesson editor as the main window opens it, on the lesson shown there."""
    from app.practice.editor_window import DISCARD
    from widgets.key_words_table import WORD

    scene = shown.Scene()
    window = shown._main_window()
    scene.keep.append(window)
    opened = window.open_lesson_editor()
    opened.ask_unsaved_changes = lambda: DISCARD  # nobody is there to answer
    scene.keep.append(opened)
    editor = opened.editor

    def tab(index: int):
        def state() -> QWidget:
            editor.pages.setCurrentIndex(index)
            return opened
        return state

    table = editor.pages.details.key_words.table
    second = table.item(1, WORD).text()

    def word_twice(twice: bool = True) -> None:
        table.item(1, WORD).setText(table.item(0, WORD).text() if twice else second)

    def with_messages() -> QWidget:
        editor.pages.setCurrentIndex(1)
        editor.show_message(EDITOR_MESSAGE, "error")
        word_twice()
        return opened

    scene.states = {"lesson text": tab(0), "lesson details": tab(1),
                    "with messages": with_messages}

    def announcements() -> list[dict]:
        editor.pages.setCurrentIndex(1)
        editor.show_message(EDITOR_MESSAGE, "error")
        said = [{"text": f"Problem: {EDITOR_MESSAGE}", "assertive": True}]
        word_twice(False)  # each key word once again, so the note comes anew
        word_twice()
        said.append({"text": editor.pages.details.key_words.note.text(), "assertive": False})
        return said

    scene.announcements = announcements
    return scene


def tools_scene() -> shown.Scene:
    """The reflection log, trainer mode and the caption history, one at a time."""
    from app.practice.reflection_log_window import ReflectionLogWindow
    from app.practice.trainer_view import TrainerView, demonstration_content
    from lessons.reflection import ReflectionStore
    from lessons.scenarios import builtin_scenarios
    from tests.lessons.reflection_helpers import AISHA, MAYA, make_session
    from widgets.caption_settings import CaptionSettings
    from widgets.captions_window import CaptionsWindow

    scene = shown.Scene()
    store = ReflectionStore()  # in the scene's own data folder (LESSON_LAB_DATA)
    log = ReflectionLogWindow(None, store)
    log.open_folder_url = lambda _url: False  # no file manager: the log says where
    trainer = TrainerView(demonstration_content(builtin_scenarios()[0]))
    trainer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    captions = CaptionsWindow(CaptionSettings(placement="bottom"))
    captions.add_final("The river flows down the mountain towards the sea.")
    scene.keep += [log, trainer, captions]

    def only(window: QWidget) -> QWidget:
        for other in (log, trainer, captions, captions.history):
            if other is not window:
                other.hide()
        window.show()
        return window

    def empty_log() -> QWidget:
        return only(log)

    def records() -> QWidget:
        if not log.sessions():
            store.save(make_session(MAYA))
            store.save(make_session(AISHA))
            log.reload()
        only(log)
        log.open_folder()
        return log

    def step(index: int):
        def state() -> QWidget:
            only(trainer)
            trainer.go_to(index)
            return trainer
        return state

    def history() -> QWidget:
        only(captions)
        captions.show_history()
        captions.history.ask_save_path = lambda: None  # the teacher cancels the save box
        captions.history.save()
        return captions.history

    def running_behind() -> QWidget:
        only(captions)
        captions.set_running_behind(True)  # the boxed note under the lines
        return captions

    scene.states = {"empty reflection log": empty_log, "reflection log": records,
                    **{f"trainer step {n + 1}": step(n) for n in range(trainer.step_count())},
                    "caption history": history, "captions running behind": running_behind}

    def announcements() -> list[dict]:
        only(log)
        log.open_folder()
        said = [{"text": log.status.text(), "assertive": False}]
        log.save("one", "docx", path=store.folder / "gone" / "record.docx")  # no such folder
        while log.is_saving():  # written on a worker thread
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        said.append({"text": log.status.text(), "assertive": True})
        only(captions)
        captions.show_history()
        captions.history.clear_history()
        captions.history.save()
        said.append({"text": "There are no captions to save yet.", "assertive": False})
        return said

    scene.announcements = announcements
    return scene


shown.SCENES["editor"] = editor_scene
shown.SCENES["tools"] = tools_scene

if __name__ == "__main__":
    sys.exit(shown.main(sys.argv[1:]))
