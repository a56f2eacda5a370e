"""Practice mode as a screen reader (Orca) gets it over AT-SPI: names, roles, announcements.

One app process (scene "practice") shows the practice window: the list of
pupils, then a scenario's three steps (adapt, see it as a pupil might,
reflect), each read over the real accessibility bus, with the checker dock
beside them. Then the checker's and step 3's messages are shown with a
listener registered.
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
    yield from start_scene(reader_bus, "practice", tmp_path_factory)


@pytest.fixture(scope="module")
def walks(shown):
    return [shown.walk(state) for state in shown.states]


def test_every_control_reaches_the_reader_named_with_its_role(walks):
    problems = verdict(walks, KNOWN_GAPS)
    assert not problems, problems


def test_practice_messages_are_announced_to_the_reader(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, KNOWN_UNANNOUNCED)
    assert not missing, missing
