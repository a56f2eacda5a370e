"""Speech models named for teachers: "English (UK), small", with the file name beside it.

Fails on the old code: the table showed "vosk-model-small-en-us-0.15" and
listed English (US) before English (UK).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import models
from app.model_manager import ModelManager
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog
from widgets.model_table import COLUMNS, ENGINE_COLUMN, MODEL_COLUMN

UK = "vosk-model-small-en-gb-0.15"
US = "vosk-model-small-en-us-0.15"
WAIT_MS = 30_000  # generous: the machine is shared; no test depends on speed


@pytest.fixture
def dialog(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    made = ModelManagerDialog()
    qtbot.addWidget(made)
    made.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    # No downloads here: the base address is never asked for.
    controller = ModelManager(made, base_url="http://127.0.0.1:9/models", root=Path(root))
    made.show()
    qtbot.waitExposed(made)
    qtbot.waitUntil(lambda: made.row(UK) is not None, timeout=WAIT_MS)
    yield made
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)


def test_catalogue_names_read_as_a_teacher_would_say_them() -> None:
    uk = models.find_entry(UK)
    assert uk.display_name == "English (UK), small"
    assert uk.display_name_with_size == "English (UK), small — 43 MB"
    assert models.find_entry("vosk-model-en-us-0.22").display_name == "English (US), large"
    assert models.find_entry("whisper-tiny.en").display_name == "English, built in"


def test_english_uk_comes_before_every_other_english_download() -> None:
    english = [e.language_name for e in models.downloadable() if e.language.startswith("en")]
    assert english[0] == "English (UK)"


def test_the_table_shows_friendly_names_with_the_file_name_in_the_tooltip(dialog) -> None:
    table = dialog.table_model
    shown = [table.index(i, MODEL_COLUMN).data() for i in range(table.rowCount())]
    assert "English (UK), small" in shown and UK not in shown
    assert shown.index("English (UK), small") < shown.index("English (US), small")
    position = table.position_of(UK)
    index = table.index(position, MODEL_COLUMN)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "English (UK), small"
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(f"{UK}\n")


def test_the_details_give_the_name_size_and_file_name(dialog) -> None:
    assert dialog.select(UK)
    assert dialog.details_title.text() == "English (UK), small — 43 MB"
    assert dialog.details_file.isVisible()
    assert dialog.details_file.text() == f"File name: {UK}"
    assert dialog.details_file.toolTip() == "Speech engine: Vosk"


def test_the_window_says_how_each_model_writes_not_its_engine(dialog) -> None:
    # The usability review: an "Engine" column of "Whisper" and "Vosk", and
    # "Whisper model: whisper-tiny.en" under the built-in model, meant nothing to
    # a teacher. The engine's name is kept in tooltips for whoever helps.
    table = dialog.table_model
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers == ["Model", "Language", "How it writes", "Size", "Status", "Progress"]
    built_in = table.index(table.position_of("whisper-tiny.en"), ENGINE_COLUMN)
    uk = table.index(table.position_of(UK), ENGINE_COLUMN)
    assert built_in.data() == "Phrase by phrase" and uk.data() == "Word by word"
    assert uk.data(Qt.ItemDataRole.ToolTipRole) == "Word by word (speech engine: Vosk)"
    assert dialog.select("whisper-tiny.en")
    assert dialog.details_file.text() == "File name: whisper-tiny.en"
    shown = [dialog.details_title.text(), dialog.details_file.text(),
             dialog.details_accuracy.text(), dialog.details_status.text()]
    shown += [table.index(row, column).data() for row in range(table.rowCount())
              for column in range(len(COLUMNS))]
    shown += headers
    assert not [text for text in shown if re.search(r"whisper|vosk", text or "", re.I)
                and text not in ("whisper-tiny.en", "File name: whisper-tiny.en")
                and not re.fullmatch(r"(File name: )?vosk-model[\w.-]*", text or "")]


def test_the_model_in_use_is_named_for_teachers(dialog) -> None:
    assert dialog.in_use_text() == (
        "Dictation and captions use: English, built in (chosen automatically)")
