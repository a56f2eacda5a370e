"""Profiles, the reflection log and the save messages when the disk misbehaves.

Full and read-only disks are a real tiny tmpfs (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere); damaged files are real files.
"""

from __future__ import annotations

import json

import pytest

from lessons.presets import get_preset
from lessons.profile_store import ProfileSaveError, ProfileStore
from lessons.reflection import ReflectionSaveError, ReflectionStore
from lessons.save_problem import save_problem
from tests.fixtures.small_disk import SmallDisk
from tests.lessons.reflection_helpers import make_session


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


# ----- the messages --------------------------------------------------------------------


def test_a_writer_that_only_knows_it_failed_on_a_full_disk(disk):
    # QPdfWriter says nothing about why; its cut-off file is gone again by now.
    disk.fill()
    failed = OSError("could not write Handout.pdf")
    assert save_problem(failed, "The PDF", disk.path / "Handout.pdf") == (
        "The PDF could not be saved: the disk is full. Delete some files or choose another "
        "place, then try again.")


def test_a_writer_that_only_knows_it_failed_on_a_read_only_disk(disk):
    disk.read_only()
    failed = OSError("could not write Handout.pdf")
    assert save_problem(failed, "The PDF", disk.path / "Handout.pdf") == (
        "The PDF could not be saved: the disk cannot be written to (a locked USB stick or a "
        "CD?). Choose another place.")


def test_a_file_where_a_folder_should_be_is_named(tmp_path):
    blocker = tmp_path / "Lesson Lab"
    blocker.write_text("not a folder", encoding="utf-8")
    try:
        (blocker / "profiles").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        refused = error
    assert save_problem(refused, "The profile") == (
        "The profile could not be saved: there is a file called “Lesson Lab” where Lesson "
        "Lab needs a folder. Move or rename that file, then try again.")


# ----- profiles --------------------------------------------------------------------------


def _mine(name: str = "Miss Patel"):
    return get_preset("Dyslexia").renamed(name)


def test_saving_a_profile_on_a_full_disk_is_one_plain_sentence_and_keeps_the_old(disk):
    store = ProfileStore(disk.path / "profiles")
    saved = store.add(_mine())
    before = {p.name: p.read_bytes() for p in store.folder.iterdir()}
    disk.fill()
    with pytest.raises(ProfileSaveError) as refused:
        store.save(saved)
    # Profiles are kept where Lesson Lab keeps them: no "choose another place".
    assert str(refused.value) == ("The profile could not be saved: the disk is full. Delete "
                                  "some files, then try again.")
    assert isinstance(refused.value, OSError) and refused.value.errno is not None
    with pytest.raises(ProfileSaveError):
        store.add(_mine("A new one"))
    assert {p.name: p.read_bytes() for p in store.folder.iterdir()} == before
    assert store.names() == ["Miss Patel"]


def test_deleting_a_profile_on_a_read_only_disk_is_one_plain_sentence(disk):
    store = ProfileStore(disk.path / "profiles")
    store.add(_mine())
    disk.read_only()
    with pytest.raises(ProfileSaveError) as refused:
        store.delete("Miss Patel")
    assert str(refused.value) == ("The profile could not be deleted: the disk cannot be "
                                  "written to (a locked USB stick or a CD?).")
    assert store.names() == ["Miss Patel"]


def test_a_data_folder_that_is_a_file_is_named_when_a_profile_is_saved(tmp_path):
    data = tmp_path / "lesson-lab"
    data.write_text("in the way", encoding="utf-8")
    with pytest.raises(ProfileSaveError) as refused:
        ProfileStore(data / "profiles").add(_mine())
    assert "there is a file called “lesson-lab” where Lesson Lab needs a folder" \
        in str(refused.value)
    assert "Errno" not in str(refused.value)


@pytest.mark.parametrize(("content", "reason"), [
    ("[" * 100_000, "it is not valid JSON"),  # nested far deeper than Python's reader goes
    ("{" + '"name": "x", ' * 40_000 + "}", "it is far too big to be a profile"),
])
def test_a_damaged_profile_file_is_skipped_not_a_crash(tmp_path, content, reason):
    store = ProfileStore(tmp_path)
    store.add(_mine())
    (tmp_path / "damaged.json").write_text(content, encoding="utf-8")
    assert store.names() == ["Miss Patel"]
    assert [(p.path.name, p.reason) for p in store.problems()] == [("damaged.json", reason)]


# ----- the reflection log ----------------------------------------------------------------


def test_saving_a_practice_record_on_a_full_disk_is_one_plain_sentence(disk):
    store = ReflectionStore(disk.path / "reflections")
    session = make_session()
    store.save(session)
    before = (store.folder / f"{session.id}.json").read_bytes()
    disk.fill()
    longer = make_session(answers={"What did you change first, and why?":
                                   "A much longer answer this time. " * 2000})
    with pytest.raises(ReflectionSaveError) as refused:
        store.save(longer)
    assert str(refused.value) == (
        "The practice record could not be saved in your reflection log: the disk is full. "
        "Your answers are still here: save again once this is put right, or export the record "
        "to another place, such as a USB stick.")
    assert (store.folder / f"{session.id}.json").read_bytes() == before
    assert json.loads(before)["id"] == session.id
