"""A clear-print PDF exported onto a full disk: said plainly, and the PDF saved there
before is left whole.

The disk is a real tiny tmpfs filled to the last byte (tests/fixtures/small_disk.py,
root only: skipped with the reason elsewhere). The PDF is written with the real
QPdfWriter; the new one is larger than the old, so it cannot fit where the old one was.
"""

from __future__ import annotations

import pytest

from app.pdf_export import export_pdf
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.presets import get_preset
from lessons.save_problem import save_problem
from tests.fixtures.small_disk import SmallDisk

WATER_CYCLE = "ks2-year4-geography-water-cycle.md"


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk", size="400k") as mounted:
        yield mounted


def test_a_full_disk_keeps_the_old_pdf_whole_and_is_said_plainly(qapp, disk):
    lesson = load_lesson(builtin_folder() / WATER_CYCLE).lesson
    target = disk.path / "Handout.pdf"
    export_pdf(lesson, get_preset("Standard"), target)
    before = target.read_bytes()
    disk.fill()
    with pytest.raises(OSError) as refused:
        export_pdf(lesson, get_preset("Very low vision / projector"), target)
    assert save_problem(refused.value, "The PDF", target) == (
        "The PDF could not be saved: the disk is full. Delete some files or choose another "
        "place, then try again.")
    assert target.read_bytes() == before
    assert sorted(p.name for p in disk.path.iterdir()) == [".filler", "Handout.pdf"]
