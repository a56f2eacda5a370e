"""A busy machine: the engine falls behind the microphone, catches up, and closing keeps its words.

The panel, controller, worker threads, pipeline, autosave thread and
transcript store are real; the recogniser is a double that is slow (each
chunk takes a while, as a Whisper decode does on a busy machine) and gives
partial results only while its ``partials`` flag is on, as the real engines
do. The microphone double delivers seconds of audio at once, so a backlog
forms as it would behind a real microphone on a slow machine.
"""

from __future__ import annotations

import threading

from app.transcript_store import TranscriptStore
from speech.stt.base import Final
from tests.app.catching_up_doubles import SlowRecogniser, press_close_now
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture

CHUNKS = 60  # 6 s of audio, delivered at once
LONG = 100  # 10 s
HANG_GUARD_MS = 60_000


def _spy_on_messages(panel) -> list[str]:
    """Every message the panel is asked to show, in order (each is announced as shown)."""
    shown: list[str] = []
    show = panel.show_message

    def spy(text: str, kind: str = "info") -> None:
        shown.append(text)
        show(text, kind)

    panel.show_message = spy
    return shown


def _saved(made):
    made.autosave.wait_until_idle(10)
    records = TranscriptStore(made.store.folder).transcripts()
    assert len(records) == 1, records
    return records[0]


def test_partials_pause_while_behind_and_the_panel_says_it_is_catching_up(rig):  # noqa: F811
    # 10 s queued at once, 40 ms a chunk: more than 3 s waits for longer than the
    # 2 s the panel waits before saying so (the engine takes at least 2.8 s to
    # get that far however fast the machine).
    gate = threading.Event()
    recogniser = SlowRecogniser(delay_s=0.04, gate=gate)
    made = rig(factory=lambda: (recogniser, "Scripted engine", "scripted"))
    behind: list[float] = []
    messages: list[str] = []
    statuses: list[str] = []
    worker = made.controller.worker
    # Connected after the controller: each sees the panel as the controller left it.
    worker.behind.connect(lambda s: (behind.append(s), messages.append(made.panel.message())))
    made.controller.status_changed.connect(statuses.append)
    shown = _spy_on_messages(made.panel)
    partials: list[str] = []
    worker.partial.connect(partials.append)
    made.start()
    made.hear(LONG)
    made.qtbot.waitUntil(made.rack.last.caught_up)  # all 10 s waits for the engine
    gate.set()
    made.qtbot.waitUntil(lambda: recogniser.fed == LONG and behind and behind[-1] == 0,
                         timeout=HANG_GUARD_MS)

    flags = recogniser.partials_on
    # The engine may take the first chunk before the rest have arrived.
    assert False in flags[:2], f"partials were decoded with 6 s of audio waiting: {flags}"
    assert flags[-1] is True, "partials did not come back once the engine caught up"
    first_on = flags.index(True, flags.index(False))
    assert all(flags[first_on:]), f"partials flapped on and off: {flags}"
    assert LONG - 15 <= first_on <= LONG - 4, f"back with {LONG - first_on} chunks waiting"

    assert max(behind) >= 9 and behind[-1] == 0, behind
    made.qtbot.waitUntil(lambda: made.panel.message().startswith("Listening"), timeout=10_000)
    catching = [m for m in messages if m.startswith("Catching up")]
    assert catching, messages
    assert "your words will appear in a few seconds" in catching[0]
    assert not made.panel.message().startswith("Catching up"), made.panel.message()
    assert made.panel.message().startswith("Listening")
    # Shown (and so announced) once, then the listening message once caught up;
    # not repeated in the status bar, which a screen reader would announce again.
    assert shown.count(catching[0]) == 1, shown
    assert shown[shown.index(catching[0]) + 1].startswith("Listening"), shown
    assert catching[0] not in statuses, statuses
    # The phrases still reached the text, and words being heard are shown again.
    made.qtbot.waitUntil(lambda: "phrase 3" in made.controller.text().lower())
    assert f"words at {LONG - 1}" in partials, partials


def test_closing_waits_for_the_speech_still_queued(rig):  # noqa: F811
    # 6 s of speech queued, 30 ms a chunk: the engine needs about 1.8 s, longer
    # than the close's own allowance (0.3 s): the time allowed grows with it.
    recogniser = SlowRecogniser(delay_s=0.03, at_flush=[Final("the very last words")])
    made = rig(factory=lambda: (recogniser, "Scripted engine", "scripted"))
    made.start()
    made.hear(CHUNKS)
    made.qtbot.waitUntil(made.rack.last.caught_up)

    assert made.controller.finish_last_words(timeout_s=0.3)
    made.controller.shutdown()

    assert recogniser.fed == CHUNKS, "queued speech was dropped at the close"
    record = _saved(made)
    assert record.closed
    assert "phrase 3" in record.text.lower() and "very last words" in record.text.lower()


def test_close_now_says_how_much_speech_was_not_written_down(rig):  # noqa: F811
    release = threading.Event()
    recogniser = SlowRecogniser(final_every=5, stuck_at=10, release=release)
    made = rig(factory=lambda: (recogniser, "Scripted engine", "scripted"))
    try:
        made.start()
        made.hear(CHUNKS)
        made.qtbot.waitUntil(lambda: recogniser.fed == 10)  # stuck, 5 s still queued
        made.qtbot.waitUntil(lambda: "phrase 1" in made.controller.text().lower())
        written = made.controller.text()
        seen: list[str] = []
        press_close_now(seen)
        assert not made.controller.finish_last_words(timeout_s=2.0)

        assert seen and "about 5 seconds of speech left" in seen[0], seen
        assert made.controller.last_words.closed_at_once
        assert made.controller.last_words.unwritten_s == 5.0
        assert made.panel.message().startswith(
            "The last 5 seconds of speech were not written down."), made.panel.message()
        made.controller.shutdown()
        record = _saved(made)
        # The words written are saved, and left on offer for the next start: with the
        # grey words on show at the close, if a partial came in time ("words at 9").
        assert record.text == made.controller.text() and not record.closed
        assert record.text.startswith(written)
    finally:
        release.set()


def test_a_moment_behind_is_not_worth_a_message(rig):  # noqa: F811
    # Each Final decode on a busy machine lets a few seconds pile up, drained at
    # once afterwards: no "Catching up" flickering on and off every sentence.
    gate = threading.Event()
    recogniser = SlowRecogniser(gate=gate)
    made = rig(factory=lambda: (recogniser, "Scripted engine", "scripted"))
    behind: list[float] = []
    worker = made.controller.worker
    worker.behind.connect(behind.append)
    shown = _spy_on_messages(made.panel)
    made.start()
    for _ in range(3):
        made.hear(50)  # 5 s waits while the engine is busy...
        made.qtbot.waitUntil(made.rack.last.caught_up)
        gate.set()  # ...and drains in a moment
        made.qtbot.waitUntil(lambda: behind and behind[-1] == 0)
        gate.clear()
    assert max(behind) >= 4, behind
    made.qtbot.wait(2500)  # longer than the panel waits before it says so
    assert not [m for m in shown if m.startswith("Catching up")], shown
    assert made.panel.message().startswith("Listening"), made.panel.message()
