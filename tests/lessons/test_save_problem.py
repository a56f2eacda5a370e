"""A failed save in one plain sentence: what went wrong and what the teacher can do.

Real failures where the machine can make them (a folder that is not there, a
full disk, a folder where the file should be); refused permission cannot be
made real here (the tests run as root, which permissions do not stop), so its
error is built as Windows raises it when Word has the file open.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from lessons.save_problem import save_problem


def _error_writing(path: Path, data: bytes = b"x") -> OSError:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        return error
    raise AssertionError(f"{path} was written")


def test_a_folder_that_is_not_there(tmp_path):
    target = tmp_path / "USB stick" / "Handout.docx"
    assert save_problem(_error_writing(target), "The Word document") == (
        "The Word document could not be saved: the folder cannot be found (was a USB "
        "stick taken out?).")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk():
    error = _error_writing(Path("/dev/full"), b"x" * 100_000)
    assert error.errno == errno.ENOSPC
    assert save_problem(error) == ("The file could not be saved: the disk is full. Delete "
                                   "some files or choose another place, then try again.")


def test_a_folder_with_the_files_name(tmp_path):
    (tmp_path / "Handout.pdf").mkdir()
    assert save_problem(_error_writing(tmp_path / "Handout.pdf"), "The PDF") == (
        "The PDF could not be saved: there is a folder with that name. Choose another name.")


@pytest.mark.parametrize("number", [errno.EACCES, errno.EPERM])
def test_refused_permission_says_to_close_it_in_word(number, tmp_path):
    path = tmp_path / "Handout.docx"
    error = PermissionError(number, os.strerror(number), str(path))
    sentence = save_problem(error)
    assert sentence == ("The file could not be saved: permission was refused. If it is open "
                        "in Word or another program, close it there and try again, or save "
                        "it in another folder.")
    assert str(path) not in sentence and "Errno" not in sentence


@pytest.mark.parametrize(("number", "words"), [
    (errno.EROFS, "cannot be written to"),
    (errno.EIO, "was a USB stick taken out?"),
    (errno.ENAMETOOLONG, "the name is too long"),
])
def test_other_known_causes(number, words):
    assert words in save_problem(OSError(number, os.strerror(number), "/x/y.pdf"))


def test_a_rarer_error_in_the_systems_own_words_without_number_or_path():
    error = OSError(errno.ETIMEDOUT, os.strerror(errno.ETIMEDOUT), "/school/share/Notes.docx")
    assert save_problem(error) == (
        f"The file could not be saved: {os.strerror(errno.ETIMEDOUT).lower()}.")


def test_a_writer_that_only_knows_it_failed(tmp_path):
    # QPdfWriter says nothing about why; the folder can still be looked at.
    failed = OSError(f"could not write {tmp_path / 'Handout.pdf'}")
    assert save_problem(failed, "The PDF", tmp_path / "gone" / "Handout.pdf") == (
        "The PDF could not be saved: the folder cannot be found (was a USB stick taken out?).")
    (tmp_path / "Folder.pdf").mkdir()
    assert "there is a folder with that name" in save_problem(failed, "The PDF",
                                                             tmp_path / "Folder.pdf")
    sentence = save_problem(failed, "The PDF", tmp_path / "Handout.pdf")
    assert sentence.startswith("The PDF could not be saved: Lesson Lab could not write it. "
                               "If it is open in another program, close it there")
    assert str(tmp_path) not in sentence


def test_a_place_the_teacher_cannot_choose_gets_no_advice_to_choose_another():
    full = OSError(errno.ENOSPC, "No space left on device")
    assert save_problem(full, "The profile", place_fixed=True) == (
        "The profile could not be saved: the disk is full. Delete some files, then try again.")
    read_only = OSError(errno.EROFS, "Read-only file system")
    assert save_problem(read_only, "The profile", place_fixed=True) == (
        "The profile could not be saved: the disk cannot be written to "
        "(a locked USB stick or a CD?).")
