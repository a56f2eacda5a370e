"""A key word and its definition, shown large. Esc or the Close button closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from lessons.profile import Profile
from widgets.value_label import ValueLabel

MIN_POINT_SIZE = 24.0


class VocabularyPopup(QDialog):
    """Shows one key word and its child-friendly definition in large text.

    It takes the profile's font and colours, at least 24 pt, so a pupil who
    needs the lesson large can read the definition too.
    """

    def __init__(self, word: str, definition: str, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key word: {word}").format(word=word))
        self.setAccessibleName(self.tr("Key word"))
        self.setAccessibleDescription(self.tr("{word}: {definition}").format(
            word=word, definition=definition))
        size = max(MIN_POINT_SIZE, profile.font_size_pt * 1.5)

        # ValueLabels: a reader (Orca reads a dialog's labels as it opens) hears "Word:
        # recount" and the meaning itself, where the names "Word" and "Meaning" stood.
        self.word_label = ValueLabel(self.tr("Word"), word)
        word_font = QFont(profile.font_family)
        word_font.setPointSizeF(size * 1.2)
        word_font.setWeight(QFont.Weight.Bold)
        self.word_label.setFont(word_font)

        self.definition_label = ValueLabel(self.tr("Meaning"), definition)
        self.definition_label.setWordWrap(True)
        self.definition_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        body_font = QFont(profile.font_family)
        body_font.setPointSizeF(size)
        self.definition_label.setFont(body_font)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the key word"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.word_label)
        layout.addWidget(self.definition_label)
        layout.addWidget(buttons)

        palette = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Window, profile.colours.background),
            (QPalette.ColorRole.WindowText, profile.colours.text),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self.word_label.setStyleSheet(f"color: {profile.colours.heading};")
        # Wide enough for a sentence at this size, never wider than a big screen.
        self.setMinimumWidth(int(min(1200, size * 26)))
        close.setFocus()
