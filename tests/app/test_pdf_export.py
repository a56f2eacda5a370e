"""Clear-print export: A4 PDFs checked with poppler's own tools."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.pdf_export import export_pdf
from lessons.loader import load_lesson
from lessons.presets import get_preset
from lessons.profile import Profile
from lessons.save_problem import save_problem

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"


@pytest.fixture(scope="module")
def water_cycle():
    return load_lesson(LIBRARY / "ks2-year4-geography-water-cycle.md").lesson


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _page_corner_rgb(pdf: Path, tmp_path: Path) -> tuple[int, int, int]:
    """The colour of page 1 near its top-left corner, from a rendered image."""
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(prefix)],
                   check=True)
    ppm = next(tmp_path.glob("page*.ppm")).read_bytes()
    # Binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes.
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", ppm)
    width = int(header.group(1))
    data = ppm[header.end():]
    offset = (3 * width + 3) * 3  # three pixels in from the corner
    return tuple(data[offset : offset + 3])


IN_ORDER = [
    "The water cycle",
    "Learning objectives",
    "Where does the water come from?",
    "The four stages of the water cycle",
    "1. Evaporation",
    "4. Collection",
    "Key words",
]


def test_pdf_has_the_lesson_text_in_order_on_a4(qapp, tmp_path, water_cycle):
    out = tmp_path / "water.pdf"
    result = export_pdf(water_cycle, get_preset("Low vision — large print"), out)
    assert result.path == out and result.pages >= 2
    info = _run("pdfinfo", str(out))
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info)
    assert re.search(rf"Pages:\s+{result.pages}\b", info)
    text = " ".join(_run("pdftotext", str(out), "-").split())
    positions = [text.find(part) for part in IN_ORDER]
    assert -1 not in positions, dict(zip(IN_ORDER, positions, strict=True))
    assert positions == sorted(positions)
    assert "Almost all of the water on Earth is in the oceans and seas" in text
    assert f"Page 1 of {result.pages}" in text


def test_letter_spaced_pdf_has_the_lesson_text_in_order(qapp, tmp_path, water_cycle):
    # Letter-spaced lines carry ActualText (tests/app/test_pdf_spaced_text.py),
    # so the words come out whole.
    out = tmp_path / "dyslexia.pdf"
    export_pdf(water_cycle, get_preset("Dyslexia"), out)
    text = " ".join(_run("pdftotext", str(out), "-").split())
    positions = [text.find(part) for part in IN_ORDER]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize(("family", "postscript"), [
    ("Atkinson Hyperlegible", "AtkinsonHyperlegible"),
    ("OpenDyslexic", "OpenDyslexic"),
])
def test_the_chosen_font_is_embedded(qapp, tmp_path, water_cycle, family, postscript):
    out = tmp_path / "font.pdf"
    export_pdf(water_cycle, replace(Profile(), font_family=family), out)
    rows = [line.split() for line in _run("pdffonts", str(out)).splitlines()[2:]]
    ours = [row for row in rows if row[0].split("+")[-1].startswith(postscript)]
    assert ours, rows
    # Columns from the right: object ID (2), uni, sub, emb.
    assert all(row[-5] == "yes" for row in ours), "embedded"


def test_line_length_is_honoured(qapp, tmp_path, water_cycle):
    out = tmp_path / "narrow.pdf"
    export_pdf(water_cycle, replace(Profile(), max_line_chars=30), out)
    lines = [line for line in _run("pdftotext", str(out), "-").splitlines() if line.strip()]
    body = [line for line in lines if not line.startswith("Page ")]
    assert max(len(line) for line in body) <= 40
    wide = tmp_path / "wide.pdf"
    export_pdf(water_cycle, Profile(), wide)
    wide_lines = _run("pdftotext", str(wide), "-").splitlines()
    assert max(len(line) for line in wide_lines) > 60


@pytest.mark.parametrize(("choice", "paper"), [
    ("profile", (0, 0, 0)),
    ("black-on-white", (255, 255, 255)),
    ("black-on-cream", (255, 253, 208)),
])
def test_print_colours(qapp, tmp_path, water_cycle, choice, paper):
    out = tmp_path / f"{choice}.pdf"
    export_pdf(water_cycle, get_preset("High contrast yellow on black"), out, colours=choice)
    corner = _page_corner_rgb(out, tmp_path)
    assert all(abs(a - b) <= 3 for a, b in zip(corner, paper, strict=True)), corner


def test_unknown_colour_choice_and_unwritable_path_fail_plainly(qapp, tmp_path, water_cycle):
    with pytest.raises(ValueError, match="print colours must be one of"):
        export_pdf(water_cycle, Profile(), tmp_path / "x.pdf", colours="purple")
    target = tmp_path / "no-such-folder" / "x.pdf"
    with pytest.raises(OSError) as refused:
        export_pdf(water_cycle, Profile(), target)
    assert save_problem(refused.value, "The PDF", target) == (
        "The PDF could not be saved: the folder cannot be found (was a USB stick taken out?).")
