"""File > Open on a lesson file that is damaged: one plain sentence naming the file, and
the lesson on show stays.

Real files: binary junk, and a lesson grown past the size Lesson Lab opens.
"""

from __future__ import annotations

import os

import pytest

from lessons.loader import MAX_LESSON_BYTES


@pytest.mark.parametrize(("name", "make", "sentence"), [
    ("junk.md", lambda path: path.write_bytes(os.urandom(20_000)),
     "“junk.md” cannot be opened. This file is not a text file (it holds binary data), "
     "so it cannot be a lesson."),
    ("big.md", lambda path: path.write_text(
        "---\ntitle: Big\n---\n\n# Big\n\n" + "Water moves. " * (MAX_LESSON_BYTES // 13 + 1000),
        encoding="utf-8"),
     "“big.md” cannot be opened. This file is 2.0 MB, which is too big for a lesson "
     "(the largest Lesson Lab opens is 2 MB)."),
    # Binary data after some good lines: about the whole file, so no "Line 3:".
    ("picture.md", lambda path: path.write_bytes(b"---\ntitle: Plants\n\x89PNG\x00\x00\x01"),
     "“picture.md” cannot be opened. This file is not a text file (it holds binary data), "
     "so it cannot be a lesson."),
    ("details.md", lambda path: path.write_text(
        "---\ntitle: Plants\nyear: [\n---\n\nPlants need light.\n", encoding="utf-8"),
     "“details.md” cannot be opened. Line 3: The details at the top of the file (between "
     "the '---' lines) could not be read: a value is not finished (a ']', '}' or quotation "
     "mark may be missing)."),
])
def test_a_damaged_lesson_file_is_one_plain_sentence(opened, tmp_path, name, make, sentence):
    window = opened.open()
    shown = window.lesson
    path = tmp_path / name
    make(path)
    assert window.open_lesson_path(path) is False
    assert window.messages == [sentence]
    assert str(tmp_path) not in window.messages[0]
    assert window.lesson is shown
