"""How a lesson splits into pages for focus mode and projector mode.

Focus mode and the projector show one "page" at a time. A page is the front
(title, objectives and the introduction), one ``##`` section together with
the ``###`` sub-sections under it, or the key-word glossary at the end. The
whole lesson, as a scrolling view or a printed sheet, is every part at once.

Plain data, no Qt: the document builder (widgets/lesson_document.py) turns a
page into text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.model import Lesson, Section


@dataclass(frozen=True)
class Page:
    """The parts of a lesson shown together."""

    front: bool = False  # title, details line, objectives
    sections: tuple[Section, ...] = ()
    glossary: bool = False  # the key words and their definitions


def whole_lesson(lesson: Lesson) -> Page:
    """Every part of the lesson, in reading order."""
    return Page(front=True, sections=lesson.sections, glossary=bool(lesson.vocabulary))


def lesson_pages(lesson: Lesson) -> list[Page]:
    """The lesson as a list of pages, one section (with its sub-sections) each.

    Text before the first heading goes on the front page with the title.
    Sub-sections that come before any ``##`` section form a page of their own.
    """
    intro = tuple(s for s in lesson.sections[:1] if not s.heading)
    rest = lesson.sections[len(intro) :]
    pages = [Page(front=True, sections=intro)]
    group: list[Section] = []
    for section in rest:
        if section.level <= 2 and group:
            pages.append(Page(sections=tuple(group)))
            group = []
        group.append(section)
    if group:
        pages.append(Page(sections=tuple(group)))
    if lesson.vocabulary:
        pages.append(Page(glossary=True))
    return pages
