"""Status messages still work after the word bank's words change with the lesson.

PySide 6.11 makes the widget ``nextInFocusChain()`` returns a child of the
one it was asked of, for Python's bookkeeping; the main window walks each
dock's focus chain to order Tab (app/main_tab_order.py), so every widget
became the "child" of the one before it, down to the status bar. When a
change of lesson freed the last lesson's word buttons, their "children" the
status bar among them were taken for deleted: the speech status kept the
bar's Python object, and from then on every status message raised in its
slot (the engine and voice stayed beside the message, a long message was not
shortened, and closing printed tracebacks). Found in the big-inputs review.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

MESSAGE = "Imported as Rivers and coasts.md."


def test_a_status_message_after_the_word_bank_changes(qtbot, opened):
    window = opened.open()
    window.speech_status.set_engine("Dictation: English, built in")
    bank = window.dictation_panel.word_bank
    window.dictation_panel.set_word_bank([("recount", "A report."), ("event", "A happening.")])
    window.order_tab_chain()  # as when a tool bar gains a control
    window.dictation_panel.set_word_bank([("river", "Flowing water.")])  # a new lesson
    assert bank.words() == ["river"]  # the last lesson's words are freed
    window.show_status(MESSAGE)
    QApplication.processEvents()
    bar = window.statusBar()
    assert bar.currentMessage() == MESSAGE
    assert bar.toolTip() == MESSAGE
    assert not window.speech_status.engine.isVisible()  # steps aside for the message
