"""The checker panel with real reports from the real checker (offscreen)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lessons.checker import apply_fix, check
from lessons.checker_model import NEEDS, PROFILE_FIX, TEXT_FIX
from lessons.loader import load_lesson
from lessons.presets import default_preset, get_preset
from lessons.scenarios import get_scenario
from widgets.checker_panel import (
    CheckerPanel,
    location_text,
    out_of_100_text,
    score_text,
    target_text,
)

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"


@pytest.fixture
def lesson_and_text():
    path = get_scenario(SCENARIO).lesson_path
    return load_lesson(path).lesson, path.read_text(encoding="utf-8")


@pytest.fixture
def panel(qtbot) -> CheckerPanel:
    widget = CheckerPanel()
    qtbot.addWidget(widget)
    widget.resize(600, 900)
    return widget


class Controller:
    """What the app's workbench does with a profile fix, kept tiny for the widget test."""

    def __init__(self, panel: CheckerPanel, lesson, text: str, profile) -> None:
        self.panel, self.lesson, self.text, self.profile = panel, lesson, text, profile
        self.fixes: list = []
        panel.fix_requested.connect(self.fix)
        self.report = check(lesson, profile, text)
        panel.set_report(self.report, baseline=self.report.scores)

    def fix(self, fix) -> None:
        self.fixes.append(fix)
        if fix.kind == PROFILE_FIX:
            self.profile = apply_fix(self.profile, fix)
        self.report = check(self.lesson, self.profile, self.text)
        self.panel.set_report(self.report)


def test_words_for_scores_targets_and_places() -> None:
    assert score_text("dyslexia", 82, 54) == "Dyslexia: 54 → 82 (+28)"
    assert score_text("vi", 70, 75) == "Visual impairment: 75 → 70 (−5)"
    assert score_text("slcn", 60, 60) == "Speech, language and communication needs: 60 → 60 (±0)"
    assert score_text("slcn", 60) == "Speech, language and communication needs: 60"
    assert target_text(86, 85) == "target 85: reached ✓"
    assert target_text(80, 85) == "target 85: 5 to go"
    assert target_text(80, None) == ""
    assert out_of_100_text(81.6) == "82 out of 100"
    assert out_of_100_text(None) == ""


def test_scores_show_as_numbers_bars_and_words(qtbot, panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    before = check(lesson, default_preset(), text)
    after = check(lesson, get_preset("Dyslexia"), text)
    panel.set_report(before, baseline=before.scores)
    panel.set_targets({"dyslexia": 85})
    panel.set_report(after)
    panel.show()
    qtbot.waitExposed(panel)
    for need in NEEDS:
        bar, value = panel.score_bar(need), panel.score_value_label(need)
        assert bar.value() == after.scores[need]
        was, now = before.scores[need], after.scores[need]
        assert panel.score_label(need).endswith(f"{was} → {now} (+{now - was})")
        # The score is said in a label of its own beside the bar, which draws no
        # text (Fusion paints a bar's text in two colours across the fill's edge).
        assert not bar.isTextVisible()
        assert value.isVisible() and value.text() == f"{now} out of 100"
        assert value.geometry().left() >= bar.geometry().right()
        assert value.geometry().center().y() in range(bar.geometry().top(),
                                                      bar.geometry().bottom() + 1)
        # A screen reader hears the need, the change, the score and the target.
        assert bar.accessibleName().endswith("score")
        assert panel.score_label(need) in bar.accessibleDescription()
        assert f"{now} out of 100" in bar.accessibleDescription()
    assert "target 85" in panel._rows["dyslexia"].target.text()
    assert "target 85" in panel.score_bar("dyslexia").accessibleDescription()


def test_findings_show_rule_place_why_and_fix(panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    report = check(lesson, default_preset(), text)
    panel.set_report(report)
    assert panel.summary.text().startswith(f"{len(report.findings)} findings")
    # Grouped by rule, so in rule order rather than line order: the same fixes.
    assert Counter(b.property("fix") for b in panel.fix_buttons()) == Counter(report.fixes())
    labels = {label.text() for label in panel.findings_widget.findChildren(QLabel)}
    finding = next(f for f in report.findings if f.line is not None and f.fix is not None)
    count = sum(f.rule.id == finding.rule.id for f in report.findings)
    assert f"{finding.rule.heading} ({count})" in labels
    assert f"Why it matters: {finding.rule.why}" in labels
    assert location_text(finding) == finding.place
    assert finding.place and ".md" not in finding.place
    button = next(b for b in panel.fix_buttons() if b.property("fix") == finding.fix)
    assert button.accessibleName() == f"Fix: {finding.fix.label}"
    assert finding.message in button.accessibleDescription()


def test_clicking_a_place_asks_for_that_line(qtbot, panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    report = check(lesson, default_preset(), text)
    panel.set_report(report)
    panel.show()
    place = panel.line_buttons()[0]
    first_line = next(f.line for f in report.findings if f.line is not None)
    first = next(f for f in report.findings if f.line is not None)
    assert place.full_text() == first.place
    assert place.accessibleName() == f"Show this in the lesson: {first.place}"
    with qtbot.waitSignal(panel.line_requested) as asked:
        qtbot.mouseClick(place, Qt.MouseButton.LeftButton)
    assert asked.args == [first_line]


def test_fix_on_a_profile_fix_raises_the_score_and_removes_the_finding(
        qtbot, panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    controller = Controller(panel, lesson, text, default_preset())
    panel.show()
    before = controller.report
    button = next(b for b in panel.fix_buttons() if b.property("fix").kind == PROFILE_FIX
                  and "line_height" in b.property("fix").changes
                  and len(b.property("fix").changes) == 1)
    fix = button.property("fix")
    finding = next(f for f in before.findings if f.fix == fix)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert controller.fixes == [fix]
    after = controller.report
    assert finding not in after.findings
    assert fix not in [b.property("fix") for b in panel.fix_buttons()]
    assert after.scores["dyslexia"] > before.scores["dyslexia"]
    gain = after.scores["dyslexia"] - before.scores["dyslexia"]
    assert panel.score_label("dyslexia") == (
        f"Dyslexia: {before.scores['dyslexia']} → {after.scores['dyslexia']} (+{gain})")


def test_fix_buttons_work_from_the_keyboard_and_keep_the_place(qtbot, panel,
                                                               lesson_and_text) -> None:
    lesson, text = lesson_and_text
    controller = Controller(panel, lesson, text, default_preset())
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    first = panel.fix_buttons()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=2000)
    assert first.focusPolicy() & Qt.FocusPolicy.TabFocus
    count = len(panel.fix_buttons())
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert len(controller.fixes) == 1
    assert len(panel.fix_buttons()) < count
    # Focus lands on the Fix button now in the same place, ready for the next.
    qtbot.waitUntil(lambda: panel.fix_buttons()[0].hasFocus(), timeout=2000)


def test_findings_grouped_by_need(panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    report = check(lesson, default_preset(), text)
    panel.set_report(report)
    panel.set_group_by("need")
    assert panel.group_combo.currentData() == "need"
    labels = [label.text() for label in panel.findings_widget.findChildren(QLabel)]
    assert f"Dyslexia: {len(report.findings_for('dyslexia'))} found" in labels
    # A finding that matters to several needs is listed under each.
    expected = sum(1 for need in NEEDS for f in report.findings_for(need) if f.fix)
    assert len(panel.fix_buttons()) == expected
    with pytest.raises(ValueError):
        panel.set_group_by("colour")


def test_a_text_fix_is_offered_with_its_line(panel, lesson_and_text) -> None:
    lesson, text = lesson_and_text
    panel.set_report(check(lesson, default_preset(), text))
    fix = next(b.property("fix") for b in panel.fix_buttons()
               if b.property("fix").kind == TEXT_FIX)
    assert fix.line is not None and fix.replace[0] in text.splitlines()[fix.line - 1]


def test_messages_and_no_report(panel) -> None:
    panel.set_report(None)
    assert panel.summary.text() == "The lesson has not been checked yet."
    assert panel.score_label("vi") == "Visual impairment: not checked"
    assert panel.score_value_label("vi").text() == "" and panel.score_bar("vi").value() == 0
    panel.show_message("Line 4 has changed.", "error")
    assert panel.message.text() == "Problem: Line 4 has changed."


def test_a_narrow_panel_wraps_its_findings_instead_of_cutting_them_off(qtbot) -> None:
    # Long places ("Investigation: make a water cycle in a bowl, task 3") made
    # the list wider than the dock, and every finding was cut off at the right.
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    path = (Path(__file__).resolve().parents[2] / "lessons" / "library"
            / "ks2-year4-geography-water-cycle.md")
    panel = CheckerPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 900)
    panel.show()
    panel.set_report(check(load_lesson(path).lesson, get_preset("Dyslexia"),
                           path.read_text(encoding="utf-8")))
    QApplication.processEvents()
    viewport = panel.scroll.viewport().width()
    assert panel.scroll.widget().width() <= viewport
    # Long places wrap onto more lines instead of ending in "…" (finding 9 of
    # the accessibility audit): the button shows every word, inside the list.
    long_places = [b for b in panel.line_buttons()
                   if b.fontMetrics().horizontalAdvance(b.full_text()) > b.text_rect().width()]
    assert long_places, "the test lesson should have places too long for one line at 300 px"
    for button in long_places:
        assert button.text() == button.full_text() and button.toolTip()
        assert button.height() >= button.heightForWidth(button.width())
        assert button.mapTo(panel.scroll.widget(), button.rect().topRight()).x() <= viewport
