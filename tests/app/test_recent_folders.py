"""File dialogs start in the folder last used for the same kind of file."""

from pathlib import Path

from app.recent_folders import remember, start_folder, start_path
from app.settings import AppSettings


def test_a_new_user_starts_at_home(tmp_path):
    settings = AppSettings(tmp_path / "settings.ini")
    assert start_folder(settings, "dictation") == Path.home()
    assert start_path(settings, "dictation", "Notes.txt") == str(Path.home() / "Notes.txt")


def test_the_folder_of_the_last_file_chosen_is_remembered_after_a_restart(tmp_path):
    work = tmp_path / "My work"
    work.mkdir()
    settings = AppSettings(tmp_path / "settings.ini")
    remember(settings, "dictation", work / "Monday.txt")
    settings.sync()
    again = AppSettings(tmp_path / "settings.ini")
    assert start_folder(again, "dictation") == work
    assert start_path(again, "dictation", "Tuesday.txt") == str(work / "Tuesday.txt")


def test_each_kind_of_file_keeps_its_own_folder(tmp_path):
    pdfs, lessons = tmp_path / "PDFs", tmp_path / "Lessons"
    pdfs.mkdir()
    lessons.mkdir()
    settings = AppSettings(tmp_path / "settings.ini")
    remember(settings, "pdf", pdfs / "a.pdf")
    remember(settings, "lessons", lessons / "b.docx")
    assert start_folder(settings, "pdf") == pdfs
    assert start_folder(settings, "lessons") == lessons


def test_a_folder_that_has_gone_falls_back_to_home(tmp_path):
    stick = tmp_path / "USB stick"
    stick.mkdir()
    settings = AppSettings(tmp_path / "settings.ini")
    remember(settings, "pdf", stick / "a.pdf")
    stick.rmdir()
    assert start_folder(settings, "pdf") == Path.home()


def test_nothing_chosen_changes_nothing(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    settings = AppSettings(tmp_path / "settings.ini")
    remember(settings, "pdf", work / "a.pdf")
    remember(settings, "pdf", "")
    assert start_folder(settings, "pdf") == work
