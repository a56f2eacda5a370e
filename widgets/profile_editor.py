"""The profile editor: every setting, a live preview, and the colour contrast.

Built-in presets cannot be changed: "Save as…" makes the user's own copy.
The user's own profiles can be saved, renamed and deleted; they live in
``lessons.profile_store.ProfileStore`` (one JSON file each).

Questions to the user go through ``ask_name``, ``confirm`` and
``show_error``, so tests can answer them without real dialogs.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from lessons.contrast import AA_NORMAL, format_ratio, profile_contrast
from lessons.model import Lesson, ListBlock, Paragraph, Section, Span, VocabularyEntry
from lessons.presets import default_preset, load_presets
from lessons.profile import Profile
from lessons.profile_guidance import guidance_words
from lessons.profile_store import ProfileStore
from widgets.announce import announce
from widgets.lesson_view import LessonView
from widgets.named_questions import ask_text
from widgets.profile_form import ProfileForm
from widgets.relative_font import set_relative_font
from widgets.screen_fit import fit_size
from widgets.value_label import ValueLabel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProfileEditor", text)


def sample_lesson() -> Lesson:
    """A short lesson with headings, styles, capitals and a key word, for previews."""
    return Lesson(
        title=_tr("The water cycle"),
        vocabulary=(VocabularyEntry(_tr("evaporation"),
                                    _tr("When water warms up and turns into a gas.")),),
        sections=(Section(_tr("Where does rain come from?"), 2, (
            Paragraph((Span(_tr("The sun warms the sea. Some of the water turns into a gas. "
                                "This is called ")),
                       Span(_tr("evaporation"), bold=True),
                       Span(_tr(". The gas rises, ")), Span(_tr("cools"), italic=True),
                       Span(_tr(" and makes ")), Span(_tr("clouds"), underline=True),
                       Span(_tr(". REMEMBER THIS WORD.")),), 1),
            ListBlock(((Span(_tr("Rain falls from the clouds.")),),
                       (Span(_tr("Rivers carry it back to the sea.")),)), False, 2),
        ), 1),),
    )


class ProfileEditor(QDialog):
    """Edit a profile with a live preview.

    Signals: ``profile_changed(Profile)`` on every edit, ``profile_saved(Profile)``
    after Save, Save as or Rename, ``profile_deleted(name)`` after Delete.
    """

    profile_changed = Signal(object)
    profile_saved = Signal(object)
    profile_deleted = Signal(str)

    def __init__(self, profile: Profile | None = None, lesson: Lesson | None = None,
                 store: ProfileStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit profile"))
        self.setAccessibleName(self.tr("Profile editor"))
        self.store = store if store is not None else ProfileStore()
        self._dirty = False
        self._weak: bool | None = None  # None until the first profile is shown

        # Labels that show information are ValueLabels: a screen reader hears what
        # they show, not a fixed name in its place.
        self.title = ValueLabel(self.tr("Profile"))
        set_relative_font(self.title, 1.4, bold=True)
        self.status = ValueLabel()
        self.status.setWordWrap(True)
        self.guidance = ValueLabel()
        self.guidance.setWordWrap(True)

        self.form = ProfileForm()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Settings"))
        # The area only scrolls: focus goes straight to the first setting in it, so
        # the editor opens on a control a reader can name and the eye can see.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(440)

        self.preview = LessonView()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.set_lesson(lesson or sample_lesson())
        preview_label = QLabel(self.tr("Pre&view"))
        preview_label.setBuddy(self.preview)
        self.contrast = ValueLabel(self.tr("Colour contrast"))
        self.contrast.setWordWrap(True)
        self.warning_icon = QLabel()
        self.warning = ValueLabel()
        self.warning.setWordWrap(True)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning, 1)

        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(preview_label)
        column.addWidget(self.preview, 1)
        column.addWidget(self.contrast)
        column.addLayout(warning_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        self.save_button = self._button(self.tr("&Save"), self.save)
        self.save_as_button = self._button(self.tr("Save &as…"), self.save_as)
        self.rename_button = self._button(self.tr("&Rename…"), self.rename)
        self.delete_button = self._button(self.tr("&Delete"), self.delete)
        self.close_button = self._button(self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.save_as_button, self.rename_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.guidance)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(self._room_for_the_form())
        self._splitter, self._settings_scroll, self._shared_out = splitter, scroll, False

        self.form.changed.connect(self._edited)
        self.set_profile(profile or default_preset())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shared_out:
            # At the size it opens at: the settings as wide as they need (no sideways
            # scrolling), the preview the rest.
            self._shared_out = True
            scroll = self._settings_scroll
            settings_width = (self.form.sizeHint().width() + scroll.frameWidth() * 2
                              + scroll.verticalScrollBar().sizeHint().width())
            self._splitter.setSizes([settings_width, max(1, self.width() - settings_width)])

    def _room_for_the_form(self) -> QSize:
        """About 1100 x 760 at the usual interface size, growing with it (at 200% the form
        needed a sideways scroll bar), but never past most of the screen."""
        metrics = self.fontMetrics()
        return fit_size(self, QSize(metrics.averageCharWidth() * 180, metrics.height() * 54))

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ----- public API ---------------------------------------------------------

    def profile(self) -> Profile:
        """The profile as edited so far."""
        return self.form.profile()

    def set_profile(self, profile: Profile) -> None:
        """Edit ``profile`` (unsaved edits to the previous one are dropped)."""
        self.form.set_profile(profile)
        self._dirty = False
        self._refresh(profile)

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Preview with ``lesson`` (a short sample when None)."""
        self.preview.set_lesson(lesson or sample_lesson())

    def contrast_warning(self) -> str:
        """The contrast warning shown, or "" when every pair reaches 4.5:1."""
        return self.warning.text() if self._weak else ""

    # ----- questions (replaced in tests) --------------------------------------------

    def ask_name(self, title: str, label: str, suggestion: str) -> str | None:
        """Ask for a profile name; None when cancelled."""
        return ask_text(self, title, label, suggestion)

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question."""
        answer = QMessageBox.question(self, self.tr("Lesson Lab"), question)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        """Tell the user something could not be done."""
        QMessageBox.warning(self, self.tr("Lesson Lab"), message)

    # ----- actions --------------------------------------------------------------

    def save(self) -> bool:
        """Save the user's profile in place (built-in presets use Save as)."""
        profile = self.profile()
        if profile.builtin:
            return self.save_as()
        return self._store(lambda: self.store.save(profile))

    def save_as(self) -> bool:
        """Save a copy under a new name and carry on editing the copy."""
        current = self.profile()
        name = self.ask_name(self.tr("Save profile as"), self.tr("Name for your profile:"),
                             self.store.suggest_name(current.name))
        if name is None:
            return False
        return self._store(lambda: self.store.add(current.renamed(name)))

    def rename(self) -> bool:
        """Give the user's profile a new name."""
        current = self.profile()
        if current.builtin:
            return False
        name = self.ask_name(self.tr("Rename profile"), self.tr("New name:"), current.name)
        if name is None or name == current.name:
            return False
        if self._dirty and not self._store(lambda: self.store.save(current)):
            return False
        return self._store(lambda: self.store.rename(current.name, name))

    def delete(self) -> bool:
        """Delete the user's profile after asking; the editor then shows Standard."""
        current = self.profile()
        if current.builtin:
            return False
        question = self.tr('Delete your profile "{name}"? This cannot be undone.').format(
            name=current.name)
        if not self.confirm(question):
            return False
        try:
            self.store.delete(current.name)
        except (OSError, ValueError, KeyError) as error:
            self.show_error(str(error))
            return False
        self.profile_deleted.emit(current.name)
        self.set_profile(default_preset())
        self.profile_changed.emit(self.profile())
        return True

    def reject(self) -> None:  # Esc and Close
        if self._dirty and not self.confirm(self.tr("Close without saving your changes?")):
            return
        super().reject()

    # ----- internals --------------------------------------------------------------

    def _store(self, action) -> bool:
        try:
            saved = action()
        except (OSError, ValueError, KeyError) as error:
            self.show_error(str(error))
            return False
        self.form.set_profile(saved)
        self._dirty = False
        self._refresh(saved)
        self.profile_saved.emit(saved)
        return True

    def _edited(self, profile: Profile) -> None:
        self._dirty = True
        self._refresh(profile, edited=True)
        self.profile_changed.emit(profile)

    def _refresh(self, profile: Profile, edited: bool = False) -> None:
        self.preview.set_profile(profile)
        if self._dirty:
            # A reader would say the mark as "star": it hears the words instead.
            self.title.set_text(profile.name + " *", self.tr("{name}, changed").format(
                name=profile.name))
        else:
            self.title.setText(profile.name)
        if profile.builtin:
            status = self.tr("A built-in preset: it cannot be changed. "
                             "Use Save as to keep your changes as your own profile.")
        else:
            status = self.tr("Your own profile.")
        if self._dirty:
            status += " " + self.tr("You have unsaved changes.")
        self.status.setText(status)
        # A preset being changed is described as a copy would be: by what has changed.
        described = replace(profile, builtin=False) if self._dirty else profile
        self.guidance.setText(self.tr("Guidance: {words}").format(
            words=guidance_words(described, load_presets())))
        self.save_button.setEnabled(not profile.builtin)
        self.rename_button.setEnabled(not profile.builtin)
        self.delete_button.setEnabled(not profile.builtin)
        self._show_contrast(profile, edited)

    def _show_contrast(self, profile: Profile, edited: bool = False) -> None:
        """Show the ratios and the verdict; an edit that turns the verdict round is
        announced once (not every keystroke: only when pass becomes fail or back)."""
        pairs = profile_contrast(profile)
        self.contrast.setText("\n".join(pair.describe() for pair in pairs.values()))
        weak = [p for p in pairs.values() if p.ratio < AA_NORMAL]
        style = self.style()
        if weak:
            lines = [self.tr("{label} is only {ratio}.").format(
                label=p.label, ratio=format_ratio(p.ratio)) for p in weak]
            lines.append(self.tr("Aim for at least 4.5:1 (WCAG AA) so everyone can read it."))
            text = self.tr("Low contrast warning: ") + " ".join(lines)
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.warning_icon.setAccessibleName(self.tr("Warning"))
        else:
            text = self.tr("Every colour pair reaches at least 4.5:1 (WCAG AA).")
            icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            self.warning_icon.setAccessibleName(self.tr("Passes"))
        self.warning.setText(text)
        self.warning_icon.setPixmap(icon.pixmap(32, 32))
        was_weak, self._weak = self._weak, bool(weak)
        if edited and was_weak is not None and was_weak != self._weak:
            said = text if weak else self.tr("Contrast is good again: {verdict}").format(
                verdict=text)
            announce(self.warning, said)
