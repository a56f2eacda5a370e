"""Clear-print PDFs read back as the lesson, in poppler and in PDFium.

A pupil's text-to-speech tool, a screen reader, or copy and paste reads the
text a PDF reader extracts. Qt places each letter on its own, and with the
Dyslexia preset's letter spacing both readers used to give "D e s c r i b e";
and every page used to carry the next page's first line, hidden by the clip.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdfium2
import pytest

import app.pdf_export
from app.pdf_export import export_pdf
from app.pdf_text_layer import TextLayerFixes, fix_text_layer
from lessons.loader import load_lesson
from lessons.presets import get_preset

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"

# Sentences from the lesson as a reader should give them. The second and
# fourth hold key words, which are drawn as runs of their own in another
# colour: the span has to join them to the words around them.
SENTENCES = [
    "The water cycle",
    "Learning objectives",
    "Describe the four main stages of the water cycle.",
    "Almost all of the water on Earth is in the oceans and seas, and it is salty.",
    "Where does the water come from?",
    "This journey is called the water cycle.",
]
TABLE_HEADINGS = {"Stage"}  # the first cell of the lesson's table heading row
SPACED_LETTERS = re.compile(r"\b(\w ){3,}\w\b")


@pytest.fixture(scope="module")
def water_cycle():
    return load_lesson(LIBRARY / "ks2-year4-geography-water-cycle.md").lesson


def _poppler_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


def _pdfium_text(pdf: Path) -> str:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return " ".join(" ".join(pages).split())


def _as_qt_writes_it(water_cycle, profile, out: Path, monkeypatch) -> Path:
    """The export without fixing the text layer: what Qt's PDF writer alone gives."""
    with monkeypatch.context() as patch:
        patch.setattr(app.pdf_export, "fix_text_layer", lambda _path: TextLayerFixes())
        export_pdf(water_cycle, profile, out)
    return out


@pytest.mark.parametrize("reader", [_poppler_text, _pdfium_text], ids=["poppler", "pdfium"])
def test_a_dyslexia_sheet_reads_as_words(qapp, tmp_path, water_cycle, reader):
    out = tmp_path / "dyslexia.pdf"
    export_pdf(water_cycle, get_preset("Dyslexia"), out)
    text = reader(out)
    missing = [sentence for sentence in SENTENCES if sentence not in text]
    assert not missing, text[:600]
    assert not SPACED_LETTERS.search(text), SPACED_LETTERS.search(text).group(0)


@pytest.mark.parametrize("reader", [_poppler_text, _pdfium_text], ids=["poppler", "pdfium"])
def test_without_the_marks_the_readers_break_the_words(
        qapp, tmp_path, water_cycle, reader, monkeypatch):
    # The problem the marks solve is real in both readers: a guard that the
    # test above would fail without them.
    out = _as_qt_writes_it(water_cycle, get_preset("Dyslexia"), tmp_path / "qt.pdf",
                           monkeypatch)
    text = reader(out)
    assert [sentence for sentence in SENTENCES if sentence not in text]


def test_the_marks_change_nothing_on_the_page(qapp, tmp_path, water_cycle, monkeypatch):
    wide = replace(get_preset("Dyslexia"), letter_spacing_em=0.3)
    plain = _as_qt_writes_it(water_cycle, wide, tmp_path / "qt.pdf", monkeypatch)
    marked = tmp_path / "marked.pdf"
    marked.write_bytes(plain.read_bytes())
    assert fix_text_layer(marked).marked > 0
    assert marked.read_bytes() != plain.read_bytes()
    assert _rendered(plain, tmp_path / "plain") == _rendered(marked, tmp_path / "marked")
    assert "Describe the four main stages of the water cycle." in _poppler_text(marked)


def test_a_one_page_sheet_without_letter_spacing_is_left_as_qt_wrote_it(
        qapp, tmp_path, water_cycle, monkeypatch):
    short = replace(water_cycle, sections=water_cycle.sections[:1])
    out = tmp_path / "short.pdf"
    with monkeypatch.context() as patch:
        patch.setattr(app.pdf_export, "fix_text_layer", lambda _path: TextLayerFixes())
        assert export_pdf(short, get_preset("Standard"), out).pages == 1
    before = out.read_bytes()
    assert fix_text_layer(out) == TextLayerFixes(0, 0)
    assert out.read_bytes() == before


@pytest.mark.parametrize("preset", ["Standard", "Dyslexia"])
def test_no_page_repeats_the_next_pages_first_line(qapp, tmp_path, water_cycle, preset):
    out = tmp_path / "sheet.pdf"
    pages = export_pdf(water_cycle, get_preset(preset), out).pages
    lines = [_page_lines(out, number) for number in range(1, pages + 1)]
    for number, (page, following) in enumerate(zip(lines, lines[1:], strict=False), 1):
        assert f"Page {number} of {pages}" in page
        if following[0] in TABLE_HEADINGS:
            continue  # a table's heading row is repeated on each page it runs onto
        assert following[0] not in page, f"page {number} ends with page {number + 1}'s first line"


def test_without_the_fix_a_page_repeats_the_next_pages_first_line(
        qapp, tmp_path, water_cycle, monkeypatch):
    # Where a paragraph runs on over a page break (headings and short
    # paragraphs now start a page whole: app/pdf_pages.py).
    out = _as_qt_writes_it(water_cycle, get_preset("Standard"), tmp_path / "qt.pdf",
                           monkeypatch)
    pages = pypdfium2.PdfDocument(str(out))
    count = len(pages)
    pages.close()
    lines = [_page_lines(out, number) for number in range(1, count + 1)]
    assert any(following[0] in page for page, following in zip(lines, lines[1:], strict=False))


def _page_lines(pdf: Path, number: int) -> list[str]:
    out = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def _rendered(pdf: Path, prefix: Path) -> list[bytes]:
    """Every page as pixels (poppler, 40 dots an inch)."""
    subprocess.run(["pdftoppm", "-r", "40", str(pdf), str(prefix)], check=True)
    pages = [page.read_bytes() for page in sorted(prefix.parent.glob(prefix.name + "-*.ppm"))]
    assert len(pages) > 1
    return pages
