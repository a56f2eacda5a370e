"""Trainer mode and the entry points the main window calls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from app.practice import (
    add_practice_menu,
    open_lesson_editor,
    open_practice,
    open_trainer,
    practice_actions,
)
from app.practice.practice_window import PracticeWindow
from app.practice.trainer_view import TrainerView, demonstration_content
from lessons.library import builtin_folder
from lessons.presets import get_preset
from lessons.scenarios import builtin_scenarios, get_scenario

SCENARIO = "year4-low-vision-water-cycle"


@pytest.fixture
def trainer(qtbot) -> TrainerView:
    view = TrainerView(demonstration_content(get_scenario(SCENARIO)))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_demonstration_compares_standard_with_a_suggested_preset() -> None:
    for scenario in builtin_scenarios():
        content = demonstration_content(scenario)
        assert content.original_profile.name == "Standard"
        assert content.adapted_profile.name in scenario.presets
        assert content.adapted_profile.name != "Standard"
    content = demonstration_content(get_scenario(SCENARIO), "Dyslexia")
    assert content.adapted_profile == get_preset("Dyslexia")


def test_arrow_keys_and_clicker_keys_step_through(qtbot, trainer) -> None:
    titles = []
    assert trainer.step() == 0
    assert trainer.step_title().startswith("The pupil: Maya")
    for _ in range(trainer.step_count() + 1):  # one more than there are: stays at the end
        titles.append(trainer.step_title())
        qtbot.keyClick(trainer, Qt.Key.Key_Right)
    assert titles[:4] == [f"The pupil: {get_scenario(SCENARIO).title}", "The task",
                          "Before and after", "The scores, before and after"]
    assert trainer.step() == trainer.step_count() - 1
    qtbot.keyClick(trainer, Qt.Key.Key_PageUp)
    assert trainer.step_title() == "Before and after"
    qtbot.keyClick(trainer, Qt.Key.Key_Home)
    assert trainer.step() == 0
    qtbot.keyClick(trainer, Qt.Key.Key_End)
    assert trainer.step_title() == "The scores, before and after"
    assert "Step 4 of 4" in trainer.hint.text()


def test_before_and_after_side_by_side(qtbot, trainer) -> None:
    trainer.go_to(2)
    side = trainer.side_by_side
    assert side.original.profile().name == "Standard"
    assert side.adapted.profile() == trainer.content.adapted_profile
    assert side.adapted.profile().font_size_pt > side.original.profile().font_size_pt
    bar = side.adapted.verticalScrollBar()
    qtbot.keyClick(trainer, Qt.Key.Key_Down)
    assert bar.value() > 0


def test_scores_in_big_text(trainer) -> None:
    trainer.go_to(3)
    content = trainer.content
    before, after = round(content.scores_before["vi"]), round(content.scores_after["vi"])
    assert trainer.score_labels["vi"].text() == (
        f"Visual impairment: {before} → {after} (+{after - before})")
    assert trainer.score_labels["vi"].font().pointSizeF() > trainer.base_pt
    assert trainer.base_pt >= 16


def test_each_score_is_a_label_beside_its_bar_not_text_across_the_bar(trainer) -> None:
    from PySide6.QtWidgets import QProgressBar

    # A projector's size: the offscreen screen is 800 px wide, and the trainer
    # window, whose labels now wrap, no longer holds itself wider than that.
    trainer.resize(1920, 1080)
    trainer.go_to(3)
    after = round(trainer.content.scores_after["vi"])
    value = trainer.score_values["vi"]
    assert value.isVisible() and value.text() == f"{after} out of 100"
    assert value.font().pointSizeF() > trainer.base_pt
    (bar,) = [b for b in trainer.findChildren(QProgressBar)
              if b.accessibleName() == "Visual impairment score"]
    assert not bar.isTextVisible()
    assert bar.value() == after
    assert bar.accessibleDescription().startswith("Visual impairment: ")
    assert bar.accessibleDescription().count("Visual impairment") == 1
    assert f". {after} out of 100. target " in bar.accessibleDescription()
    # Beside the bar, on its row.
    bar_box = bar.geometry()
    value_box = value.geometry()
    assert value_box.left() >= bar_box.right()
    assert value_box.top() < bar_box.bottom() and value_box.bottom() > bar_box.top()
    # The need's full name has a line of its own above the bar, so the bar stays long.
    assert trainer.score_labels["vi"].geometry().bottom() <= bar_box.top()
    assert bar_box.width() > trainer.score_labels["slcn"].width() // 2


def test_esc_leaves_and_the_view_deletes_itself(qtbot) -> None:
    view = TrainerView(demonstration_content(get_scenario(SCENARIO)))  # no addWidget: it goes
    view.show()
    with qtbot.waitSignal(view.left):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(view), timeout=2000)


def test_open_practice_and_trainer_for_the_shell(qtbot) -> None:
    shell = QMainWindow()
    qtbot.addWidget(shell)
    window = open_practice(shell, SCENARIO)
    assert isinstance(window, PracticeWindow) and window.isVisible()
    assert window.isWindow() and window.parent() is shell
    assert window.scenario().id == SCENARIO
    window.close()
    listing = open_practice(shell)
    assert listing.pages.currentWidget() is listing.chooser
    listing.close()
    view = open_trainer(shell, SCENARIO, present=False)
    assert view.isWindow() and view.isVisible()
    view.close()
    with pytest.raises(KeyError, match="no pupil scenario"):
        open_practice(shell, "nobody")


def test_the_practice_menu_opens_practice_mode(qtbot) -> None:
    shell = QMainWindow()
    qtbot.addWidget(shell)
    menu = add_practice_menu(shell)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "P&ractise with a pupil scenario…"
    assert len(texts) == 3
    menu.actions()[0].trigger()
    opened = shell.findChildren(PracticeWindow)
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()
    actions = practice_actions(shell)
    assert set(actions) == {"practice", "trainer", "log"}
    assert actions["practice"].shortcut().toString() == "Ctrl+Shift+R"


def test_the_lesson_editor_window_checks_any_lesson(qtbot) -> None:
    path = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    window = open_lesson_editor(None, path, get_preset("Dyslexia"))
    qtbot.addWidget(window)
    assert window.editor.text() == path.read_text(encoding="utf-8")
    assert window.workbench.profile() == get_preset("Dyslexia")
    assert window.checker.report() is not None
    assert window.profile_combo.currentText() == "Dyslexia"
    window.profile_combo.setCurrentIndex(window.profile_combo.findText("Standard"))
    window.profile_combo.activated.emit(window.profile_combo.currentIndex())
    assert window.workbench.profile().name == "Standard"
    assert not window.open_lesson(path.with_name("no-such-lesson.md"))


def test_after_shows_the_lesson_as_the_teacher_adapted_it(qtbot) -> None:
    """The side-by-side panes are built when first shown (widgets/side_by_side.py): the
    adapted pane must keep the teacher's own lesson, not get the original put back."""
    import dataclasses

    content = demonstration_content(get_scenario(SCENARIO))
    adapted = dataclasses.replace(content.original, title="Adapted by the teacher")
    view = TrainerView(dataclasses.replace(content, adapted=adapted))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.go_to(2)  # Before and after: the panes are shown now
    assert view.side_by_side.adapted.lesson() is adapted
    assert view.side_by_side.original.lesson() is content.original
