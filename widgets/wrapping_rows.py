"""Rows of a tree view as tall as their text, wrapped to its column's width.

A QTreeView with word wrap on still sizes each row for its text on one line
(the item delegate is not told the column's width), so a long cell is cut
with "…" and the rest cannot be read. This delegate measures the text
wrapped at the column's width, and the view sizes its rows again whenever a
column changes width (the window or the panel is resized, the interface
size changes).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingRows(QStyledItemDelegate):
    """Item delegate for ``view``: each row tall enough for its cells' wrapped text."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setUniformRowHeights(False)
        view.setItemDelegate(self)
        view.header().sectionResized.connect(lambda *_: view.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        width = self._view.header().sectionSize(index.column()) - 2 * margin
        if index.column() == 0:
            width -= self._view.indentation() if self._view.rootIsDecorated() else 0
        if width <= 0 or not options.text:
            return size
        wrapped = options.fontMetrics.boundingRect(
            QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, options.text)
        padding = max(0, size.height() - options.fontMetrics.height())  # as for one line
        return QSize(size.width(), max(size.height(), wrapped.height() + padding))
