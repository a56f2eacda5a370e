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
    # ... and that menu item is in this window too (the third review: it was only in
    # the main window), opening the log this window saved to, with the record in it.
    from app.practice.reflection_log_window import ReflectionLogWindow

    items = {a.text().replace("&", ""): a for m in practice.menuBar().actions() if m.menu()
             for a in m.menu().actions()}
    items["My reflection log…"].trigger()
    (log,) = [w for w in practice.findChildren(ReflectionLogWindow) if w.isVisible()]
    assert log.store.folder == practice.reflection_store.folder
    assert log.list.count() == 1 and practice.editor.lesson().title in log.list.item(0).text()
    log.close()
    practice.ask_save_before_closing = lambda: "discard"
    practice.close()
