"""Live captions: the last lines on screen, a timed history, placement and keys."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QTextCharFormat
from PySide6.QtWidgets import QApplication

from lessons.presets import get_preset
from tests.widgets.save_as_doubles import use_dialog, use_question
from widgets.caption_history import CaptionEntry, format_history
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow

MARKER = "\u2026"


def at(h: int, m: int, s: int) -> datetime:
    return datetime(2025, 3, 4, h, m, s)


@pytest.fixture
def captions(qtbot):
    window = CaptionsWindow(CaptionSettings(lines=2, font_size_pt=24, placement="bottom"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_partials_settle_and_only_the_last_lines_are_shown(captions):
    captions.add_partial("good")
    assert captions.shown_lines() == [f"good {MARKER}"]
    captions.add_final("Good morning, everyone.", at(9, 0, 1))
    captions.add_partial("today we")
    assert captions.shown_lines() == ["Good morning, everyone.", f"today we {MARKER}"]
    captions.add_final("Today we are learning about rivers.", at(9, 0, 4))
    captions.add_partial("open your")
    captions.add_final("Open your books.", at(9, 0, 7))
    # Two lines: the oldest has scrolled off the top.
    assert captions.shown_lines() == ["Today we are learning about rivers.", "Open your books."]
    captions.set_lines(1)
    assert captions.shown_lines() == ["Open your books."]
    captions.set_lines(3)
    assert captions.shown_lines() == [
        "Good morning, everyone.", "Today we are learning about rivers.", "Open your books."]


def test_a_long_caption_wraps_and_its_start_scrolls_off(captions):
    captions.set_placement("floating")
    captions.resize(500, captions.height())
    long = "The water cycle moves water between the sea, the sky and the land again and again."
    captions.add_final(long)
    shown = captions.shown_lines()
    assert len(shown) == 2
    assert long.endswith(shown[-1]) and shown[-1] != long  # the end of the caption is shown
    width = captions.text.width() - 2 * captions.text.margin
    metrics = QFontMetricsF(captions.text.font())
    assert all(metrics.horizontalAdvance(line) <= width + 1 for line in shown)


def test_the_history_keeps_every_caption_with_its_time_and_saves_it(captions, tmp_path):
    captions.add_final("Good morning, everyone.", at(9, 0, 1))
    captions.add_partial("this is not settled")
    captions.add_final("Today we are learning about rivers.", at(9, 0, 4))
    captions.add_final("Open your books.", at(9, 15, 30))
    captions.add_final("   ")  # nothing said: not kept
    expected = ["[09:00:01] Good morning, everyone.",
                "[09:00:04] Today we are learning about rivers.",
                "[09:15:30] Open your books."]
    assert captions.history.lines() == expected
    assert captions.history.view.toPlainText().splitlines() == expected
    path = captions.save_history(tmp_path / "captions.txt")
    assert path.read_text(encoding="utf-8") == "\n".join(expected) + "\n"


def test_saving_from_the_history_pane_reports_in_the_pane(captions, tmp_path):
    history = captions.history
    history.save()
    assert history.status.text() == "There are no captions to save yet."
    captions.add_final("Hello.", at(10, 1, 2))
    history.ask_save_path = lambda: str(tmp_path / "missing" / "c.txt")
    history.save()
    assert history.status.text().startswith("The captions could not be saved")
    history.ask_save_path = lambda: str(tmp_path / "c.txt")
    history.save()
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == "[10:01:02] Hello.\n"
    assert history.status.text() == f"Saved to {tmp_path / 'c.txt'}."


def test_a_screen_reader_hears_how_the_save_went(captions, tmp_path, monkeypatch):
    # The message was silent and named "Save status" whatever it said (Qt gives a
    # label no Text interface over AT-SPI: its name is all a reader gets).
    from PySide6.QtGui import QAccessible

    said: list[tuple[str, bool]] = []
    monkeypatch.setattr("widgets.caption_history.announce",
                        lambda _source, text, assertive=False: said.append((text, assertive)),
                        raising=False)  # the old code announced nothing
    history = captions.history
    history.save()
    captions.add_final("Hello.", at(10, 1, 2))
    history.ask_save_path = lambda: str(tmp_path / "missing" / "c.txt")
    history.save()
    history.ask_save_path = lambda: str(tmp_path / "c.txt")
    history.save()
    assert [assertive for _text, assertive in said] == [False, True, False]
    assert said[0][0] == "There are no captions to save yet."
    assert said[1][0].startswith("The captions could not be saved")
    assert said[2][0] == f"Saved to {tmp_path / 'c.txt'}."
    heard = QAccessible.queryAccessibleInterface(history.status).text(QAccessible.Text.Name)
    assert heard == f"Saved to {tmp_path / 'c.txt'}."


def test_timestamps_may_be_seconds_since_the_epoch(captions):
    moment = at(14, 5, 9)
    captions.add_final("Pens down.", moment.timestamp())
    assert captions.history.lines() == ["[14:05:09] Pens down."]
    assert format_history([CaptionEntry("a", moment)]) == "[14:05:09] a\n"


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_top_and_bottom_span_the_width_of_the_screen(captions, placement):
    captions.set_placement(placement)
    area = captions.screen().availableGeometry()
    frame = captions.frameGeometry()
    assert frame.left() == area.left() and frame.width() == area.width()
    if placement == "top":
        assert frame.top() == area.top()
    else:
        assert frame.bottom() == area.bottom()
    assert captions.height() == captions.text.height_for_lines(2)


def test_moving_to_a_screen_places_the_strip_on_it(captions):
    screen = QApplication.primaryScreen()
    captions.set_placement("top")
    captions.move_to_screen(screen)
    assert captions.screen() is screen
    assert captions.frameGeometry().top() == screen.availableGeometry().top()
    captions.set_placement("floating")
    captions.move_to_screen(screen)
    assert screen.availableGeometry().contains(captions.frameGeometry().topLeft())


def test_more_lines_or_larger_text_make_the_strip_taller(captions):
    before = captions.height()
    captions.set_lines(3)
    three = captions.height()
    assert three > before
    captions.bigger()
    assert captions.settings().font_size_pt == pytest.approx(29)
    assert captions.height() > three
    assert captions.frameGeometry().bottom() == captions.screen().availableGeometry().bottom()


def test_always_on_top_and_the_frame_can_be_switched(captions):
    assert captions.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert captions.windowFlags() & Qt.WindowType.FramelessWindowHint
    captions.set_frameless(False)
    assert not captions.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert captions.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert captions.isVisible()


def test_colour_schemes_and_the_profile_colours(captions):
    assert captions.colours() == ("#ffff00", "#000000")
    captions.set_scheme("black-on-white")
    assert captions.colours() == ("#000000", "#ffffff")
    profile = get_preset("High contrast: white on black")
    captions.set_profile(profile)
    captions.set_scheme("profile")
    assert captions.colours() == (profile.colours.text.lower(), profile.colours.background.lower())
    # Painted, not just stored: the strip's background is the scheme's.
    captions.set_scheme("white-on-black")
    image = captions.text.grab().toImage()
    assert image.pixelColor(2, 2) == QColor("#000000")


def test_keys_hide_resize_and_open_the_settings(qtbot, captions):
    changes = []
    captions.settings_changed.connect(changes.append)
    captions.setFocus()
    qtbot.keyClick(captions, Qt.Key.Key_Plus)
    assert captions.settings().font_size_pt == pytest.approx(29)
    qtbot.keyClick(captions, Qt.Key.Key_Minus)
    qtbot.keyClick(captions, Qt.Key.Key_Minus)
    assert captions.settings().font_size_pt == pytest.approx(20)
    assert [c.font_size_pt for c in changes] == [29, 24, 20]
    qtbot.keyClick(captions, Qt.Key.Key_Menu)
    menu = captions.settings_menu()
    qtbot.waitUntil(menu.isVisible)
    # Lines > 1 line, with the keyboard only.
    qtbot.keyClick(menu, Qt.Key.Key_Right)
    submenu = menu.activeAction().menu()
    qtbot.waitUntil(submenu.isVisible)
    qtbot.keyClick(submenu, Qt.Key.Key_1)
    assert captions.settings().lines == 1
    assert changes[-1].lines == 1
    assert captions.height() == captions.text.height_for_lines(1)
    with qtbot.waitSignal(captions.dismissed):
        qtbot.keyClick(captions, Qt.Key.Key_Escape)
    assert not captions.isVisible()


def test_settings_are_brought_into_range():
    checked = CaptionSettings(lines=7, scheme="pink", placement="left", font_size_pt=3).checked()
    assert (checked.lines, checked.scheme, checked.placement, checked.font_size_pt) == (
        3, "yellow-on-black", "bottom", 18)


def test_captions_are_labelled_and_settled_text_is_described(captions):
    assert captions.text.accessibleName() == "Live captions"
    captions.add_final("Pens down, please.")
    assert captions.text.accessibleDescription() == "Pens down, please."
    assert captions.settings_button.accessibleName() == "Caption settings"


def test_the_partial_is_softer_with_a_dotted_underline_and_never_italic(captions):
    # The app advises "No italics" for dyslexic readers: the guess is marked by a
    # softer shade that still reads (4.5:1 or more), a dotted underline and "…".
    from lessons.contrast import contrast_ratio

    for scheme in ("yellow-on-black", "white-on-black", "black-on-white"):
        captions.set_scheme(scheme)
        captions.add_partial("listening")
        [line] = captions.text._visible()
        assert line.text.endswith(MARKER)
        assert not line.layout.font().italic()
        [whole] = line.layout.formats()
        assert not whole.format.fontItalic()
        assert whole.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        text, background = captions.colours()
        soft = whole.format.foreground().color().name()
        assert soft != text
        assert contrast_ratio(soft, background) >= 4.5
        captions.add_final("Listening.")
        [line] = captions.text._visible()
        assert not line.layout.font().italic() and not line.layout.formats()
        captions.clear()


def test_the_window_title_does_not_repeat_the_app_name(captions):
    # gui.py sets the display name "Lesson Lab", which the window system adds
    # to every title ("Live captions — Lesson Lab"); the title must not say it too.
    assert captions.windowTitle() == "Live captions"
    assert "Lesson Lab" not in captions.windowTitle()


def test_an_empty_window_says_it_is_waiting_then_listening(captions):
    # An empty black band says nothing to a room: the captions say what they are doing.
    assert captions.shown_lines() == ["Waiting for speech\u2026"]
    captions.set_starting()
    assert captions.notice() == "Getting ready to listen\u2026"
    captions.set_listening(True)
    assert captions.shown_lines() == ["Listening\u2026"]
    assert captions.accessibleDescription() == "Listening\u2026"
    captions.add_partial("good")
    assert captions.shown_lines() == [f"good {MARKER}"]  # words take its place
    captions.add_final("Good morning.")
    assert captions.shown_lines() == ["Good morning."] and captions.notice() == ""
    captions.clear()
    assert captions.shown_lines() == ["Listening\u2026"]


def test_not_listening_and_problems_are_said_plainly_after_the_captions(captions):
    captions.set_listening(True)
    captions.add_final("Good morning.")
    captions.show_problem("No microphone was found. Plug one in and try again.")
    assert captions.notice() == (
        "Not listening: No microphone was found. Plug one in and try again.")
    captions.set_lines(3)  # room for the caption too, above the problem
    assert captions.shown_lines()[0] == "Good morning."
    assert captions.state() == "problem"
    assert "No microphone was found" in captions.accessibleDescription()
    captions.set_listening(False)  # the reason stays: it says more than "Not listening"
    assert captions.notice().startswith("Not listening: No microphone")
    captions.set_listening(True)
    assert captions.notice() == ""  # captions on screen: no "Listening…" over them
    captions.set_listening(False)
    assert captions.notice().startswith("Not listening.")
    [*_, notice] = captions.text._visible()
    assert notice.layout.formats() == []  # in the full text colour: it must be seen
    assert not notice.layout.font().italic()
    captions.clear()
    captions.set_listening(True)
    [waiting] = captions.text._visible()  # "Listening…" is quieter: the softer shade
    [whole] = waiting.layout.formats()
    assert whole.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert whole.format.foreground().color().name() == captions.text.soft_colour()


def test_the_history_asks_before_replacing_a_file_typed_without_its_ending(
        captions, tmp_path, monkeypatch):
    (tmp_path / "Captions.txt").write_text("Monday's captions\n", encoding="utf-8")
    dialog = use_dialog(monkeypatch, (str(tmp_path / "Captions"), "Plain text (*.txt)"),
                        (str(tmp_path / "Tuesday"), "Plain text (*.txt)"))
    question = use_question(monkeypatch, False)  # "Choose another name"
    assert captions.history.ask_save_path() == str(tmp_path / "Tuesday.txt")
    assert question.asked == [str(tmp_path / "Captions.txt")]
    assert len(dialog.opened) == 2


@pytest.mark.parametrize("lines, points", [(2, 48), (1, 18)])
def test_the_close_button_sits_by_settings_and_leaves_the_lines_their_room(
        qtbot, lines, points):
    # Close (Esc) beside Settings: one above the other when the band is tall enough,
    # so the caption lines are no narrower than before; side by side in a low band.
    window = CaptionsWindow(CaptionSettings(lines=lines, font_size_pt=points,
                                            placement="bottom"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    settings, close = window.settings_button.geometry(), window.close_button.geometry()
    assert close.isValid() and window.close_button.isVisible()
    assert window.rect().contains(settings) and window.rect().contains(close), "on the band"
    if lines == 2:
        assert close.top() >= settings.bottom(), "below Settings"
        widest = max(window.settings_button.sizeHint().width(),
                     window.close_button.sizeHint().width())
        assert window.text.width() >= window.width() - widest - 16
    else:
        assert close.left() >= settings.right(), "beside Settings"
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert window.isHidden()
