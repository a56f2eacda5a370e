"""The lesson's key words as a word bank: a pupil picks a word and it goes in their writing.

A word bank is everyday support in English classrooms for pupils with
dyslexia, speech, language and communication needs or English as an
additional language: the subject's words, spelt right, to hand while
writing. Here it is the lesson's key words as buttons under the pupil's
text. Pressing one emits ``word_chosen(word)``; the panel puts the word in
at the caret as if the pupil had typed it (one step of their undo).

The meaning of the word under the mouse or the keyboard focus shows
beneath the buttons, so a pupil can check they have the right word first,
and "Hear it" beside it (or "Hear it" in a word's right-click menu) asks for
the word and its meaning to be read aloud: ``hear_requested(word, meaning)``.

Keyboard: the bank is one Tab stop (the word last chosen or focused); the
arrow keys, Home and End move between the words, and Enter or Space puts
the word in; Ctrl+Z and Ctrl+Y there ask for the pupil's text to undo and
redo (``undo_requested``, ``redo_requested``). A mouse click does not take
the focus from the text box, so the pupil's caret stays where they are
writing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from lessons.profile import Colours
from widgets.fold_toggle import FoldToggle
from widgets.keys import is_redo
from widgets.value_label import ValueLabel
from widgets.word_bank_lines import WordLines


def _tr(text: str) -> str:
    return QCoreApplication.translate("WordBank", text)


_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_ON = (Qt.Key.Key_Right, Qt.Key.Key_Down)
_PRESS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _prompt() -> str:
    return _tr("Press a word to put it in your writing.")


class _Meaning(ValueLabel):
    """The meaning under the words: always two lines tall, so the words never move.

    The text box above the bank takes the panel's spare height, so a label
    that grew and shrank with each meaning moved every word up or down a line
    as the mouse went over them, out from under the pointer (the pupils'
    review). Its height depends on the font only, never on the words shown,
    so no window round it has to grow for a long meaning either. A meaning
    longer than two lines at this width ends "…" on screen; a screen reader
    hears it whole, and the word's tooltip, its description and "Hear it"
    give it whole too.
    """

    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._full = ""
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def show_meaning(self, text: str) -> None:
        """Show ``text``, shortened with "…" if it needs more than two lines."""
        self._full = text
        self._fit_text()

    def full_text(self) -> str:
        """The meaning as given, however much of it shows."""
        return self._full

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False  # two lines, whatever the width

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_text()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
            self._fit_text()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + margins.top()
                            + margins.bottom() + 2 * self.margin() + 2)

    def _fit_text(self) -> None:
        shown, words = self._full, self._full.split()
        while words and not self._fits(shown):
            words.pop()
            shown = " ".join(words).rstrip(",;:") + "…"
        self.set_text(shown, self._full)

    def _fits(self, text: str) -> bool:
        width = max(1, self.contentsRect().width() - 2 * self.margin())
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        needed = self.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), flags, text)
        return needed.height() <= self.fontMetrics().lineSpacing() * self.LINES


class WordBank(QWidget):
    """Key words as buttons that fold away behind a "Word bank (n)" heading."""

    word_chosen = Signal(str)
    hear_requested = Signal(str, str)
    #: Ctrl+Z (or Ctrl+Y) pressed on a word: the pupil's text should undo (redo).
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A few lines of words, however many the lesson has; more scroll there.
        self.words_view = WordLines(self)
        self.words_area = self.words_view.words
        self.words_area.setAccessibleName(_tr("Word bank"))
        self.meaning = _Meaning(parent=self)
        # Named by its words, so voice control's "click Hear it" finds it; which word
        # it reads is in its description.
        self.hear_button = QPushButton(_tr("Hear it"), self)
        self.hear_button.setAutoDefault(False)
        # A Tab stop, but a click leaves the focus in the pupil's text, as a word's does.
        self.hear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.hear_button.clicked.connect(self._hear_shown)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.words_view)
        meaning_row = QHBoxLayout()
        meaning_row.addWidget(self.meaning, 1)
        meaning_row.addWidget(self.hear_button, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(meaning_row)
        self.toggle = FoldToggle(body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(body)
        self._buttons: list[QPushButton] = []  # the words shown, in order
        self._made: list[QPushButton] = []  # every button made: the words shown first
        self._meanings: dict[QPushButton, str] = {}
        self._pairs: list[tuple[str, str]] | None = None  # (word, meaning) as shown
        self._shown: QPushButton | None = None  # the word whose meaning shows
        self._can_hear = True
        self.set_words([])

    def set_words(self, words: Sequence[tuple[str, str]]) -> None:
        """Offer ``words`` as (word, meaning) pairs; the bank hides when there are none."""
        pairs = [(" ".join(word.split()), " ".join(meaning.split())) for word, meaning in words]
        pairs = [(word, meaning) for word, meaning in pairs if word]
        if pairs == self._pairs:
            return  # the same lesson again: leave the focus where it is
        self._pairs = pairs
        # The buttons are kept and given the new lesson's words, never freed: when a
        # widget in the main window's focus chain is freed, PySide takes the objects
        # after it that Qt made (the status bar) for deleted too (app/status_bar.py).
        while len(self._made) < len(pairs):
            self._made.append(self._new_button(len(self._made)))
        for spare in self._made[len(pairs):]:
            spare.hide()
            spare.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._meanings = {}
        self._buttons = [self._label(self._made[place - 1], word, meaning, place, len(pairs))
                         for place, (word, meaning) in enumerate(pairs, 1)]
        self.words_area.set_widgets(self._buttons)
        self._roving_focus(self._buttons[0] if self._buttons else None)
        self.toggle.setText(_tr("Word bank ({count})").format(count=len(self._buttons)))
        self._show_meaning(None)
        self.setVisible(bool(self._buttons))

    def words(self) -> list[str]:
        """The words offered, in order."""
        return [word for word, _meaning in self._pairs]

    def button_for(self, word: str) -> QPushButton | None:
        """The button that puts ``word`` in, or ``None``."""
        return next((b for b in self._buttons if b.accessibleName() == word), None)

    def set_page(self, colours: Colours) -> None:
        """Draw the words as tiles of the pupil's page: its background and text colours
        (yellow on black words for a pupil who reads yellow on black). The focus ring
        is the app's own, worked out to stand out from them (app/focus_ring.py)."""
        palette = QPalette(self.words_area.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Button, QColor(colours.background))
            palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(colours.text))
            # The ring is worked out against the palette's text-box colour too, which
            # a word never shows: as the page, so a ring is found for yellow on black.
            palette.setColor(group, QPalette.ColorRole.Base, QColor(colours.background))
        self.words_area.setPalette(palette)

    def set_can_hear(self, can_hear: bool) -> None:
        """Offer "Hear it" or not (read aloud could not start on this computer)."""
        self._can_hear = can_hear
        self.hear_button.setVisible(can_hear)

    def set_expanded(self, expanded: bool) -> None:
        """Show or fold away the words."""
        self.toggle.setChecked(expanded)

    # ------------------------------------------------------------ private

    def _new_button(self, index: int) -> QPushButton:
        """The button for the word at ``index``, kept for every lesson after."""
        button = QPushButton(self.words_area)
        button.setAutoDefault(False)
        # The slots name the button by its place: a lambda holding the button itself
        # kept it alive through its own signal.
        button.clicked.connect(lambda _checked=False: self._choose(self._buttons[index]))
        button.installEventFilter(self)
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        button.customContextMenuRequested.connect(
            lambda position: self._open_menu(self._buttons[index], position))
        return button

    def _label(self, button: QPushButton, word: str, meaning: str, place: int,
               count: int) -> QPushButton:
        """``button`` as the word at ``place`` of ``count``, with its ``meaning``."""
        button.setText(word.replace("&", "&&"))
        # Named by its word, so voice control's "click evaporation" finds it.
        button.setAccessibleName(word)
        description = _tr("Puts “{word}” in your writing.").format(word=word)
        if meaning:
            description += " " + _tr("It means: {meaning}").format(meaning=meaning)
        button.setToolTip(meaning or description)
        # Where it is, for a screen reader, which meets the words one at a time.
        description += " " + _tr("Word {place} of {count} in the word bank; the arrow "
                                 "keys move between the words.").format(place=place,
                                                                        count=count)
        button.setAccessibleDescription(description)
        self._meanings[button] = meaning
        return button

    def _choose(self, button: QPushButton) -> None:
        self._roving_focus(button)
        self.word_chosen.emit(button.accessibleName())

    def _roving_focus(self, current: QPushButton | None) -> None:
        """Only ``current`` is a Tab stop, between the heading and Hear it; none takes
        the focus from a mouse click."""
        for button in self._buttons:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus if button is current
                                  else Qt.FocusPolicy.NoFocus)
        # New buttons join the window's Tab chain at its very end, and the word the
        # arrow keys reach may be anywhere in it: put the Tab stop in its place.
        if current is None:
            QWidget.setTabOrder(self.toggle, self.hear_button)
        else:
            QWidget.setTabOrder(self.toggle, current)
            QWidget.setTabOrder(current, self.hear_button)

    def _open_menu(self, button: QPushButton, position) -> None:
        # popup(), not exec(): no event loop of its own, in which a change of lesson
        # could free the button (and so the menu) under it.
        self._menu(button).popup(button.mapToGlobal(position))

    def _menu(self, button: QPushButton) -> QMenu:
        """The right-click menu of a word (also the Menu key and Shift+F10)."""
        menu = QMenu(button)
        word = button.accessibleName()
        menu.addAction(_tr("Put “{word}” in your writing").format(word=word),
                       lambda: self._choose(button))
        if self._can_hear:
            menu.addAction(_tr("Hear it"), lambda: self._hear(button))
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _hear(self, button: QPushButton) -> None:
        self.hear_requested.emit(button.accessibleName(), self._meanings[button])

    def _hear_shown(self) -> None:
        if self._shown is not None:
            self._hear(self._shown)

    def _show_meaning(self, button: QPushButton | None) -> None:
        """Show the meaning of ``button``'s word (it stays until another word's shows,
        so the mouse can go to "Hear it"); ``None``: say what the words are for."""
        self._shown = button
        self.hear_button.setEnabled(button is not None)
        if button is None:
            self.meaning.show_meaning(_prompt())
            reads = ""  # no word of these yet: say nothing of the last lesson's
        else:
            self.meaning.show_meaning(self._meaning_text(button))
            reads = _tr("Reads “{word}” and what it means aloud.").format(
                word=button.accessibleName())
        self.hear_button.setAccessibleDescription(reads)
        self.hear_button.setToolTip(reads)

    def _meaning_text(self, button: QPushButton) -> str:
        word, meaning = button.accessibleName(), self._meanings[button]
        return f"{word}: {meaning}" if meaning else word

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched in self._meanings:
            kind = event.type()
            if kind in (QEvent.Type.Enter, QEvent.Type.FocusIn):
                self._show_meaning(watched)
                if kind == QEvent.Type.FocusIn:  # reached with the arrow keys: in sight
                    self.words_view.show_word(watched)
            elif kind == QEvent.Type.KeyPress and self._key(watched, event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, button: QPushButton, event: QKeyEvent) -> bool:
        """Act on a key pressed on a word; False when it is not the bank's key."""
        if event.key() in _PRESS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            # Outside a dialog a QPushButton ignores Enter (only Space presses it), and
            # keyboard users press words with Enter as often as with Space.
            button.click()
            return True
        if event.matches(QKeySequence.StandardKey.Undo) or is_redo(event):
            # Take back a word put in by mistake without going back to the text first.
            (self.undo_requested if event.matches(QKeySequence.StandardKey.Undo)
             else self.redo_requested).emit()
            return True
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # Qt on Linux makes a menu request of the Menu key only; laptops have none.
            button.customContextMenuRequested.emit(button.rect().center())
            return True
        return self._move_focus(button, event)

    def _move_focus(self, button: QPushButton, event: QKeyEvent) -> bool:
        index, key = self._buttons.index(button), event.key()
        if key in _BACK:
            index -= 1
        elif key in _ON:
            index += 1
        elif key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(self._buttons) - 1
        else:
            return False
        target = self._buttons[max(0, min(index, len(self._buttons) - 1))]
        self._roving_focus(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True
