"""The checker panel in a teacher's words: places, buttons, needs and grouping (offscreen).

Each test fails on the old wording: "lesson.md:28" buttons named "Go to
lesson.md:28", "VI"/"SLCN" scores, and a "Group by" list offering "rule".
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from lessons.checker import check
from lessons.checker_model import NEED_LABELS, NEEDS
from lessons.loader import load_lesson
from lessons.presets import default_preset
from lessons.scenarios import get_scenario
from widgets.checker_panel import CheckerPanel

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"


@pytest.fixture
def panel(qtbot) -> CheckerPanel:
    path = get_scenario(SCENARIO).lesson_path
    lesson, text = load_lesson(path).lesson, path.read_text(encoding="utf-8")
    widget = CheckerPanel()
    qtbot.addWidget(widget)
    widget.resize(430, 900)  # as narrow as the practice window's dock
    widget.set_report(check(lesson, default_preset(), text))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def accessible_name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_places_are_sections_and_paragraphs_and_buttons_say_what_they_do(panel) -> None:
    report = panel.report()
    buttons = panel.line_buttons()
    assert buttons
    for button in buttons:
        finding = next(f for f in report.findings if f.line == button.property("line"))
        assert button.full_text() == finding.place
        assert ".md" not in button.full_text()
        assert accessible_name(button) == f"Show this in the lesson: {finding.place}"
        assert f"line {finding.line} of the lesson" in button.toolTip()
    # The lesson's own headings name the places.
    headings = {s.heading for s in load_lesson(get_scenario(SCENARIO).lesson_path).lesson.sections}
    assert any(b.text().split(",")[0] in headings for b in buttons)


def test_needs_are_named_in_full_with_the_bar_below(panel) -> None:
    labels = {label.text() for label in panel.findChildren(QLabel)}
    for need in NEEDS:
        shown = panel.score_label(need)
        assert shown.startswith(f"{NEED_LABELS[need]}: ")
        assert shown in labels
        # The long name has a line of its own above its bar, so the bar keeps its length.
        row = panel._rows[need]
        assert row.label.geometry().bottom() <= row.bar.geometry().top()
        assert row.bar.width() > panel.width() // 3
    assert not any(text.startswith(("VI ", "SLCN ")) for text in labels)


def test_group_by_offers_guideline_and_need(panel) -> None:
    combo = panel.group_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["guideline", "pupil's need"]
    # On Linux a screen reader hears the label, then the choice: "Group by: guideline".
    label = next(w for w in panel.findChildren(QLabel) if w.buddy() is combo)
    assert label.text().replace("&", "") == "Group by:"
    assert accessible_name(combo) == "guideline"
    combo.setCurrentIndex(1)
    assert panel.group_by() == "need"
    assert accessible_name(combo) == "pupil's need"


def test_headings_and_first_sentences_say_what_is_wrong_without_a_standards_number(
        panel) -> None:
    # The usability review: the checker opened with "WCAG 1.4.12 Text spacing" and
    # "This profile's spacing is tighter than the spacing WCAG 1.4.12 tests with…".
    # The standard is kept for those who want it: in the heading's tooltip and
    # after "Source:" at the end of the finding.
    report = panel.report()
    spacing = next(f for f in report.findings if f.rule.id == "WCAG-1.4.12")
    labels = panel.findings_widget.findChildren(QLabel)
    header = next(label for label in labels
                  if label.text() == "Spacing between lines, words and letters (1)")
    assert header.toolTip() == "Source: WCAG 1.4.12 Text spacing"
    message = next(label for label in labels if label.text() == spacing.message)
    assert message.text().startswith("Give the text more room: ")
    assert "Source: WCAG 1.4.12" in message.text()
    shown = [label.text() for label in labels]
    shown += [accessible_name(card) for card in panel.finding_cards()]
    for text in shown:
        first = text.split(". ", 1)[0]
        assert "WCAG" not in first and " em " not in first + " ", text
    fix = next(b for b in panel.fix_buttons() if b.property("fix") == spacing.fix)
    assert "WCAG" not in fix.accessibleName()
