"""``lesson-lab lessons list|validate|import``, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lessons.library import builtin_folder, lesson_files
from tests.fixtures.word_documents import word_document
from tests.lessons.pptx_samples import plants_lesson

ROOT = Path(__file__).resolve().parents[2]
GOOD = "---\ntitle: {title}\nsubject: {subject}\nkey_stage: KS2\n---\n\nSome text.\n"


def lessons(*args: str, data: Path | None = None) -> subprocess.CompletedProcess:
    env = None if data is None else {**os.environ, "LESSON_LAB_DATA": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "lessons", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def good_lesson(folder: Path, name: str, title: str, subject: str = "Science") -> Path:
    path = folder / name
    path.write_text(GOOD.format(title=title, subject=subject), encoding="utf-8")
    return path


def test_list_shows_a_folder_in_aligned_columns(tmp_path):
    good_lesson(tmp_path, "a.md", "Magnets", "Science")
    good_lesson(tmp_path, "b.md", "The Romans in Britain", "History")
    (tmp_path / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")

    result = lessons("list", "--folder", tmp_path)

    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    # Sorted by key stage, then subject, then title.
    assert [line.split("  ")[0].strip() for line in lines] == ["The Romans in Britain", "Magnets"]
    # Columns line up: the path starts at the same place on every line.
    starts = {line.index(str(tmp_path)) for line in lines}
    assert len(starts) == 1
    assert "History" in lines[0] and "KS2" in lines[0]
    assert "1 file could not be loaded" in result.stderr and "broken.md" in result.stderr


def test_list_with_a_link_that_leads_to_itself_lists_the_rest(tmp_path):
    good_lesson(tmp_path, "a.md", "Magnets")
    (tmp_path / "loop.md").symlink_to("loop.md")

    result = lessons("list", "--folder", tmp_path)

    assert result.returncode == 0, "as for any file that cannot be loaded"
    assert [line.split("  ")[0] for line in result.stdout.splitlines()] == ["Magnets"]
    assert "something went wrong" not in result.stderr
    assert "1 file could not be loaded" in result.stderr and "loop.md" in result.stderr
    checked = lessons("validate", tmp_path / "loop.md")
    assert checked.returncode == 1


def test_list_without_a_folder_shows_the_built_in_library():
    result = lessons("list")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) >= len(lesson_files(builtin_folder()))
    assert str(builtin_folder()) in result.stdout


def test_list_of_a_missing_folder_fails_with_one_line(tmp_path):
    result = lessons("list", "--folder", tmp_path / "nowhere")
    assert result.returncode == 1
    expected = f"lesson-lab: The folder '{tmp_path / 'nowhere'}' cannot be found."
    assert result.stderr.strip() == expected


def test_validate_clean_lessons(tmp_path):
    good_lesson(tmp_path, "a.md", "Magnets")
    good_lesson(tmp_path, "b.md", "Forces")
    result = lessons("validate", tmp_path / "a.md", tmp_path / "b.md")
    assert result.returncode == 0
    assert result.stdout.strip() == "2 lessons, no problems"


def test_validate_the_built_in_library():
    result = lessons("validate", builtin_folder())
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == f"{len(lesson_files(builtin_folder()))} lessons, no problems"


def test_validate_prints_file_line_message_and_exits_1(tmp_path):
    good_lesson(tmp_path, "fine.md", "Fine")
    bad_yaml = tmp_path / "bad-yaml.md"
    bad_yaml.write_text("---\ntitle: Rain\nsubject: Science: forces\n---\n", encoding="utf-8")
    no_alt = tmp_path / "sub" / "no-alt.md"
    no_alt.parent.mkdir()
    no_alt.write_text("---\ntitle: T\n---\n\nText.\n\n![](pic.png)\n", encoding="utf-8")

    result = lessons("validate", tmp_path)

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"{bad_yaml}:3: The details at the top of the file (between the '---' lines) "
        "could not be read: ")
    assert lines[1:3] == [
        f"{no_alt}:7: The image 'pic.png' has no alt text, so a screen reader cannot describe it.",
        f"{no_alt}:7: The image file 'pic.png' cannot be found.",
    ]
    assert lines[3] == "3 lessons, 3 problems in 2 files"


def test_validate_errors(tmp_path):
    missing = lessons("validate", tmp_path / "nothing.md")
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"lesson-lab: '{tmp_path / 'nothing.md'}' cannot be found."
    empty = lessons("validate", tmp_path)
    assert empty.returncode == 1 and "no lesson files" in empty.stderr
    none = lessons("validate")
    assert none.returncode == 2 and "PATH" in none.stderr


def test_import_a_word_document_then_validate_it(tmp_path):
    source = word_document(tmp_path / "volcano.docx", "Volcanoes", "Hot rock comes out.",
                           bullets=["Lava"])
    out = tmp_path / "lessons" / "volcano.md"

    result = lessons("import", source, "--out", out)

    assert result.returncode == 0, result.stderr
    assert '"Volcanoes", 1 section, 0 pictures' in result.stdout
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Volcanoes\n---\n")
    assert lessons("validate", out).stdout.strip() == "1 lesson, no problems"


def test_import_powerpoint_slides_then_validate_them(tmp_path):
    source = plants_lesson(tmp_path / "Plants.pptx", tmp_path)
    out = tmp_path / "lessons" / "plants.md"
    result = lessons("import", source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert '"Parts of a plant", 5 sections, 2 pictures' in result.stdout
    assert f"{source}:6: Slide 6 is hidden in the presentation" in result.stdout
    assert (tmp_path / "lessons" / "images" / "plants-2.png").is_file()
    checked = lessons("validate", out)
    assert "has no alt text" in checked.stdout  # the logo's alt text was its file name


def test_import_refuses_to_overwrite_unless_forced(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("Plants\n\nThey need light.\n", encoding="utf-8")
    out = tmp_path / "plants.md"
    out.write_text("my lesson", encoding="utf-8")

    refused = lessons("import", source, "--out", out)
    assert refused.returncode == 1
    expected = f"lesson-lab: '{out}' already exists; add --force to replace it."
    assert refused.stderr.strip() == expected
    assert out.read_text(encoding="utf-8") == "my lesson"

    forced = lessons("import", source, "--out", out, "--force")
    assert forced.returncode == 0
    assert "title: Plants" in out.read_text(encoding="utf-8")


def test_import_errors_are_one_clear_line(tmp_path):
    pdf = tmp_path / "worksheet.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    unknown = lessons("import", pdf, "--out", tmp_path / "w.md")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (
        "lesson-lab: Lesson Lab can import Word documents (.docx), PowerPoint presentations "
        "(.pptx) and plain text files (.txt), not '.pdf' files."
    )
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"not a zip")
    broken = lessons("import", fake, "--out", tmp_path / "f.md")
    assert broken.returncode == 1 and "not a Word document" in broken.stderr
    missing = lessons("import", tmp_path / "none.docx", "--out", tmp_path / "n.md")
    assert missing.returncode == 1 and "cannot be found" in missing.stderr
    for result in (unknown, broken, missing):
        assert len(result.stderr.strip().splitlines()) == 1


def test_import_with_no_out_puts_the_lesson_in_the_users_library(tmp_path):
    # As File › Import: into the lessons folder of the user's data, named after the
    # document; importing it again keeps the first lesson, --force replaces it.
    data = tmp_path / "data"
    source = tmp_path / "Plants.txt"
    source.write_text("Plants\n\nThey need light.\n", encoding="utf-8")
    folder = data / "lessons"

    first = lessons("import", source, data=data)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (f"Imported '{source}' as '{folder / 'Plants.md'}' in your "
                                    'lessons folder: "Plants", 1 section, 0 pictures.')
    assert "title: Plants" in (folder / "Plants.md").read_text(encoding="utf-8")
    listed = lessons("list", data=data)
    assert any(line.startswith("Plants ") and line.endswith(str(folder / "Plants.md"))
               for line in listed.stdout.splitlines()), listed.stdout

    source.write_text("Plants and light\n\nThey grow towards it.\n", encoding="utf-8")
    again = lessons("import", source, data=data)
    assert again.returncode == 0, again.stderr
    assert f"as '{folder / 'Plants (2).md'}' in your lessons folder" in again.stdout
    assert "title: Plants\n" in (folder / "Plants.md").read_text(encoding="utf-8")

    forced = lessons("import", source, "--force", data=data)
    assert forced.returncode == 0, forced.stderr
    assert "title: Plants and light" in (folder / "Plants.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["Plants (2).md", "Plants.md"]
