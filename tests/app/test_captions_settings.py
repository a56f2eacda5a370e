"""Live captions start with the window's profile and keep their own settings.

A real main window with the real captions controller attached
(app/controllers.py) and the real settings file; "the next start" is a new
window on the same file.
"""

from __future__ import annotations

import pytest

from app.controllers import attach_controllers, saved_caption_settings
from app.settings import AppSettings
from widgets.caption_settings import SCHEMES, CaptionSettings

DYSLEXIA = "Dyslexia"  # cream background, soft black text: unlike every fixed scheme


def _captions(window):
    assert attach_controllers(window, ("captions",)) == ["captions"]
    return window.captions_window


def test_profile_colours_are_the_profile_chosen_before_the_captions_attached(opened):
    window = opened.open()
    assert window.choose_profile(DYSLEXIA)
    profile = window.profile()
    expected = (profile.colours.text, profile.colours.background)
    assert expected not in [colours for colours in SCHEMES.values() if colours]
    captions = _captions(window)
    captions.set_scheme("profile")
    assert captions.colours() == expected
    # A later change still reaches them.
    window.choose_profile("High contrast white on black")
    assert captions.colours() == ("#ffffff", "#000000")


def test_caption_settings_are_kept_for_the_next_start(opened):
    window = opened.open()
    captions = _captions(window)
    assert captions.settings() == CaptionSettings()
    captions.set_placement("top")
    captions.set_lines(3)
    captions.set_scheme("white-on-black")
    captions.set_font_size(60)
    window.close()
    assert AppSettings(opened.settings_path).captions["placement"] == "top"

    again = opened.open()
    restored = _captions(again).settings()
    assert (restored.placement, restored.lines, restored.scheme, restored.font_size_pt) == (
        "top", 3, "white-on-black", 60.0)
    assert again.captions_window.colours() == SCHEMES["white-on-black"]


@pytest.mark.parametrize("stored", [
    "not json at all", "[1, 2]",
    '{"lines": "three", "placement": 7, "frameless": "yes", "font_size_pt": true}',
])
def test_damaged_caption_settings_give_the_defaults(tmp_path, stored):
    settings = AppSettings(tmp_path / "settings.ini")
    settings.set("captions/settings", stored)
    assert saved_caption_settings(settings) == CaptionSettings()


def test_values_out_of_range_are_brought_into_range(tmp_path):
    settings = AppSettings(tmp_path / "settings.ini")
    settings.captions = {"lines": 9, "scheme": "purple", "placement": "top", "font_size_pt": 5,
                         "unknown": 1}
    restored = saved_caption_settings(settings)
    assert (restored.lines, restored.scheme, restored.placement, restored.font_size_pt) == (
        3, "yellow-on-black", "top", 18.0)
