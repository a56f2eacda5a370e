"""Every number in a profile has a range, the one the profile editor allows.

A hand-edited or damaged profile file once held what the editor could never
make: "Infinity" letter spacing (Python's JSON reader accepts it) crashed the
Word export, a line height of -5 made a PDF "(-58 pages)", a weight of 10**30
was shown as it was. Such a file is now refused with one plain sentence that
names the setting, as other bad settings are.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from lessons.presets import load_presets
from lessons.profile import LIMITS, Profile
from lessons.profile_store import ProfileStore

# (setting, a value out of range, words the refusal must hold)
DAMAGED = [
    ("letter_spacing_em", math.inf, "letter spacing"),
    ("letter_spacing_em", -math.inf, "letter spacing"),
    ("letter_spacing_em", math.nan, "letter spacing"),
    ("letter_spacing_em", 0.6, "letter spacing"),
    ("word_spacing_em", 1.5, "word spacing"),
    ("word_spacing_em", -0.1, "word spacing"),
    ("paragraph_spacing_em", 4.5, "paragraph spacing"),
    ("paragraph_spacing_em", math.nan, "paragraph spacing"),
    ("line_height", -5, "line height"),
    ("line_height", 0.5, "line height"),
    ("line_height", math.inf, "line height"),
    ("font_weight", 10**30, "font weight"),
    ("font_weight", 100, "font weight"),
    ("font_size_pt", math.nan, "font size"),
    ("font_size_pt", math.inf, "font size"),
    ("max_line_chars", 10**30, "line length"),
    ("max_line_chars", -1, "line length"),
    ("image_scale", 0, "picture size"),
    ("image_scale", 10**400, "picture size"),
    ("image_scale", math.nan, "picture size"),
    ("ruler_opacity", math.nan, "reading ruler strength"),
    ("overlay_opacity", 1.5, "overlay strength"),
]


@pytest.mark.parametrize(("key", "value", "words"), DAMAGED,
                         ids=[f"{k}={v!r}"[:40] for k, v, _ in DAMAGED])
def test_a_saved_profile_out_of_range_is_refused_naming_the_setting(tmp_path, key, value,
                                                                       words):
    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir(parents=True)
    data = {**Profile(name="Damaged").to_dict(), key: value}
    # json.dumps writes NaN and Infinity as Python's reader accepts them.
    (store.folder / "damaged.json").write_text(json.dumps(data), encoding="utf-8")
    store.add(Profile(name="Fine"))

    assert store.names() == ["Fine"]
    (problem,) = store.problems()
    assert problem.path.name == "damaged.json"
    assert words in problem.reason and "must be between" in problem.reason
    message = problem.message
    assert message.startswith('The profile file "damaged.json" could not be read')
    assert message.count(".") <= 2 and "Traceback" not in message  # one sentence (and "0.5")


def test_the_exact_report_of_infinite_letter_spacing_is_refused(tmp_path):
    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir(parents=True)
    text = '{"name": "Spaced out", "letter_spacing_em": Infinity}'
    (store.folder / "spaced.json").write_text(text, encoding="utf-8")
    assert store.profiles() == []
    (problem,) = store.problems()
    assert problem.reason == "the letter spacing must be between 0% and 50% of the text size"


@pytest.mark.parametrize("key", sorted(LIMITS))
def test_each_range_takes_its_ends_and_refuses_beyond(key):
    limit = LIMITS[key]
    whole = isinstance(getattr(Profile(), key), int)
    step = 1 if whole else 0.001
    for fine in (limit.low, limit.high):
        replace(Profile(), **{key: fine}).validate()
    for bad in (limit.low - step, limit.high + step, math.nan, math.inf):
        with pytest.raises(ValueError, match="must be between"):
            replace(Profile(), **{key: bad}).validate()


def test_every_number_in_a_profile_has_a_range():
    numbers = {name for name, value in Profile().to_dict().items()
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
    assert numbers - {"ruler_lines"} == set(LIMITS)  # the ruler has its own few choices


def test_every_preset_is_inside_the_ranges():
    for preset in load_presets():
        preset.validate()
        for key, limit in LIMITS.items():
            assert limit.allows(getattr(preset, key)), (preset.name, key)


def test_a_number_written_as_true_is_not_a_number():
    assert not LIMITS["line_height"].allows(True)
    with pytest.raises(ValueError, match="line height"):
        replace(Profile(), line_height=True).validate()
