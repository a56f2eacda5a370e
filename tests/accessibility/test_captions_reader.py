"""The live captions window as a screen reader (Orca) gets it over AT-SPI.

One app process (scene "captions") shows the captions window as the captions
controller makes it, listening, with a caption settled, then its history
window; each is read over the real accessibility bus. A reader registered
for announcements must then hear the listening state and each new caption.
"""

from __future__ import annotations

import pytest

from tests.accessibility.conftest import start_scene
from tests.accessibility.reader_checks import unheard, verdict

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def shown(reader_bus, tmp_path_factory):
    yield from start_scene(reader_bus, "captions", tmp_path_factory)


def test_every_control_reaches_the_reader_named_with_its_role(shown):
    walks = [shown.walk(state) for state in shown.states]
    problems = verdict(walks, {})
    assert not problems, problems


def test_captions_and_their_state_are_announced_to_the_reader(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, {})
    assert not missing, missing
