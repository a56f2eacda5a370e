"""The room's noise as the level meter learns it: down at once, up slowly, known after a second."""

from __future__ import annotations

import pytest

from widgets.noise_floor import LEARN_S, RISE_DB_PER_S, NoiseFloor, only_background


def heard(levels, start=0.0, step=0.05):
    room = NoiseFloor()
    for i, level in enumerate(levels):
        room.update(level, start + i * step)
    return room


def test_the_room_is_unknown_until_it_has_been_heard_for_a_second():
    room = heard([-38.0] * round(LEARN_S / 0.05))
    assert room.floor() is None
    room.update(-38.0, LEARN_S + 0.01)
    assert room.floor() == -38.0


def test_a_pause_shows_the_room_at_once_and_speech_raises_it_only_slowly():
    # Speech from the first moment (the pupil pressed the key while talking), then a pause.
    room = heard([-20.0] * 10 + [-41.0] + [-19.0] * 20)
    assert room.floor() == pytest.approx(-41.0 + RISE_DB_PER_S * 20 * 0.05)
    assert room.floor() < -35


def test_a_room_that_gets_louder_is_learnt_within_half_a_minute():
    room = heard([-50.0] * 20 + [-35.0] * 600)  # a class comes in: 30 s
    assert room.floor() == -35.0


def test_reset_forgets_the_room():
    room = heard([-40.0] * 30)
    room.reset()
    assert room.floor() is None


@pytest.mark.parametrize(("level", "floor", "expected"), [
    (-38, -38, True), (-29, -38, True), (-28, -38, False), (-20, -38, False),
    (-38, None, False), (None, -38, False),
])
def test_only_background_means_less_than_10_db_above_the_room(level, floor, expected):
    assert only_background(level, floor) is expected
