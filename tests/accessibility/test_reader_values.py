"""What a screen reader (Orca) gets over AT-SPI from labels whose words are the information.

The profile editor's contrast results and verdict, the dictation panel's
speech model and the dictation line's state are labels: Qt gives a label no
Text interface, so the name is all a reader hears. Each must carry what the
label shows; a contrast verdict that turns round and a change of dictation
state must be announced, once; the profile editor must open with the focus
on a control, not on its scroll area.
"""

from __future__ import annotations

import pytest

from tests.accessibility.reader import ShownApp
from tests.accessibility.reader_checks import ITEM_ROLES, unheard

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def shown(reader_bus, tmp_path_factory):
    app = ShownApp(reader_bus, "values", tmp_path_factory.mktemp("reader-values"),
                   module="tests.accessibility.show_values_for_reader")
    try:
        yield app
    finally:
        app.close()


def _labels(walk) -> dict[str, dict]:
    return {node["name"]: node for node in walk.nodes if node["role"] == "label"}


def _starting(labels: dict[str, dict], start: str) -> list[str]:
    return [name for name in labels if name.startswith(start)]


def test_the_reader_hears_the_contrast_results_and_opens_on_a_setting(shown):
    walk = shown.walk("profile editor")
    labels = _labels(walk)
    ratios = _starting(labels, "Colour contrast: Text on background: ")
    assert len(ratios) == 1 and "(AAA)" in ratios[0], sorted(labels)
    assert "Every colour pair reaches at least 4.5:1 (WCAG AA)." in labels
    assert "Profile: Standard" in labels
    # Items (of the combo boxes' pop-up lists) say "focused" within their list only.
    focused = [node for node in walk.nodes
               if "focused" in node["states"] and node["role"] not in ITEM_ROLES]
    assert len(focused) == 1, [(node["role"], node["name"]) for node in focused]
    assert focused[0]["role"] != "filler" and focused[0]["name"] != "Settings", focused
    assert focused[0]["name"], "the first setting has a name to say"

    labels = _labels(shown.walk("low contrast"))
    ratios = _starting(labels, "Colour contrast: Text on background: 2.32:1 (fail)")
    assert len(ratios) == 1, sorted(labels)
    assert _starting(labels, "Low contrast warning: Text on background is only 2.32:1.")
    assert "Profile: Standard, changed" in labels


def test_the_reader_hears_the_speech_model_and_the_dictation_state(shown):
    labels = _labels(shown.walk("dictation"))
    assert "Speech model: English, built in" in labels, sorted(labels)
    assert _starting(labels, "Listening: say “full stop”")
    assert "Microphone level: No sound" in labels


def test_a_turned_verdict_and_a_new_dictation_state_are_announced_once(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, {})
    assert not missing, missing
    announced = [e["data"] for e in heard if e["type"] == "object:announcement"]
    for message in said:
        assert announced.count(message["text"]) == 1, (message, announced)
