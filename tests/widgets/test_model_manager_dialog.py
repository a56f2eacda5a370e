"""The model manager dialog on its own: rows in, intents out, questions answered by the test."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from widgets.model_manager_dialog import (
    CANCEL_DOWNLOADS,
    GO_BACK,
    KEEP_DOWNLOADING,
    ModelManagerDialog,
    ModelRow,
    RowProgress,
)
from widgets.model_table import PROGRESS_COLUMN, STATUS_COLUMN

BUNDLED = ModelRow(
    "whisper-tiny.en", "Whisper", "English", "78 MB", "Comes with the app.",
    "Installed with the app", installed=True, can_remove=False,
)
INSTALLED = ModelRow(
    "vosk-model-small-fr-0.22", "Vosk", "French", "42 MB", "Small French model.",
    "Installed", installed=True, can_remove=True,
)
AVAILABLE = ModelRow(
    "vosk-model-small-en-gb-0.15", "Vosk", "English (UK)", "43 MB", "British English.",
    "Not installed", downloadable=True,
)
PAUSED = ModelRow(
    "vosk-model-small-pl-0.22", "Vosk", "Polish", "53 MB", "Polish.",
    "Paused at 12 MB of 53 MB: choose Resume to carry on", downloadable=True,
    resumable=True, can_remove=True, progress=RowProgress(22, "Paused: 12 MB of 53 MB downloaded"),
)


def _downloading(percent: int) -> ModelRow:
    text = f"Downloading: {percent}%, {percent * 43 // 100} MB of 43 MB at 1.2 MB/s"
    return ModelRow(
        AVAILABLE.name, "Vosk", "English (UK)", "43 MB", "British English.", text,
        downloadable=True, busy=True, progress=RowProgress(percent, text),
    )


@pytest.fixture
def dialog(qtbot) -> ModelManagerDialog:
    shown = ModelManagerDialog()
    qtbot.addWidget(shown)
    # qtbot closes the dialog after each test: never let that open a real question.
    shown.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    shown.set_rows([BUNDLED, INSTALLED, AVAILABLE, PAUSED])
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _cell(dialog: ModelManagerDialog, name: str, column: int) -> str:
    model = dialog.table_model
    return model.index(model.position_of(name), column).data()


def test_rows_show_words_for_every_state(dialog):
    assert [row.name for row in dialog.rows()] == [
        BUNDLED.name, INSTALLED.name, AVAILABLE.name, PAUSED.name
    ]
    assert _cell(dialog, BUNDLED.name, STATUS_COLUMN) == "Installed with the app"
    assert _cell(dialog, PAUSED.name, STATUS_COLUMN).endswith("choose Resume to carry on")
    assert _cell(dialog, PAUSED.name, PROGRESS_COLUMN) == "22%"
    assert _cell(dialog, AVAILABLE.name, PROGRESS_COLUMN) == ""
    assert dialog.selected_name() == BUNDLED.name, "the first row is chosen on opening"
    assert "Comes with the app." in dialog.details_accuracy.text()


def test_progress_shows_percentage_megabytes_and_rate_in_the_row_and_the_bar(dialog):
    dialog.select(AVAILABLE.name)
    dialog.update_row(_downloading(45))
    assert _cell(dialog, AVAILABLE.name, PROGRESS_COLUMN) == "45%"
    status = _cell(dialog, AVAILABLE.name, STATUS_COLUMN)
    assert "45%" in status and "19 MB of 43 MB" in status and "1.2 MB/s" in status
    assert dialog.progress_bar.isVisible() and dialog.progress_bar.value() == 45
    assert dialog.details_status.text() == f"Status: {status}"
    assert dialog.selected_name() == AVAILABLE.name, "an update keeps the choice"
    assert dialog.cancel_button.isEnabled() and not dialog.download_button.isEnabled()
    dialog.update_row(AVAILABLE)
    assert not dialog.progress_bar.isVisible()


def test_download_and_resume_buttons_send_the_chosen_name(dialog, qtbot):
    dialog.select(AVAILABLE.name)
    assert dialog.download_button.text() == "&Download"
    with qtbot.waitSignal(dialog.download_requested) as sent:
        dialog.download_button.click()
    assert sent.args == [AVAILABLE.name]
    dialog.select(PAUSED.name)
    assert dialog.download_button.text() == "&Resume"
    assert dialog.download_button.accessibleName() == "Resume"
    with qtbot.waitSignal(dialog.download_requested) as sent:
        dialog.download_button.click()
    assert sent.args == [PAUSED.name]
    dialog.select(INSTALLED.name)
    assert not dialog.download_button.isEnabled()
    assert not dialog.cancel_button.isEnabled(), "nothing is running"


def test_cancel_sends_the_busy_rows_name(dialog, qtbot):
    dialog.update_row(_downloading(10))
    dialog.select(AVAILABLE.name)
    with qtbot.waitSignal(dialog.cancel_requested) as sent:
        dialog.cancel_button.click()
    assert sent.args == [AVAILABLE.name]


def test_remove_asks_first_and_only_sends_after_yes(dialog, qtbot):
    asked: list[str] = []
    answers = [False, True]
    dialog.ask_confirm = lambda text: (asked.append(text), answers.pop(0))[1]
    sent: list[str] = []
    dialog.remove_requested.connect(sent.append)
    dialog.select(INSTALLED.name)
    dialog.remove_button.click()
    assert sent == [] and "vosk-model-small-fr-0.22" in asked[0] and "42 MB" in asked[0]
    dialog.remove_button.click()
    assert sent == [INSTALLED.name]


def test_the_model_installed_with_the_app_cannot_be_removed(dialog, qtbot):
    dialog.ask_confirm = lambda text: pytest.fail("must not even ask")
    dialog.select(BUNDLED.name)
    assert not dialog.remove_button.isEnabled()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.row(BUNDLED.name) == BUNDLED


def test_delete_key_removes_a_partial_download_after_asking(dialog, qtbot):
    asked: list[str] = []
    dialog.ask_confirm = lambda text: asked.append(text) or True
    dialog.select(PAUSED.name)
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.remove_requested) as sent:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert sent.args == [PAUSED.name]
    assert "start again from the beginning" in asked[0]


def test_import_asks_for_a_path_and_sends_it(dialog, qtbot):
    kinds: list[str] = []
    answers = [None, "/media/usb/vosk-model-small-de-0.15.zip", "/media/usb/model-folder"]
    dialog.ask_import_path = lambda kind: (kinds.append(kind), answers.pop(0))[1]
    sent: list[str] = []
    dialog.import_requested.connect(sent.append)
    dialog.import_zip_button.click()  # the user cancelled the file dialog
    dialog.import_zip_button.click()
    dialog.import_folder_button.click()
    assert kinds == ["zip", "zip", "folder"]
    assert sent == ["/media/usb/vosk-model-small-de-0.15.zip", "/media/usb/model-folder"]


def test_verify_sends_an_installed_models_name(dialog, qtbot):
    dialog.select(AVAILABLE.name)
    assert not dialog.verify_button.isEnabled()
    dialog.select(INSTALLED.name)
    with qtbot.waitSignal(dialog.verify_requested) as sent:
        dialog.verify_button.click()
    assert sent.args == [INSTALLED.name]


def test_keyboard_only_choose_a_row_and_download_it(dialog, qtbot):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.table.hasFocus())
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected_name() == AVAILABLE.name
    with qtbot.waitSignal(dialog.download_requested) as sent:
        qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert sent.args == [AVAILABLE.name]


def test_every_button_has_its_own_mnemonic_and_an_accessible_name(dialog):
    keys = []
    for button in dialog.findChildren(QPushButton):
        match = re.search(r"&(\w)", button.text())
        assert match, f"{button.text()!r} has no mnemonic"
        keys.append(match.group(1).lower())
        assert button.accessibleName() and "&" not in button.accessibleName()
    assert len(keys) == len(set(keys)), keys
    assert dialog.table.accessibleName() == "Speech models"
    assert dialog.progress_bar.accessibleName()


def test_errors_are_written_out_with_an_icon(dialog):
    dialog.show_error("The model file was not found at http://127.0.0.1/x.zip.")
    assert dialog.message_text() == "The model file was not found at http://127.0.0.1/x.zip."
    assert not dialog.message_icon.pixmap().isNull(), "an icon as well as the words"


def test_closing_with_nothing_running_does_not_ask(dialog):
    dialog.ask_close_during_download = lambda count: pytest.fail("nothing to ask about")
    dialog.close_button.click()
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("answer", "still_open", "cancelled"),
    [(GO_BACK, True, []), (KEEP_DOWNLOADING, False, []),
     (CANCEL_DOWNLOADS, False, [AVAILABLE.name])],
)
def test_closing_during_a_download_asks_what_to_do(dialog, qtbot, answer, still_open, cancelled):
    dialog.update_row(_downloading(30))
    counts: list[int] = []
    dialog.ask_close_during_download = lambda count: counts.append(count) or answer
    sent: list[str] = []
    dialog.cancel_requested.connect(sent.append)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert counts == [1]
    assert dialog.isVisible() == still_open
    assert sent == cancelled


def test_new_rows_keep_the_chosen_model_chosen(dialog):
    dialog.select(PAUSED.name)
    dialog.set_rows([AVAILABLE, PAUSED])
    assert dialog.selected_name() == PAUSED.name
    dialog.set_rows([BUNDLED])
    assert dialog.selected_name() == BUNDLED.name


def test_the_progress_cell_fills_from_the_left_with_the_percentage_beside_it(dialog):
    half = ModelRow(
        AVAILABLE.name, "Vosk", "English (UK)", "43 MB", "British English.",
        "Downloading: 50%", downloadable=True, busy=True,
        progress=RowProgress(50, "Downloading: 50%"),
    )
    dialog.update_row(half)
    dialog.select(BUNDLED.name)  # so the cell is drawn unselected
    index = dialog.table_model.index(dialog.table_model.position_of(AVAILABLE.name),
                                     PROGRESS_COLUMN)
    cell = dialog.table.visualRect(index)
    image = dialog.table.viewport().grab(cell).toImage()
    middle = image.height() // 2
    # The bar takes the left part of the cell, the words the right; sample the bar only.
    bar_width = image.width() - dialog.table.fontMetrics().horizontalAdvance("100%") - 16
    filled = image.pixelColor(int(bar_width * 0.15), middle)
    empty = image.pixelColor(int(bar_width * 0.85), middle)
    assert filled != empty, "the left of a half-done bar differs from its right"
    assert filled.lightness() < empty.lightness()


@pytest.mark.parametrize(
    ("button", "answer"),
    [("Keep downloading", KEEP_DOWNLOADING), ("Cancel the download", CANCEL_DOWNLOADS),
     ("Go back", GO_BACK)],
)
def test_the_real_close_question_offers_three_plain_choices(qtbot, button, answer):
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        for choice in box.findChildren(QPushButton):
            if choice.text().replace("&", "") == button:
                choice.click()

    QTimer.singleShot(0, press)
    assert dialog.ask_close_during_download(2) == answer
    assert seen == ["2 downloads are still running."]


def test_use_for_dictation_is_offered_only_for_a_usable_model_not_already_chosen(dialog, qtbot):
    chosen = ModelRow(
        INSTALLED.name, "Vosk", "French", "42 MB", "Small French model.",
        "Installed; in use for dictation and captions", installed=True, can_remove=True,
        in_use=True,
    )
    automatic = ModelRow(
        BUNDLED.name, "Whisper", "English", "78 MB", "Comes with the app.",
        "Installed with the app; in use for dictation and captions (chosen automatically)",
        installed=True, in_use=True, automatic=True,
    )
    broken = ModelRow(
        "vosk-model-small-de-0.15", "Vosk", "German", "40 MB", "German.",
        "Not usable: missing conf/model.conf", installed=True, can_remove=True, broken=True,
    )
    dialog.set_rows([automatic, chosen, broken, AVAILABLE])
    dialog.set_in_use("Dictation and captions use: vosk-model-small-fr-0.22", automatic=False)
    assert dialog.in_use_text() == "Dictation and captions use: vosk-model-small-fr-0.22"
    assert dialog.in_use.accessibleName() == dialog.in_use_text()  # the words, not a label
    for name, offered in ((automatic.name, True), (chosen.name, False), (broken.name, False),
                          (AVAILABLE.name, False)):
        dialog.select(name)
        assert dialog.use_button.isEnabled() is offered, name
    assert "in use for dictation" in _cell(dialog, chosen.name, STATUS_COLUMN)
    assert dialog.table_model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    dialog.select(automatic.name)
    with qtbot.waitSignal(dialog.use_requested) as sent:
        dialog.use_button.click()
    assert sent.args == [automatic.name]
    assert dialog.automatic_button.isEnabled()
    with qtbot.waitSignal(dialog.automatic_requested):
        dialog.automatic_button.click()
    dialog.set_in_use("Dictation and captions choose a speech model for themselves.", True)
    assert not dialog.automatic_button.isEnabled()
