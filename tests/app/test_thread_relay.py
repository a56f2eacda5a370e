"""app/thread_relay: messages from worker threads reach live objects on the GUI thread only."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from app import thread_relay


class _Target(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.received: list[tuple[object, str]] = []
        self.key = thread_relay.register(self)

    def _on_relayed(self, payload) -> None:
        self.received.append((payload, threading.current_thread().name))


def _post_from_a_thread(key: int, payload) -> bool:
    answers = []
    worker = threading.Thread(target=lambda: answers.append(thread_relay.post(key, payload)))
    worker.start()
    worker.join(10)
    return answers[0]


def test_messages_arrive_on_the_gui_thread_in_order(qtbot):
    target = _Target()
    assert _post_from_a_thread(target.key, 1)
    assert _post_from_a_thread(target.key, 2)
    qtbot.waitUntil(lambda: len(target.received) == 2, timeout=5_000)
    assert target.received == [(1, "MainThread"), (2, "MainThread")]


def test_a_message_for_an_object_that_has_gone_is_refused_and_dropped(qtbot):
    target = _Target()
    key = target.key
    del target
    gc.collect()
    assert _post_from_a_thread(key, "anyone there?") is False


def test_a_message_posted_just_before_its_object_goes_is_dropped(qtbot):
    target = _Target()
    seen = []
    target._on_relayed = seen.append  # would record it, were it delivered
    assert _post_from_a_thread(target.key, "late")
    del target
    gc.collect()
    qtbot.wait(50)
    assert seen == []
