"""Saving in practice mode says where the record can be read again, not its file name.

Fails on the old code, which said "Saved in your reflection log on this computer
(20261128-205740-year1-down-syndrome-plants.json)": a JSON file a teacher cannot read.
"""

from __future__ import annotations

from tests.app.practice_at_scale import practising


def test_saving_in_practice_says_where_to_read_it_again_not_the_file_name(qtbot, tmp_path):
    practice = practising(qtbot, tmp_path)
    path = practice.save_session()
    assert path is not None and path.suffix == ".json"
    said = practice.reflections.status.text()
    assert "Saved in your reflection log" in said
    assert path.name not in said and ".json" not in said
    assert "Practice › My reflection log" in said
    practice.ask_save_before_closing = lambda: "discard"
    practice.close()
