"""The "values" scene for the screen-reader tests: labels whose words are the information.

    python -m tests.accessibility.show_values_for_reader values

It runs like tests/accessibility/show_for_reader.py (the same commands and
replies) with one more scene: the profile editor, where the contrast results
and their verdict must reach a reader, and the dictation panel and line,
whose speech model and state must. Colours are typed key by key, as a
teacher types them.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.accessibility import show_for_reader as shown

LOW_CONTRAST = "#aaaaaa"
GOOD_CONTRAST = "#111111"
TYPING_TIMEOUT_S = 30  # a hang guard, not a timing


def _type_colour(editor, colour: str) -> None:
    """Type ``colour`` into the text colour's hex field, and wait until it is there.

    With a reader's keyboard listener registered, Qt's AT-SPI bridge holds each
    key until the registry answers, so the keys arrive a little later."""
    from PySide6.QtTest import QTest

    field = editor.form.colour_fields["text"].hex
    field.selectAll()
    QTest.keyClicks(field, colour)
    deadline = time.monotonic() + TYPING_TIMEOUT_S
    while field.text() != colour and time.monotonic() < deadline:
        QTest.qWait(20)
    if field.text() != colour:
        raise RuntimeError(f"typed {colour!r} but the field shows {field.text()!r}")


def values_scene() -> shown.Scene:
    """The profile editor as it opens and with a low-contrast text colour typed; the
    dictation panel and the lesson editor's dictation line, with a speech model."""
    from lessons.presets import get_preset
    from widgets.dictation_line import DictationLine
    from widgets.dictation_panel import DictationPanel
    from widgets.profile_editor import ProfileEditor

    scene = shown.Scene()
    editors: list[ProfileEditor] = []

    def opened() -> ProfileEditor:
        # A new editor each time, so the focus is where opening the editor puts it.
        for old in editors:
            old.confirm = lambda _question: True
            old.close()
        editor = ProfileEditor(get_preset("Standard"))
        editor.confirm = lambda _question: True  # nobody is there to answer
        editor.show()
        editors.append(editor)
        return editor

    def low_contrast() -> ProfileEditor:
        editor = opened()
        _type_colour(editor, LOW_CONTRAST)
        return editor

    dictation = QWidget()
    dictation.setAccessibleName("Dictation test window")
    panel = DictationPanel()
    panel.set_engine_name("English, built in")
    line = DictationLine()
    column = QVBoxLayout(dictation)
    column.addWidget(panel)
    column.addWidget(line)
    scene.keep.append(dictation)

    def dictating() -> QWidget:
        dictation.show()
        line.set_listening(True)
        return dictation

    scene.states = {"profile editor": opened, "low contrast": low_contrast,
                    "dictation": dictating}

    def announcements() -> list[dict]:
        editor = opened()
        said = []
        _type_colour(editor, LOW_CONTRAST)
        said.append({"text": editor.contrast_warning(), "assertive": False})
        _type_colour(editor, GOOD_CONTRAST)
        said.append({"text": "Contrast is good again: " + editor.warning.text(),
                     "assertive": False})
        dictation.show()
        line.set_listening(False)
        line.set_listening(True)
        said.append({"text": line.state.text(), "assertive": False})
        return said

    scene.announcements = announcements
    return scene


shown.SCENES["values"] = values_scene

if __name__ == "__main__":
    sys.exit(shown.main(sys.argv[1:]))
