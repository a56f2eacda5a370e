"""The lesson library: built-in lessons, the user's folder, and bad files among good ones."""

from __future__ import annotations

import os

import pytest

from lessons.library import (
    BUILT_IN,
    OTHER,
    USER,
    builtin_folder,
    lesson_files,
    scan_library,
    user_folder,
)
from tests.lessons.lesson_helpers import write

MINIMUM_BUILT_IN_LESSONS = 10


def test_the_library_ships_at_least_ten_lessons():
    files = lesson_files(builtin_folder())
    assert len(files) >= MINIMUM_BUILT_IN_LESSONS, [f.name for f in files]


@pytest.mark.parametrize("path", lesson_files(builtin_folder()), ids=lambda p: p.name)
def test_every_built_in_lesson_loads_with_no_problems(path):
    from lessons.loader import load_lesson

    result = load_lesson(path)
    assert result.problems == (), "\n".join(str(p) for p in result.problems)
    lesson = result.lesson
    assert lesson.title and lesson.subject and lesson.key_stage and lesson.year_group
    assert lesson.objectives and lesson.vocabulary and lesson.sections


def test_scan_finds_built_in_and_user_lessons(tmp_path):
    user = user_folder()
    assert user.is_relative_to(os.environ["LESSON_LAB_DATA"])  # tests never touch real data
    mine = write(user, "mine.md", "---\ntitle: My own lesson\nkey_stage: KS1\n---\nText.\n")
    try:
        scan = scan_library()
        by_path = {entry.path: entry for entry in scan.entries}
        assert by_path[mine].origin == USER
        assert by_path[mine].title == "My own lesson"
        built_in = [e for e in scan.entries if e.origin == BUILT_IN]
        assert len(built_in) == len(lesson_files(builtin_folder()))
        # Built-in lessons come first, in key stage order.
        origins = [entry.origin for entry in scan.entries]
        assert origins == sorted(origins, key=lambda o: 0 if o == BUILT_IN else 1)
    finally:
        mine.unlink()


def test_a_bad_file_is_listed_with_its_problems_and_the_rest_still_load(tmp_path):
    write(tmp_path, "good.md", "---\ntitle: Good\nsubject: Maths\n---\nText.\n")
    write(tmp_path, "deeper/also-good.md", "---\ntitle: Also good\n---\nText.\n")
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\n")
    (tmp_path / "garbage.md").write_bytes(b"\x00\xff" * 100)
    write(tmp_path, "README.md", "# Not a lesson\n")
    write(tmp_path, ".hidden/secret.md", "---\ntitle: Hidden\n---\n")
    write(tmp_path, "notes.txt", "not a lesson file")

    scan = scan_library([tmp_path])

    titles = sorted(entry.title for entry in scan.entries)
    assert titles == ["Also good", "Good", "bad", "garbage"]
    assert all(entry.origin == OTHER for entry in scan.entries)
    bad = {entry.title: entry for entry in scan.entries}
    assert not bad["bad"].ok and bad["bad"].lesson is None
    assert bad["bad"].problems[0].line == 2
    assert not bad["garbage"].ok
    assert bad["Good"].ok and bad["Good"].subject == "Maths"
    assert {p.file for p in scan.problems} == {
        str(tmp_path / "bad.md"),
        str(tmp_path / "garbage.md"),
    }


def test_a_missing_folder_is_simply_empty(tmp_path):
    scan = scan_library([tmp_path / "not-there"])
    assert scan.entries == () and scan.problems == ()


def test_user_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "elsewhere"))
    assert user_folder() == tmp_path / "elsewhere" / "lessons"


def test_a_link_that_leads_to_itself_is_one_problem_and_the_rest_still_load(tmp_path):
    # ln -s loop.md loop.md: Path.resolve() raises RuntimeError (3.11) or OSError (3.13).
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nText.\n")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "round").symlink_to("round")  # a folder link to itself, too

    scan = scan_library([tmp_path])

    by_name = {entry.path.name: entry for entry in scan.entries}
    assert sorted(by_name) == ["good.md", "loop.md"]
    assert by_name["good.md"].ok
    loop = by_name["loop.md"]
    assert loop.lesson is None and not loop.ok
    assert [p.message for p in loop.problems] == [
        "This is a link that leads back to itself, so there is no lesson to open."]
    assert scan.folder_problems == ()
    assert scan_library([tmp_path / "round"]).entries == ()


def test_a_link_to_a_lesson_no_longer_there_says_so(tmp_path):
    (tmp_path / "moved.md").symlink_to(tmp_path / "on the USB stick.md")
    (entry,) = scan_library([tmp_path]).entries
    assert [p.message for p in entry.problems] == [
        "This is a link to a file that is no longer there."]


def test_a_looped_link_among_your_lessons_leaves_the_built_in_lessons_listed():
    user = user_folder()
    assert user.is_relative_to(os.environ["LESSON_LAB_DATA"])  # tests never touch real data
    user.mkdir(parents=True, exist_ok=True)
    loop = user / "loop.md"
    loop.symlink_to("loop.md")
    try:
        scan = scan_library()
    finally:
        loop.unlink()
    built_in = [e for e in scan.entries if e.origin == BUILT_IN]
    assert len(built_in) == len(lesson_files(builtin_folder()))
    assert [e.path for e in scan.entries if not e.ok] == [loop]


def test_titles_with_numbers_are_listed_in_number_order(tmp_path):
    # A teacher's classes and lesson numbers: "(7A)" before "(10E)", 2 before 10.
    for name, title in (("a", "Volcanoes (10E)"), ("b", "Volcanoes (7A)"),
                        ("c", "Lesson 10: rivers"), ("d", "Lesson 2: rain"),
                        ("e", "lesson 2: Clouds")):
        write(tmp_path, f"{name}.md", f"---\ntitle: \"{title}\"\nsubject: Geography\n---\nText.\n")
    titles = [entry.title for entry in scan_library([tmp_path]).entries]
    assert titles == ["lesson 2: Clouds", "Lesson 2: rain", "Lesson 10: rivers",
                      "Volcanoes (7A)", "Volcanoes (10E)"]
