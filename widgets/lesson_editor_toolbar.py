"""The lesson editor's tool bar, and the formatting its buttons make.

Section heading, sub-heading, bulleted and numbered lists, bold, key word,
Undo, Redo and "Save as new lesson…", each with its shortcut in its tool tip
and working anywhere in the editor; short labels when the full ones do not
fit. The formatting edits themselves are widgets/markdown_formatting.py's.

A mixin for :class:`widgets.lesson_editor.LessonEditor` (it uses the editor's
``formatting`` and ``history``, and the methods the buttons call).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from widgets.fitting_toolbar import FittingToolBar
from widgets.keys import redo_keys


class FormattingToolbar:
    """The editor's ``toolbar`` and its actions, and ``make_heading``, ``make_list``,
    ``make_bold`` and ``selected_word``."""

    def _build_toolbar(self) -> None:
        # Short labels when the full ones do not fit (200% beside the checker), so no
        # command hides behind the tool bar's ».
        self.toolbar = FittingToolBar(self.tr("Formatting"))
        self.toolbar.setAccessibleName(self.tr("Formatting"))
        self.heading_action = self._action(self.tr("Section heading"), "Ctrl+2",
                                           lambda: self.make_heading(2), self.tr("Heading"))
        self.subheading_action = self._action(self.tr("Sub-heading"), "Ctrl+3",
                                              lambda: self.make_heading(3))
        self.bullets_action = self._action(self.tr("Bulleted list"), "Ctrl+Shift+8",
                                           lambda: self.make_list(numbered=False),
                                           self.tr("Bullets"))
        self.numbers_action = self._action(self.tr("Numbered list"), "Ctrl+Shift+7",
                                           lambda: self.make_list(numbered=True),
                                           self.tr("Numbers"))
        self.bold_action = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold,
                                        self.make_bold)
        self.vocabulary_action = self._action(self.tr("Key word…"), "Ctrl+K",
                                              self.add_vocabulary_word)
        self.toolbar.addSeparator()
        self.undo_action = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo,
                                        self.undo)
        self.redo_action = self._action(self.tr("Redo"), QKeySequence.StandardKey.Redo,
                                        self.redo)
        self.redo_action.setShortcuts(redo_keys())  # Ctrl+Y too, which Linux leaves out
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.history.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.history.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.toolbar.addSeparator()
        self.save_action = self._action(self.tr("Save as new lesson…"),
                                        QKeySequence.StandardKey.SaveAs, self.save_as_new,
                                        self.tr("Save as new…"))

    def _action(self, text: str, shortcut, slot, short: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every key the system gives it (Ctrl+Y and Ctrl+Shift+Z)
        else:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({keys})" if keys else text)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        if short:
            self.toolbar.set_short_text(action, short)
        self.addAction(action)
        return action

    def make_heading(self, level: int = 2) -> None:
        """Make the lines at the cursor a section (2) or sub-section (3) heading, or plain again."""
        self.formatting.make_heading(level)

    def make_list(self, numbered: bool = False) -> None:
        """Make the lines at the cursor a bulleted or numbered list, or plain again."""
        self.formatting.make_list(numbered)

    def make_bold(self) -> None:
        """Wrap the selection in ``** **`` (or unwrap it); with none, type between the stars."""
        self.formatting.make_bold()

    def selected_word(self) -> str:
        """The selected text, or the word at the cursor when nothing is selected."""
        return self.formatting.selected_word()
