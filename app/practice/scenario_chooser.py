"""Choosing a pupil scenario: the list of pupils, and one described in full.

``pupil_html(scenario)`` describes a pupil (strengths first, then what
helps, the task and the targets) as simple HTML for a text view; the
trainer view uses it too, in larger type.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lessons.checker_model import NEED_LABELS
from lessons.loader import load_lesson
from lessons.scenarios import Scenario, builtin_scenarios
from widgets.relative_font import set_relative_font


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScenarioChooser", text)


def lesson_title(scenario: Scenario) -> str:
    """The title of the scenario's lesson, or its file name when it cannot be read."""
    lesson = load_lesson(scenario.lesson_path).lesson
    return lesson.title if lesson else scenario.lesson


def targets_text(scenario: Scenario) -> str:
    """"Dyslexia score of 85 or more", joined with "and"."""
    parts = [_tr("{need} score of {target} or more").format(
        need=NEED_LABELS.get(need, need), target=f"{target:g}")
        for need, target in scenario.success]
    return _tr(" and ").join(parts)


def _items(values: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def pupil_html(scenario: Scenario, *, with_task: bool = True) -> str:
    """The pupil described for a teacher: who they are, strengths, what helps, the task."""
    # Support on a line of its own: a summary that already says "She has an EHC plan"
    # read "… each day. (EHC plan)" with it added on the end.
    support = (f"<p><b>{escape(_tr('Support:'))}</b> {escape(scenario.support)}</p>"
               if scenario.support else "")
    parts = [
        f"<h2>{escape(scenario.title)}</h2>",
        f"<p>{escape(scenario.summary)}</p>{support}",
        f"<h3>{escape(_tr('Strengths'))}</h3>", _items(scenario.strengths),
        f"<h3>{escape(_tr('What helps'))}</h3>", _items(scenario.what_helps),
    ]
    if with_task:
        suits = _tr("Presets that may suit {name}:").format(name=scenario.name)
        parts += [
            f"<h3>{escape(_tr('Your task'))}</h3>",
            f"<p>{escape(scenario.task)}</p>",
            f"<p><b>{escape(_tr('Lesson:'))}</b> {escape(lesson_title(scenario))}</p>",
            f"<p><b>{escape(_tr('Aim for:'))}</b> {escape(targets_text(scenario))}.</p>",
            f"<p><b>{escape(suits)}</b> {escape(', '.join(scenario.presets))}.</p>",
        ]
    return "\n".join(parts)


class ScenarioChooser(QWidget):
    """The pupil scenarios: choose one and start practising.

    Signal: ``scenario_chosen(Scenario)`` on Start (or Enter in the list).
    """

    scenario_chosen = Signal(object)

    def __init__(self, scenarios: tuple[Scenario, ...] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Choose a pupil scenario"))
        self.scenarios = tuple(scenarios if scenarios is not None else builtin_scenarios())
        heading = QLabel(self.tr("Practise adapting a lesson for a pupil"))
        set_relative_font(heading, 1.6, bold=True)
        # Wrapped: on one line at 250% it held the practice window (every page of it)
        # wider than a 1366-px laptop's screen.
        heading.setWordWrap(True)
        intro = QLabel(self.tr(
            "Each scenario is a fictional pupil, a real lesson and a task. The lesson opens "
            "unadapted; you adapt it, the checker and the simulations show the difference, "
            "and you note what you learnt. Your record stays on this computer."))
        intro.setWordWrap(True)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Pupil scenarios"))
        for scenario in self.scenarios:
            item = QListWidgetItem(scenario.title)
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            self.list.addItem(item)
        list_label = QLabel(self.tr("P&upils"))
        list_label.setBuddy(self.list)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("About the pupil"))
        self.details.setOpenLinks(False)
        self.start_button = QPushButton(self.tr("&Start practising"))
        self.start_button.setAccessibleName(self.tr("Start practising with this pupil"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self._start())

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(list_label)
        column.addWidget(self.list, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        column.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        if self.scenarios:
            self.list.setCurrentRow(0)

    def current(self) -> Scenario | None:
        """The scenario chosen in the list."""
        row = self.list.currentRow()
        return self.scenarios[row] if 0 <= row < len(self.scenarios) else None

    def select(self, scenario_id: str) -> bool:
        """Choose the scenario with this id in the list; False when there is none."""
        for row, scenario in enumerate(self.scenarios):
            if scenario.id == scenario_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _show(self, _row: int) -> None:
        scenario = self.current()
        self.details.setHtml(pupil_html(scenario) if scenario else "")

    def _start(self) -> None:
        scenario = self.current()
        if scenario is not None:
            self.scenario_chosen.emit(scenario)
