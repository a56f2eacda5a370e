"""Projector mode: a section with bullets and a picture fits one slide.

The trainer's review: on a 1920 x 1080 projector with the "Very low vision /
projector" profile, four bullets and a picture ran off the bottom of the
screen, the picture cut in half under "More below". Now the picture is scaled
down (keeping its shape, never below a quarter of the screen's height, never
above the profile's size) to the room its slide leaves it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from lessons.model import Image, Lesson, ListBlock, Paragraph, Section, Span
from lessons.presets import get_preset
from widgets.lesson_document import CAPTION, IMAGE
from widgets.projector import ProjectorView
from widgets.slide_view import PICTURE_FLOOR_SHARE, picture_cap

SCREEN = (1920, 1080)


def _picture(tmp_path, width: int, height: int, name: str = "sun.png"):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffcc00"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def _lesson(picture, bullets: int = 4, paragraphs: int = 0) -> Lesson:
    """Like the imported INSET deck: a title slide, then bullets and a picture."""
    items = tuple((Span(f"Bullet point number {n} about plants"),) for n in range(bullets))
    text = tuple(Paragraph((Span("The sun heats the water in the sea. " * 8),), 9 + i)
                 for i in range(paragraphs))
    return Lesson(
        title="Photosynthesis",
        sections=(
            Section("", 2, (Paragraph((Span("INSET day"),), 3),), 3),
            Section("What plants need", 2, (
                ListBlock(items, False, 5),
                *text,
                Image("sun.png", "A bright yellow Sun with orange rays", 7, picture),
            ), 4),
        ),
    )


def _presenting(qtbot, lesson: Lesson, size=SCREEN) -> ProjectorView:
    projector = ProjectorView()
    qtbot.addWidget(projector)
    projector.resize(*size)
    projector.set_profile(get_preset("Very low vision / projector"))
    projector.set_lesson(lesson)
    projector.show()
    qtbot.waitExposed(projector)
    projector.setFocus()
    qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert projector.section_index() == 1
    return projector


def _shown_picture(projector) -> tuple[float, float]:
    """The width and height the picture on the slide is drawn at."""
    block = projector.view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                return image.width(), image.height()
            fragments += 1
        block = block.next()
    raise AssertionError("no picture on the slide")


def _profile_size(projector, natural: tuple[int, int]) -> tuple[float, float]:
    """The picture's size as the profile gives it: its own size, as wide as the column
    at most (the lesson view's rule), before any fitting to the slide."""
    shown = projector.view.shown_profile()
    scale = shown.image_scale * projector.view.viewport().logicalDpiY() / 96.0
    width, height = natural[0] * scale, natural[1] * scale
    column = projector.view.viewport().width() - 2 * projector.view.document().rootFrame() \
        .frameFormat().leftMargin()
    if width > column:
        width, height = column, height * column / width
    return width, height


@pytest.mark.parametrize("zoom", [1.0, 1.25])
def test_bullets_and_a_picture_fit_one_slide(qtbot, tmp_path, zoom):
    natural = (1600, 1000)
    projector = _presenting(qtbot, _lesson(_picture(tmp_path, *natural), bullets=4 if zoom == 1
                                           else 2))
    projector.view.set_zoom(zoom)
    width, height = _shown_picture(projector)
    assert not projector.has_more_below(), "the whole slide on one screen"
    assert not projector.more_below.isVisible()
    assert height >= SCREEN[1] * PICTURE_FLOOR_SHARE - 1, "not shrunk past being useful"
    assert width / height == pytest.approx(natural[0] / natural[1], rel=0.01), "same shape"
    full_width, _full_height = _profile_size(projector, natural)
    assert width < full_width, "made smaller to fit"
    # The caption is on the screen too, under the picture.
    bar = projector.view.verticalScrollBar()
    assert bar.maximum() == 0
    assert projector.view.document().size().height() <= projector.view.viewport().height()


def test_a_picture_that_fits_is_not_enlarged_or_shrunk(qtbot, tmp_path):
    projector = _presenting(qtbot, _lesson(_picture(tmp_path, 300, 200), bullets=2))
    expected = _profile_size(projector, (300, 200))
    assert _shown_picture(projector) == pytest.approx(expected, abs=0.5)
    assert not projector.has_more_below()


def _picture_on_screen(projector) -> tuple[float, float]:
    """Where the picture and its caption are on the screen: (top, bottom) in pixels."""
    view = projector.view
    document, layout = view.document(), view.document().documentLayout()
    block = document.begin()
    while block.isValid() and block.userState() != IMAGE:
        block = block.next()
    assert block.userState() == IMAGE
    caption = block.next()
    assert caption.userState() == CAPTION
    scrolled = view.verticalScrollBar().value()
    return (layout.blockBoundingRect(block).top() - scrolled,
            layout.blockBoundingRect(caption).bottom() - scrolled)


def _cut(projector) -> bool:
    """True when the screen's bottom edge cuts through the picture or its caption."""
    top, bottom = _picture_on_screen(projector)
    return top < projector.view.viewport().height() < bottom


@pytest.mark.parametrize(("bullets", "paragraphs", "zoom"), [
    (0, 4, 1.0),  # the text itself runs off the screen
    (4, 0, 1.25),  # the text fits, but would leave the picture too little room
])
def test_a_slide_that_still_scrolls_never_shows_half_a_picture(
        qtbot, tmp_path, bullets, paragraphs, zoom):
    projector = _presenting(qtbot, _lesson(_picture(tmp_path, 1600, 1000), bullets=bullets,
                                           paragraphs=paragraphs))
    projector.view.set_zoom(zoom)
    assert projector.has_more_below(), "today's paging: More below, Page Down"
    width, height = _shown_picture(projector)
    assert height >= SCREEN[1] * PICTURE_FLOOR_SHARE - 1
    assert width / height == pytest.approx(1.6, rel=0.01)
    # No taller than a screen, and never cut by its bottom edge: Page Down
    # shows the text, then the whole picture with its caption.
    seen_whole = False
    for _screen in range(10):
        assert not _cut(projector)
        top, bottom = _picture_on_screen(projector)
        seen_whole = seen_whole or (top >= 0 and bottom <= projector.view.viewport().height())
        if not projector.has_more_below():
            break
        qtbot.keyClick(projector, Qt.Key.Key_PageDown)
    assert projector.section_index() == 1 and not projector.has_more_below()
    assert seen_whole


def test_the_picture_follows_the_room_it_has(qtbot, tmp_path):
    # A shorter screen (or the captions band taking some of it) shrinks the
    # picture again; given the room back, it grows back, up to the fitted size.
    projector = _presenting(qtbot, _lesson(_picture(tmp_path, 1600, 1000), bullets=2))
    _width, tall = _shown_picture(projector)
    projector.resize(1920, 950)
    qtbot.waitUntil(lambda: _shown_picture(projector)[1] < tall)
    assert not projector.has_more_below()
    projector.resize(*SCREEN)
    qtbot.waitUntil(lambda: _shown_picture(projector)[1] == pytest.approx(tall, abs=1))
    assert not projector.has_more_below()


def test_the_picture_cap_shares_the_room_between_pictures():
    assert picture_cap([100, 200], 400, 50) == float("inf")
    assert picture_cap([300], 200, 100) == 200
    # The taller is capped first; then both share what is left.
    assert picture_cap([400, 100], 300, 50) == 200
    assert picture_cap([400, 300], 400, 50) == 200
    assert picture_cap([400], 80, 100) is None, "smaller than the floor: scroll instead"


def test_a_view_with_no_height_yet_fits_nothing_and_does_not_fail(qtbot, tmp_path):
    # Found in review: a viewport 0 pixels high divided by zero (ZeroDivisionError
    # inside resizeEvent) while moving a picture to the next screen.
    projector = _presenting(qtbot, _lesson(_picture(tmp_path, 800, 800)), size=(800, 600))
    view = projector.view
    view.viewport().setFixedHeight(0)
    view.fit_pictures()  # no error
    view.viewport().setFixedHeight(500)
    view.fit_pictures()
