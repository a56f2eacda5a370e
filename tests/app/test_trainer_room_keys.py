"""Trainer mode answers the projector's room keys: + and - for text size, B to blank."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid

from app.practice.trainer_view import TrainerView, demonstration_content
from lessons.scenarios import get_scenario

SCENARIO = "year4-low-vision-water-cycle"


@pytest.fixture
def trainer(qtbot) -> TrainerView:
    view = TrainerView(demonstration_content(get_scenario(SCENARIO)))
    view.present()
    qtbot.waitExposed(view)
    yield view
    if isValid(view):  # Esc closes it, and it deletes itself
        view.close()


def _sizes(trainer: TrainerView) -> tuple[float, ...]:
    trainer.go_to(3)  # the scores
    side = trainer.side_by_side
    return (trainer.heading.font().pointSizeF(), trainer.hint.font().pointSizeF(),
            trainer.score_labels["vi"].font().pointSizeF(),
            side.adapted.shown_profile().font_size_pt,
            side.original.shown_profile().font_size_pt)


def test_plus_and_minus_size_every_text_and_zero_puts_it_back(qtbot, trainer):
    start = _sizes(trainer)
    qtbot.keyClick(trainer, Qt.Key.Key_Plus)
    larger = _sizes(trainer)
    assert all(after > before for before, after in zip(start, larger, strict=True)), (start, larger)
    assert trainer.step() == 3, "the step stays"
    assert trainer.hint.text().endswith("Text 110%.")
    qtbot.keyClick(trainer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(trainer, Qt.Key.Key_Minus)
    assert all(after < before for before, after in zip(start, _sizes(trainer), strict=True))
    qtbot.keyClick(trainer, Qt.Key.Key_0)
    assert _sizes(trainer) == start
    assert "Text" not in trainer.hint.text()


def test_b_or_full_stop_blanks_and_any_key_but_esc_shows_it_again(qtbot, trainer):
    qtbot.keyClick(trainer, Qt.Key.Key_B)
    assert trainer.is_blank()
    shot = trainer.grab().toImage()
    middle = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    assert (middle.red(), middle.green(), middle.blue()) == (0, 0, 0)
    qtbot.keyClick(trainer, Qt.Key.Key_Right)  # shows the screen again, on the same step
    assert not trainer.is_blank() and trainer.step() == 0
    qtbot.keyClick(trainer, Qt.Key.Key_Period)
    assert trainer.is_blank()
    with qtbot.waitSignal(trainer.left):
        qtbot.keyClick(trainer, Qt.Key.Key_Escape)  # Esc still leaves
