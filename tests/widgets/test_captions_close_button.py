"""The captions' Close button says what it does: Esc only where Esc closes the captions.

The review: in projector mode the band said "Close (Esc)", but Esc there
closes the projector and the captions stay. The usability check: its
screen-reader name, "Close live captions", was not the words it shows, so
voice control ("click Close captions") could not find it by them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow


class Host(QWidget):
    """A stand-in presentation: notes the keys that reach it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.keys.append(event.key())


def test_in_a_window_of_their_own_the_button_names_esc_and_esc_closes(qtbot):
    captions = CaptionsWindow(CaptionSettings(placement="bottom"))
    qtbot.addWidget(captions)
    captions.show()
    qtbot.waitExposed(captions)
    assert captions.close_button.text() == "Close captions (Esc)"
    assert "Esc" in captions.close_button.toolTip()
    with qtbot.waitSignal(captions.dismissed):
        qtbot.keyClick(captions, Qt.Key.Key_Escape)
    assert captions.isHidden()


def test_inside_a_presentation_the_button_does_not_name_esc_and_esc_is_the_presentations(qtbot):
    host = Host()
    qtbot.addWidget(host)
    captions = CaptionsWindow(CaptionSettings(placement="bottom"))
    captions.show()
    captions.embed(host)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    button = captions.close_button
    assert button.text() == "Close captions"
    assert "Ctrl+Shift+C" in button.toolTip() and "leaves the presentation" in button.toolTip()
    dismissed = []
    captions.dismissed.connect(lambda: dismissed.append(True))
    qtbot.keyClick(captions, Qt.Key.Key_Escape)  # the band has the keyboard
    assert dismissed == [] and captions.isVisible()
    assert host.keys == [Qt.Key.Key_Escape], "the presentation gets Esc"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dismissed == [True] and captions.isHidden(), "the button closes the captions"

    captions.unembed()  # the presentation has gone
    assert button.text() == "Close captions (Esc)"
    assert button.accessibleName() == "Close captions (Esc)"
    captions.close()


def test_its_screen_reader_name_is_the_words_it_shows_and_what_it_does_is_described(qtbot):
    host = Host()
    qtbot.addWidget(host)
    captions = CaptionsWindow(CaptionSettings(placement="bottom"))
    qtbot.addWidget(captions)
    button = captions.close_button
    for place in ("own window", "presentation"):
        if place == "presentation":
            captions.embed(host)
        shown = button.text().replace("&", "")
        assert button.accessibleName() == shown, place
        assert shown.startswith("Close captions"), place
        described = button.accessibleDescription()
        assert "Put the live captions away" in described and "Ctrl+Shift+C" in described, place
    assert "leaves the presentation" in button.accessibleDescription()
