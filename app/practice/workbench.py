"""The controller joining a lesson editor, a profile and the checker panel.

It checks the lesson as the teacher works: each time the editor re-parses
its text, and each time the profile changes, it runs ``lessons.checker.check``
on the editor's lesson and profile (with the editor's text, so findings name
lines of what is on screen) and shows the report in the checker panel.

A Fix button in the panel comes here: a profile fix goes through
``apply_fix`` to make a new profile; a text fix goes through
``apply_text_fix`` on the editor's text, as one undoable edit. A fix that can
no longer be made (the text changed since the check) is one plain sentence in
the panel, and the lesson is checked again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from lessons.checker import FixError, apply_fix, apply_text_fix, check
from lessons.checker_model import PROFILE_FIX, Fix, Report
from lessons.model import LoadResult
from lessons.profile import Profile
from widgets.checker_panel import CheckerPanel
from widgets.lesson_editor import LessonEditor


class Workbench(QObject):
    """Keeps the checker's report in step with the editor's text and the profile.

    Signals: ``report_changed(Report)`` after every check,
    ``profile_changed(Profile)`` when the profile changes (a fix or ``set_profile``),
    ``fix_applied(Fix)`` after a fix is made.
    """

    report_changed = Signal(object)
    profile_changed = Signal(object)
    fix_applied = Signal(object)

    def __init__(self, editor: LessonEditor, checker: CheckerPanel, profile: Profile,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.checker = checker
        self._profile = profile
        self._report: Report | None = None
        self.checks = 0
        editor.set_profile(profile)
        editor.lesson_parsed.connect(self._parsed)
        checker.fix_requested.connect(self.apply_fix)
        checker.line_requested.connect(editor.go_to_line)

    def profile(self) -> Profile:
        """The profile the lesson is adapted with."""
        return self._profile

    def report(self) -> Report | None:
        """The latest report (None before the first check)."""
        return self._report

    def scores(self) -> dict[str, int]:
        """The latest scores per need ({} before the first check)."""
        return dict(self._report.scores) if self._report else {}

    def set_baseline(self, scores: Mapping[str, float] | None) -> None:
        """The scores the panel shows the change from."""
        self.checker.set_baseline(scores)

    def set_profile(self, profile: Profile) -> None:
        """Adapt with ``profile``: the preview and the checker follow at once."""
        self._profile = profile
        self.editor.set_profile(profile)
        self.profile_changed.emit(profile)
        self.recheck()

    def recheck(self) -> Report | None:
        """Check the editor's lesson with the profile now; None when the text has errors."""
        lesson = self.editor.lesson()
        if lesson is None:
            self.checker.show_message(self.tr(
                "The lesson text has errors (see Problems in the lesson file, under the "
                "text), so it was not checked again; the scores are from the last check."),
                "error")
            return None
        self._report = check(lesson, self._profile, self.editor.text())
        self.checks += 1
        self.checker.set_report(self._report)
        self.report_changed.emit(self._report)
        return self._report

    def apply_fix(self, fix: Fix) -> bool:
        """Make one fix: profile fixes change the profile, text fixes the editor's text."""
        try:
            if fix.kind == PROFILE_FIX:
                adapted = apply_fix(self._profile, fix)
                if self._profile.builtin:
                    # The record should not say "Dyslexia" for a preset that was changed.
                    adapted = replace(adapted, name=self.tr("{name} (adapted)").format(
                        name=self._profile.name))
                self.set_profile(adapted)
            else:
                self.editor.replace_text(apply_text_fix(self.editor.text(), fix))
                self.editor.reparse_now()  # checks again through _parsed
        except FixError as error:
            self.editor.reparse_now()
            reason = str(error)
            self.checker.show_message(reason[:1].upper() + reason[1:] + ".", "error")
            return False
        self.fix_applied.emit(fix)
        return True

    def _parsed(self, result: LoadResult) -> None:
        self.recheck()
