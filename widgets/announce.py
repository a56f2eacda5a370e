"""Tell screen readers about a change that has no focus of its own (a message, a caption)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Ask an active screen reader to say ``text``; does nothing when none is listening.

    Polite announcements wait for the reader to finish; assertive ones (errors)
    interrupt it.
    """
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
