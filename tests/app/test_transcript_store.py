"""The crash-safe transcript store: atomic saves, recovery after a crash, tidy history.

Crashes are real: a separate Python process writes through the store and is
killed with SIGKILL, then a new store in this process recovers its text.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from app.transcript_store import TranscriptSaveError, TranscriptStore, transcripts_dir

ROOT = Path(__file__).resolve().parents[2]

# A child process: saves ``text_for(1)``, ``text_for(2)``, … through the store
# and prints each number once its save has returned. "hold" saves once and
# waits; "close" saves once and closes normally.
CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from app.transcript_store import TranscriptStore

    def text_for(i):
        return f"save {{i}}\\n" + f"The pupil said sentence number {{i}}. " * {repeat}

    store = TranscriptStore({folder!r})
    mode = {mode!r}
    if mode == "loop":
        i = 0
        while True:
            i += 1
            store.save(text_for(i))
            print(i, flush=True)
    store.save(text_for(1))
    if mode == "close":
        store.mark_closed()
        print("closed", flush=True)
    else:
        print("saved", flush=True)
        sys.stdin.readline()
""")


def text_for(i: int, repeat: int) -> str:
    return f"save {i}\n" + f"The pupil said sentence number {i}. " * repeat


def _child(folder: Path, mode: str, repeat: int = 3) -> subprocess.Popen:
    code = CHILD.format(root=str(ROOT), folder=str(folder), mode=mode, repeat=repeat)
    return subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _crashed_session(folder: Path, repeat: int = 3) -> None:
    """A session that saved ``text_for(1)`` and was then killed."""
    with _child(folder, "hold", repeat) as child:
        assert child.stdout.readline().strip() == "saved"
        child.send_signal(signal.SIGKILL)


def test_save_writes_the_whole_text_through_a_new_file_each_time(tmp_path):
    store = TranscriptStore(tmp_path)
    store.save("The water cycle.")
    first = os.stat(store.path).st_ino
    store.save("The water cycle. Evaporation.")
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["text"] == "The water cycle. Evaporation."
    assert data["closed"] is False
    # os.replace swaps in a new file: a reader never sees one half-rewritten in place.
    assert os.stat(store.path).st_ino != first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [store.path.name, f"{store.session_id}.lock"])


def test_the_default_folder_is_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    assert transcripts_dir() == tmp_path / "data" / "transcripts"
    store = TranscriptStore()
    store.save("hello")
    assert store.path.parent == tmp_path / "data" / "transcripts"
    store.mark_closed()


def test_nothing_to_recover_on_a_first_start_or_from_this_session(tmp_path):
    store = TranscriptStore(tmp_path)
    assert store.recover() is None
    store.save("My own words.")
    assert store.recover() is None


def test_a_session_killed_after_saving_is_offered_with_its_text_and_time(tmp_path):
    before = datetime.now().replace(microsecond=0)
    _crashed_session(tmp_path)
    store = TranscriptStore(tmp_path)
    recovered = store.recover()
    assert recovered is not None
    assert recovered.text == text_for(1, 3)
    assert before <= recovered.saved_at.replace(microsecond=0) <= datetime.now()


def test_a_session_still_running_elsewhere_is_not_offered_until_it_dies(tmp_path):
    with _child(tmp_path, "hold") as child:
        try:
            assert child.stdout.readline().strip() == "saved"
            assert TranscriptStore(tmp_path).recover() is None  # it holds its lock
        finally:
            child.send_signal(signal.SIGKILL)
    assert TranscriptStore(tmp_path).recover().text == text_for(1, 3)


def test_a_normally_closed_session_is_not_offered(tmp_path):
    with _child(tmp_path, "close") as child:
        assert child.stdout.readline().strip() == "closed"
    store = TranscriptStore(tmp_path)
    assert store.recover() is None
    [saved] = store.transcripts()
    assert saved.closed and saved.text == text_for(1, 3)
    assert not list(tmp_path.glob("*.lock"))


def test_sigkill_during_repeated_saves_leaves_the_last_complete_text(tmp_path):
    # About 400 kB a save, and the kill comes at a random moment within a save's
    # time, so most rounds kill the writer in the middle of writing a file.
    repeat, rounds = 10_000, 12
    chance = random.Random(20240905)
    for round_number in range(rounds):
        folder = tmp_path / str(round_number)
        with _child(folder, "loop", repeat) as child:
            started = time.monotonic()
            last = 0
            while last < 3:
                last = int(child.stdout.readline())
            per_save = (time.monotonic() - started) / 3
            time.sleep(chance.uniform(0, 2 * per_save))
            child.send_signal(signal.SIGKILL)
        recovered = TranscriptStore(folder).recover()
        assert recovered is not None, f"round {round_number}: nothing complete to recover"
        number = int(recovered.text.split("\n", 1)[0].removeprefix("save "))
        # At least the last save the child finished, and exactly that save's whole text.
        assert number >= last
        assert recovered.text == text_for(number, repeat)


def test_declining_marks_the_old_transcript_finished_but_keeps_it(tmp_path):
    _crashed_session(tmp_path)
    store = TranscriptStore(tmp_path)
    assert store.recover() is not None
    store.discard_recovered()
    assert store.recover() is None
    assert TranscriptStore(tmp_path).recover() is None
    [kept] = store.transcripts()
    assert kept.closed and kept.text == text_for(1, 3)


def test_restoring_copies_the_text_into_the_new_session(tmp_path):
    _crashed_session(tmp_path)
    store = TranscriptStore(tmp_path)
    recovered = store.recover()
    assert store.restore_recovered() == recovered.text
    mine = json.loads(store.path.read_text(encoding="utf-8"))
    assert mine["text"] == recovered.text and mine["closed"] is False
    assert TranscriptStore(tmp_path).recover() is None  # the old one is finished
    assert store.restore_recovered() == ""  # only once


def test_the_newest_of_several_crashed_sessions_is_offered_first(tmp_path):
    _crashed_session(tmp_path, repeat=1)
    _crashed_session(tmp_path, repeat=2)
    store = TranscriptStore(tmp_path)
    assert store.recover().text == text_for(1, 2)
    store.discard_recovered()
    assert store.recover().text == text_for(1, 1)


def test_empty_and_damaged_transcripts_are_skipped(tmp_path):
    store = TranscriptStore(tmp_path)
    store.save("")
    (tmp_path / "20200101-000000-1-abcdef.json").write_text('{"text": "half', encoding="utf-8")
    (tmp_path / "20200101-000001-1-abcdef.json").write_text("[]", encoding="utf-8")
    assert TranscriptStore(tmp_path).recover() is None
    store.mark_closed()
    assert TranscriptStore(tmp_path).recover() is None


def test_only_the_last_finished_transcripts_are_kept(tmp_path):
    _crashed_session(tmp_path)
    for i in range(5):
        store = TranscriptStore(tmp_path, keep=3)
        store.save(f"Lesson {i}")
        store.mark_closed()
    texts = [t.text for t in TranscriptStore(tmp_path).transcripts()]
    # The three newest finished ones, and the unfinished one still waiting to be offered.
    assert texts[:3] == ["Lesson 4", "Lesson 3", "Lesson 2"]
    assert texts[3:] == [text_for(1, 3)]
    # Locks of finished sessions are tidied away; the crashed one's is left for recovery.
    unfinished = {t.session_id for t in TranscriptStore(tmp_path).transcripts() if not t.closed}
    assert {p.stem for p in tmp_path.glob("*.lock")} == unfinished


def test_leftover_temporary_files_of_dead_sessions_are_ignored_and_tidied(tmp_path):
    _crashed_session(tmp_path)
    leftover = tmp_path / ".tmp-20200101-000000-1-abcdef.xyz.part"
    leftover.write_text('{"text": "half a wri', encoding="utf-8")
    store = TranscriptStore(tmp_path)
    assert store.recover().text == text_for(1, 3)
    store.save("new")
    assert not leftover.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_keep_must_be_at_least_one(tmp_path):
    with pytest.raises(ValueError):
        TranscriptStore(tmp_path, keep=0)


def test_a_folder_that_cannot_be_made_is_one_plain_sentence(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = TranscriptStore(blocker / "transcripts")
    with pytest.raises(TranscriptSaveError, match=r"^A copy of your dictation could not be "
                       r"saved: there is a file called “a file” where Lesson Lab needs a "
                       r"folder\. Your words are still here: .*\.$"):
        store.save("Hello")
    with pytest.raises(OSError):  # callers may catch it as any disk error
        store.save("Hello")
