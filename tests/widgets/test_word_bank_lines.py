"""The word bank stays a few lines tall however many key words a lesson has.

A teacher's imported unit had 80 key words: the words asked for their
height with a word a line, so the dictation panel's least height was
3,329 px at 100% (8,748 px at 200%), its dock scrolled, and the pupil's own
text, Read back and Save went out of sight (the big-inputs review).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

from widgets.dictation_panel import DictationPanel
from widgets.word_bank_lines import LEAST_LINES, SHOWN_LINES, line_height


def _words(count: int) -> list[tuple[str, str]]:
    return [(f"river word {n}" if n % 3 == 0 else f"term{n:02d}", "A meaning.")
            for n in range(count)]


def _panel(qtbot, count: int, width: int = 600) -> DictationPanel:
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_word_bank(_words(count))
    panel.resize(width, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_more_key_words_do_not_make_the_panel_taller(qtbot):
    least = {}
    for count in (4, 80):
        panel = _panel(qtbot, count)
        least[count] = panel.minimumSizeHint().height()
    assert least[80] == least[4]  # was 3,329 px against 593 px


def test_the_words_least_height_is_the_same_at_any_width(qtbot):
    # A least height that followed the width made the main window's size unsteady
    # (b7705ff, taken back). The rest of the panel stacks when narrow; the words do not.
    panel = _panel(qtbot, 80)
    view = panel.word_bank.words_view
    heights = set()
    for width in (350, 600, 900):
        panel.resize(width, 900)
        qtbot.waitUntil(lambda width=width: panel.width() == width)
        heights.add(view.minimumSizeHint().height())
    assert len(heights) == 1


def test_the_words_ask_for_a_few_lines_and_the_rest_scroll(qtbot):
    panel = _panel(qtbot, 80)
    view = panel.word_bank.words_view
    line = line_height(view.words)
    gap = 6
    assert view.minimumSizeHint().height() <= LEAST_LINES * (line + gap)
    assert view.sizeHint().height() <= SHOWN_LINES * (line + gap)
    # Every word is there to scroll to: none cut off at the foot of the words.
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    last = panel.word_bank.button_for("term79")
    assert last.geometry().bottom() < view.words.height()


def test_a_word_reached_with_the_arrow_keys_scrolls_into_sight(qtbot):
    panel = _panel(qtbot, 80)
    bank = panel.word_bank
    first = bank.button_for("river word 0")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_End)
    last = bank.button_for("term79")
    assert last.hasFocus()
    viewport = bank.words_view.viewport()
    shown = QRect(last.mapTo(viewport, QPoint(0, 0)), last.size())
    assert viewport.rect().contains(shown)
    qtbot.keyClick(last, Qt.Key.Key_Home)
    shown = QRect(first.mapTo(viewport, QPoint(0, 0)), first.size())
    assert viewport.rect().contains(shown)


def test_a_short_list_asks_only_for_the_lines_it_fills(qtbot):
    # Three words on one line at this width: no empty lines under them.
    panel = _panel(qtbot, 3, width=800)
    view = panel.word_bank.words_view
    qtbot.waitUntil(lambda: view.viewport().width() > 300)
    assert view.sizeHint().height() == view.words.heightForWidth(view.viewport().width())
    assert view.sizeHint().height() == line_height(view.words)
