"""Read-aloud problems in a message bar above the lesson, until dismissed or fixed.

A passing status-bar message is easy to miss ("No speakers were found…"
went after 8 seconds and no screen reader heard it). Here each problem from
``ReadAloudController.error`` stays in a message bar at the top of the
lesson area, beside the Read aloud tool bar, until the teacher dismisses it
(×) or a reading is heard with a voice. The bar is the dictation panel's
(widgets/dictation_parts.MessageBar): an icon and bold words as well as its
colours, and an assertive announcement to a screen reader.

What the shell does with it::

    bar = attach_message_bar(window, controller)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow

from widgets.dictation_parts import MessageBar


class ReadAloudMessages(QObject):
    """Shows ``controller.error`` in ``bar``; a reading heard with a voice clears it."""

    def __init__(self, controller, bar: MessageBar) -> None:
        super().__init__(controller)
        self._controller = controller
        self.bar = bar
        controller.error.connect(self.show_problem)
        controller.reading_heard.connect(self._on_reading_heard)

    def show_problem(self, message: str) -> None:
        """Show ``message`` (one plain sentence) until dismissed or a reading is heard."""
        self.bar.show_message(self.tr("Read aloud: {problem}").format(problem=message), "error")

    def _on_reading_heard(self) -> None:
        # Words highlighted in silence (no voice installed) do not mean the problem is fixed.
        if self._controller.voice_name() and self.bar.kind == "error":
            self.bar.dismiss()


def attach_message_bar(window: QMainWindow, controller) -> MessageBar:
    """Put a read-aloud message bar above ``window``'s lesson (``put_above_lesson``) and feed it.

    The bar goes into the lesson's own column rather than a new central
    widget: a new central widget makes Qt lay the window out afresh, giving
    the docks all the room and the lesson its minimum.
    """
    bar = MessageBar()
    bar.setAccessibleName(QCoreApplication.translate("ReadAloudMessages", "Read aloud message"))
    window.put_above_lesson(bar)
    ReadAloudMessages(controller, bar)
    window.read_aloud_message = bar
    if hasattr(window, "order_tab_chain"):
        window.order_tab_chain()  # its × and action come before the lesson when shown
    return bar
