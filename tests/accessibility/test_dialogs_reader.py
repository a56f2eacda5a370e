"""The main window's dialogs and windows as a screen reader (Orca) gets them over AT-SPI.

One app process (scene "dialogs") opens, one after another, the speech
models, the keyboard shortcuts, About, the profile editor (the app's
preferences for how a lesson looks), the welcome, a key word's definition
and the projector, and each is read over the real accessibility bus. The
speech models' messages are then shown with a listener registered.
"""

from __future__ import annotations

import pytest

from tests.accessibility.conftest import start_scene
from tests.accessibility.reader_checks import unheard, verdict

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

KNOWN_GAPS: dict[tuple[str, str, str], str] = {}
KNOWN_UNANNOUNCED: dict[str, str] = {}


@pytest.fixture(scope="module")
def shown(reader_bus, tmp_path_factory):
    yield from start_scene(reader_bus, "dialogs", tmp_path_factory)


@pytest.fixture(scope="module")
def walks(shown):
    return [shown.walk(state) for state in shown.states]


def test_every_control_reaches_the_reader_named_with_its_role(walks):
    problems = verdict(walks, KNOWN_GAPS)
    assert not problems, problems


def test_the_speech_models_messages_are_announced_to_the_reader(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, KNOWN_UNANNOUNCED)
    assert not missing, missing
