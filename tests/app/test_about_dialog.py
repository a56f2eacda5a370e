"""Help › About: name, version, licence, the parts it is made with, where data is kept.

Fails on the old About, one sentence in a message box with no version,
licence or folders.
"""

from __future__ import annotations

import importlib.metadata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.about import AboutDialog, app_places, app_version
from app.transcript_store import transcripts_dir
from lessons.library import user_folder
from lessons.reflection import reflections_dir
from models.paths import models_dir
from speech.stt.whisper_model import bundled_model_path
from tests.app.main_window_helpers import Opened


@pytest.fixture
def window(qtbot, tmp_path):
    made = Opened(qtbot, tmp_path)
    yield made.open()
    made.close_all()


def test_help_about_says_what_where_and_under_which_licence(qtbot, window):
    window.act.about.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, AboutDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    text = dialog.plain_text()
    assert "Lesson Lab" in text
    assert f"Version {importlib.metadata.version('lesson-lab')}" in text
    assert "Runs offline: pupils’ voices and work never leave this computer." in text
    # The real folders, as the app's own path helpers give them (the tests' temporary ones).
    for folder in (user_folder(), window.store.folder, transcripts_dir(), reflections_dir(),
                   models_dir(), bundled_model_path()):
        assert str(folder) in text, folder
    assert "MIT licence" in text
    for part in ("PySide6", "Whisper tiny.en", "faster-whisper", "Vosk", "espeak-ng",
                 "pyttsx3", "Atkinson Hyperlegible"):
        assert part in text, part
    # Selectable, by mouse and keyboard, so a folder's path can be copied.
    flags = dialog.text.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.text, "the keyboard starts in the text"
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_closes_it_too(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.close_button.isDefault()
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_places_follow_the_data_and_models_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("LESSON_LAB_MODELS", str(tmp_path / "models"))
    folders = [place.folder for place in app_places()]
    assert tmp_path / "data" / "lessons" in folders
    assert tmp_path / "data" / "transcripts" in folders
    assert tmp_path / "models" in folders


def test_version_falls_back_when_not_installed(monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert app_version().startswith("not known")
