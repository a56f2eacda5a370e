"""The pupil's dictation when the disk misbehaves: full, read-only, or holding damaged files.

Full and read-only disks are real (a tiny tmpfs, tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere); damaged transcript files are
real files, written and then cut short or spoiled as a failing disk leaves them.
"""

from __future__ import annotations

import json
import os

import pytest

from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptSaveError, TranscriptStore
from tests.fixtures.small_disk import SmallDisk

SENTENCE = "Our class went to Brook Farm. We saw the pigs and the cows."


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


def _leave_unfinished(folder, text: str):
    """A transcript of a session that died (never marked finished); its file."""
    store = TranscriptStore(folder)
    path = store.save(text)
    store._lock.release()  # the process "died": its lock went with it
    return path


# ----- a full or read-only disk ---------------------------------------------------------


def test_a_full_disk_is_said_plainly_and_the_last_copy_is_kept(disk):
    store = TranscriptStore(disk.path / "transcripts")
    store.save("Tom wrote")
    disk.fill()
    with pytest.raises(TranscriptSaveError) as refused:
        store.save("Tom wrote about the water cycle")
    assert str(refused.value) == (
        "A copy of your dictation could not be saved: the disk is full. Your words are "
        "still here: press Save… to keep them somewhere else, such as a USB stick.")
    assert json.loads(store.path.read_text(encoding="utf-8"))["text"] == "Tom wrote"


def test_once_there_is_room_again_the_text_is_saved_without_another_word(qtbot, disk):
    store = TranscriptStore(disk.path / "transcripts")
    autosave = TranscriptAutosave(store, retry_s=0.2)
    failures, saves = [], []
    autosave.save_failed.connect(failures.append)
    autosave.saved.connect(saves.append)
    disk.fill()
    autosave.save_now(SENTENCE)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert "the disk is full" in failures[0]
    assert not store.path.exists()
    disk.free()  # the teacher deletes some files; the pupil says nothing more
    qtbot.waitUntil(lambda: bool(saves), timeout=10_000)
    assert saves == [SENTENCE]
    assert json.loads(store.path.read_text(encoding="utf-8"))["text"] == SENTENCE
    assert len(failures) == 1  # said once, however many tries failed
    autosave.close()
    assert autosave.wait_until_idle(10)


def test_bringing_text_back_on_a_read_only_disk_is_said_once_in_plain_words(qtbot, disk):
    folder = disk.path / "transcripts"
    old = _leave_unfinished(folder, SENTENCE)
    disk.read_only()
    autosave = TranscriptAutosave(TranscriptStore(folder))
    failures, offered = [], []
    autosave.save_failed.connect(failures.append)
    autosave.recovered.connect(offered.append)
    autosave.recover()
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
    assert offered[0].text == SENTENCE
    autosave.restore()
    assert autosave.wait_until_idle(10)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == [
        "A copy of your dictation could not be saved: the disk cannot be written to (a "
        "locked USB stick or a CD?). Your words are still here: press Save… to keep them "
        "somewhere else, such as a USB stick."]
    # Not marked finished: next time it is offered again.
    assert json.loads(old.read_text(encoding="utf-8"))["closed"] is False
    autosave.close(finished=False)
    assert autosave.wait_until_idle(10)


def test_declining_text_on_a_read_only_disk_is_no_saving_problem(qtbot, disk):
    folder = disk.path / "transcripts"
    _leave_unfinished(folder, SENTENCE)
    disk.read_only()
    autosave = TranscriptAutosave(TranscriptStore(folder))
    failures, offered = [], []
    autosave.save_failed.connect(failures.append)
    autosave.recovered.connect(offered.append)
    autosave.recover()
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
    autosave.discard()
    assert autosave.wait_until_idle(10)
    qtbot.wait(50)  # let any message from the disk thread arrive
    assert failures == []
    assert TranscriptStore(folder).recover().text == SENTENCE  # offered again, nothing lost
    autosave.close(finished=False)
    assert autosave.wait_until_idle(10)


# ----- damaged files in the transcripts folder ---------------------------------------------


def test_a_damaged_file_in_the_folder_does_not_stop_the_saving(tmp_path):
    folder = tmp_path / "transcripts"
    folder.mkdir()
    # JSON nested far deeper than Python's reader goes (a disk's garbage can be anything).
    (folder / "20250301-101010-999-abcdef.json").write_text("[" * 100_000, encoding="utf-8")
    store = TranscriptStore(folder)
    assert store.recover() is None
    store.save(SENTENCE)
    assert json.loads(store.path.read_text(encoding="utf-8"))["text"] == SENTENCE


@pytest.mark.parametrize(("keep", "ending"), [
    (0.6, ""),            # cut in the middle of the text
    (None, "\\u00"),      # cut inside an escape: half of "é"
    (None, "\0" * 512),   # a cut-off write that left zero bytes behind
])
def test_a_transcript_cut_short_is_offered_as_far_as_it_goes(tmp_path, keep, ending):
    folder = tmp_path / "transcripts"
    path = _leave_unfinished(folder, SENTENCE + " Then we ate our lunch by the pond.")
    raw = path.read_text(encoding="utf-8")
    start = raw.index(SENTENCE)
    cut = start + int(len(SENTENCE) * keep) if keep else start + len(SENTENCE)
    path.write_text(raw[:cut] + ending, encoding="utf-8")
    offered = TranscriptStore(folder).recover()
    assert offered is not None
    assert offered.text == raw[start:cut]
    assert SENTENCE.startswith(offered.text)


def test_a_finished_transcript_cut_short_is_not_offered(tmp_path):
    folder = tmp_path / "transcripts"
    store = TranscriptStore(folder)
    path = store.save(SENTENCE)
    store.mark_closed()
    raw = path.read_text(encoding="utf-8")
    path.write_text(raw[: raw.index(SENTENCE) + 10], encoding="utf-8")
    assert TranscriptStore(folder).recover() is None


# A date Python reads but cannot turn into local time (astimezone: OverflowError).
OUT_OF_RANGE = "9999-12-31T23:59:59.000-12:00"


def _record(folder, name: str, text: str, closed: bool, saved_at: str = OUT_OF_RANGE):
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"version": 1, "session": name, "saved_at": saved_at,
                                "closed": closed, "text": text}), encoding="utf-8")
    return path


def test_a_finished_transcript_with_a_damaged_date_does_not_hide_the_unfinished_one(tmp_path):
    folder = tmp_path / "transcripts"
    _leave_unfinished(folder, SENTENCE)
    _record(folder, "20250301-101010-999-abcdef", "Yesterday's words.", closed=True)

    store = TranscriptStore(folder, keep=1)
    offered = store.recover()
    assert offered is not None and offered.text == SENTENCE
    assert store.restore_recovered() == SENTENCE
    store.save(SENTENCE + " More.")  # the first save tidies the folder (_prune)
    store.mark_closed()
    # Only the newest finished transcript is kept (keep=1): the damaged one was tidied too.
    assert [t.text for t in TranscriptStore(folder).transcripts()] == [SENTENCE + " More."]


@pytest.mark.parametrize("cut_short", [False, True])
def test_an_unfinished_transcript_with_a_damaged_date_is_offered_with_its_files_time(
        tmp_path, cut_short):
    folder = tmp_path / "transcripts"
    older = _leave_unfinished(folder, "The older words.")
    an_hour_before = older.stat().st_mtime - 3600
    os.utime(older, (an_hour_before, an_hour_before))
    damaged = _record(folder, "20250301-101010-999-abcdef", SENTENCE, closed=False)
    if cut_short:  # as a failing disk leaves it: the text is still read as far as it goes
        raw = damaged.read_text(encoding="utf-8")
        damaged.write_text(raw[:raw.index(SENTENCE) + 20], encoding="utf-8")

    store = TranscriptStore(folder)
    assert [t.text for t in store.transcripts()] == [
        SENTENCE[:20] if cut_short else SENTENCE, "The older words."]
    offered = store.recover()
    assert offered.text == (SENTENCE[:20] if cut_short else SENTENCE)
    assert offered.saved_at.year < 9999  # the file's own time, shown in everyday words
    store.discard_recovered()  # written back as finished, with a date that works
    assert store.recover().text == "The older words."
