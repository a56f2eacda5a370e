"""The main window remembers: last lesson, profile, interface size, layout; and welcomes once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui_scale import base_point_size
from tests.app.main_window_helpers import choose


def test_reopening_restores_lesson_profile_scale_and_layout(qtbot, opened):
    first = opened.open()
    choose(first, "Rivers and flooding")
    first.choose_profile("Dyslexia")
    first.set_ui_scale(1.5)
    first.dictation_dock.hide()
    QApplication.processEvents()  # the window's minimum without the dictation panel
    first.resize(first.width(), 503)  # the off-screen screen is only 800 x 600
    first.close()

    again = opened.open()
    assert again.lesson.title == "Rivers and flooding"
    assert again.library.current_entry().title == "Rivers and flooding"
    assert again.profiles.currentText() == "Dyslexia"
    assert again.view.profile().name == "Dyslexia"
    assert again.ui_scale == 1.5
    assert QApplication.font().pointSizeF() == pytest.approx(base_point_size() * 1.5)
    assert again.dictation_dock.isHidden()
    assert again.library_dock.isVisible()
    assert again.height() == 503


def test_a_lesson_opened_from_a_file_is_restored_too(qtbot, opened, tmp_path):
    lesson = tmp_path / "elsewhere" / "my-lesson.md"
    lesson.parent.mkdir()
    lesson.write_text("---\ntitle: Tides\nsubject: Geography\nkey_stage: KS3\n---\n\n"
                      "# Tides\n\nThe Moon pulls the sea.\n", encoding="utf-8")
    first = opened.open()
    first.ask_lesson_path = lambda: str(lesson)
    qtbot.keyClick(first, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert first.lesson.title == "Tides"
    first.close()
    assert opened.open().lesson.title == "Tides"


def test_a_profile_that_is_gone_falls_back_to_standard(opened):
    first = opened.open()
    first.settings.profile = "A profile deleted by hand"
    first.close()
    again = opened.open()
    assert again.profiles.currentText() == "Standard"


def test_interface_size_scales_the_application_font_live(qtbot, opened):
    window = opened.open()
    base = base_point_size()
    label_before = window.library.count_label.font().pointSizeF()
    sizes = []
    window.ui_scale_changed.connect(sizes.append)
    qtbot.keyClick(window, Qt.Key.Key_Equal,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert sizes == [1.25]
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    window.set_ui_scale(2.5)
    label_after = window.library.count_label.font().pointSizeF()
    assert label_after == pytest.approx(label_before * 2.5), "widgets follow at once"
    assert window.iconSize().width() == 60
    title = window.library_dock.titleBarWidget().label.font()
    assert title.bold() and title.pointSizeF() == pytest.approx(base * 2.5)
    toggle = window.dictation_panel.toggle_button.font().pointSizeF()
    # The panel sizes itself from the application font, scaled once, not twice.
    assert base * 2.5 < toggle <= base * 2.5 * 1.6 + 0.01
    checked = [a.text() for a in window.act.ui_sizes.actions() if a.isChecked()]
    assert checked == ["250%"]
    window.set_ui_scale(9)  # kept within 100% to 250%
    assert window.ui_scale == 2.5
    qtbot.keyClick(window, Qt.Key.Key_Minus,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.ui_scale == 2.25 and window.settings.ui_scale == 2.25
    window.act.ui_sizes.actions()[0].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_the_welcome_shows_on_the_first_run_only(qtbot, opened):
    first = opened.open()
    with qtbot.waitSignal(first.speech_report_ready, timeout=60000):
        first.start_background_work()
    assert len(first.welcomes) == 1
    report = first.welcomes[0]
    assert report is not None and report.dictation_works, "the bundled Whisper model works"
    assert first.speech_status.engine.text() == "Dictation: English, built in"
    assert first.speech_status.voice.text().startswith("Voice: English")
    first.close()

    again = opened.open()
    again.set_engine_status("Dictation: Vosk small English")  # a controller got there first
    with qtbot.waitSignal(again.speech_report_ready, timeout=60000):
        again.start_background_work()
    assert again.welcomes == []
    assert again.speech_status.engine.text() == "Dictation: Vosk small English"
    again.act.welcome.trigger()  # Help > Welcome shows it again
    assert len(again.welcomes) == 1


def test_the_welcome_says_what_works_where_models_come_from_and_privacy(qtbot, opened):
    from app.main_window import MainWindow
    from app.speech_report import speech_report

    window = opened.open()
    dialog = MainWindow.show_welcome(window, speech_report())
    text = dialog.text()
    assert "Dictation works now, with the built-in English speech model (installed with " \
        "the app, no download needed)" in text
    assert "Whisper" not in text and "Vosk" not in text
    assert "English voices on this computer" in text
    assert "Tools > Speech models (Ctrl+Shift+M)" in text
    assert "Nothing leaves this computer" in text
    assert dialog.isVisible()
    models = []
    window.open_model_manager = lambda: models.append(True)
    dialog.models_button.click()
    assert models == [True] and not dialog.isVisible()
    qtbot.waitUntil(lambda: window.welcome_dialog is None)  # closed dialogs are deleted


def test_dock_title_bars_float_and_close(qtbot, opened):
    window = opened.open()
    title = window.dictation_dock.titleBarWidget()
    assert title.close_button.accessibleName() == "Close Dictation"
    title.float_button.click()
    assert window.dictation_dock.isFloating()
    title.float_button.click()
    assert not window.dictation_dock.isFloating()
    title.close_button.click()
    assert window.dictation_dock.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.dictation_dock.isVisible()
