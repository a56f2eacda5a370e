"""Importing Word documents built here with python-docx."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

from lessons.import_docx import import_docx
from lessons.importers import LessonImportError, import_lesson_file
from lessons.model import (
    Image,
    Lesson,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    Task,
)
from tests.lessons.lesson_helpers import tiny_png, without_positions


def numbered_by_word(paragraph, document, style_name: str) -> None:
    """Give a plain paragraph the Word numbering that ``style_name`` uses."""
    num_id = document.styles[style_name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), num_id)
    num_pr.append(level)
    num_pr.append(number)
    paragraph._p.get_or_add_pPr().append(num_pr)


def build_document(path, picture, other_picture):
    document = docx.Document()
    document.add_heading("The water cycle", level=1)
    document.add_paragraph("Where does the rain go?")
    document.add_heading("Rain", level=2)
    paragraph = document.add_paragraph("Water is ")
    paragraph.add_run("very").bold = True
    paragraph.add_run(" ")
    paragraph.add_run("important").italic = True
    paragraph.add_run(" for ")
    paragraph.add_run("life").underline = True
    paragraph.add_run(".")
    document.add_paragraph("Clouds", style="List Bullet")
    document.add_paragraph("Rivers", style="List Bullet")
    document.add_paragraph("Warm the water.", style="List Number")
    document.add_paragraph("Watch it rise.", style="List Number")
    document.add_paragraph("Between the lists.")
    numbered_by_word(document.add_paragraph("A bullet by numbering"), document, "List Bullet")
    numbered_by_word(document.add_paragraph("A number by numbering"), document, "List Number")

    document.add_heading("Stages", level=3)
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    texts = [
        ("Stage", "What happens"),
        ("Evaporation", "The sun warms the sea."),
        ("Condensation", "Vapour cools."),
    ]
    for index, (row, (stage, what)) in enumerate(zip(table.rows, texts, strict=True)):
        row.cells[0].paragraphs[0].add_run(stage).bold = index == 0  # a bold first row
        row.cells[1].paragraphs[0].add_run(what).bold = index == 0

    document.add_paragraph("Task: Label the diagram.")
    document.add_paragraph("A famous saying.", style="Quote")
    shape = document.add_paragraph().add_run().add_picture(str(picture), width=Inches(1))
    shape._inline.docPr.set("descr", "A red square standing for the sun")
    document.add_paragraph().add_run().add_picture(str(other_picture), width=Inches(1))
    # The first picture again: Word stores it once, and so does the import.
    document.add_paragraph().add_run().add_picture(str(picture), width=Inches(1))
    document.save(str(path))


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "sun.png"
    path.write_bytes(tiny_png())
    return path


def test_a_word_document_imports_as_the_same_lesson(tmp_path, picture):
    source = tmp_path / "Water cycle.docx"
    other = tmp_path / "moon.png"
    other.write_bytes(tiny_png(5, 5))
    build_document(source, picture, other)
    out = tmp_path / "out" / "water-cycle.md"

    result = import_docx(source, out)

    expected = Lesson(
        title="The water cycle",
        sections=(
            Section("", 2, (Paragraph((Span("Where does the rain go?"),), 0),), 0),
            Section(
                "Rain",
                2,
                (
                    Paragraph(
                        (
                            Span("Water is "),
                            Span("very", bold=True),
                            Span(" "),
                            Span("important", italic=True),
                            Span(" for "),
                            Span("life", underline=True),
                            Span("."),
                        ),
                        0,
                    ),
                    ListBlock(((Span("Clouds"),), (Span("Rivers"),)), False, 0),
                    ListBlock(((Span("Warm the water."),), (Span("Watch it rise."),)), True, 0),
                    Paragraph((Span("Between the lists."),), 0),
                    ListBlock(((Span("A bullet by numbering"),),), False, 0),
                    ListBlock(((Span("A number by numbering"),),), True, 0),
                ),
                0,
            ),
            Section(
                "Stages",
                3,
                (
                    Table(
                        ((Span("Stage", bold=True),), (Span("What happens", bold=True),)),
                        (
                            ((Span("Evaporation"),), (Span("The sun warms the sea."),)),
                            ((Span("Condensation"),), (Span("Vapour cools."),)),
                        ),
                        0,
                    ),
                    Task("task", (Span("Label the diagram."),), 0),
                    Quote((Span("A famous saying."),), 0),
                    Image("images/water-cycle-1.png", "A red square standing for the sun", 0),
                    Image("images/water-cycle-2.png", "", 0),
                    Image("images/water-cycle-1.png", "", 0),
                ),
                0,
            ),
        ),
    )
    assert result.lesson is not None
    assert without_positions(result.lesson) == expected

    # The pictures were saved beside the lesson, byte for byte.
    assert (out.parent / "images" / "water-cycle-1.png").read_bytes() == picture.read_bytes()
    images = [b for b in result.lesson.sections[2].blocks if isinstance(b, Image)]
    assert all(image.path is not None and image.path.is_file() for image in images)

    assert (out.parent / "images" / "water-cycle-2.png").read_bytes() == other.read_bytes()
    assert sorted(p.name for p in (out.parent / "images").iterdir()) == [
        "water-cycle-1.png",
        "water-cycle-2.png",
    ]

    # The only problems are the pictures with no alt text, on their lines in the written file.
    assert [p.file for p in result.problems] == [str(out), str(out)]
    assert all("has no alt text" in p.message for p in result.problems)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert [lines[p.line - 1] for p in result.problems] == [
        "![](images/water-cycle-2.png)",
        "![](images/water-cycle-1.png)",
    ]


def test_header_row_from_word_markers(tmp_path):
    document = docx.Document()
    document.add_heading("Tables", level=1)
    repeat = document.add_table(rows=2, cols=1)
    repeat.rows[0].cells[0].text = "Marked as a header row"
    repeat.rows[1].cells[0].text = "body"
    repeat.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    styled = document.add_table(rows=2, cols=1)
    styled.style = "Light Grid Accent 1"
    styled.rows[0].cells[0].text = "Header by table style"
    styled.rows[1].cells[0].text = "body"
    plain = document.add_table(rows=2, cols=2)
    plain.style = "Table Grid"
    plain.rows[0].cells[0].text = "No header"
    plain.rows[1].cells[0].text = "body"
    merged = document.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1])
    merged.rows[0].cells[0].text = "Across two"
    merged.rows[0].cells[2].text = "Third"
    document.save(str(tmp_path / "t.docx"))

    result = import_docx(tmp_path / "t.docx", tmp_path / "t.md")

    tables = result.lesson.sections[0].blocks
    assert [bool(t.header) for t in tables] == [True, True, False, False]
    assert tables[0].header == ((Span("Marked as a header row"),),)
    assert tables[2].rows[0] == ((Span("No header"),), ())
    assert [len(cell) for cell in tables[3].rows[0]] == [1, 0, 1]
    assert result.problems == ()


def test_headings_shift_when_the_body_uses_heading_1(tmp_path):
    document = docx.Document()
    document.add_paragraph("Volcanoes", style="Title")
    document.add_heading("What is a volcano?", level=1)
    document.add_heading("Magma", level=2)
    document.add_paragraph("Hot rock.")
    document.save(str(tmp_path / "v.docx"))

    lesson = import_docx(tmp_path / "v.docx", tmp_path / "v.md").lesson

    assert lesson.title == "Volcanoes"
    assert [(s.heading, s.level) for s in lesson.sections] == [
        ("What is a volcano?", 2),
        ("Magma", 3),
    ]


def test_no_title_uses_the_file_name_and_says_so(tmp_path):
    document = docx.Document()
    document.add_paragraph("Just some text.")
    document.save(str(tmp_path / "my_volcano-lesson.docx"))

    result = import_docx(tmp_path / "my_volcano-lesson.docx", tmp_path / "v.md")

    assert result.lesson.title == "My volcano lesson"
    (note,) = result.problems
    assert note.file.endswith(".docx") and note.severity == "warning"


def test_document_title_property_is_used_when_there_is_no_title_heading(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Rocks and soils"
    document.add_paragraph("Text.")
    document.save(str(tmp_path / "r.docx"))
    result = import_docx(tmp_path / "r.docx", tmp_path / "r.md")
    assert result.lesson.title == "Rocks and soils" and result.problems == ()


def test_a_file_that_is_not_really_a_word_document(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"this is not a zip file")
    with pytest.raises(LessonImportError, match="not a Word document"):
        import_docx(fake, tmp_path / "fake.md")
    assert not (tmp_path / "fake.md").exists()


def test_import_refuses_to_replace_a_lesson(tmp_path):
    document = docx.Document()
    document.add_heading("A", level=1)
    document.add_paragraph("A few words.")
    document.save(str(tmp_path / "a.docx"))
    out = tmp_path / "a.md"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(LessonImportError, match="already exists"):
        import_lesson_file(tmp_path / "a.docx", out)
    assert out.read_text(encoding="utf-8") == "keep me"
    assert import_lesson_file(tmp_path / "a.docx", out, overwrite=True).lesson.title == "A"


@pytest.mark.parametrize(
    ("name", "message"),
    [("old.doc", "save it as .docx"), ("notes.pdf", "not '.pdf' files"), ("x", "no extension")],
)
def test_unknown_kinds_of_file(tmp_path, name, message):
    (tmp_path / name).write_bytes(b"data")
    with pytest.raises(LessonImportError, match=message):
        import_lesson_file(tmp_path / name, tmp_path / "out.md")


def test_a_document_with_no_words_is_refused_plainly(tmp_path, picture):
    empty = tmp_path / "Empty.docx"
    docx.Document().save(str(empty))
    pictures_only = tmp_path / "Pictures.docx"
    document = docx.Document()
    document.add_paragraph().add_run().add_picture(str(picture), width=Inches(1))
    document.save(str(pictures_only))
    for source in (empty, pictures_only):
        out = tmp_path / (source.stem + ".md")
        with pytest.raises(LessonImportError, match="no text to make a lesson from"):
            import_docx(source, out)
        assert not out.exists()
    assert not (tmp_path / "images").exists(), "no pictures left behind for no lesson"


def test_a_document_too_long_for_one_lesson_is_refused_before_writing(
        tmp_path, monkeypatch):
    # The loader opens lessons up to MAX_LESSON_BYTES; an import that wrote a
    # bigger file made a library entry that could not be opened.
    monkeypatch.setattr("lessons.importers.MAX_LESSON_BYTES", 1024)
    source = tmp_path / "Long.docx"
    document = docx.Document()
    for number in range(40):
        document.add_paragraph(f"Paragraph {number} says a good deal about the water cycle.")
    document.save(str(source))
    with pytest.raises(LessonImportError, match="too long for one lesson.*split it"):
        import_docx(source, tmp_path / "Long.md")
    assert not (tmp_path / "Long.md").exists()


def noise_png(width: int, height: int) -> bytes:
    """A real PNG of random pixels: it does not compress, like a photograph."""
    import os
    import struct
    import zlib

    rows = b"".join(b"\x00" + os.urandom(3 * width) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def test_far_too_much_text_is_refused_before_the_document_is_read(tmp_path, monkeypatch):
    # Counted as the XML streams past, stopping once over: the end of this
    # document is broken, which python-docx would report if it got that far.
    monkeypatch.setattr("lessons.import_docx.TOO_MUCH_TEXT", 4096)
    source = tmp_path / "Long.docx"
    document = docx.Document()
    for number in range(200):
        document.add_paragraph(f"Paragraph {number} says a good deal about the water cycle.")
    document.save(str(source))
    broken = tmp_path / "Broken.docx"
    with zipfile.ZipFile(source) as whole, zipfile.ZipFile(broken, "w") as cut:
        for item in whole.infolist():
            data = whole.read(item)
            cut.writestr(item, data[: len(data) * 3 // 4] if item.filename ==
                         "word/document.xml" else data)
    with pytest.raises(LessonImportError, match="too long for one lesson.*split it"):
        import_docx(broken, tmp_path / "Long.md")
    assert list(tmp_path.glob("*.md")) == []


def test_a_document_full_of_pictures_is_not_refused_for_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr("lessons.import_docx.TOO_MUCH_TEXT", 4096)
    photo = tmp_path / "photo.png"
    photo.write_bytes(noise_png(120, 120))
    source = tmp_path / "Photos.docx"
    document = docx.Document()
    document.add_heading("Our trip", level=1)
    for number in range(4):
        document.add_paragraph(f"Photo {number + 1}.")
        document.add_paragraph().add_run().add_picture(str(photo), width=Inches(2))
    document.save(str(source))
    assert source.stat().st_size > 10 * 4096
    result = import_docx(source, tmp_path / "out" / "Trip.md")
    assert result.lesson.title == "Our trip"
    assert (tmp_path / "out" / "images" / "Trip-1.png").read_bytes() == photo.read_bytes()


def test_a_header_is_named_when_left_out_and_empty_ones_are_not(tmp_path, picture):
    document = docx.Document()
    document.add_heading("Magnets", level=1)
    document.add_paragraph("Magnets pull iron.")
    document.sections[0].footer.paragraphs[0].text = ""  # there, but empty
    document.save(str(tmp_path / "plain.docx"))
    result = import_docx(tmp_path / "plain.docx", tmp_path / "plain.md")
    assert not [p for p in result.problems if "page" in p.message]

    document.sections[0].header.paragraphs[0].add_run().add_picture(str(picture),
                                                                    width=Inches(0.5))
    document.sections[0].header.add_paragraph("Oakfield Primary School")
    document.save(str(tmp_path / "logo.docx"))
    result = import_docx(tmp_path / "logo.docx", tmp_path / "logo.md")
    assert [p.message for p in result.problems if "page" in p.message] == [
        "The document's page header was left out, as a lesson has no pages (“Oakfield "
        "Primary School”, a picture); put anything pupils need from it in the lesson's text."]
    assert "Oakfield" not in result.lesson.body
