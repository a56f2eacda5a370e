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
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

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
    """Put a read-aloud message bar above ``window``'s central widget and feed it."""
    lesson_area = window.takeCentralWidget()
    holder = QWidget(window)
    holder.setObjectName("read-aloud-message-holder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    bar = MessageBar(holder)
    bar.setAccessibleName(QCoreApplication.translate("ReadAloudMessages", "Read aloud message"))
    layout.addWidget(bar)
    layout.addWidget(lesson_area, 1)
    window.setCentralWidget(holder)
    lesson_area.show()  # taken out, it was hidden
    ReadAloudMessages(controller, bar)
    window.read_aloud_message = bar
    if hasattr(window, "order_tab_chain"):
        window.order_tab_chain()  # its × and action come before the lesson when shown
    return bar
