"""What changed: profile settings as sentences, lesson text as counts of lines."""

from __future__ import annotations

import difflib
from dataclasses import fields, replace

import pytest

from lessons.presets import get_preset
from lessons.profile import Colours, Profile
from lessons.profile_diff import (
    describe_profile_changes,
    lesson_text_changes,
    profile_changes,
)

STANDARD = Profile()

CHANGES = [
    ({"font_size_pt": 18.0}, ["Font size: 12 pt → 18 pt"]),
    ({"font_size_pt": 12.5}, ["Font size: 12 pt → 12.5 pt"]),
    ({"font_family": "OpenDyslexic"}, ["Font: Atkinson Hyperlegible → OpenDyslexic"]),
    ({"font_weight": 700}, ["Font weight: normal → bold"]),
    ({"font_weight": 550}, ["Font weight: normal → 550"]),
    ({"letter_spacing_em": 0.12},
     ["Letter spacing: normal → 12% of the text size (about an eighth)"]),
    ({"word_spacing_em": 0.16},
     ["Word spacing: normal → 16% of the text size (about a sixth)"]),
    ({"line_height": 1.5}, ["Line spacing: 120% of the text size → 150% of the text size"]),
    ({"paragraph_spacing_em": 2.0},
     ["Space between paragraphs: 100% of the text size → 200% of the text size"]),
    ({"max_line_chars": 65}, ["Line length: no limit → 65 characters"]),
    ({"alignment": "justify"}, ["Text alignment: left → justified"]),
    ({"alignment": "centre"}, ["Text alignment: left → centred"]),
    ({"suppress_italics": True}, ["Italics: kept → removed"]),
    ({"suppress_underline": True}, ["Underlining: kept → removed"]),
    ({"suppress_all_caps": True}, ["Runs of capitals: kept → removed"]),
    ({"highlight_vocabulary": True}, ["Key word highlighting: off → on"]),
    ({"focus_mode": True}, ["One section at a time: off → on"]),
    ({"image_scale": 1.5}, ["Picture size: 100% → 150%"]),
    ({"ruler_lines": 1}, ["Reading ruler: off → 1 line"]),
    ({"ruler_lines": 3, "ruler_opacity": 0.5},
     ["Reading ruler: off → 3 lines", "Reading ruler strength: 35% → 50%"]),
    # The strength of a ruler that stays off is not a change anyone sees.
    ({"ruler_opacity": 0.5}, []),
    ({"overlay_colour": "#FFE4B5", "overlay_opacity": 0.3},
     ["Coloured overlay: none → #ffe4b5 at 30%"]),
    ({"overlay_colour": "#ffe4b5", "overlay_opacity": 0.0}, []),
    ({"colours": Colours(text="#ffff00", background="#000000")},
     ["Text colour: black (#000000) → yellow (#ffff00)",
      "Background colour: white (#ffffff) → black (#000000)"]),
    ({"colours": Colours(text="#1A1A1A")}, ["Text colour: black (#000000) → #1a1a1a"]),
    ({"colours": Colours(text="#000000".upper(), background="#FFFFFF")}, []),
    ({"name": "Maya's copy", "guidance": "Notes for Maya."}, []),
    ({"font_size_pt": 18.0, "font_family": "Lexend", "colours": Colours(heading="#0000ff")},
     ["Font: Atkinson Hyperlegible → Lexend", "Font size: 12 pt → 18 pt",
      "Heading colour: black (#000000) → blue (#0000ff)"]),
]


@pytest.mark.parametrize("settings, sentences", CHANGES, ids=[str(c[0]) for c in CHANGES])
def test_profile_change_sentences(settings, sentences):
    after = replace(STANDARD, **settings)
    assert describe_profile_changes(STANDARD, after) == sentences
    if "ruler_opacity" in settings:
        return  # turning the ruler off makes its strength irrelevant, so it is not listed
    # And back again, the same settings with the arrows the other way round.
    back = describe_profile_changes(after, STANDARD)
    assert sorted(back) == sorted(
        f"{s.split(': ', 1)[0]}: {s.split(': ', 1)[1].split(' → ')[1]} → "
        f"{s.split(': ', 1)[1].split(' → ')[0]}" for s in sentences
    )


def test_every_setting_a_profile_has_is_described():
    """A setting added to Profile without a sentence here would vanish from the log."""
    skip = {"name", "guidance", "builtin", "colours", "overlay_opacity", "ruler_opacity"}
    samples = {bool: lambda v: not v, str: lambda v: "justify" if v == "left" else v + "x",
               int: lambda v: 5 if v == 0 else v + 100, float: lambda v: v + 0.25}
    for field in fields(Profile):
        if field.name in skip:
            continue
        old = getattr(STANDARD, field.name)
        new = samples[type(old)](old)
        if field.name == "overlay_colour":
            after = replace(STANDARD, overlay_colour="#ffe4b5", overlay_opacity=0.2)
        else:
            after = replace(STANDARD, **{field.name: new})
        changes = profile_changes(STANDARD, after)
        assert len(changes) == 1, (field.name, changes)
    for name in (f.name for f in fields(Colours)):
        after = replace(STANDARD, colours=replace(STANDARD.colours, **{name: "#123456"}))
        (change,) = profile_changes(STANDARD, after)
        assert change.setting == f"colours.{name}" and change.after == "#123456"


def test_standard_to_a_preset_lists_font_before_colours():
    sentences = describe_profile_changes(get_preset("Standard"),
                                         get_preset("High contrast yellow on black"))
    assert sentences[0] == "Font size: 12 pt → 16 pt"
    assert "Text colour: black (#000000) → yellow (#ffff00)" in sentences
    assert sentences.index("Font weight: normal → bold") < sentences.index(
        "Text colour: black (#000000) → yellow (#ffff00)")
    assert describe_profile_changes(get_preset("Dyslexia"), get_preset("Dyslexia")) == []


TEXT = "Line one.\nLine two.\nLine three.\nLine four.\n"

TEXT_CHANGES = [
    (TEXT, TEXT, (0, 0, 0), "Lesson text: not changed."),
    (TEXT, TEXT.replace("\n", "\r\n"), (0, 0, 0), "Lesson text: not changed."),
    (TEXT, TEXT.replace("two", "2"), (1, 0, 0), "Lesson text: 1 line changed."),
    (TEXT, TEXT + "Five.\nSix.\n", (0, 2, 0), "Lesson text: 2 lines added."),
    (TEXT, TEXT.replace("Line one.\n", ""), (0, 0, 1), "Lesson text: 1 line removed."),
    (TEXT, "Line one.\nLine 2.\nLine 3.\n", (2, 0, 1),
     "Lesson text: 2 lines changed and 1 removed."),
    (TEXT, TEXT.replace("Line two.\n", "Two a.\nTwo b.\nTwo c.\n") + "End.\n", (1, 3, 0),
     "Lesson text: 1 line changed and 3 added."),
    (TEXT, "New.\n\n" + TEXT.replace("four", "4").replace("Line one.\n", ""), (2, 1, 0),
     "Lesson text: 2 lines changed and 1 added."),
    (TEXT, "Line two.\nLine three.\nLine 4.\nNew.\nNewer.\n", (1, 2, 1),
     "Lesson text: 1 line changed, 2 added and 1 removed."),
    ("", "", (0, 0, 0), "Lesson text: not changed."),
]


@pytest.mark.parametrize("before, after, counts, summary", TEXT_CHANGES)
def test_lesson_text_changes(before, after, counts, summary):
    changes = lesson_text_changes(before, after)
    assert (changes.changed, changes.added, changes.removed) == counts
    assert changes.summary == summary
    assert changes.total == sum(counts)
    # The counts agree with a unified diff: every changed line is one "-" and one "+".
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm=""))
    plus = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    minus = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    assert (plus, minus) == (changes.changed + changes.added, changes.changed + changes.removed)
