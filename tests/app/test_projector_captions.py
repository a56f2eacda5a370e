"""Live captions ride inside the projector while it presents (app/main_projector.py).

A window manager keeps a full-screen window above "always on top" ones, so
the captions' own window would be hidden (tests/e2e/test_captions_over_projector.py
shows that under a real window manager); here, the layout and the way back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from tests.app.main_window_helpers import choose


def _presenting(qtbot, opened, show_captions: bool):
    window = opened.open()
    assert attach_controllers(window, ("captions",)) == ["captions"]
    captions = window.captions_window
    if show_captions:
        captions.show()
        captions.add_final("Rain falls from the clouds.")
    choose(window, "The water cycle")
    projector = window.start_projector()
    qtbot.waitExposed(projector)
    QApplication.processEvents()
    return window, captions, projector


def test_shown_captions_become_a_strip_below_the_slide_and_come_back_as_a_window(
        qtbot, opened):
    window, captions, projector = _presenting(qtbot, opened, show_captions=True)
    assert captions.parent() is projector and not captions.isWindow()
    assert captions.isVisible()
    assert captions.y() >= projector.view.geometry().bottom(), "below the slide"
    assert captions.width() == projector.width()
    assert " ".join(captions.shown_lines()) == "Rain falls from the clouds."

    captions.set_placement("top")
    QApplication.processEvents()
    assert captions.y() == 0 and projector.view.y() >= captions.height(), "above the slide"

    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isVisible(), "a window of its own again"
    assert captions.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert " ".join(captions.shown_lines()) == "Rain falls from the clouds."


def test_captions_turned_on_while_presenting_appear_inside_the_projector(qtbot, opened):
    window, captions, projector = _presenting(qtbot, opened, show_captions=False)
    assert captions.isHidden()
    captions.show()  # as Ctrl+Shift+C does while presenting
    QApplication.processEvents()
    assert captions.parent() is projector and captions.isVisible()
    captions.hide()  # turned off again: the slide has the room back
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isHidden(), "still off after presenting"


def test_f11_while_presenting_brings_the_projector_forward_instead_of_a_second(
        qtbot, opened):
    window, captions, projector = _presenting(qtbot, opened, show_captions=True)
    assert window.start_projector() is projector
    assert captions.parent() is projector, "the captions stay where they are"
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert window.projector is None and captions.isWindow()


def test_on_the_projector_the_band_says_close_captions_and_esc_leaves_the_projector(
        qtbot, opened):
    # The review: the band said "Close (Esc)", but Esc closed the projector and
    # the captions stayed.
    window, captions, projector = _presenting(qtbot, opened, show_captions=True)
    assert captions.close_button.text() == "Close captions"
    captions.setFocus()  # even with the band holding the keyboard
    qtbot.keyClick(captions, Qt.Key.Key_Escape)
    assert window.projector is None, "Esc left the projector"
    assert captions.isWindow() and captions.isVisible(), "the captions stayed"
    assert captions.close_button.text() == "Close captions (Esc)"
