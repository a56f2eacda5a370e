"""Python text against a Qt document's UTF-16 positions (lessons/document_positions.py)."""

from __future__ import annotations

from lessons.document_positions import SECOND_HALF, one_per_position


def test_each_character_beyond_ffff_takes_two_places_as_in_utf_16():
    for text in ("Plants grow.", "🌱 Plants", "a🌍b🌞c", "✅ done", "", "é ß 中文 𝒜"):
        made = one_per_position(text)
        assert len(made) == len(text.encode("utf-16-le")) // 2
        assert made.replace(SECOND_HALF, "") == text


def test_text_within_the_basic_plane_is_unchanged():
    assert one_per_position("Tick ✅ and cross ❌, café") == "Tick ✅ and cross ❌, café"
