"""Saving the captions history over an earlier save on a full disk: said plainly, the
earlier file left whole, and every caption still in the pane.

The disk is a real tiny tmpfs filled to the last byte (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere). The new history is several pages
longer than the old one, so it cannot fit in the space the old file held.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.fixtures.small_disk import SmallDisk
from widgets.caption_history import CaptionHistory


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk", size="300k") as mounted:
        yield mounted


def test_a_full_disk_keeps_the_old_captions_file_whole_and_is_said_plainly(qtbot, disk):
    history = CaptionHistory()
    qtbot.addWidget(history)
    target = disk.path / "Captions.txt"
    history.ask_save_path = lambda: str(target)
    start = datetime(2025, 3, 4, 9, 0, 0)
    history.add("Good morning, everyone.", start)
    history.save()
    before = target.read_bytes()
    assert before == b"[09:00:00] Good morning, everyone.\n"

    for second in range(1, 300):
        history.add(f"Caption number {second} about the water cycle.",
                    start + timedelta(seconds=second))
    disk.fill()
    saved = []
    history.saved.connect(saved.append)
    history.save()

    assert history.status.text() == (
        "The captions could not be saved: the disk is full. Delete some files or choose "
        "another place, then try again. Nothing was lost: every caption is still here.")
    assert target.read_bytes() == before
    assert [p.name for p in disk.path.iterdir() if p.name != ".filler"] == ["Captions.txt"]
    assert len(history.entries()) == 300 and saved == []

    disk.free()
    history.save()
    assert target.read_text(encoding="utf-8").count("\n") == 300
    assert saved == [str(target)]
