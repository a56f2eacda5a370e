"""Speech models: the labels that show a model's details are heard as what they show.

Over AT-SPI a QLabel has no text of its own: a screen reader hears only its
accessible name. A fixed name ("How well it works") hid the words on screen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAccessible

from widgets.model_manager_dialog import ModelManagerDialog, ModelRow

ROW = ModelRow("vosk-model-small-en-gb-0.15", "Vosk", "English (UK)", "43 MB",
               "Good for clear speech in a quiet room.", "Installed", installed=True,
               can_remove=True, label="English (UK), small")


def _heard(label) -> str:
    return QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)


def test_the_chosen_models_details_are_heard_as_shown(qtbot):
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    dialog.set_rows([ROW])
    dialog.set_in_use("Dictation and captions use: vosk-model-small-en-gb-0.15", False)
    dialog.show_error("The model could not be checked.")
    labels = (dialog.details_title, dialog.details_file, dialog.details_accuracy,
              dialog.details_status, dialog.in_use, dialog.message)
    for label in labels:
        assert label.text(), label.objectName()
        assert _heard(label) == label.text()
    assert "English (UK), small" in _heard(dialog.details_title)
    assert "vosk-model-small-en-gb-0.15" in _heard(dialog.details_file)
    assert _heard(dialog.details_accuracy) == "Good for clear speech in a quiet room."
    assert _heard(dialog.message_icon) == "Warning"
    # A change of model is a change of what is heard.
    dialog.set_rows([replace(ROW, accuracy="Better in a noisy room.")])
    assert _heard(dialog.details_accuracy) == "Better in a noisy room."
