"""The look at the data folder at start: one plain sentence when nothing can be saved there.

Full and read-only disks are a real tiny tmpfs (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere).
"""

from __future__ import annotations

import pytest

from lessons.data_folder import data_folder_problem
from tests.fixtures.small_disk import SmallDisk

AFTER = (". Until this is put right, your profiles, practice records, new lessons and the "
         "safety copy of dictation cannot be kept there.")


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


def test_a_healthy_folder_is_made_and_left_as_it_was(tmp_path):
    folder = tmp_path / "lesson-lab"
    assert data_folder_problem(folder) is None
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_file_where_the_folder_should_be(tmp_path):
    folder = tmp_path / "lesson-lab"
    folder.write_text("in the way", encoding="utf-8")
    assert data_folder_problem(folder) == (
        f"Lesson Lab cannot save your work in {folder}: there is a file called “lesson-lab” "
        f"where Lesson Lab needs a folder{AFTER}")
    assert folder.read_text(encoding="utf-8") == "in the way"


def test_a_full_disk(disk):
    disk.fill()
    assert data_folder_problem(disk.path / "lesson-lab") == (
        f"Lesson Lab cannot save your work in {disk.path / 'lesson-lab'}: the disk is "
        f"full{AFTER}")


def test_a_read_only_disk(disk):
    (disk.path / "lesson-lab").mkdir()
    disk.read_only()
    assert data_folder_problem(disk.path / "lesson-lab") == (
        f"Lesson Lab cannot save your work in {disk.path / 'lesson-lab'}: the disk cannot "
        f"be written to (a locked USB stick or a CD?){AFTER}")
