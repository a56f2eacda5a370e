"""The checker from the keyboard and a screen reader, and at a large interface size (offscreen).

Findings 3, 4 and 9 of the accessibility audit: a finding with no button was
never reached by Tab (the reading-age finding of "Writing a recount"), the
summary's fixed accessible name hid its count, the summary wrapped one word
to a line beside "Group by:" at 200%, and long places were cut off with "…".
Each test fails on the old panel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from app.ui_scale import apply_ui_scale
from lessons.checker import check
from lessons.loader import load_lesson
from lessons.presets import default_preset
from widgets.checker_panel import CheckerPanel

RECOUNT = (Path(__file__).resolve().parents[2] / "lessons" / "library"
           / "ks1-year2-english-writing-a-recount.md")


def accessible(widget, which=QAccessible.Text.Name) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(which)


@pytest.fixture
def report():
    return check(load_lesson(RECOUNT).lesson, default_preset(), RECOUNT.read_text("utf-8"))


@pytest.fixture
def panel(qtbot, report) -> CheckerPanel:
    widget = CheckerPanel()
    qtbot.addWidget(widget)
    widget.resize(430, 900)  # as narrow as the editor's dock
    widget.set_report(report)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    return widget


def tab_through(qtbot, panel) -> list:
    """Every widget Tab reaches after "Group by", until it leaves the findings."""
    panel.group_combo.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(500):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None or not panel.findings_widget.isAncestorOf(focus):
            break
        reached.append(focus)
    return reached


def test_tab_reaches_every_finding_with_its_words_and_why(qtbot, panel, report) -> None:
    reached = tab_through(qtbot, panel)
    heard = [(accessible(w), accessible(w, QAccessible.Text.Description)) for w in reached]
    for finding in report.findings:
        assert any(finding.message in name for name, _ in heard), finding.message
        assert any(finding.message in name and finding.rule.why in described
                   for name, described in heard), finding.rule.id
    reading_age = next(f for f in report.findings if f.rule.id == "SLCN-reading-age")
    assert reading_age.fix is None and reading_age.line is None  # the finding the audit missed
    card = next(w for w in reached if w.property("finding") == reading_age)
    # Its group heading is said with it.
    assert accessible(card, QAccessible.Text.Description).startswith(
        f"{reading_age.rule.heading} (1), finding 1 of 1.")
    # Not tedious: one stop per finding, then only its own buttons.
    assert len(reached) == (len(report.findings) + len(panel.line_buttons())
                            + len(panel.fix_buttons()))
    first = panel.finding_cards()[0]
    assert reached[0] is first


def test_up_and_down_move_between_findings_and_enter_shows_one(qtbot, panel) -> None:
    cards = panel.finding_cards()
    cards[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(cards[0], Qt.Key.Key_Down)
    assert cards[1].hasFocus()
    qtbot.keyClick(cards[1], Qt.Key.Key_End)
    assert cards[-1].hasFocus()
    qtbot.keyClick(cards[-1], Qt.Key.Key_Up)
    assert cards[-2].hasFocus()
    placed = next(c for c in cards if c.property("finding").line is not None)
    placed.setFocus()
    with qtbot.waitSignal(panel.line_requested) as asked:
        qtbot.keyClick(placed, Qt.Key.Key_Return)
    assert asked.args == [placed.property("finding").line]


def test_a_new_report_keeps_focus_on_the_same_finding(qtbot, panel, report) -> None:
    panel.finding_cards()[3].setFocus()
    panel.set_report(check(load_lesson(RECOUNT).lesson, default_preset(),
                           RECOUNT.read_text("utf-8").replace("Brook Farm", "the farm")))
    qtbot.waitUntil(lambda: panel.finding_cards()[3].hasFocus(), timeout=2000)


def test_the_summary_is_heard_as_it_reads(panel, report) -> None:
    shown = panel.summary.text()
    assert shown.startswith(f"{len(report.findings)} findings; ")
    assert shown in accessible(panel.summary)
    panel.set_report(None)
    assert "not been checked" in accessible(panel.summary)
    panel.show_message("Line 4 has changed.", "error")
    assert accessible(panel.message) == "Problem: Line 4 has changed."


@pytest.fixture(params=[1.0, 2.0], ids=["100%", "200%"])
def scale(request, qapp):
    applied = apply_ui_scale(request.param, qapp)
    yield applied
    apply_ui_scale(1.0, qapp)


def test_summary_and_places_read_whole_at_100_and_200_percent(qtbot, panel, scale) -> None:
    QApplication.processEvents()
    summary, combo = panel.summary, panel.group_combo
    # The summary has a line of its own above "Group by:", two lines at most.
    assert summary.geometry().bottom() < combo.geometry().top()
    assert summary.height() <= 2 * summary.fontMetrics().lineSpacing() + 4
    places = panel.line_buttons()
    recount = next(b for b in places
                   if b.full_text() == "The features of a recount, point 3 of the list")
    viewport = panel.scroll.viewport().width()
    for button in places:
        assert button.text() == button.full_text()
        room = button.text_rect()
        wrapped = button.fontMetrics().boundingRect(
            room.adjusted(0, 0, 0, 10000), int(Qt.TextFlag.TextWordWrap), button.full_text())
        assert wrapped.width() <= room.width() and wrapped.height() <= room.height()
        assert button.mapTo(panel.scroll.widget(), button.rect().topRight()).x() <= viewport
    if scale == 2.0:
        # Too long for one line at 200% in a 430-pixel panel, so it wraps.
        assert recount.fontMetrics().horizontalAdvance(recount.full_text()) > recount.width()
        assert recount.height() > 2 * recount.fontMetrics().height()
