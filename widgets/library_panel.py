"""The lesson library as a list with a search box and subject and key-stage filters.

Each lesson is one item of two lines: the title, then subject, key stage, year
and whether it is built in or the user's own. A lesson that cannot be opened,
or that loaded with notes, carries a warning icon *and* says so in words, so
the marker never rests on an icon or a colour alone.

Keyboard: type in the search box to filter as you type; Down moves from the
search box into the list; Enter in the search box opens the first match;
arrows choose a lesson in the list and Enter opens it.

When nothing matches, the list area says so in words (and a screen reader is
told), instead of standing blank.

Signals: ``lesson_chosen(entry)`` when the current lesson in the list
changes, ``lesson_activated(entry)`` when Enter or a double click opens one.
Entries are :class:`lessons.library.LibraryEntry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lessons.front_matter import KEY_STAGES
from lessons.library import BUILT_IN, USER, LibraryEntry
from widgets.announce import announce
from widgets.value_label import ValueLabel

ENTRY_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryPanel", text)


def entry_problem_text(entry: LibraryEntry) -> str:
    """The words that mark a lesson with problems ("" for a lesson with none)."""
    if not entry.ok:
        return _tr("Cannot be opened")
    if entry.problems:
        count = len(entry.problems)
        return _tr("1 note") if count == 1 else _tr("{n} notes").format(n=count)
    return ""


def entry_text(entry: LibraryEntry) -> str:
    """The two lines a lesson shows in the list."""
    details = [p for p in (entry.subject, entry.key_stage, entry.year_group) if p]
    if entry.origin == BUILT_IN:
        details.append(_tr("built in"))
    elif entry.origin == USER:
        details.append(_tr("your lesson"))
    else:
        details.append(_tr("from {folder}").format(folder=entry.path.parent.name))
    problem = entry_problem_text(entry)
    if problem:
        details.append(_tr("warning: {problem}").format(problem=problem))
    return f"{entry.title}\n{' · '.join(details)}"


def empty_text(search: str) -> str:
    """What the list area says when no lesson matches ``search`` and the filters."""
    search = " ".join(search.split())
    if search:
        return _tr("No lessons match “{search}”. Clear the search or choose another "
                   "subject.").format(search=search)
    return _tr("No lessons match this subject and key stage. Choose another subject or "
               "key stage.")


def matches(entry: LibraryEntry, words: Sequence[str], subject: str, key_stage: str) -> bool:
    """True when ``entry`` has every search word and the subject and key stage asked for."""
    if subject and entry.subject != subject:
        return False
    if key_stage and entry.key_stage != key_stage:
        return False
    haystack = " ".join((entry.title, entry.subject, entry.key_stage, entry.year_group,
                         entry.path.stem.replace("-", " "))).casefold()
    return all(_found(term, haystack) for term in _terms(words))


_YEAR = re.compile(r"^(?:year|yr|y)(\d+)$")


def _terms(words: Sequence[str]) -> list[str]:
    """The search words, with a year group kept whole: "year 7", "yr 7", "Y7" and "year7"
    are all "year 7", so they do not find a Year 2 lesson called "Recount (7A)"."""
    terms: list[str] = []
    for word in words:
        year = _YEAR.match(word)
        if year:
            terms.append(f"year {int(year.group(1))}")
        elif word.isdigit() and terms and terms[-1] in ("year", "yr", "y"):
            terms[-1] = f"year {int(word)}"
        else:
            terms.append(word)
    return terms


def _found(word: str, haystack: str) -> bool:
    """A number is found only as a whole number ("4" is in "Year 4", not in "KS4" or
    "Year 14"), and so is a year group ("year 1" is not in "Year 10"); other words
    anywhere, so "flood" finds "flooding"."""
    if word.isdigit() or word.startswith("year "):
        return re.search(rf"(?<![\w]){re.escape(word)}(?!\d)", haystack) is not None
    return word in haystack


class _SearchBox(QLineEdit):
    """The search box, never narrower than its hint ("Title, subject or key stage"):
    cut short, the hint no longer says what can be searched for."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        # QLineEdit's own hint is 17 "x"s of text plus its frame and margins.
        around = super().sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        needed = metrics.horizontalAdvance(self.placeholderText()) + around
        return QSize(max(hint.width(), needed), hint.height())


class LibraryPanel(QWidget):
    """Search, filter and choose a lesson."""

    lesson_chosen = Signal(object)
    lesson_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Lesson library"))
        self._entries: list[LibraryEntry] = []

        self.search = _SearchBox()
        self.search.setPlaceholderText(_tr("Title, subject or key stage"))
        self.search.setAccessibleName(_tr("Search lessons"))
        self.search.setAccessibleDescription(_tr(
            "Filters the lessons as you type. Down moves into the list; Enter opens the "
            "first match."))
        self.search.setClearButtonEnabled(True)
        # Qt's clear button (shown once something is typed) has no name of its own:
        # a screen reader said only "push button".
        for clear in self.search.findChildren(QToolButton):
            clear.setAccessibleName(_tr("Clear the search"))
            clear.setToolTip(_tr("Clear the search"))
        search_label = QLabel(_tr("Sear&ch:"))
        search_label.setBuddy(self.search)

        self.subject = QComboBox()
        self.subject.setAccessibleName(_tr("Subject"))
        subject_label = QLabel(_tr("Sub&ject:"))
        subject_label.setBuddy(self.subject)
        self.key_stage = QComboBox()
        self.key_stage.setAccessibleName(_tr("Key stage"))
        key_stage_label = QLabel(_tr("&Key stage:"))
        key_stage_label.setBuddy(self.key_stage)

        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Lessons"))
        self.list.setAccessibleDescription(_tr("The lesson library. Enter opens a lesson."))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Each lesson is two lines: alternate shading keeps one lesson's lines together.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self._list_description = self.list.accessibleDescription()
        lessons_label = QLabel(_tr("&Lessons"))
        lessons_label.setBuddy(self.list)
        # Shown over the list's empty area, so the place the lessons would be says why
        # there are none; the list keeps its place in the Tab order.
        self.empty_label = QLabel(self.list.viewport())
        self.empty_label.setObjectName("libraryEmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        empty_layout = QVBoxLayout(self.list.viewport())
        empty_layout.setContentsMargins(8, 8, 8, 8)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(1)
        self.count_label = ValueLabel()  # "16 lessons": a reader hears the count itself

        filters = QGridLayout()
        filters.addWidget(search_label, 0, 0)
        filters.addWidget(self.search, 0, 1)
        filters.addWidget(subject_label, 1, 0)
        filters.addWidget(self.subject, 1, 1)
        filters.addWidget(key_stage_label, 2, 0)
        filters.addWidget(self.key_stage, 2, 1)
        filters.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(lessons_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._refilter)
        self.search.returnPressed.connect(self._open_first_match)
        self.search.installEventFilter(self)
        self.subject.currentIndexChanged.connect(self._refilter)
        self.key_stage.currentIndexChanged.connect(self._refilter)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(self._activated)
        self._fill_filters()

    # ----- contents ---------------------------------------------------------------------

    def set_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """List ``entries``; the current lesson stays chosen if it is still there."""
        current = self.current_entry()
        self._entries = list(entries)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry_text(entry))
            item.setData(ENTRY_ROLE, entry)
            if entry.problems:
                item.setIcon(warning)
                item.setToolTip("\n".join(str(p) for p in entry.problems))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._fill_filters()
        if current is not None:
            self.select_path(current.path, emit=False)
        self._refilter()

    def entries(self) -> list[LibraryEntry]:
        """Every lesson listed, shown or filtered out."""
        return list(self._entries)

    def visible_entries(self) -> list[LibraryEntry]:
        """The lessons the filters let through, in list order."""
        return [self.list.item(row).data(ENTRY_ROLE) for row in range(self.list.count())
                if not self.list.item(row).isHidden()]

    def current_entry(self) -> LibraryEntry | None:
        """The lesson chosen in the list, if any."""
        item = self.list.currentItem()
        return item.data(ENTRY_ROLE) if item is not None else None

    def select_path(self, path: str | Path, emit: bool = True) -> bool:
        """Choose the lesson at ``path``; False when it is not listed."""
        wanted = Path(path)
        for row in range(self.list.count()):
            entry = self.list.item(row).data(ENTRY_ROLE)
            if _same_file(entry.path, wanted):
                self.list.blockSignals(not emit)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                return True
        return False

    def select_title(self, title: str) -> bool:
        """Choose the first lesson called ``title``; False when there is none."""
        for entry in self._entries:
            if entry.title == title:
                return self.select_path(entry.path)
        return False

    # ----- filtering --------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Put ``text`` in the search box (the list filters at once)."""
        self.search.setText(text)

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _fill_filters(self) -> None:
        subjects = sorted({e.subject for e in self._entries if e.subject}, key=str.casefold)
        stages = {e.key_stage for e in self._entries if e.key_stage}
        stages = [s for s in KEY_STAGES if s in stages] + sorted(stages - set(KEY_STAGES))
        for combo, everything, values in ((self.subject, _tr("All subjects"), subjects),
                                          (self.key_stage, _tr("All key stages"), stages)):
            kept = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
            combo.blockSignals(False)

    def _refilter(self, *_args) -> None:
        words = self.search.text().casefold().split()
        subject = self.subject.currentData() or ""
        key_stage = self.key_stage.currentData() or ""
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            visible = matches(item.data(ENTRY_ROLE), words, subject, key_stage)
            item.setHidden(not visible)
            shown += visible
        total = self.list.count()
        if shown == total:
            text = _tr("{n} lessons").format(n=total)
        elif shown == 0:
            text = _tr("No lessons match. Clear the search to see all {n}.").format(n=total)
        else:
            text = _tr("{shown} of {n} lessons").format(shown=shown, n=total)
        self.count_label.setText(text)
        self._show_empty_state(shown == 0 and total > 0)

    def _show_empty_state(self, empty: bool) -> None:
        was_empty = self.empty_label.isVisibleTo(self.list.viewport())
        text = empty_text(self.search.text()) if empty else ""
        self.empty_label.setText(text)
        self.empty_label.setAccessibleName(text)
        self.empty_label.setVisible(empty)
        # The list is what has the focus, so its description carries the words too.
        self.list.setAccessibleDescription(text or self._list_description)
        if empty and not was_empty:
            announce(self.list, text)

    def _first_visible_row(self) -> int:
        for row in range(self.list.count()):
            if not self.list.item(row).isHidden():
                return row
        return -1

    def _open_first_match(self) -> None:
        row = self._first_visible_row()
        if row >= 0:
            self.list.setCurrentRow(row)
            self._activated(self.list.item(row))

    # ----- reactions --------------------------------------------------------------------

    def _current_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.lesson_chosen.emit(item.data(ENTRY_ROLE))

    def _activated(self, item: QListWidgetItem) -> None:
        self.lesson_activated.emit(item.data(ENTRY_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            current = self.list.currentItem()
            if current is None or current.isHidden():
                row = self._first_visible_row()
                if row >= 0:
                    self.list.setCurrentRow(row)
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link that leads to itself (3.11)
        return False
