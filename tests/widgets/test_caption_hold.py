"""A settled caption is not rolled away the moment the next words are heard.

The captions review: the corrected sentence stayed up about 0.2 s before the
two-line band rolled on. Real CaptionsWindow widgets; time is the hold's own
clock (``window.hold.clock``), moved by hand, and ``hold.tick()`` is what its
timer calls.
"""

from __future__ import annotations

import pytest

from widgets.caption_hold import HOLD_SECONDS
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow

MARKER = "\u2026"
# Fills a two-line, 600-pixel band at 24 pt.
LONG = "Can you tell me where the water in a cloud comes from?"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def band(qtbot):
    def make(lines: int = 2) -> CaptionsWindow:
        window = CaptionsWindow(CaptionSettings(lines=lines, font_size_pt=24,
                                                placement="floating"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.resize(600, window.height())
        return window
    return make


def _clocked(window: CaptionsWindow) -> Clock:
    clock = Clock()
    window.hold.clock = clock
    return clock


def test_the_next_guess_does_not_roll_a_settled_caption_away_at_once(band):
    window = band()
    window.add_partial("Can you tell me? where the water is?")
    window.add_final(LONG)
    settled = window.shown_lines()
    assert len(settled) == 2 and LONG.endswith(" ".join(settled))
    window.add_partial("That is right")  # the teacher carries on straight away
    assert window.shown_lines() == settled


def test_the_hold_ends_after_two_seconds_and_the_words_waiting_show(band):
    window = band()
    clock = _clocked(window)
    assert HOLD_SECONDS == 2.0
    window.add_final(LONG)
    settled = window.shown_lines()
    window.add_partial("That is right")
    clock.now += 1.0
    window.hold.tick()
    window.add_partial("That is right, it evaporates")
    assert window.shown_lines() == settled, "still held after one second"
    assert window.hold.timer.isActive(), "the timer waits for the rest"
    clock.now += 1.0
    window.hold.tick()
    assert not window.hold.holding()
    shown = window.shown_lines()
    assert " ".join(shown).endswith(f"That is right, it evaporates {MARKER}")
    assert settled[0] not in shown, "and the band rolls on"


def test_the_next_final_ends_the_hold_and_is_held_itself(band):
    window = band()
    _clocked(window)
    window.add_final(LONG)
    window.add_partial("Yes")
    window.add_final("Yes.")  # a short answer settles within the two seconds
    assert window.shown_lines()[-1] == "Yes."
    assert window.hold.holding()
    # The older caption may roll now; the newest one stays.
    window.add_partial("Well done everyone, now open your books at page twelve")
    shown = window.shown_lines()
    assert shown[0] == "Yes." and shown[1].startswith("Well done") and shown[1].endswith(MARKER)


def test_words_still_heard_take_the_lines_a_short_caption_leaves_free(band):
    window = band(lines=2)
    _clocked(window)
    window.add_final("Good morning.")
    # This guess wraps to two lines: only its first words fit under the caption.
    window.add_partial("Today we are looking at the world and how the water moves around it")
    shown = window.shown_lines()
    assert shown[0] == "Good morning."
    assert len(shown) == 2 and shown[1].startswith("Today we are") and shown[1].endswith(MARKER)
    window.hold.clock.now += HOLD_SECONDS
    window.hold.tick()
    shown = window.shown_lines()
    assert shown[-1].endswith(f"around it {MARKER}"), "all of it, once released"
    assert "Good morning." not in shown


def test_clearing_the_lines_ends_the_hold(band):
    window = band()
    _clocked(window)
    window.add_final(LONG)
    window.clear()
    assert not window.hold.holding() and not window.hold.timer.isActive()
    window.add_partial("New words")
    assert window.shown_lines() == [f"New words {MARKER}"]
