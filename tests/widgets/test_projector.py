"""Projector mode: one section at a time, turned like slides."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lessons.presets import get_preset
from tests.widgets.samples import sample_lesson
from widgets.lesson_document import HEADING2, TITLE
from widgets.projector import ProjectorView


def _presenting(qtbot, preset: str = "Very low vision / projector") -> ProjectorView:
    projector = ProjectorView()
    qtbot.addWidget(projector)
    projector.resize(1600, 1000)
    projector.set_profile(get_preset(preset))
    projector.set_lesson(sample_lesson(paragraphs=0))
    projector.show()
    qtbot.waitExposed(projector)
    projector.setFocus()
    return projector


def _headings(projector) -> list[str]:
    """The title and ``##`` headings in the displayed document."""
    found = []
    block = projector.view.document().begin()
    while block.isValid():
        if block.userState() in (TITLE, HEADING2):
            found.append(block.text())
        block = block.next()
    return found


def test_shows_one_section_and_page_down_turns_to_the_next(qtbot):
    projector = _presenting(qtbot)
    assert projector.view.shown_profile().font_size_pt >= 40
    assert _headings(projector) == ["The water cycle"]
    assert projector.indicator.text() == "Section 1 of 4"
    with qtbot.waitSignal(projector.section_changed) as signal:
        qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert signal.args == [1, 4]
    assert _headings(projector) == ["Evaporation"]
    assert projector.indicator.text() == "Section 2 of 4"
    qtbot.keyClick(projector, Qt.Key.Key_Left)
    assert _headings(projector) == ["The water cycle"]


def test_clicker_keys_scroll_a_long_section_then_turn(qtbot):
    projector = _presenting(qtbot)
    bar = projector.view.verticalScrollBar()
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)  # the front page fits: turn
    assert projector.section_index() == 1
    turns = 0
    while projector.section_index() == 1 and turns < 30:
        before = bar.value()
        qtbot.keyClick(projector, Qt.Key.Key_PageDown)
        turns += 1
        if projector.section_index() == 1:
            assert bar.value() > before, "a long section scrolls before turning"
    assert projector.section_index() == 2
    assert turns > 1, "the Evaporation section is longer than one screen at this size"
    qtbot.keyClick(projector, Qt.Key.Key_PageUp)
    assert projector.section_index() == 1


def test_home_end_space_and_escape(qtbot):
    projector = _presenting(qtbot, "Standard")
    assert projector.view.shown_profile().font_size_pt == 40, "at least 40 pt"
    qtbot.keyClick(projector, Qt.Key.Key_End)
    assert _headings(projector) == ["Key words"]
    qtbot.keyClick(projector, Qt.Key.Key_Home)
    assert projector.section_index() == 0
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert projector.section_index() == 1
    with qtbot.waitSignal(projector.left):
        qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()


def test_presents_full_screen_without_chrome(qtbot):
    projector = _presenting(qtbot)
    projector.present()
    assert projector.isFullScreen()
    assert projector.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert projector.accessibleName() and projector.indicator.accessibleName()


def test_b_or_a_clickers_full_stop_blanks_the_screen_and_any_key_brings_it_back(qtbot):
    projector = _presenting(qtbot, "Standard")
    section = projector.view.section_index()

    qtbot.keyClick(projector, Qt.Key.Key_B)
    assert projector.is_blank()
    shot = projector.grab().toImage()
    middle = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    assert (middle.red(), middle.green(), middle.blue()) == (0, 0, 0)
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)  # the lesson comes back, where it was
    assert not projector.is_blank() and projector.view.section_index() == section
    qtbot.keyClick(projector, Qt.Key.Key_Period)
    assert projector.is_blank()
    qtbot.keyClick(projector, Qt.Key.Key_Period)
    assert not projector.is_blank()


def test_plus_and_minus_size_the_text_for_the_room_and_keep_the_section(qtbot):
    projector = _presenting(qtbot)
    qtbot.keyClick(projector, Qt.Key.Key_Right)
    size = projector.view.shown_profile().font_size_pt
    qtbot.keyClick(projector, Qt.Key.Key_Plus)
    assert projector.view.shown_profile().font_size_pt > size
    assert projector.section_index() == 1, "zooming stays on the slide shown"
    assert projector.indicator.text() == "Section 2 of 4 · Text 110%"
    qtbot.keyClick(projector, Qt.Key.Key_Minus)
    qtbot.keyClick(projector, Qt.Key.Key_Minus)
    assert projector.view.shown_profile().font_size_pt < size
    assert projector.indicator.text() == "Section 2 of 4 · Text 90%"
    qtbot.keyClick(projector, Qt.Key.Key_0)
    assert projector.view.shown_profile().font_size_pt == size
    assert projector.indicator.text() == "Section 2 of 4"


def test_more_below_takes_the_profile_chosen_while_it_was_hidden(qtbot):
    # Qt does not re-style a hidden label: "More below" came back white on the
    # Dyslexia preset's cream page after the profile changed while it was hidden.
    projector = ProjectorView()  # made with the Standard profile (white)
    qtbot.addWidget(projector)
    projector.resize(1280, 700)
    dyslexia = get_preset("Dyslexia")
    projector.set_profile(dyslexia)
    projector.set_lesson(sample_lesson(paragraphs=6))
    projector.show()
    qtbot.waitExposed(projector)
    qtbot.waitUntil(projector.more_below.isVisible)
    corner = projector.more_below.grab().toImage().pixelColor(1, 1)
    assert corner.name() == dyslexia.colours.background.lower()
