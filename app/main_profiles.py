"""The profile the lesson is shown through: the list, the choice, F8, the ruler, the editor.

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``profiles`` list, ``store``, ``settings``, ``act``, ``view``,
``side_by_side``, ``dictation_panel``, ``projector``, ``lesson``, ``editor``,
``simulation_panel``, ``show_status`` and ``profile_changed``, and keeps the
window's ``_adapted`` and ``_ruler``). The list holds the presets, then the
user's own profiles, each with the guidance behind it on hover and for a
screen reader. The chosen profile reaches every view; F8 shows the lesson as
written (Standard preset) instead, and Ctrl+L turns the reading ruler on or
off over the profile until another is chosen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from lessons.presets import default_preset, load_presets
from lessons.profile import Profile
from lessons.profile_guidance import guidance_words


class ProfileChoice:
    """The main window's profiles, the unadapted view (F8) and the ruler over a profile."""

    def refresh_profiles(self, select: str | None = None) -> None:
        """List the presets, then the user's own profiles; keep or make a choice."""
        current = select or (self.profile().name if self.profiles.count() else None)
        self.profiles.blockSignals(True)
        self.profiles.clear()
        presets = load_presets()
        for profile in presets:
            self._add_profile(profile, presets)
        own = self.store.profiles()
        if own:
            self.profiles.insertSeparator(self.profiles.count())
            for profile in own:
                self._add_profile(profile, presets)
        index = self.profiles.findText(current) if current else 0
        self.profiles.setCurrentIndex(max(0, index))
        self.profiles.blockSignals(False)
        self._profile_chosen()

    def _add_profile(self, profile: Profile, presets: list[Profile]) -> None:
        self.profiles.addItem(profile.name, profile)
        # The guidance behind it, on hover and for a screen reader (_profile_chosen).
        self.profiles.setItemData(self.profiles.count() - 1, guidance_words(profile, presets),
                                  Qt.ItemDataRole.ToolTipRole)

    def profile(self) -> Profile:
        """The preset or profile chosen."""
        return self.profiles.currentData() or default_preset()

    def choose_profile(self, name: str) -> bool:
        """Choose the preset or profile called ``name``; False when there is none."""
        index = self.profiles.findText(name)
        if index >= 0:
            self.profiles.setCurrentIndex(index)
        return index >= 0

    def focus_profiles(self) -> None:
        """Put the keyboard on the profile list."""
        self.profiles.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _profile_chosen(self, *_args) -> None:
        self._ruler = None  # a new profile brings its own ruler
        profile = self.profile()
        guidance = self.profiles.currentData(Qt.ItemDataRole.ToolTipRole) or ""
        self.profiles.setToolTip(guidance)
        self.profiles.setAccessibleDescription(" ".join(
            [self.tr("The preset or saved profile the lesson is shown with."), guidance]).strip())
        self.settings.profile = profile.name
        self._apply_profile(profile)
        self.profile_changed.emit(profile)

    def _apply_profile(self, profile: Profile) -> None:
        shown = profile if self._adapted else default_preset()
        if self._ruler is not None:
            shown = replace(shown, ruler_lines=self._ruler)
        was = self.act.ruler.blockSignals(True)  # a tick that follows, not a choice
        self.act.ruler.setChecked(shown.ruler_lines > 0)
        self.act.ruler.blockSignals(was)
        self.view.set_profile(shown)
        self.side_by_side.set_adapted_profile(profile)
        # The pupil's own writing in their profile too (F8's unadapted view is the lesson's).
        self.dictation_panel.set_page(profile)
        if self.projector is not None:
            self.projector.set_profile(shown)
        for action in (self.act.next_section, self.act.previous_section):
            action.setEnabled(shown.focus_mode)
        # Shown whatever the profile ("Whole lesson" without sections), and as wide:
        # the buttons after it keep their places.
        self.show_section_place()
        note = self.view.font_note()
        if note:
            self.show_status(note)

    def edit_profile(self):
        """Open the profile editor on the chosen profile; edits preview in the window."""
        from widgets.profile_editor import ProfileEditor

        if self.editor is None:
            self.editor = ProfileEditor(self.profile(), self.lesson, self.store, self)
            self.editor.profile_changed.connect(self._apply_profile)
            self.editor.profile_saved.connect(lambda p: self.refresh_profiles(p.name))
            self.editor.profile_deleted.connect(lambda _name: self.refresh_profiles("Standard"))
            self.editor.finished.connect(lambda _r: self._apply_profile(self.profile()))
        else:
            self.editor.set_profile(self.profile())
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def set_unadapted_shown(self, unadapted: bool) -> None:
        """Show the lesson as written (Standard preset) or through the chosen profile (F8)."""
        if self._adapted == (not unadapted):
            return
        self._adapted = not unadapted
        self.act.flip.setChecked(unadapted)
        if self.simulation_panel is not None:
            self.simulation_panel.flip_action.setChecked(unadapted)
        self._apply_profile(self.profile())
        self.show_status(self.tr("Showing the lesson unadapted (Standard preset).") if unadapted
                         else self.tr("Showing the lesson with {name}.").format(
                             name=self.profile().name))

    def set_ruler_shown(self, shown: bool) -> None:
        """Show or hide the reading ruler (View > Reading ruler, Ctrl+L) over the profile.

        Lasts until another profile is chosen. Shown on a profile without a
        ruler, it is one line high.
        """
        self._ruler = (self.profile().ruler_lines or 1) if shown else 0
        self._apply_profile(self.profile())
        self.show_status(self.tr("Reading ruler on.") if shown else self.tr("Reading ruler off."))

    def is_adapted_shown(self) -> bool:
        """True while the lesson is shown through the chosen profile (not flipped)."""
        return self._adapted
