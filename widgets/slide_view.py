"""A projector slide's lesson view: pictures made to fit the slide with their text.

A section with a few bullets and a picture used to run off the screen on a
projector (40 pt text, a picture as wide as the column): the picture was cut
in half at the bottom edge, under "More below". Here a picture is scaled
down, keeping its shape, to the room its slide leaves it, so the section
fits one screen. It is never made larger than the profile shows it, and
never smaller than :data:`PICTURE_FLOOR_SHARE` of the screen's height (or
its own size, if that is smaller): a quarter of a projected picture is about
half a metre tall on a classroom screen, still clear from the back row, and
any smaller it stops being worth showing. When the text with its pictures at
that floor does not fit, the section scrolls as before ("More below",
Page Down), each picture no taller than one screen with its caption, and a
picture that a screen's bottom edge would cut starts the next screen instead:
the class sees the text, then the whole picture, never half of one.

The pictures' sizes are set after the lesson view has styled the page (on
every re-style, page turn, zoom and resize), from the size the profile gives
them, which each picture keeps in its format while it is shown smaller.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import QWidget

from widgets.lesson_document import CAPTION
from widgets.lesson_view import LessonView

# A picture is never made smaller than this share of the screen's height.
PICTURE_FLOOR_SHARE = 0.25
# In a picture's format: the size the profile gives it, and the size set here.
_PROFILE_SIZE = int(QTextFormat.Property.UserProperty.value) + 71
_FITTED_SIZE = _PROFILE_SIZE + 1
# In a picture's block: its own space above, and the space set here to move
# it down to the top of the next screen.
_OWN_TOP = _PROFILE_SIZE + 2
_MOVED_TOP = _PROFILE_SIZE + 3


def picture_cap(heights: Sequence[float], room: float, floor: float) -> float | None:
    """The tallest height ``cap`` (at least ``floor``) with ``sum(min(h, cap)) <= room``.

    ``heights`` are the pictures' own heights, ``room`` what the slide leaves
    for them. ``inf`` when they fit as they are; None when they would have to
    be smaller than ``floor`` to fit.
    """
    if sum(heights) <= room:
        return float("inf")
    tallest = sorted(heights, reverse=True)
    for capped in range(1, len(tallest) + 1):
        rest = sum(tallest[capped:])
        cap = (room - rest) / capped
        below = tallest[capped] if capped < len(tallest) else 0.0
        if cap >= below:
            return cap if cap >= floor else None
    return None


class SlideView(LessonView):
    """A :class:`LessonView` whose pictures fit the slide (see the module's note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self.profile_applied.connect(lambda _profile: self.fit_pictures())

    def picture_floor(self) -> float:
        """The smallest height, in pixels, a picture is made to fit a slide."""
        return self.window().height() * PICTURE_FLOOR_SHARE

    def fit_pictures(self) -> None:
        """Size the pictures of the page shown to fit the slide (see the module's note)."""
        if self._fitting or self.lesson_document() is None:
            return
        self._fitting = True
        try:
            self._fit(self.document())
        finally:
            self._fitting = False

    def _fit(self, document: QTextDocument) -> None:
        pictures = _pictures(document)
        if not pictures:
            return
        own = [_profile_size(fmt) for _position, fmt in pictures]
        _set_sizes(document, pictures, own)
        for position, _fmt in pictures:
            _move_down(document, position, 0.0)
        # The view lays a page out lazily, and a block not laid out yet (a caption
        # below the screen) measures 0 pixels tall: lay all of it out now.
        document.markContentsDirty(0, document.characterCount())
        room = self.viewport().height()
        if room <= 0:
            return  # not on screen yet (no height): fitted when it is shown
        heights = [size.height() for size in own]
        text = document.size().height() - sum(heights)
        cap = picture_cap(heights, room - text, self.picture_floor())
        if cap is None:
            # Scrolled as before, but a picture (with its caption) fits a screen,
            # and starts one rather than being cut by its bottom edge.
            cap = max(self.picture_floor(), room - self._room_around(document, pictures, heights))
            _set_sizes(document, pictures, [_capped(size, cap) for size in own])
            self._start_screens(document, pictures, room)
            return
        for _attempt in range(3):
            if cap == float("inf"):
                return
            sizes = [_capped(size, cap) for size in own]
            _set_sizes(document, pictures, sizes)
            over = document.size().height() - room
            if over <= 0.5 or text + sum(s.height() for s in sizes) > room + 0.5:
                return  # fits, or was not meant to (the text itself is too long)
            # Laid out, the slide came out a little taller than added up.
            cap = max(self.picture_floor(), cap - over)

    @staticmethod
    def _start_screens(document: QTextDocument, pictures, room: float) -> None:
        """Move a picture that a screen's bottom edge would cut down to the next screen.

        Page Down scrolls one screen (the view's page step) at a time from the
        page's first line, so the screens start ``room`` apart from there.
        """
        # The view turns to a page scrolled to its first line (below the page's margin).
        first = document.documentLayout().blockBoundingRect(document.begin()).top()
        for position, _fmt in pictures:
            top, bottom = _picture_and_caption(document, position)
            into_screen = (top - first) % room
            if into_screen > 0.5 and bottom - top <= room and into_screen + bottom - top > room:
                target, space = top + room - into_screen, room - into_screen
                for _attempt in range(3):
                    _move_down(document, position, space)
                    # Qt lets the space above a block overlap the space below the one
                    # before it: add what did not show.
                    short = target - _picture_and_caption(document, position)[0]
                    if short <= 0.5:
                        break
                    space += short

    @staticmethod
    def _room_around(document: QTextDocument, pictures, heights: Sequence[float]) -> float:
        """The most any picture's line and caption, and the page's bottom margin, take
        besides the picture itself (at ``heights``)."""
        most = 0.0
        for (position, _fmt), height in zip(pictures, heights, strict=True):
            top, bottom = _picture_and_caption(document, position)
            most = max(most, bottom - top - height)
        return most + document.rootFrame().frameFormat().bottomMargin()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # the lesson view fits the column first
        self.fit_pictures()


def _pictures(document: QTextDocument) -> list[tuple[int, QTextImageFormat]]:
    """(position, format) of every picture in ``document``."""
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                found.append((fragment.position(), fmt.toImageFormat()))
            fragments += 1
        block = block.next()
    return found


def _profile_size(fmt: QTextImageFormat) -> QSizeF:
    """The size the profile gives a picture: as shown, unless it was fitted here since."""
    shown = QSizeF(fmt.width(), fmt.height())
    if fmt.hasProperty(_FITTED_SIZE) and fmt.property(_FITTED_SIZE) == shown:
        return fmt.property(_PROFILE_SIZE)
    return shown  # the lesson view has sized it again (a new profile, zoom, width)


def _capped(size: QSizeF, cap: float) -> QSizeF:
    """``size`` no taller than ``cap``, keeping its shape."""
    if size.height() <= cap:
        return QSizeF(size)
    return size * (cap / size.height())


def _set_sizes(document: QTextDocument, pictures, sizes: Sequence[QSizeF]) -> None:
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for (position, _fmt), size in zip(pictures, sizes, strict=True):
        profile_size = _profile_size(_picture_format(document, position))
        fmt = QTextImageFormat()
        fmt.setWidth(size.width())
        fmt.setHeight(size.height())
        fmt.setProperty(_PROFILE_SIZE, profile_size)
        fmt.setProperty(_FITTED_SIZE, QSizeF(size))
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def _picture_format(document: QTextDocument, position: int) -> QTextImageFormat:
    """The format of the picture at ``position`` as it is now."""
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat().toImageFormat()


def _picture_and_caption(document: QTextDocument, position: int) -> tuple[float, float]:
    """The top of the picture at ``position`` and the bottom of its caption (or of it)
    and the space under that."""
    layout = document.documentLayout()
    block = document.findBlock(position)
    top = layout.blockBoundingRect(block).top()
    caption = block.next()
    if caption.isValid() and caption.userState() == CAPTION:
        block = caption
    # With the space under it, which the bottom of the page cannot overlap.
    return top, layout.blockBoundingRect(block).bottom() + block.blockFormat().bottomMargin()


def _move_down(document: QTextDocument, position: int, space: float) -> None:
    """Put ``space`` more above the picture at ``position`` than its block has of its own."""
    cursor = QTextCursor(document.findBlock(position))
    fmt = cursor.blockFormat()
    own = fmt.topMargin()
    if fmt.hasProperty(_MOVED_TOP) and fmt.doubleProperty(_MOVED_TOP) == own:
        own = fmt.doubleProperty(_OWN_TOP)  # moved here before: start from its own
    elif not space:
        return  # never moved
    moved = QTextBlockFormat()
    moved.setTopMargin(own + space)
    moved.setProperty(_OWN_TOP, own)
    moved.setProperty(_MOVED_TOP, own + space)
    cursor.mergeBlockFormat(moved)
