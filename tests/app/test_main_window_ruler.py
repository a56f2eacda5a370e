"""View > Reading ruler (Ctrl+L): the ruler on or off over the chosen profile."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.app.main_window_helpers import choose


def test_ctrl_l_shows_and_hides_the_ruler_until_another_profile_is_chosen(qtbot, opened):
    window = opened.open()
    choose(window, "The water cycle")
    window.choose_profile("Standard")
    assert window.view.profile().ruler_lines == 0
    assert not window.act.ruler.isChecked()

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.view.profile().ruler_lines == 1
    assert window.act.ruler.isChecked()
    assert window.profile().ruler_lines == 0, "the profile itself is not changed"

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.view.profile().ruler_lines == 0
    assert not window.act.ruler.isChecked()

    window.act.ruler.trigger()  # on again, from the menu
    window.choose_profile("Dyslexia")  # a new profile brings its own ruler
    assert window.view.profile().ruler_lines == window.profile().ruler_lines
    assert window.act.ruler.isChecked() == (window.profile().ruler_lines > 0)


def test_a_profile_with_a_ruler_can_hide_it_and_bring_back_its_own_height(qtbot, opened):
    window = opened.open()
    choose(window, "The water cycle")
    with_ruler = next(window.profiles.itemData(i) for i in range(window.profiles.count())
                      if window.profiles.itemData(i) is not None
                      and window.profiles.itemData(i).ruler_lines > 1)
    window.choose_profile(with_ruler.name)
    assert window.act.ruler.isChecked()
    window.act.ruler.trigger()
    assert window.view.profile().ruler_lines == 0
    window.act.ruler.trigger()
    assert window.view.profile().ruler_lines == with_ruler.ruler_lines
