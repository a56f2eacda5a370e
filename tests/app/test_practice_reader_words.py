"""Practice mode as a screen reader reads it: the pupil, the task, what changed and the
save status are heard in their own words.

Qt gives a label no Text interface over AT-SPI, so a label's accessible name is all
a reader gets. These labels had fixed names ("Pupil", "Your task", "What changed",
"Save status") in place of what they show: a blind teacher starting a scenario
heard "Your task" and never the task. Fails on the old code.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from tests.app.practice_at_scale import practising


def _heard(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_the_pupil_and_the_task_are_heard_as_they_read(qtbot, tmp_path):
    practice = practising(qtbot, tmp_path)
    scenario = practice.scenario()
    assert _heard(practice.pupil_title) == f"Pupil: {scenario.title}"
    assert practice.task.text().startswith("Your task: ")
    assert _heard(practice.task) == practice.task.text()
    assert scenario.task in _heard(practice.task)


def test_what_changed_and_the_save_status_are_heard_as_they_read(qtbot, tmp_path):
    practice = practising(qtbot, tmp_path)
    page = practice.reflections
    page.set_summary(["Dyslexia: 49 → 89 (+40)"], ["Set the text size to 14 pt"])
    summary = _heard(page.summary)
    assert summary.startswith("What changed: Scores")
    assert "Dyslexia: 49 → 89 (+40)" in summary and "Set the text size to 14 pt" in summary
    assert _heard(page.status) == ("Nothing is sent anywhere: the log is kept on this "
                                   "computer.")
    path = practice.save_session()
    assert path is not None
    assert _heard(page.status) == page.status.text()
    assert _heard(page.status).startswith("Saved in your reflection log")
