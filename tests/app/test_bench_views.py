"""``lesson-lab bench views``: the figures come out as JSON (never judged on time here)."""

from __future__ import annotations

import json

from app.bench_views import long_lesson
from app.cli import main


def test_long_lesson_is_made_of_real_library_lessons():
    lesson = long_lesson(3000)
    assert lesson.word_count() >= 3000
    assert len(lesson.sections) > 5 and lesson.vocabulary


def test_bench_views_prints_its_figures_as_json(qapp, capsys):
    assert main(["bench", "views", "--rounds", "1", "--words", "1500"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["benchmark"] == "views"
    assert figures["words"] >= 1500
    for key in ("restyle_ms_10k_words", "restyle_ms_10k_words_scrolled_to_middle", "apply_ms",
                "full_layout_ms", "rebuild_ms"):
        assert figures[key] > 0, key
    assert set(figures["restyle_ms_by_preset"]) >= {"Standard", "Dyslexia"}
    assert isinstance(figures["meets_target"], bool)


def test_bad_arguments_fail_plainly(capsys):
    assert main(["bench", "views", "--rounds", "0"]) == 1
    assert "--rounds must be at least 1" in capsys.readouterr().err
