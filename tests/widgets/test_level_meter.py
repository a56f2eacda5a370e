"""The microphone level meter: words as well as a bar, a held peak, an accessible value."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QColor, QPalette

from lessons.contrast import contrast_ratio
from widgets.level_meter import LevelMeter, level_state, level_text


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def meter(qtbot):
    clock = Clock()
    meter = LevelMeter(clock=clock)
    meter.clock = clock
    qtbot.addWidget(meter)
    meter.resize(500, 40)
    meter.show()
    qtbot.waitExposed(meter)
    return meter


def test_the_label_says_the_state_and_the_level_in_words(meter):
    assert meter.text() == "No sound"
    meter.set_level(-52.4)
    assert meter.text() == "Too quiet (\u221252 dB)"
    meter.set_level(-23.0)
    assert meter.text() == "Good (\u221223 dB)"
    meter.set_level(-3.0)
    assert meter.text() == "Too loud (\u22123 dB)"
    assert meter.state().key == "loud"


def test_states_at_the_edges():
    assert [level_state(v).key for v in (None, -100, -60, -50, -45, -6, -5.9, 0)] == [
        "none", "none", "none", "quiet", "good", "good", "loud", "loud"]
    assert level_text(None) == "No sound"


def test_states_against_the_room():
    # A fan at -38 dB fills the bar but is not a voice; a voice 10 dB above it is.
    assert [level_state(v, -38).key for v in (-50, -38, -29, -28, -3)] == [
        "quiet", "noise", "noise", "good", "loud"]
    assert level_text(-38, -38) == "Background noise (\u221238 dB)"
    assert level_state(-38, None).key == "good"  # the room not yet known


def test_a_noisy_room_with_nobody_speaking_is_background_noise_not_good(meter):
    meter.set_level(-40.0)
    assert meter.text() == "Good (\u221240 dB)"  # the room is not known yet
    for _ in range(30):  # 1.5 s of a projector fan
        meter.clock.now += 0.05
        meter.set_level(-40.0)
    assert meter.text() == "Background noise (\u221240 dB)"
    assert "no voice above it" in meter.label.toolTip()
    assert meter.bar.accessibleDescription() == "Background noise (\u221240 dB)"
    meter.clock.now += 0.05
    meter.set_level(-24.0)  # the pupil speaks
    assert meter.text() == "Good (\u221224 dB)"
    assert meter.label.toolTip() == ""
    meter.reset()
    meter.set_level(-40.0)  # listening again: the room is learnt afresh
    assert meter.text() == "Good (\u221240 dB)"


def test_the_bar_keeps_its_width_whatever_the_words(meter, qtbot):
    widths = set()
    for level in [-38.0] * 30 + [-20.0, -3.0, None, -52.0]:
        meter.clock.now += 0.05
        if level is None:
            meter.reset()
            continue
        meter.set_level(level)
        qtbot.wait(1)
        widths.add((meter.state().key, meter.bar.width()))
    assert {key for key, _ in widths} >= {"quiet", "noise", "good", "loud"}
    assert len({width for _, width in widths}) == 1, widths


def test_at_a_larger_interface_size_the_words_still_have_room(meter, qtbot):
    font = meter.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    meter.setFont(font)
    for _ in range(30):
        meter.clock.now += 0.05
        meter.set_level(-38.0)
    assert meter.state().key == "noise"
    assert meter.label.minimumWidth() >= meter.label.sizeHint().width()


def test_background_noise_is_drawn_apart_from_good(meter):
    for _ in range(30):
        meter.clock.now += 0.05
        meter.set_level(-40.0)
    noise = meter.bar.grab().toImage()
    meter.reset()
    meter.set_level(-40.0)
    good = meter.bar.grab().toImage()
    middle = round(noise.height() / 2)
    assert noise.pixelColor(10, middle) != good.pixelColor(10, middle)


def test_the_words_follow_the_held_peak_so_they_do_not_flicker_between_words(meter):
    meter.set_level(-20)
    meter.clock.now += 0.5
    meter.set_level(-58)  # a gap between words
    assert meter.level() == -58
    assert meter.text() == "Good (\u221220 dB)"
    meter.clock.now += 1.5  # past the hold: the peak falls 20 dB a second
    meter.set_level(-58)
    assert meter.peak() == pytest.approx(-30)
    assert meter.text() == "Good (\u221230 dB)"
    meter.clock.now += 5
    meter.set_level(-58)
    assert meter.text() == "Too quiet (\u221258 dB)"


def test_nan_and_none_show_no_sound_and_reset_forgets_the_peak(meter):
    meter.set_level(float("nan"))
    assert meter.text() == "No sound"
    meter.set_level(-10)
    meter.reset()
    assert meter.peak() is None and meter.text() == "No sound"


def test_screen_readers_get_the_value_and_the_words(meter):
    meter.set_level(-23.4)
    interface = QAccessible.queryAccessibleInterface(meter.bar)
    assert interface.valueInterface().currentValue() == -23
    assert interface.valueInterface().minimumValue() == -60
    assert interface.valueInterface().maximumValue() == 0
    assert meter.bar.accessibleDescription() == "Good (\u221223 dB)"
    assert meter.bar.accessibleName() == "Microphone level"
    # Within one state the reader is left in peace; a new state is told at once.
    meter.set_level(-10)
    assert interface.valueInterface().currentValue() == -23
    meter.set_level(-2)
    assert interface.valueInterface().currentValue() == -2
    assert meter.bar.accessibleDescription() == "Too loud (\u22122 dB)"


def _row(meter) -> list[QColor]:
    image = meter.bar.grab().toImage()
    y = image.height() // 3  # above the zone marks along the bottom
    return [image.pixelColor(x, y) for x in range(image.width())]


def test_the_bar_fills_to_the_level_and_ticks_the_peak(meter):
    meter.set_level(-10)
    meter.clock.now += 0.5
    meter.set_level(-40)
    row = _row(meter)
    width = len(row)
    good = QColor(level_state(-40).colour)
    filled = [x for x, c in enumerate(row) if c == good]
    # Filled a third of the way (-40 on a -60..0 scale), from the left.
    assert filled and filled[0] <= 4
    assert abs(filled[-1] - width / 3) <= 4
    black = [x for x, c in enumerate(row) if c == QColor("#000000")]
    assert black and abs(sum(black) / len(black) - width * 5 / 6) <= 4


def test_too_loud_is_hatched_not_only_red(meter):
    meter.set_level(-3)
    loud = _row(meter)[: len(_row(meter)) * 3 // 4]
    assert any(c == QColor("#ffffff") for c in loud[5:])  # the hatch's white lines
    meter.reset()
    meter.set_level(-20)
    good = _row(meter)[5: len(_row(meter)) // 2]
    assert not any(c == QColor("#ffffff") for c in good)


DARK_BASE, DARK_TEXT = "#2b2b2b", "#f0f0f0"


def _dark(meter) -> None:
    palette = meter.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(DARK_BASE))
    palette.setColor(QPalette.ColorRole.Text, QColor(DARK_TEXT))
    meter.setPalette(palette)


def test_in_a_dark_palette_the_bar_is_dark_and_its_marks_still_show(meter):
    # A white bar in a dark window glares; the meter follows the palette.
    _dark(meter)
    meter.set_level(-10)
    meter.clock.now += 0.5
    meter.set_level(-40)
    row = _row(meter)
    width = len(row)
    assert row[width - 10].name() == DARK_BASE  # the empty track, not white
    assert not any(c == QColor("#ffffff") or c == QColor("#f2f2f2") for c in row[3:-3])
    fill = row[width // 6].name()
    assert contrast_ratio(fill, DARK_BASE) >= 3  # the level stands out from the track
    ticks = [x for x, c in enumerate(row) if c.name() == DARK_TEXT]
    assert ticks and abs(sum(ticks) / len(ticks) - width * 5 / 6) <= 4  # the held peak
    image = meter.bar.grab().toImage()
    bottom = image.height() - 5
    marks = [x for x in range(4, width - 4) if image.pixelColor(x, bottom).name() == DARK_TEXT]
    assert len(marks) >= 2  # the two zone marks, in the text colour


def test_too_loud_is_still_hatched_in_a_dark_palette(meter):
    _dark(meter)
    meter.set_level(-3)
    row = _row(meter)
    loud = row[5: len(row) * 3 // 4]
    assert {c.name() for c in loud} >= {DARK_BASE}  # the hatch lines, over the fill
    fills = {c.name() for c in loud} - {DARK_BASE, DARK_TEXT}
    assert fills and all(contrast_ratio(c, DARK_BASE) >= 3 for c in fills)


def test_back_at_the_first_size_the_words_take_their_first_room_again(meter):
    # The room measured at twice the size stayed at 100%, and with it a dictation
    # dock 589 px wide instead of 410 (QLabel's size hint is never under its minimum).
    first = meter.label.minimumWidth(), meter.minimumSizeHint().width()
    font = meter.font()
    size = font.pointSizeF()
    font.setPointSizeF(size * 2)
    meter.setFont(font)
    assert meter.label.minimumWidth() > first[0]
    font.setPointSizeF(size)
    meter.setFont(font)
    assert (meter.label.minimumWidth(), meter.minimumSizeHint().width()) == first


def test_narrow_the_words_go_under_the_bar_and_stay_whole(meter, qtbot):
    font = meter.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    meter.setFont(font)
    meter.resize(meter.minimumSizeHint().width(), 120)
    qtbot.waitUntil(lambda: meter.label.y() >= meter.bar.geometry().bottom())
    assert meter.label.width() >= meter.label.minimumWidth()
    assert meter.bar.width() >= meter.label.minimumWidth()  # the bar is as wide as the words
