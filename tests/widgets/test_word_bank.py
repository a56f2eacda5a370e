"""The word bank widget: the lesson's key words as buttons a pupil presses to write them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from widgets.word_bank import WordBank

WORDS = [("evaporation", "When water is warmed and turns into a gas."),
         ("condensation", "When water vapour cools and turns back into drops."),
         ("water cycle", "The journey water takes, round and round."),
         ("pH", "")]


def _bank(qtbot, words=WORDS) -> tuple[QWidget, WordBank, QLineEdit]:
    """The bank under a text box, in a shown window, as it sits in the panel."""
    window = QWidget()
    text = QLineEdit(window)
    bank = WordBank(window)
    layout = QVBoxLayout(window)
    layout.addWidget(text)
    layout.addWidget(bank)
    bank.set_words(words)
    qtbot.addWidget(window)
    window.resize(320, 400)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    return window, bank, text


def _tab_to(qtbot, bank: WordBank, text: QLineEdit, word: str = "evaporation"):
    """Tab from the pupil's text, past the bank's heading, to ``word`` (the bank's one
    Tab stop); the word's button, once it has the focus."""
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.keyClick(bank.toggle, Qt.Key.Key_Tab)
    button = bank.button_for(word)
    qtbot.waitUntil(button.hasFocus)
    return button


def test_each_key_word_is_a_button_named_by_its_word_with_its_meaning_described(qtbot):
    _window, bank, _text = _bank(qtbot)
    assert bank.words() == ["evaporation", "condensation", "water cycle", "pH"]
    assert bank.toggle.text() == "Word bank (4)"
    button = bank.button_for("evaporation")
    assert button.accessibleName() == "evaporation"  # "click evaporation" finds it
    assert "It means: When water is warmed" in button.accessibleDescription()
    # A screen reader meets the words one at a time: where it is, and how to move on.
    assert button.accessibleDescription().endswith(
        "Word 1 of 4 in the word bank; the arrow keys move between the words.")
    assert button.toolTip() == "When water is warmed and turns into a gas."
    assert bank.button_for("pH").toolTip() == "Puts “pH” in your writing."


def test_pressing_a_word_asks_for_it_and_a_click_leaves_the_focus_in_the_text(qtbot):
    _window, bank, text = _bank(qtbot)
    with qtbot.waitSignal(bank.word_chosen) as chosen:
        qtbot.mouseClick(bank.button_for("water cycle"), Qt.MouseButton.LeftButton)
    assert chosen.args == ["water cycle"]
    assert text.hasFocus()  # the pupil's caret stays where they are writing


def test_the_bank_is_one_tab_stop_and_the_arrow_keys_move_along_the_words(qtbot):
    _window, bank, text = _bank(qtbot)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert bank.toggle.hasFocus()  # the heading that folds the bank away comes first
    qtbot.keyClick(bank.toggle, Qt.Key.Key_Tab)
    first = bank.button_for("evaporation")
    qtbot.waitUntil(first.hasFocus)
    assert bank.meaning.text() == "evaporation: When water is warmed and turns into a gas."
    qtbot.keyClick(first, Qt.Key.Key_Right)
    second = bank.button_for("condensation")
    assert second.hasFocus()
    assert bank.meaning.text().startswith("condensation: ")
    qtbot.keyClick(second, Qt.Key.Key_End)
    assert bank.button_for("pH").hasFocus()
    assert bank.meaning.text() == "pH"
    qtbot.keyClick(bank.button_for("pH"), Qt.Key.Key_Home)
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Left)  # no further back than the first
    assert first.hasFocus()
    # Only the word with the focus is a Tab stop, so Tab leaves the bank in one press.
    tab_stops = [bank.button_for(w).focusPolicy() & Qt.FocusPolicy.TabFocus for w in bank.words()]
    assert sum(1 for stop in tab_stops if stop) == 1
    with qtbot.waitSignal(bank.word_chosen) as chosen:
        qtbot.keyClick(first, Qt.Key.Key_Space)
    assert chosen.args == ["evaporation"]


def test_the_tab_stop_is_the_word_chosen_last(qtbot):
    _window, bank, text = _bank(qtbot)
    qtbot.mouseClick(bank.button_for("water cycle"), Qt.MouseButton.LeftButton)
    text.setFocus()
    _tab_to(qtbot, bank, text, "water cycle")


def test_a_lesson_without_key_words_has_no_word_bank(qtbot):
    _window, bank, _text = _bank(qtbot, words=[])
    assert bank.isHidden()
    bank.set_words(WORDS[:1])
    assert not bank.isHidden()
    assert bank.toggle.text() == "Word bank (1)"


def test_the_words_fold_away_and_say_so_without_colour(qtbot):
    _window, bank, _text = _bank(qtbot)
    bank.set_expanded(False)
    assert not bank.words_area.isVisible()
    assert bank.toggle.arrowType() == Qt.ArrowType.RightArrow
    assert bank.toggle.accessibleDescription() == "Hidden. Press to show the list."
    qtbot.keyClick(bank.toggle, Qt.Key.Key_Space)
    assert bank.words_area.isVisible()


def test_many_words_wrap_onto_lines_within_the_width(qtbot):
    words = [(f"keyword{n}", "") for n in range(12)]
    window, bank, _text = _bank(qtbot, words=words)
    qtbot.waitUntil(lambda: bank.button_for("keyword11").geometry().y() > 0)
    for word in bank.words():
        button = bank.button_for(word)
        assert button.isVisible()
        assert button.geometry().right() < bank.words_area.width()
    bottom = max(bank.button_for(w).geometry().bottom() for w in bank.words())
    assert bottom < bank.words_area.height()  # no word cut off at the foot


def test_an_ampersand_in_a_key_word_is_shown_and_given_as_itself(qtbot):
    _window, bank, _text = _bank(qtbot, words=[("Q&A", "Questions and answers.")])
    assert bank.words() == ["Q&A"]
    with qtbot.waitSignal(bank.word_chosen) as chosen:
        bank.button_for("Q&A").click()
    assert chosen.args == ["Q&A"]


def test_hear_it_asks_for_the_word_shown_and_its_meaning(qtbot):
    _window, bank, text = _bank(qtbot)
    qtbot.keyClick(_tab_to(qtbot, bank, text), Qt.Key.Key_Right)
    assert bank.hear_button.accessibleDescription() == (
        "Reads “condensation” and what it means aloud.")
    with qtbot.waitSignal(bank.hear_requested) as heard:
        bank.hear_button.click()
    assert heard.args == ["condensation", "When water vapour cools and turns back into drops."]


def test_a_words_menu_puts_it_in_or_reads_it(qtbot):
    _window, bank, _text = _bank(qtbot)
    menu = bank._menu(bank.button_for("pH"))
    put_in, hear = menu.actions()
    assert put_in.text() == "Put “pH” in your writing"
    with qtbot.waitSignal(bank.word_chosen) as chosen:
        put_in.trigger()
    assert chosen.args == ["pH"]
    with qtbot.waitSignal(bank.hear_requested) as heard:
        hear.trigger()
    assert heard.args == ["pH", ""]


def test_the_meaning_of_the_word_under_the_mouse_stays_on_the_way_to_hear_it(qtbot):
    _window, bank, _text = _bank(qtbot)
    button = bank.button_for("water cycle")
    centre = QPointF(button.rect().center())
    QApplication.sendEvent(button, QEnterEvent(centre, centre, button.mapToGlobal(centre)))
    assert bank.meaning.text() == "water cycle: The journey water takes, round and round."
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))
    assert bank.meaning.text().startswith("water cycle: ")
    assert bank.hear_button.isEnabled()


def test_in_the_panel_the_words_are_in_the_pupils_font(qtbot):
    from dataclasses import replace

    from lessons.presets import load_presets
    from widgets.dictation_panel import DictationPanel

    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_word_bank(WORDS)
    dyslexia = next(p for p in load_presets() if p.name == "Dyslexia")
    panel.set_page(replace(dyslexia, font_family="Comic Neue"))
    button = panel.word_bank.button_for("evaporation")
    assert button.font().family() == panel.editor.font().family() == "Comic Neue"
    assert button.font().pointSizeF() < panel.editor.font().pointSizeF()


def test_enter_and_return_put_the_word_with_the_focus_in(qtbot):
    # A keyboard user's "press" is Enter as often as Space; the buttons are not
    # auto-default (so Enter elsewhere in the dock presses nothing), so the bank
    # must take Enter itself.
    _window, bank, text = _bank(qtbot)
    first = _tab_to(qtbot, bank, text)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(bank.word_chosen, timeout=1000) as chosen:
            qtbot.keyClick(first, key)
        assert chosen.args == ["evaporation"]


def test_shift_f10_opens_the_words_menu_as_the_menu_key_does(qtbot):
    # Qt on Linux turns only the Menu key into a context-menu request; keyboards
    # without one (most laptops) use Shift+F10.
    from PySide6.QtCore import QTimer

    _window, bank, text = _bank(qtbot)
    first = _tab_to(qtbot, bank, text)
    seen = []

    def look_and_close() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([action.text() for action in menu.actions()] if menu else None)
        if menu:
            menu.close()

    QTimer.singleShot(200, look_and_close)
    qtbot.keyClick(first, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [["Put “evaporation” in your writing", "Hear it"]]


def test_a_click_on_hear_it_leaves_the_focus_in_the_text(qtbot):
    # A pupil hears a word, then types on: their keys must go on into their text,
    # not to "Hear it" (where Space would read the word again).
    _window, bank, text = _bank(qtbot)
    button = bank.button_for("water cycle")
    centre = QPointF(button.rect().center())
    QApplication.sendEvent(button, QEnterEvent(centre, centre, button.mapToGlobal(centre)))
    with qtbot.waitSignal(bank.hear_requested):
        qtbot.mouseClick(bank.hear_button, Qt.MouseButton.LeftButton)
    assert text.hasFocus()
    assert bank.hear_button.focusPolicy() & Qt.FocusPolicy.TabFocus  # still a Tab stop


def test_in_the_panel_tab_goes_down_the_screen_through_the_bank(qtbot):
    # Clear, the bank's heading, its word, Hear it, then the spoken commands' heading
    # and list: before, Tab went from Clear to the commands' list, their heading,
    # Hear it, the bank's heading and only then the word. And after a change of
    # lesson the new words joined the window's Tab chain at its very end.
    from widgets.dictation_panel import DictationPanel

    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_commands([("full stop", "puts a full stop")])
    panel.set_word_bank(WORDS)
    panel.show()
    panel.activateWindow()
    qtbot.waitExposed(panel)

    def tabs_from_clear() -> list:
        panel.clear_button.setFocus()
        qtbot.waitUntil(panel.clear_button.hasFocus)
        seen = []
        for _ in range(5):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    bank, commands = panel.word_bank, panel.commands
    assert tabs_from_clear() == [bank.toggle, bank.button_for("evaporation"), bank.hear_button,
                                 commands.toggle, commands.table]
    panel.set_word_bank([("river", "Water flowing to the sea."), ("source", "Where it starts.")])
    assert tabs_from_clear() == [bank.toggle, bank.button_for("river"), bank.hear_button,
                                 commands.toggle, commands.table]
    # The word the arrow keys reach is the Tab stop, in the same place.
    qtbot.keyClick(bank.button_for("river"), Qt.Key.Key_Right)
    assert tabs_from_clear()[:3] == [bank.toggle, bank.button_for("source"), bank.hear_button]


def test_ctrl_z_and_ctrl_y_on_a_word_undo_and_redo_the_pupils_text(qtbot):
    # A keyboard user who put the wrong word in presses Ctrl+Z straight away, still
    # on the word bank: the text box is several Tab stops back.
    from widgets.dictation_panel import DictationPanel

    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_word_bank(WORDS)
    panel.word_chosen.connect(lambda word: panel.type_text(" " + word))  # as the controller does
    panel.show()
    panel.activateWindow()
    qtbot.waitExposed(panel)
    panel.editor.setFocus()
    qtbot.waitUntil(panel.editor.hasFocus)
    qtbot.keyClicks(panel.editor, "It turns into")
    bank = panel.word_bank
    bank.toggle.setFocus()
    qtbot.keyClick(bank.toggle, Qt.Key.Key_Tab)
    word = bank.button_for("evaporation")
    qtbot.waitUntil(word.hasFocus)
    qtbot.keyClick(word, Qt.Key.Key_Space)
    assert panel.text() == "It turns into evaporation"
    qtbot.keyClick(word, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.text() == "It turns into"
    assert word.hasFocus()  # still on the words, to choose the right one
    qtbot.keyClick(word, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert panel.text() == "It turns into evaporation"


def test_the_words_stay_put_under_the_mouse_as_meanings_of_other_lengths_show(qtbot):
    # The pupils' review: in the panel the text box above takes the spare height, so a
    # meaning one line longer than the last moved every word up a line, out from under
    # the pointer, and a pupil's click met the gap below "water vapour".
    from widgets.dictation_panel import DictationPanel

    long_meaning = ("Water in the form of a gas. It is in the air all around us, but we "
                    "cannot see it, and it rises when the sun warms the sea.")
    words = [("cycle", "Again and again."), ("water vapour", long_meaning)]
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_word_bank([(word, "Short.") for word, _meaning in words])
    panel.resize(300, 900)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    least = panel.minimumSizeHint().height()
    panel.set_word_bank(words)
    qtbot.wait(50)  # the new words shown and laid out

    def hover(word: str) -> int:
        button = panel.word_bank.button_for(word)
        centre = QPointF(button.rect().center())
        QApplication.sendEvent(button, QEnterEvent(centre, centre, button.mapToGlobal(centre)))
        assert panel.word_bank.meaning.text().startswith(word + ":")
        qtbot.wait(20)  # the layout settles
        return button.mapTo(panel, button.rect().topLeft()).y()

    button = panel.word_bank.button_for("cycle")
    start = button.mapTo(panel, button.rect().topLeft()).y()  # with the prompt shown
    assert hover("cycle") == start
    assert hover("water vapour") == start
    assert hover("cycle") == start
    hover("water vapour")  # two lines of it show, and a screen reader hears it whole
    label = panel.word_bank.meaning
    assert label.text().endswith("\u2026") and label.text()[:-1] in label.full_text()
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut mid-line
    assert label.accessibleName() == "water vapour: " + long_meaning
    # And the panel need not be taller for a long meaning.
    assert panel.minimumSizeHint().height() == least


def test_a_new_lessons_words_leave_nothing_of_the_last_lessons_word_shown(qtbot):
    # Hear it said which word it reads on its tooltip, and kept saying so once the
    # next lesson's words came in (with no word of that lesson shown yet).
    _window, bank, _text = _bank(qtbot)
    button = bank.button_for("water cycle")
    centre = QPointF(button.rect().center())
    QApplication.sendEvent(button, QEnterEvent(centre, centre, button.mapToGlobal(centre)))
    assert "water cycle" in bank.hear_button.toolTip()
    bank.set_words([("osmosis", "Water moving through a membrane.")])
    assert not bank.hear_button.isEnabled()
    assert "water cycle" not in bank.hear_button.toolTip()
    assert bank.hear_button.accessibleDescription() == ""


def test_the_last_lessons_word_buttons_are_freed(qtbot):
    # They were hidden and let go of, but each held itself through its own signals,
    # so every change of lesson left its words behind as hidden windows.
    import gc

    from PySide6.QtWidgets import QPushButton

    _window, bank, _text = _bank(qtbot)
    bank.set_words([("osmosis", "Water moving through a membrane.")])
    gc.collect()
    QApplication.processEvents()
    left = [w.accessibleName() for w in QApplication.topLevelWidgets()
            if isinstance(w, QPushButton)]
    assert left == []


def test_another_lesson_gives_the_same_buttons_new_words_and_frees_none(qtbot):
    # Freeing a word's button made PySide take the status bar after it in the main
    # window's focus chain for deleted (app/status_bar.py): no button is ever freed.
    from PySide6.QtWidgets import QPushButton

    _window, bank, _text = _bank(qtbot)
    first = bank.button_for("evaporation")
    made = set(bank.words_area.findChildren(QPushButton))
    bank.set_words([("magma", "Melted rock under the ground."), ("lava", "")])
    assert bank.words() == ["magma", "lava"] and bank.button_for("magma") is first
    assert first.accessibleDescription().startswith("Puts “magma” in your writing. It "
                                                    "means: Melted rock under the ground.")
    assert "Word 1 of 2" in first.accessibleDescription()
    assert sum(b.isVisible() for b in made) == 2  # the two words; the rest wait, hidden
    bank.set_words(WORDS)
    assert set(bank.words_area.findChildren(QPushButton)) == made
    assert bank.button_for("pH").isVisible() and bank.button_for("pH").toolTip() == (
        "Puts “pH” in your writing.")
    chosen = []
    bank.word_chosen.connect(chosen.append)
    qtbot.mouseClick(bank.button_for("water cycle"), Qt.MouseButton.LeftButton)
    assert chosen == ["water cycle"]
