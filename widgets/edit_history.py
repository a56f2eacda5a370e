"""One undo history for a lesson's text and its details form.

The lesson editor edits two things: the body, in a QPlainTextEdit whose
document keeps its own undo steps, and the details, in a form. Undo must
step back through both in the order they were made, so this keeps one
QUndoStack over them:

- each undo step the text's document adds (``undoCommandAdded``) becomes a
  step here that undoes and redoes the document's own step;
- each change to the details is a step holding the state before and after,
  a run of typing in one field being merged into one step.

Undo and Redo must come here, not to the text box: the keys Ctrl+Z and
Ctrl+Y (or Ctrl+Shift+Z) in the text box and the form's boxes, and their
right-click menus, are sent to ``undo``/``redo``. ``is_clean`` says whether
the lesson is as opened or last saved (undoing back counts).

Qt extends the document's last step with more typing only while the
document counts as modified; ``_end_text_step`` clears that flag after every
step of our own, so typing after a details change is a step of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractScrollArea, QLineEdit, QMenu, QPlainTextEdit, QWidget

from widgets.keys import is_redo

_MERGING = 1  # QUndoCommand.id() for details steps that may merge


class _TextStep(QUndoCommand):
    """One undo step of the text's document."""

    def __init__(self, history: EditHistory) -> None:
        super().__init__()
        self.history = history
        self.done = True  # the document has made the change already

    def undo(self) -> None:
        self.history.text_edit.undo()
        self.history.stepped.emit(self, True)

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.history.text_edit.redo()
        self.history.stepped.emit(self, False)


class DetailsStep(QUndoCommand):
    """A change to the details: ``before`` and ``after`` are whole states."""

    def __init__(self, history: EditHistory, before: object, after: object, key: str) -> None:
        super().__init__()
        self.history = history
        self.before, self.after, self.key = before, after, key
        self.first = True

    def id(self) -> int:  # noqa: A003 - Qt API
        return _MERGING if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, DetailsStep) or other.key != self.key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed and taken out again
        return True

    def undo(self) -> None:
        self.history.apply(self.before)
        self.history.stepped.emit(self, True)

    def redo(self) -> None:
        self.history.apply(self.after)
        if self.first:
            self.first = False
        else:
            self.history.stepped.emit(self, False)


class EditHistory(QObject):
    """The undo history of a lesson editor: its text and its details, in order.

    ``apply(state)`` is called with a details state to show (on a change,
    Undo or Redo of one). Signals: ``stepped(step, undone)`` after an Undo or
    Redo (so the editor can show where it happened), ``clean_changed(bool)``.
    """

    stepped = Signal(object, bool)
    clean_changed = Signal(bool)

    def __init__(self, text_edit: QPlainTextEdit, apply: Callable[[object], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text_edit = text_edit
        self.apply = apply
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self.clean_changed)
        text_edit.document().undoCommandAdded.connect(
            lambda: self.stack.push(_TextStep(self)))
        self.route_keys(text_edit)

    def change_details(self, before: object, after: object, key: str = "") -> None:
        """Make a details change (shown through ``apply``) as a step; ``key`` merges typing."""
        self.stack.push(DetailsStep(self, before, after, key))
        self._end_text_step()

    def undo(self) -> None:
        """Undo the last change, text or details."""
        self.stack.undo()
        self._end_text_step()

    def redo(self) -> None:
        """Redo the change last undone."""
        self.stack.redo()
        self._end_text_step()

    def clear(self) -> None:
        """Forget every step (a new lesson is open); the lesson counts as unchanged."""
        self.text_edit.document().clearUndoRedoStacks()
        self.stack.clear()
        self._end_text_step()

    def mark_saved(self) -> None:
        """The lesson as it is now is saved: undoing back to here counts as unchanged."""
        self.stack.setClean()
        self._end_text_step()

    def is_clean(self) -> bool:
        """Whether the lesson is as opened or last saved."""
        return self.stack.isClean()

    def steps(self) -> int:
        """How many steps Undo can take back now.

        Not a way to tell one step from another: Undo and then a new change
        come back to the same count. Use ``last_step``.
        """
        return self.stack.index()

    def last_step(self) -> QUndoCommand | None:
        """The step Undo would take back now (compare with ``is``), or None.

        Each change is a step object of its own, so a change made after an
        Undo is never taken for the step undone.
        """
        index = self.stack.index()
        return self.stack.command(index - 1) if index > 0 else None

    def group(self, name: str) -> _Group:
        """``with history.group(...)``: the changes made inside are one step."""
        return _Group(self.stack, name)

    def _end_text_step(self) -> None:
        self.text_edit.document().setModified(False)

    # ----- keys and menus ---------------------------------------------------------

    def route_keys(self, widget: QWidget) -> None:
        """Send Undo and Redo in ``widget`` (keys and right-click menu) to this history."""
        widget.installEventFilter(self)
        if isinstance(widget, QAbstractScrollArea):
            widget.viewport().installEventFilter(self)  # where its right-clicks arrive

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Leave Ctrl+Z / Ctrl+Y to the editor's actions; mend the text boxes' menus."""
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or is_redo(event)):
            event.ignore()  # not the box's own undo: the editor's Undo action takes the key
            return True
        owner = watched.parent() if isinstance(watched.parent(), QAbstractScrollArea) and \
            watched is watched.parent().viewport() else watched
        if event.type() == QEvent.Type.ContextMenu and \
                isinstance(owner, (QPlainTextEdit, QLineEdit)):
            self._context_menu(owner).popup(event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def _context_menu(self, box: QPlainTextEdit | QLineEdit) -> QMenu:
        """The box's usual menu, with Undo and Redo acting on this history."""
        menu = box.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in menu.actions():
            name = action.objectName()
            if name not in ("edit-undo", "edit-redo"):
                continue
            undo = name == "edit-undo"
            ours = QAction(action.text(), menu)
            ours.setShortcut(action.shortcut())
            ours.setEnabled(self.stack.canUndo() if undo else self.stack.canRedo())
            ours.triggered.connect(self.undo if undo else self.redo)
            menu.insertAction(action, ours)
            menu.removeAction(action)
        return menu


class _Group:
    def __init__(self, stack: QUndoStack, name: str) -> None:
        self.stack, self.name = stack, name

    def __enter__(self) -> None:
        self.stack.beginMacro(self.name)

    def __exit__(self, *_exc) -> None:
        self.stack.endMacro()
