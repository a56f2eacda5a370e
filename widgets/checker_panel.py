"""The checker panel: a lesson's scores per need and what the checker found.

At the top, one row per need, named in full (visual impairment, dyslexia,
speech, language and communication needs): the change since the start of
the session ("Dyslexia: 54 → 82 (+28)"), then the score as a bar and beside
it in words ("82 out of 100"), and the scenario's target when there is one.
Below, the findings, grouped by guideline (its title and why it matters said
once, then each place it applies) or by need. Each finding says where it is
in a teacher's words: a button "Key words, paragraph 2" that asks for the
editor's cursor to move to that line (``line_requested``), or "Profile
setting". Where the checker has a
one-click fix, a "Fix" button emits ``fix_requested(Fix)``; a controller in
``app/`` makes the change and hands back a new report.

Everything is reachable with Tab: each finding is a card that takes focus
(``widgets/checker_findings.py``), named with the finding and described with
its group, why it matters and its fix; its buttons follow it, and Up and
Down move from finding to finding. Every button has an accessible name and
a description with the finding in full. Colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lessons.checker_model import NEED_LABELS, NEEDS, Finding, Fix, Report
from widgets.announce import announce
from widgets.checker_findings import FindingCard, PlaceButton, card_description
from widgets.relative_font import set_relative_font
from widgets.value_label import ValueLabel

GROUP_BY_RULE = "rule"
GROUP_BY_NEED = "need"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckerPanel", text)


def score_text(need: str, score: float | None, before: float | None = None) -> str:
    """"Dyslexia: 54 → 82 (+28)", or "Dyslexia: 82" with no earlier score.

    Needs are named in full ("Visual impairment", "Speech, language and
    communication needs"), as teachers meet them in the scenarios.
    """
    label = NEED_LABELS.get(need, need)
    if score is None:
        return _tr("{need}: not checked").format(need=label)
    now = round(score)
    if before is None:
        return f"{label}: {now}"
    change = now - round(before)
    sign = "+" if change > 0 else "±" if change == 0 else "−"
    return f"{label}: {round(before)} → {now} ({sign}{abs(change)})"


def target_text(score: float | None, target: float | None) -> str:
    """"target 85: reached" or "target 85: 3 to go"; "" with no target."""
    if target is None:
        return ""
    if score is not None and score >= target:
        return _tr("target {target}: reached ✓").format(target=round(target))
    missing = round(target - (score or 0))
    return _tr("target {target}: {missing} to go").format(target=round(target), missing=missing)


def location_text(finding: Finding) -> str:
    """Where a finding is, in a teacher's words.

    "Key words, paragraph 2" (the checker's ``place``), "Line 25 of the
    lesson" when it could not say more, "The whole lesson" or "Profile setting".
    """
    if finding.about_profile:
        return _tr("Profile setting")
    if finding.line is None:
        return _tr("The whole lesson")
    return finding.place or _tr("Line {line} of the lesson").format(line=finding.line)


def show_place_name(finding: Finding) -> str:
    """What a screen reader calls a finding's place button: what it does, and where."""
    return _tr("Show this in the lesson: {where}").format(where=location_text(finding))


def out_of_100_text(score: float | None) -> str:
    """"82 out of 100"; "" when the lesson has not been checked."""
    if score is None:
        return ""
    return _tr("{score} out of 100").format(score=round(score))


def score_description(need: str, score: float | None, before: float | None,
                      target: float | None) -> str:
    """What a screen reader says for a score bar: the need, the change, the score, the target."""
    parts = (score_text(need, score, before), out_of_100_text(score), target_text(score, target))
    return ". ".join(part for part in parts if part) + "."


class _ScoreRow:
    """One need's words on a line of their own, then its bar, score and target side by side.

    The bar draws no text: Qt's Fusion style paints a bar's text across the
    edge of the filled part in two colours, which reads badly, so the score
    is a label of its own beside the bar.
    """

    def __init__(self, need: str, grid: QGridLayout, row: int) -> None:
        # Each need takes two grid rows: the full name of a need is too long to
        # sit beside its bar in a narrow dock.
        self.need = need
        self.label = QLabel()
        set_relative_font(self.label, 1.15, bold=True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFormat(_tr("%v out of 100"))  # still what a screen reader may ask for
        self.bar.setAccessibleName(_tr("{need} score").format(need=NEED_LABELS[need]))
        self.value = QLabel()
        # As wide as the widest score, so the bars do not change length as scores change.
        self.value.setMinimumWidth(
            self.value.fontMetrics().horizontalAdvance(out_of_100_text(100)) + 4)
        self.target = QLabel()
        self.label.setWordWrap(True)
        grid.addWidget(self.label, 2 * row, 0, 1, 3)
        grid.addWidget(self.bar, 2 * row + 1, 0)
        grid.addWidget(self.value, 2 * row + 1, 1)
        grid.addWidget(self.target, 2 * row + 1, 2)

    def show(self, score: float | None, before: float | None, target: float | None) -> None:
        text = score_text(self.need, score, before)
        self.label.setText(text)
        self.bar.setValue(round(score or 0))
        value = out_of_100_text(score)
        self.value.setText(value)
        self.target.setText(target_text(score, target))
        self.bar.setAccessibleDescription(score_description(self.need, score, before, target))


class CheckerPanel(QWidget):
    """Scores and findings of one checker report.

    Signals: ``fix_requested(Fix)`` when a Fix button is pressed,
    ``line_requested(int)`` when a finding's place in the lesson is chosen.
    """

    fix_requested = Signal(object)
    line_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Checker"))
        self._report: Report | None = None
        self._baseline: dict[str, float] = {}
        self._targets: dict[str, float] = {}
        self._group_by = GROUP_BY_RULE
        self._shown: tuple | None = None
        self._refocus: int | None = None
        self._fix_buttons: list[QPushButton] = []
        self._line_buttons: list[QPushButton] = []
        self._cards: list[FindingCard] = []

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Scores out of 100"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self._rows = {need: _ScoreRow(need, grid, i) for i, need in enumerate(NEEDS)}
        layout.addLayout(grid)
        self.note = QLabel(self.tr(
            "The scores compare versions of this lesson as you adapt it; they are not a "
            "grade, and 100 does not mean it suits every pupil."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        # The summary has a line of its own above "Group by:": beside it, at a
        # large interface size, it wrapped one word to a line. Its accessible
        # name is what it says (a fixed name would hide the count from a reader).
        self.summary = ValueLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        controls = QHBoxLayout()
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("guideline"), GROUP_BY_RULE)
        self.group_combo.addItem(self.tr("pupil's need"), GROUP_BY_NEED)
        self.group_combo.setAccessibleName(self.tr("Group the findings by"))
        self.group_combo.setToolTip(self.tr(
            "Group the findings by the guideline they come from, or by the pupil's need "
            "they matter to"))
        group_label = QLabel(self.tr("&Group by:"))
        group_label.setBuddy(self.group_combo)
        self.group_combo.currentIndexChanged.connect(
            lambda _i: self.set_group_by(self.group_combo.currentData()))
        controls.addWidget(group_label)
        controls.addWidget(self.group_combo)
        controls.addStretch(1)
        layout.addLayout(controls)
        self.message = ValueLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName(self.tr("Findings"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings_widget = QWidget()
        self.scroll.setWidget(self.findings_widget)
        layout.addWidget(self.scroll, 1)
        self._show_scores()

    # ----- public API -------------------------------------------------------

    def set_report(self, report: Report | None, baseline: Mapping[str, float] | None = None
                   ) -> None:
        """Show ``report``; ``baseline`` (scores at the start) when given replaces the old one."""
        if baseline is not None:
            self._baseline = dict(baseline)
        self._report = report
        self.message.hide()
        self._show_scores()
        self._show_findings()

    def report(self) -> Report | None:
        """The report shown."""
        return self._report

    def set_baseline(self, scores: Mapping[str, float] | None) -> None:
        """The scores to show the change from (the lesson as it was at the start)."""
        self._baseline = dict(scores or {})
        self._show_scores()

    def set_targets(self, targets: Mapping[str, float] | None) -> None:
        """Scores to reach, per need (a scenario's success criteria)."""
        self._targets = dict(targets or {})
        self._show_scores()

    def score_label(self, need: str) -> str:
        """The words shown for ``need``'s score, such as "Dyslexia 54 → 82 (+28)"."""
        return self._rows[need].label.text()

    def score_bar(self, need: str) -> QProgressBar:
        """The bar showing ``need``'s score (it draws no text of its own)."""
        return self._rows[need].bar

    def score_value_label(self, need: str) -> QLabel:
        """The label beside ``need``'s bar that says the score, such as "82 out of 100"."""
        return self._rows[need].value

    def group_by(self) -> str:
        """"rule" or "need"."""
        return self._group_by

    def set_group_by(self, mode: str) -> None:
        """Group the findings by "rule" or by "need"."""
        if mode not in (GROUP_BY_RULE, GROUP_BY_NEED):
            raise ValueError("group the findings by 'rule' or 'need'")
        self._group_by = mode
        self.group_combo.setCurrentIndex(self.group_combo.findData(mode))
        self._show_findings()

    def fix_buttons(self) -> list[QPushButton]:
        """The Fix buttons shown, in order (each has its ``Fix`` as property "fix")."""
        return list(self._fix_buttons)

    def line_buttons(self) -> list[QPushButton]:
        """The buttons naming a place in the lesson, in order (each has property "line")."""
        return list(self._line_buttons)

    def finding_cards(self) -> list[FindingCard]:
        """The findings shown, one focusable card each, in order (property "finding")."""
        return list(self._cards)

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show a message above the findings (a fix that could not be made, say)."""
        prefix = self.tr("Problem: ") if kind == "error" else ""
        self.message.setText(prefix + text)
        self.message.show()
        announce(self.message, prefix + text, assertive=kind == "error")

    # ----- scores -------------------------------------------------------------

    def _show_scores(self) -> None:
        scores = self._report.scores if self._report else {}
        for need, row in self._rows.items():
            row.show(scores.get(need), self._baseline.get(need), self._targets.get(need))

    # ----- findings -----------------------------------------------------------

    def _show_findings(self) -> None:
        report = self._report
        key = (report.findings if report else None, self._group_by)
        if key == self._shown:
            return
        self._shown = key
        scroll = self.scroll.verticalScrollBar().value()
        old = self.findings_widget
        refocus = self._focused_finding()
        self._fix_buttons, self._line_buttons, self._cards = [], [], []
        self.findings_widget = QWidget()
        column = QVBoxLayout(self.findings_widget)
        column.setSpacing(4)
        if report is None:
            self.summary.setText(self.tr("The lesson has not been checked yet."))
        else:
            fixable = sum(1 for f in report.findings if f.fix is not None)
            count = len(report.findings)
            self.summary.setText(
                self.tr("No findings.") if not count else
                self.tr("{count} findings; {fixable} with a one-click fix.").format(
                    count=count, fixable=fixable) if count != 1 else
                self.tr("1 finding; {fixable} with a one-click fix.").format(fixable=fixable))
            for title, why, findings in self._groups(report):
                self._add_group(column, title, why, findings)
        column.addStretch(1)
        # setWidget would delete the old one at once, perhaps inside its own button's
        # click: take it out and delete it once the click is over.
        self.scroll.takeWidget()
        old.deleteLater()
        self.scroll.setWidget(self.findings_widget)
        self.scroll.verticalScrollBar().setValue(scroll)
        if self._refocus is not None:
            index, self._refocus = self._refocus, None
            if self._fix_buttons:
                self._fix_buttons[min(index, len(self._fix_buttons) - 1)].setFocus()
            else:
                self.group_combo.setFocus()
        elif refocus is not None:
            # A new report while a finding had focus (the lesson was checked
            # again): focus stays in the same place in the list.
            if self._cards:
                self._cards[min(refocus, len(self._cards) - 1)].setFocus()
            else:
                self.group_combo.setFocus()

    def _focused_finding(self) -> int | None:
        focus = self.focusWidget() if self.findings_widget.isAncestorOf(
            self.focusWidget() or self) else None
        while focus is not None and not isinstance(focus, FindingCard):
            focus = focus.parentWidget()
        return self._cards.index(focus) if focus in self._cards else None

    def _groups(self, report: Report) -> list[tuple[str, str, list[Finding]]]:
        groups: list[tuple[str, str, list[Finding]]] = []
        if self._group_by == GROUP_BY_NEED:
            for need in NEEDS:
                found = list(report.findings_for(need))
                if found:
                    title = self.tr("{need}: {count} found").format(
                        need=NEED_LABELS[need], count=len(found))
                    groups.append((title, "", found))
            return groups
        by_rule: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_rule.setdefault(finding.rule.id, []).append(finding)
        for found in by_rule.values():
            rule = found[0].rule
            # The heading in plain words; the standard it comes from in its tooltip.
            groups.append((f"{rule.heading} ({len(found)})", rule.why, found))
        return groups

    def _add_group(self, column: QVBoxLayout, title: str, why: str,
                   findings: list[Finding]) -> None:
        header = QLabel(title)
        set_relative_font(header, 1.1, bold=True)
        header.setWordWrap(True)
        source = findings[0].rule.source if why else ""
        if source:
            header.setToolTip(self.tr("Source: {source}").format(source=source))
        column.addSpacing(6)
        column.addWidget(header)
        if why:
            reason = QLabel(self.tr("Why it matters: {why}").format(why=why))
            reason.setWordWrap(True)
            column.addWidget(reason)
        for index, finding in enumerate(findings, 1):
            # The group is said with each finding: a reader reaches findings
            # one by one and never lands on the heading itself.
            described = card_description(title, index, len(findings), finding.rule.why,
                                     finding.fix.label if finding.fix else None)
            column.addWidget(self._finding_card(finding, show_rule=not why, described=described))

    def _finding_card(self, finding: Finding, show_rule: bool, described: str) -> FindingCard:
        where = location_text(finding)
        name = f"{where}: {finding.message}"
        if show_rule:
            name = f"{finding.rule.heading}. {name}"
        card = FindingCard(name, described)
        card.setProperty("finding", finding)
        self._watch_focus(card)
        self._cards.append(card)
        grid = QGridLayout(card)
        grid.setContentsMargins(6, 4, 6, 4)
        full = f"{finding.rule.heading}. {where}. {finding.message}"
        if show_rule:
            full += " " + self.tr("Why it matters: {why}").format(why=finding.rule.why)
        if finding.line is not None:
            place = PlaceButton(where)
            place.setFlat(True)
            place.setCursor(Qt.CursorShape.PointingHandCursor)
            place.setToolTip(self.tr(
                "Show this in the lesson text (line {line} of the lesson)").format(
                line=finding.line))
            place.setAccessibleName(show_place_name(finding))
            place.setProperty("line", finding.line)
            place.setAccessibleDescription(full)
            place.setAutoDefault(False)
            place.clicked.connect(lambda _c=False, n=finding.line: self.line_requested.emit(n))
            self._watch_focus(place)
            self._line_buttons.append(place)
        else:
            place = QLabel(where)
            place.setWordWrap(True)
        font = place.font()
        font.setUnderline(finding.line is not None)  # a link, said in words in its tooltip
        place.setFont(font)
        grid.addWidget(place, 0, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        text = finding.message
        if show_rule:
            text = f"{finding.rule.heading}: {text}\n" + self.tr("Why it matters: {why}").format(
                why=finding.rule.why)
        message = QLabel(text)
        message.setWordWrap(True)
        if finding.rule.source:
            message.setToolTip(self.tr("Source: {source}").format(source=finding.rule.source))
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(message, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        if finding.fix is not None:
            name = self.tr("Fix: {label}").format(label=finding.fix.label)
            button = QPushButton(self.tr("Fix"))
            button.setAccessibleName(name)
            button.setAccessibleDescription(full)
            button.setToolTip(name)
            button.setAutoDefault(False)
            button.setProperty("fix", finding.fix)
            button.clicked.connect(lambda _c=False, f=finding.fix, b=button: self._fix(f, b))
            self._watch_focus(button)
            self._fix_buttons.append(button)
            what = QLabel(finding.fix.label)
            what.setWordWrap(True)
            what.setBuddy(button)
            grid.addWidget(button, 2, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(what, 2, 1)
        return card

    def _fix(self, fix: Fix, button: QPushButton) -> None:
        if button in self._fix_buttons and button.hasFocus():
            self._refocus = self._fix_buttons.index(button)
        self.fix_requested.emit(fix)

    def _watch_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Keyboard users see where Tab has taken them.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll.ensureWidgetVisible(watched, 20, 40)
        elif (event.type() == QEvent.Type.KeyPress and watched in self._cards
              and self._step(watched, event.key())):
            return True
        return super().eventFilter(watched, event)

    def _step(self, card: FindingCard, key: int) -> bool:
        """Up, Down, Home and End move between findings; Enter shows one in the lesson."""
        index = self._cards.index(card)
        moves = {Qt.Key.Key_Up: index - 1, Qt.Key.Key_Down: index + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self._cards) - 1}
        if key in moves:
            target = moves[key]
            if 0 <= target < len(self._cards):
                self._cards[target].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            place = card.findChild(PlaceButton)
            if place is not None:
                place.click()
                return True
        return False
