"""The lesson editor window's profile: the practice window's profile row, and saving.

The row is ``app.practice.profile_bar.ProfileBar`` (the presets, the
teacher's saved profiles, Edit profile…), so a profile changed by one of the
checker's fixes shows under its own name, "Dyslexia (adapted)", at the top
of the list, as it does in practice mode. "Save profile…" beside it keeps
that profile as one of the teacher's own (``lessons.profile_store``).

A profile made here (by a fix or in the profile editor) is *unsaved* while
no preset and none of the teacher's profiles holds its settings; the window
asks about it before closing. Questions go through ``ask_profile_name`` so
tests can answer them without dialogs.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.practice.profile_bar import ProfileBar
from app.practice.workbench import Workbench
from lessons.presets import load_presets
from lessons.profile import Profile
from lessons.profile_store import ProfileNameError, ProfileStore
from lessons.save_problem import save_problem
from widgets.lesson_editor import LessonEditor
from widgets.named_questions import ask_text
from widgets.profile_editor import ProfileEditor


class EditorProfile(QObject):
    """The profile row of the lesson editor window, and the profile made there.

    Signals: ``saved(Profile)`` when a profile is saved as the teacher's own
    (here or in the profile editor), ``unsaved_changed(bool)`` when a profile
    made here starts or stops needing to be saved.
    """

    saved = Signal(object)
    unsaved_changed = Signal(bool)

    def __init__(self, workbench: Workbench, editor: LessonEditor, store: ProfileStore,
                 window: QWidget) -> None:
        super().__init__(window)
        self.workbench = workbench
        self.editor = editor
        self.store = store
        self.window = window
        self.profile_editor: ProfileEditor | None = None
        self._made: Profile | None = None
        self.bar = ProfileBar(store)
        self.bar.combo.setAccessibleName(self.tr("Profile for the preview and the checker"))
        self.bar.suggested_label.hide()  # no pupil scenario here, so no suggested presets
        self.save_button = QPushButton(self.tr("Save &profile…"))
        self.save_button.setAutoDefault(False)
        # Named by its words ("Save profile", so voice control's "click Save profile"
        # finds it); what it does is in its description, kept by _show_unsaved.
        self.save_button.setAccessibleName(self.tr("Save profile"))
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.bar.row.insertWidget(self.bar.row.indexOf(self.bar.edit_button) + 1,
                                  self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.bar.row.addStretch(1)
        self.bar.profile_chosen.connect(workbench.set_profile)
        self.bar.edit_requested.connect(self.edit)
        workbench.profile_changed.connect(self._changed)
        self.bar.refresh(workbench.profile())
        self._show_unsaved()

    # ----- what is saved ------------------------------------------------------

    def kept(self, profile: Profile) -> bool:
        """Whether a preset or one of the teacher's profiles holds ``profile``'s settings."""
        return any(replace(other, name=profile.name, builtin=profile.builtin) == profile
                   for other in [*load_presets(), *self.store.profiles()])

    def unsaved(self) -> Profile | None:
        """The profile made here that would be lost on closing, or None."""
        made = self._made
        return made if made is not None and not self.kept(made) else None

    def _changed(self, profile: Profile) -> None:
        self.bar.show_profile(profile)
        if not self.kept(profile):
            self._made = profile
        if self.profile_editor is not None and self.profile_editor.isVisible() \
                and self.profile_editor.profile() != profile:
            self.profile_editor.set_profile(profile)
        self._show_unsaved()

    def _show_unsaved(self) -> None:
        made = self.unsaved()
        self.save_button.setEnabled(made is not None)
        if made is None:
            tip = self.tr("Fix the profile with the checker, or change it with Edit profile, "
                          "to save it as one of your own profiles.")
        else:
            tip = self.tr("Keep “{name}” as one of your own profiles, to use again in any "
                          "lesson.").format(name=made.name)
        self.save_button.setToolTip(tip)
        self.save_button.setAccessibleDescription(tip)
        self.unsaved_changed.emit(made is not None)

    # ----- saving -------------------------------------------------------------

    def save(self) -> Profile | None:
        """Save the profile made here as one of the teacher's own, asking its name.

        A name that cannot be used is asked again with the reason. Returns the
        saved profile, or None when nothing was saved.
        """
        made = self.unsaved()
        if made is None:
            return None
        try:
            suggestion = self.store.check_name(made.name)
        except ProfileNameError:
            suggestion = self.store.suggest_name(made.name)
        problem = ""
        while True:
            name = self.ask_profile_name(suggestion, problem)
            if name is None:
                return None
            try:
                saved = self.store.add(made.renamed(name))
                break
            except ProfileNameError as error:
                suggestion, problem = name, _sentence(str(error))
            except OSError as error:
                self.editor.show_message(
                    save_problem(error, self.tr("The profile"), place_fixed=True), "error")
                return None
        self._saved(saved)
        return saved

    def _saved(self, saved: Profile) -> None:
        """List ``saved`` and adapt with it (so the profile in use carries its new name)."""
        if self._made is not None and self._made.renamed(saved.name) == saved:
            self._made = None
        self.bar.refresh()  # lists it
        if self.workbench.profile().renamed(saved.name) == saved:
            self.workbench.set_profile(saved)  # shows it, through _changed
        else:
            self.bar.show_profile(self.workbench.profile())
        self.editor.show_message(self.tr("“{name}” is saved as one of your profiles.").format(
            name=saved.name))
        self._show_unsaved()
        self.saved.emit(saved)

    # ----- the profile editor -------------------------------------------------

    def edit(self) -> ProfileEditor:
        """Open the profile editor on the profile in use; every edit shows at once."""
        if self.profile_editor is None:
            self.profile_editor = ProfileEditor(self.workbench.profile(), self.editor.lesson(),
                                                self.store, self.window)
            self.profile_editor.profile_changed.connect(self.workbench.set_profile)
            self.profile_editor.profile_saved.connect(self._saved)
            self.profile_editor.profile_deleted.connect(
                lambda _name: self.bar.refresh(self.workbench.profile()))
        else:
            self.profile_editor.set_profile(self.workbench.profile())
            self.profile_editor.set_lesson(self.editor.lesson())
        self.profile_editor.show()
        self.profile_editor.raise_()
        return self.profile_editor

    # ----- questions (replaced in tests) --------------------------------------

    def ask_profile_name(self, suggestion: str, problem: str = "") -> str | None:
        """Ask what to call the profile (``problem`` says why the last name would not do)."""
        label = self.tr("Name for your profile:")
        if problem:
            label = problem + "\n\n" + label
        return ask_text(self.window, self.tr("Save profile"), label, suggestion)


def _sentence(reason: str) -> str:
    """"you already have…" -> "You already have….": a reason as a sentence."""
    return reason[:1].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
