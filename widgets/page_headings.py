"""Where a focus-mode page's section starts in the whole lesson's document.

Projector mode and one-section-at-a-time profiles show a lesson a page at a
time (widgets/lesson_pages.py); a view of the whole lesson (the main view
after the projector, the original pane of side by side) goes to the same
place by the page's heading. The whole lesson's headings are any before the
sections (the learning objectives), the sections' own in order, then the
key words'.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

from lessons.model import Lesson
from widgets.lesson_document import HEADING2, HEADING3
from widgets.lesson_pages import lesson_pages


def section_heading(document: QTextDocument, lesson: Lesson, index: int) -> QTextBlock | None:
    """The heading of projector page ``index`` in ``document``, the whole ``lesson``.

    None for the first page (the title and introduction: the top). The
    headings in the whole lesson are any before the sections (the learning
    objectives), the sections' own in order, then the key words'.
    """
    pages = lesson_pages(lesson)
    if index <= 0 or index >= len(pages):
        return None
    headings = []
    block = document.begin()
    while block.isValid():
        if block.userState() in (HEADING2, HEADING3):
            headings.append(block)
        block = block.next()
    titled = [s for s in lesson.sections if s.heading]
    glossary = 1 if lesson.vocabulary else 0
    before = len(headings) - len(titled) - glossary
    page = pages[index]
    if page.glossary:
        return headings[-1] if headings and glossary else None
    first = page.sections[0]
    number = next((n for n, s in enumerate(titled) if s is first), None)
    if number is None or before < 0 or before + number >= len(headings):
        return None
    return headings[before + number]


def page_at(document: QTextDocument, lesson: Lesson, position: int) -> int:
    """The projector page (from 0) that ``position`` in ``document``, the whole
    ``lesson``, belongs to: the last page whose heading starts at or before it."""
    found = 0
    for index in range(1, len(lesson_pages(lesson))):
        heading = section_heading(document, lesson, index)
        if heading is not None and heading.position() <= position:
            found = index
    return found
