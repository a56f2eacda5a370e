"""The lesson editor's "Save as new lesson": a new file, never over another.

The lesson is saved in the user's lesson folder (``lessons.new_lesson``)
under a title no lesson has yet ("… (adapted 2)", widgets/lesson_titles.py),
unless the teacher types one another lesson has and chooses to keep it; the
original lesson is never changed.

A mixin for :class:`widgets.lesson_editor.LessonEditor` (it uses the editor's
``reparse_now``, ``details_state``, ``text_edit``, ``history``,
``library_titles``, ``_saved_titles``, ``_source``, ``show_message`` and
``saved``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lessons.library import user_folder
from lessons.new_lesson import save_new_lesson
from lessons.save_problem import save_problem
from widgets.lesson_titles import ask_same_title, choose_title, free_title
from widgets.named_questions import ask_text


class SaveAsNew:
    """The editor's ``save_as_new`` and the questions it asks."""

    def save_as_new(self, name: str | None = None) -> Path | None:
        """Save the lesson as a new lesson in the user's lesson folder; never overwrites.

        ``name`` becomes the lesson's title and file name. When None it is
        asked for, offering a title no lesson has ("… (adapted 2)"); one the
        teacher types that another lesson has is asked about, not refused.
        Pictures the lesson uses are copied beside it when the folder has none
        of that name. Returns the new file, or None when nothing was saved.
        """
        result = self.reparse_now()
        state = self.details_state()
        state = state if state.readable else state.as_form()
        if result.lesson is None or state is None:
            self.show_message(self.tr("The lesson cannot be saved yet: fix the errors listed "
                                      "under Problems in the lesson file first."), "error")
            return None
        if name is None:
            taken = [*self.library_titles(), *self._saved_titles]
            suggestion = free_title(result.lesson.title, taken, self.tr("{title} (adapted)"),
                                    self.tr("{title} (adapted {number})"))
            name = choose_title(suggestion, taken, self.ask_lesson_name, self.ask_same_title)
        name = " ".join((name or "").split())
        if not name:
            return None
        text = state.edited(replace(state.current, title=name)).text(self.text_edit.toPlainText())
        try:
            path = save_new_lesson(text, name, user_folder(), result.lesson, self._source)
        except OSError as error:  # nothing of the new lesson is left behind
            self.show_message(save_problem(error, self.tr("The new lesson")), "error")
            return None
        self.history.mark_saved()
        self._saved_titles.append(name)  # taken now, though the library may not list it yet
        self.show_message(self.tr("Saved as a new lesson: {path}").format(path=path))
        self.saved.emit(path)
        return path

    # ----- its questions (replaced in tests) ------------------------------

    def ask_lesson_name(self, suggestion: str) -> str | None:
        """Ask what to call the new lesson; None when the teacher cancels."""
        return ask_text(self, self.tr("Save as new lesson"),
                        self.tr("Name of the new lesson (the original is not changed):"),
                        suggestion)

    def ask_same_title(self, title: str) -> str:
        """Say another lesson is called ``title``: KEEP it, RENAME or CANCEL (lesson_titles)."""
        return ask_same_title(self, title)
