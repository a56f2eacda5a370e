"""Trainer mode: a scenario on the projector, one big step at a time.

Steps: the pupil (who they are, strengths, what helps), the task and the
targets, the lesson before and after side by side, and the checker's scores
before and after with what was changed; then the reflections, when there
are any. Text is large (sized from the screen), and the trainer steps with
the arrow keys or a presentation clicker (Right, Page Down or Space for the
next step; Left, Page Up or Backspace for the previous one; Home and End);
Up and Down scroll the lessons; + and - (with or without Ctrl) make the
text larger or smaller for the room, 0 puts it back; B or "." blanks the
screen; Esc leaves.

Opened from the main window (directly or through a practice window), it
borrows the main window's keys and live captions while it shows, as the
projector does (``Presenting.lend_to`` in app/main_projector.py): the
captions are a band above or below the steps, in sight even when the
screen is blanked, and Ctrl+Shift+C (captions) and F9 (dictation) work.

The content comes from a practice session in progress (the practice
window's ``trainer_content()``) or, for a demonstration, from a scenario
with one of its suggested presets (``demonstration_content``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.main_projector import Presenting
from app.practice.scenario_chooser import lesson_title, targets_text
from lessons.checker import check
from lessons.checker_model import NEED_LABELS, NEEDS
from lessons.loader import load_lesson
from lessons.model import Lesson
from lessons.presets import default_preset, find_preset
from lessons.profile import Profile
from lessons.profile_diff import describe_profile_changes
from lessons.scenarios import Scenario
from widgets.checker_panel import out_of_100_text, score_description, score_text, target_text
from widgets.fonts import resolve_family
from widgets.lesson_view import ZOOM_STEPS
from widgets.presentation import PresentationWindow
from widgets.side_by_side import SideBySide

TRAINER_FONT = "Atkinson Hyperlegible"
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def trainer_keys() -> list[tuple[str, str]]:
    """(keys, what they do) in trainer mode, for Help › Keyboard shortcuts."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("TrainerView", text)

    return [
        (tr("Right, Page Down, Space"), tr("Next step")),
        (tr("Left, Page Up, Backspace"), tr("Previous step")),
        (tr("Home, End"), tr("First or last step")),
        (tr("Up, Down"), tr("Scroll the step")),
        (tr("+, -, 0"), tr("Larger, smaller or normal text")),
        (tr("B, ."), tr("Blank the screen, or show it again")),
        (tr("Esc"), tr("Leave trainer mode")),
    ]


def wrap_to_the_width(label: QLabel) -> None:
    """Wrap ``label``'s text to the width it is given, and never ask for more.

    Unwrapped, the hint or a pane's title at + made the full-screen window
    wider than its screen (1979 px on a 1920-px projector at 125%), cut off
    on the right. Wrapped, a label still asks for its longest word
    ("communication" is 870 px at 400%), so it asks for no width at all: a
    word too long for the screen is clipped, not the whole window.
    """
    label.setWordWrap(True)
    policy = label.sizePolicy()  # keeps height-for-width, which the wrapping set
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)


@dataclass(frozen=True)
class TrainerContent:
    """What trainer mode shows: the pupil, the lesson before and after, and the scores."""

    scenario: Scenario
    original: Lesson
    adapted: Lesson
    original_profile: Profile
    adapted_profile: Profile
    scores_before: dict[str, float]
    scores_after: dict[str, float]
    changes: tuple[str, ...] = ()
    reflections: tuple[tuple[str, str], ...] = ()


def demonstration_content(scenario: Scenario, preset: str | None = None) -> TrainerContent:
    """The scenario's lesson unadapted (Standard) and with a preset (its first suggested one).

    Raises ``ValueError`` with a plain sentence when the lesson cannot be read.
    """
    result = load_lesson(scenario.lesson_path)
    if result.lesson is None:
        raise ValueError(f"the lesson {scenario.lesson} could not be read")
    text = scenario.lesson_path.read_text(encoding="utf-8")
    before = default_preset()
    names = [preset] if preset else [n for n in scenario.presets if n != before.name]
    after = next((p for p in (find_preset(n) for n in names) if p is not None), before)
    lesson = result.lesson
    return TrainerContent(
        scenario, lesson, lesson, before, after,
        dict(check(lesson, before, text).scores), dict(check(lesson, after, text).scores),
        tuple(describe_profile_changes(before, after)))


class TrainerView(PresentationWindow):
    """A scenario in big text, stepped through with the keyboard.

    Signals: ``left()`` however it ends, ``step_changed(index, count)``, and
    ``closing()`` (from :class:`PresentationWindow`, which also gives the band
    for the captions and the blank screen).
    """

    left = Signal()
    step_changed = Signal(int, int)

    def __init__(self, content: TrainerContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trainer mode: {pupil}").format(pupil=content.scenario.title))
        self.setAccessibleName(self.tr("Trainer mode"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window, True)  # its own window, even with a parent
        self.content = content
        screen = self.screen() or QApplication.primaryScreen()
        height = screen.availableGeometry().height() if screen else 1000
        self.base_pt = max(16.0, height / 48)
        self._zoom = 1.0
        # What + and - resize: widgets with a font of their own (at a share of
        # base_pt), the text steps' HTML and the score bars.
        self._sized: list[tuple[QWidget, float]] = [(self, 1.0)]
        self._texts: list[tuple[QTextBrowser, str]] = []
        self._bars: list[QProgressBar] = []
        font = QFont(resolve_family(TRAINER_FONT).family)
        font.setPointSizeF(self.base_pt)
        self.setFont(font)

        self.heading = QLabel()
        heading_font = QFont(font)
        heading_font.setPointSizeF(self.base_pt * 1.5)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self._sized.append((self.heading, 1.5))
        wrap_to_the_width(self.heading)
        self.hint = QLabel()
        wrap_to_the_width(self.hint)
        self.hint.setAccessibleName(self.tr("How to move between steps"))
        self.stack = QStackedWidget()
        self.steps: list[tuple[str, QWidget]] = []
        scenario = content.scenario
        self._add_text_step(self.tr("The pupil: {title}").format(title=scenario.title),
                            self._pupil_html())
        self._add_text_step(self.tr("The task"), self._task_html())
        self.side_by_side = SideBySide(content.original_profile)
        # Both through set_lesson: the panes are built when first shown.
        self.side_by_side.set_lesson(content.original, content.adapted)
        self.side_by_side.set_adapted_profile(content.adapted_profile)
        self.side_by_side.original_label.setText(self.tr("Before: {name}").format(
            name=content.original_profile.name))
        label_font = QFont(font)
        label_font.setBold(True)
        for label in (self.side_by_side.original_label, self.side_by_side.adapted_label):
            label.setFont(label_font)
            wrap_to_the_width(label)
            self._sized.append((label, 1.0))
        for view in (self.side_by_side.original, self.side_by_side.adapted):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys step and scroll here
        self._add_step(self.tr("Before and after"), self.side_by_side)
        # Scrolled when it does not fit (Up and Down), rather than holding trainer
        # mode taller than the screen: the captions' band below must keep its height.
        scores = QScrollArea()
        scores.setWidget(self._scores_widget())
        scores.setWidgetResizable(True)
        scores.setFrameShape(QScrollArea.Shape.NoFrame)
        scores.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._add_step(self.tr("The scores, before and after"), scores)
        answered = [(q, a) for q, a in content.reflections if a.strip()]
        if answered:
            self._add_text_step(self.tr("Reflections"), "".join(
                f"<p><b>{escape(q)}</b><br>{escape(a)}</p>" for q, a in answered))

        # The steps in a page of their own: the captions' band, when carried, spans
        # the screen's full width above or below it (see PresentationWindow.carry).
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        self.layout().addWidget(self.page, 1)
        self._index = 0
        self.go_to(0)

    # ----- building -----------------------------------------------------------

    def _add_step(self, title: str, widget: QWidget) -> None:
        self.steps.append((title, widget))
        self.stack.addWidget(widget)

    def _add_text_step(self, title: str, html: str) -> None:
        text = QTextBrowser()
        text.setOpenLinks(False)
        text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        text.setAccessibleName(title)
        self._texts.append((text, html))
        self._style_text(text, html)
        self._add_step(title, text)

    def _style_text(self, text: QTextBrowser, html: str) -> None:
        text.document().setDefaultStyleSheet(
            f"h3 {{ font-size: {self.base_pt * self._zoom * 1.15:.0f}pt; }} "
            "li { margin-bottom: 6px; }")
        text.setHtml(html)  # the default style sheet counts only for HTML set after it

    def _pupil_html(self) -> str:
        scenario = self.content.scenario
        support = f" ({escape(scenario.support)})" if scenario.support else ""
        items = "".join
        return (f"<p>{escape(scenario.summary)}{support}</p>"
                f"<h3>{escape(self.tr('Strengths'))}</h3><ul>"
                + items(f"<li>{escape(s)}</li>" for s in scenario.strengths)
                + f"</ul><h3>{escape(self.tr('What helps'))}</h3><ul>"
                + items(f"<li>{escape(s)}</li>" for s in scenario.what_helps) + "</ul>")

    def _task_html(self) -> str:
        scenario = self.content.scenario
        return (f"<p>{escape(scenario.task)}</p>"
                f"<p><b>{escape(self.tr('Lesson'))}:</b> {escape(lesson_title(scenario))}</p>"
                f"<p><b>{escape(self.tr('Aim for'))}:</b> {escape(targets_text(scenario))}.</p>")

    def _scores_widget(self) -> QWidget:
        """Big score rows (words, a bar, the target) and what was changed."""
        content = self.content
        targets = content.scenario.targets
        page = QWidget()
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        big = QFont(self.font())
        big.setPointSizeF(self.base_pt * 1.25)
        big.setBold(True)
        self.score_labels: dict[str, QLabel] = {}
        self.score_values: dict[str, QLabel] = {}
        for row, need in enumerate(NEEDS):
            after = content.scores_after.get(need)
            before = content.scores_before.get(need)
            label = QLabel(score_text(need, after, before))
            label.setFont(big)
            label.setWordWrap(True)  # in a scroll area, which may scroll
            self._sized.append((label, 1.25))
            label.setToolTip(NEED_LABELS[need])
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(after or 0))
            # The score is a label beside the bar: Fusion paints a bar's own
            # text across the fill's edge in two colours, hard to read.
            bar.setTextVisible(False)
            bar.setMinimumHeight(round(self.base_pt * 2))
            self._bars.append(bar)
            bar.setAccessibleName(self.tr("{need} score").format(need=NEED_LABELS[need]))
            value = QLabel(out_of_100_text(after))
            value.setFont(big)
            self._sized.append((value, 1.25))
            goal = QLabel(target_text(after, targets.get(need)))
            bar.setAccessibleDescription(
                score_description(need, after, before, targets.get(need)))
            # The need's full name on a line of its own ("Speech, language and
            # communication needs: 55 → 59 (+4)"), so the bar keeps its length.
            grid.addWidget(label, 2 * row, 0, 1, 3)
            grid.addWidget(bar, 2 * row + 1, 0)
            grid.addWidget(value, 2 * row + 1, 1)
            grid.addWidget(goal, 2 * row + 1, 2)
            self.score_labels[need] = label
            self.score_values[need] = value
        grid.setColumnStretch(0, 1)
        changes = list(content.changes) or [self.tr("Nothing changed yet.")]
        shown = changes[:8] + ([self.tr("… and {n} more").format(n=len(changes) - 8)]
                               if len(changes) > 8 else [])
        listing = QLabel("<b>" + escape(self.tr("What was changed")) + "</b><ul>"
                         + "".join(f"<li>{escape(c)}</li>" for c in shown) + "</ul>")
        listing.setWordWrap(True)
        note = QLabel(self.tr("Scores are out of 100 and compare versions of this lesson; "
                              "they are not a grade."))
        note.setWordWrap(True)
        below = 2 * len(NEEDS)
        grid.addWidget(listing, below, 0, 1, 3)
        grid.addWidget(note, below + 1, 0, 1, 3)
        grid.setRowStretch(below + 2, 1)
        return page

    # ----- stepping -----------------------------------------------------------

    def step(self) -> int:
        """The step shown, from 0."""
        return self._index

    def step_count(self) -> int:
        """How many steps there are."""
        return len(self.steps)

    def step_title(self) -> str:
        """The title of the step shown."""
        return self.steps[self._index][0]

    def go_to(self, index: int) -> None:
        """Show step ``index`` (kept within the steps)."""
        self._index = max(0, min(index, len(self.steps) - 1))
        title, widget = self.steps[self._index]
        self.stack.setCurrentWidget(widget)
        self.heading.setText(title)
        self._show_hint()
        self.step_changed.emit(self._index, len(self.steps))

    def _show_hint(self) -> None:
        hint = self.tr(
            "Step {n} of {count}. Right arrow or Page Down: next; Left arrow or Page Up: "
            "back; Up and Down scroll; Esc leaves.").format(n=self._index + 1,
                                                           count=len(self.steps))
        if round(self._zoom * 100) != 100:
            hint += self.tr(" Text {percent}%.").format(percent=round(self._zoom * 100))
        self.hint.setText(hint)
        self.setAccessibleDescription(" ".join((
            f"{self.step_title()}.", hint,
            self.tr("Plus and minus make the text larger or smaller; B or full stop blanks "
                    "the screen."))))

    def next_step(self) -> bool:
        """Go on one step; False at the last."""
        if self._index >= len(self.steps) - 1:
            return False
        self.go_to(self._index + 1)
        return True

    def previous_step(self) -> bool:
        """Go back one step; False at the first."""
        if self._index == 0:
            return False
        self.go_to(self._index - 1)
        return True

    # ----- text size -----------------------------------------------------------

    def text_zoom(self) -> float:
        """The text size for the room, 1.0 as made for the screen."""
        return self._zoom

    def set_text_zoom(self, factor: float) -> None:
        """Make every text ``factor`` times its size for the screen (0.5 to 4)."""
        factor = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        if factor == self._zoom:
            return
        self._zoom = factor
        for widget, share in self._sized:
            font = QFont(widget.font())
            font.setPointSizeF(self.base_pt * factor * share)
            widget.setFont(font)
        for text, html in self._texts:
            self._style_text(text, html)
        for bar in self._bars:
            bar.setMinimumHeight(round(self.base_pt * factor * 2))
        for view in (self.side_by_side.original, self.side_by_side.adapted):
            view.set_zoom(factor)
        self._show_hint()

    def _zoom_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_text_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6),
                                    ZOOM_STEPS[-1]))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.set_text_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6),
                                    ZOOM_STEPS[0]))
        elif key == Qt.Key.Key_0:
            self.set_text_zoom(1.0)
        else:
            return False
        return True

    # ----- presenting -----------------------------------------------------------

    def present(self) -> None:
        """Show full screen, ready for the keys, with the main window's captions and keys."""
        owner = self.parentWidget()
        while owner is not None and not isinstance(owner, Presenting):
            owner = owner.parentWidget()  # opened from a practice window: its main window
        if owner is not None:
            owner.lend_to(self)
        super().present()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if self.blank_key(key) or self._zoom_key(key):
            pass  # blanked or shown again; text sized
        elif key in NEXT_KEYS:
            self.next_step()
        elif key in PREVIOUS_KEYS:
            self.previous_step()
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(len(self.steps) - 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._scroll(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def _scroll(self, direction: int) -> None:
        widget = self.stack.currentWidget()
        view = self.side_by_side.adapted if widget is self.side_by_side else widget
        if not hasattr(view, "verticalScrollBar"):
            return
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + direction * max(bar.singleStep() * 3, bar.pageStep() // 4))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)  # the captions go back first (``closing``)
        self.left.emit()
