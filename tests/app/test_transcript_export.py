"""Saving dictation as .txt and .docx files, read back with real readers."""

from __future__ import annotations

import docx
import pytest

from app.transcript_export import ExportError, export_transcript, format_for
from tests.fixtures.small_disk import SmallDisk

TEXT = "The water cycle.\nWater evaporates from the sea.\n\nThen it rains — a lot!"


def test_text_file_holds_the_text_in_utf8(tmp_path):
    path = export_transcript(TEXT, tmp_path / "my work.txt")
    assert path.read_text(encoding="utf-8") == TEXT + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["my work.txt"]  # no temporary left


def test_word_document_has_the_pupils_paragraphs_and_lines(tmp_path):
    # "New paragraph" (a blank line) was written as an empty paragraph.
    path = export_transcript(TEXT, tmp_path / "my work.docx")
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paragraphs == ["The water cycle.\nWater evaporates from the sea.",
                          "Then it rains \u2014 a lot!"]  # "new line" a break inside it
    assert docx.Document(str(path)).styles["Normal"].paragraph_format.space_after.pt == 12


def test_format_given_explicitly_wins_over_the_ending(tmp_path):
    path = export_transcript("Hello", tmp_path / "notes", "docx")
    assert docx.Document(str(path)).paragraphs[0].text == "Hello"


def test_saving_again_replaces_the_file(tmp_path):
    target = tmp_path / "a.txt"
    export_transcript("first", target)
    export_transcript("second", target)
    assert target.read_text(encoding="utf-8") == "second\n"


@pytest.mark.parametrize("name", ["work.pdf", "work"])
def test_other_formats_are_refused_plainly(tmp_path, name):
    with pytest.raises(ExportError, match=r"\.txt or a \.docx"):
        export_transcript("Hello", tmp_path / name)
    assert not list(tmp_path.iterdir())


def test_a_missing_folder_is_a_plain_message(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_transcript("Hello", tmp_path / "nowhere" / "a.txt")


def test_a_folder_in_place_of_the_file_is_a_plain_message(tmp_path):
    (tmp_path / "a.txt").mkdir()
    with pytest.raises(ExportError) as refused:
        export_transcript("Hello", tmp_path / "a.txt")
    assert str(refused.value) == ("The file “a.txt” could not be saved: there is a folder with "
                                  "that name. Choose another name. Your words are still here.")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_format_for_reads_the_ending():
    assert format_for("x.TXT") == "txt"
    assert format_for("x.docx") == "docx"
    assert format_for("x.txt", "docx") == "docx"


def test_word_document_is_british_english_with_no_library_named_as_author(tmp_path):
    # Word checks spelling in the language the document says: python-docx's
    # template says US English, where "colour" and "favourite" are underlined.
    import zipfile

    path = export_transcript("My favourite colour is blue.", tmp_path / "story.docx")
    with zipfile.ZipFile(path) as parts:
        styles = parts.read("word/styles.xml").decode("utf-8")
    assert 'w:val="en-GB"' in styles and 'w:val="en-US"' not in styles
    properties = docx.Document(str(path)).core_properties
    assert properties.author == "" and "python-docx" not in properties.last_modified_by


@pytest.mark.parametrize("name", ["story.txt", "story.docx"])
def test_a_saved_file_gets_the_permissions_any_new_file_gets(tmp_path, name):
    # Written through a temporary file (0600, its owner only): others on a
    # shared computer could not open a pupil's saved work.
    import os
    import stat

    path = export_transcript("The end.", tmp_path / name)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_a_full_disk_says_so_plainly_and_that_the_words_are_still_here(tmp_path):
    with SmallDisk(tmp_path / "disk", size="200k") as disk:
        target = disk.path / "My story.txt"
        target.write_text("Once upon a time", encoding="utf-8")
        disk.fill()
        with pytest.raises(ExportError) as refused:
            export_transcript("Once upon a time there was a dragon. " * 200, target)
        assert str(refused.value) == (
            "The file “My story.txt” could not be saved: the disk is full. Delete some files "
            "or choose another place, then try again. Your words are still here.")
        assert target.read_text(encoding="utf-8") == "Once upon a time"


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_word_document_on_a_full_disk_leaves_nothing_open(tmp_path):
    # Found in the pupil review: python-docx's zip file was left open on the half-written
    # file, and complained on stderr ("Exception ignored in ZipFile.__del__") at exit.
    import gc

    with SmallDisk(tmp_path / "disk", size="200k") as disk:
        target = disk.path / "My story.docx"
        disk.fill()
        with pytest.raises(ExportError, match="the disk is full"):
            export_transcript("Once upon a time there was a dragon. " * 200, target, "docx")
        gc.collect()
        assert not target.exists()
