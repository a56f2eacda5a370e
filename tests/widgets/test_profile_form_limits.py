"""The profile editor's controls and a profile's ranges (lessons/profile.py LIMITS) agree:
a saved file is refused for exactly what the editor could not have made."""

from __future__ import annotations

from lessons.profile import LIMITS
from widgets.profile_form import ProfileForm

# setting -> (the form's control, how many of the setting one step of it is)
CONTROLS = {
    "font_size_pt": ("font_size", 1),
    "letter_spacing_em": ("letter_spacing", 100),
    "word_spacing_em": ("word_spacing", 100),
    "line_height": ("line_height", 100),
    "paragraph_spacing_em": ("paragraph_spacing", 100),
    "max_line_chars": ("max_line_chars", 1),
    "ruler_opacity": ("ruler_opacity", 100),
    "overlay_opacity": ("overlay_opacity", 100),
    "image_scale": ("image_scale", 100),
}


def test_every_range_is_the_range_of_its_control(qtbot):
    form = ProfileForm()
    qtbot.addWidget(form)
    assert set(CONTROLS) | {"font_weight"} == set(LIMITS)
    for key, (name, scale) in CONTROLS.items():
        control = getattr(form, name)
        limit = LIMITS[key]
        assert (control.minimum(), control.maximum()) == (limit.low * scale,
                                                          limit.high * scale), key


def test_the_weight_choices_span_the_weight_range(qtbot):
    form = ProfileForm()
    qtbot.addWidget(form)
    weights = [form.font_weight.itemData(i) for i in range(form.font_weight.count())]
    assert (min(weights), max(weights)) == (LIMITS["font_weight"].low,
                                            LIMITS["font_weight"].high)
