"""Read-aloud problems stay in a message bar above the lesson (app/read_aloud_message.py).

The controller has a spy synthesiser and a fake player (tests/app/read_aloud_doubles.py);
the last test uses the real engine in the real main window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from app.controllers import attach_controllers
from app.read_aloud import ReadAloudController
from app.read_aloud_message import attach_message_bar
from tests.app.main_window_helpers import Opened
from tests.app.read_aloud_doubles import FakePlayer, SpySynthesiser, rivers_lesson
from tests.fixtures.keyboard import tab_stops
from tests.widgets.samples import make_view

WAIT = 10_000  # ms: generous, the machine is shared
NO_SPEAKERS = "No speakers were found. Plug some in and try again."


class LessonWindow(QMainWindow):
    """A window with a lesson area and room above it, as the main window has."""

    def __init__(self) -> None:
        super().__init__()
        self.setCentralWidget(QWidget())
        self.column = QVBoxLayout(self.centralWidget())
        self.lesson = QLabel("the lesson")
        self.column.addWidget(self.lesson)

    def put_above_lesson(self, widget) -> None:
        self.column.insertWidget(0, widget)


@pytest.fixture
def rig(qtbot, monkeypatch):
    """A window with a lesson area, a controller with doubles, and the announcements made."""
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr("widgets.dictation_parts.announce",
                        lambda _source, text, assertive=False: said.append((text, assertive)))
    FakePlayer.instances.clear()
    FakePlayer.error = None
    FakePlayer.delay = 0.01

    def build(voices=None):
        view = make_view(qtbot, rivers_lesson(), size=(600, 400))
        window = LessonWindow()
        qtbot.addWidget(window)
        lesson_area = window.lesson
        controller = ReadAloudController(
            view, synthesiser_factory=lambda: (SpySynthesiser(voices), ""),
            player_factory=FakePlayer)
        bar = attach_message_bar(window, controller)  # as the app does: before the engine
        qtbot.waitUntil(controller.voices_known, timeout=WAIT)
        window.show()
        qtbot.waitExposed(window)
        return window, controller, bar, lesson_area

    yield build, said
    FakePlayer.error = None


def _finished(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: not controller.is_speaking(), timeout=WAIT)


def test_a_problem_stays_above_the_lesson_and_is_announced(qtbot, rig):
    build, said = rig
    window, controller, bar, lesson_area = build()
    assert bar.isHidden()
    FakePlayer.error = NO_SPEAKERS
    controller.read_text("Hello there.")
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert bar.text() == f"Read aloud: {NO_SPEAKERS}" and bar.kind == "error"
    assert said == [(f"Read aloud: {NO_SPEAKERS}", True)]  # assertive: it interrupts
    # Above the lesson, which keeps the rest of the window.
    assert bar.geometry().bottom() < lesson_area.mapTo(window.centralWidget(),
                                                       lesson_area.rect().topLeft()).y()
    assert lesson_area.isVisible() and window.centralWidget().isAncestorOf(lesson_area)
    _finished(qtbot, controller)
    qtbot.wait(50)
    assert bar.isVisible()  # no timer takes it away
    bar.close_button.click()
    assert bar.isHidden()


def test_the_next_reading_that_is_heard_clears_the_problem(qtbot, rig):
    build, _said = rig
    _window, controller, bar, _area = build()
    FakePlayer.error = NO_SPEAKERS
    controller.read_text("Hello there.")
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    _finished(qtbot, controller)
    FakePlayer.error = None  # plugged in
    controller.read_text("Hello again.")
    qtbot.waitUntil(bar.isHidden, timeout=WAIT)
    _finished(qtbot, controller)


def test_highlighting_in_silence_does_not_clear_no_voice(qtbot, rig):
    build, _said = rig
    _window, controller, bar, _area = build(voices=[])
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert "No voice is installed" in bar.text()
    controller.read_text("Hello there.")
    _finished(qtbot, controller)
    assert bar.isVisible() and "No voice is installed" in bar.text()


def test_the_main_window_shows_read_aloud_problems_above_the_lesson(qtbot, tmp_path):
    # The real engine and player: a speaker that is not there is a real problem.
    made = Opened(qtbot, tmp_path)
    window = made.open()
    try:
        assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
        bar = window.read_aloud_message
        assert window.centralWidget().isAncestorOf(window.stack)
        assert window.centralWidget().isAncestorOf(bar) and bar.isHidden()
        controller = window.read_aloud
        qtbot.waitUntil(controller.voices_known, timeout=30_000)
        controller.set_output_device("Classroom speaker that is not there")
        controller.read_text("Hello.")
        qtbot.waitUntil(lambda: not bar.isHidden(), timeout=30_000)
        # "No speakers were found…" without a sound server, or that speaker is not found.
        assert bar.text().startswith("Read aloud: ") and bar.kind == "error"
        assert "not found" in bar.text() or "No speakers" in bar.text()
        # The × is reached by Tab, just before the lesson, and dismisses the message.
        stops = tab_stops(qtbot, window.profiles, 40)
        assert bar.close_button in stops
        assert stops.index(window.view) == stops.index(bar.close_button) + 1
        bar.close_button.setFocus()
        qtbot.keyClick(bar.close_button, Qt.Key.Key_Space)
        assert bar.isHidden()
    finally:
        made.close_all()
