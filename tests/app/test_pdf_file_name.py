"""The PDF name Export PDF suggests: the lesson's title and the profile, safe on any system.

Fails on the old code, which suggested the lesson's file name
("ks2-year4-geography-water-cycle - Standard.pdf").
"""

from __future__ import annotations

import pytest

from app.main_files import pdf_file_name
from lessons.library import builtin_folder
from lessons.loader import load_lesson
from lessons.presets import load_presets


@pytest.mark.parametrize(("title", "profile", "name"), [
    ("Writing a recount", "Standard", "Writing a recount - Standard.pdf"),
    ("An Inspector Calls: Arthur Birling", "Dyslexia",
     "An Inspector Calls - Arthur Birling - Dyslexia.pdf"),
    ("Fractions of shapes", "Year 4/5 group", "Fractions of shapes - Year 4-5 group.pdf"),
    ('Is it "alive"?', "Standard", "Is it alive - Standard.pdf"),
    ("...", "Standard", "Lesson - Standard.pdf"),
    ("Rivers", "", "Rivers.pdf"),
])
def test_the_suggestion_is_the_title_and_profile(title: str, profile: str, name: str) -> None:
    assert pdf_file_name(title, profile) == name


def test_every_built_in_lesson_and_preset_gives_a_name_any_system_takes() -> None:
    refused = set('\\/:*?"<>|')
    for path in sorted(builtin_folder().glob("*.md")):
        lesson = load_lesson(path).lesson
        for preset in load_presets():
            name = pdf_file_name(lesson.title, preset.name)
            assert not refused & set(name), name
            assert name.startswith(name.split(" - ")[0]) and name.endswith(".pdf")
            assert path.stem not in name
            assert len(name) < 255
