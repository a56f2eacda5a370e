"""The reflection log as a teacher reads it (lessons/reflection_log.py): real records in
a real folder, listed newest first, a damaged file one sentence in its place.

Fails on the old code, which had no way to list the log but its folder of JSON files.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from lessons.reflection import ReflectionStore
from lessons.reflection_log import EMPTY_LOG, entry_text, log_file_name, read_log
from tests.lessons.reflection_helpers import AISHA, FIRST_ANSWER, MAYA, make_session

MARCH = datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc)
MAY = datetime(2025, 5, 2, 14, 5, tzinfo=timezone.utc)


def test_records_are_listed_newest_first_with_date_lesson_and_pupil(tmp_path):
    store = ReflectionStore(tmp_path)
    older, newer = make_session(MAYA, started=MARCH), make_session(AISHA, started=MAY)
    store.save(older)
    store.save(newer)
    entries = read_log(store)
    assert [e.session.id for e in entries] == [newer.id, older.id]
    text = entries[1].text
    assert text.startswith("Friday 14 March 2025 at ")
    assert "The water cycle" in text and older.pupil.title in text
    assert ".json" not in text and older.id not in text
    assert entry_text(older) == text


def test_a_damaged_file_is_one_sentence_in_its_place_and_the_others_still_show(tmp_path):
    store = ReflectionStore(tmp_path)
    store.save(make_session(MAYA, started=MARCH))
    store.save(make_session(AISHA, started=MAY))
    (tmp_path / "20250401-120000-year1-plants.json").write_text('{"format": "lesson-la',
                                                                 encoding="utf-8")
    (tmp_path / "notes.json").write_bytes(b"\xff\xfe not text")
    entries = read_log(store)
    assert [e.readable for e in entries] == [True, False, True, False]
    damaged = entries[1]
    assert damaged.session is None
    assert damaged.text == ('The practice record "20250401-120000-year1-plants.json" could '
                            "not be read, so it was skipped: it is not valid JSON (it may "
                            "have been cut short).")
    assert entries[3].problem.path.name == "notes.json"  # no time in its name: last


def test_an_empty_or_missing_folder_is_an_empty_log(tmp_path):
    assert read_log(ReflectionStore(tmp_path / "never-made")) == []
    assert read_log(ReflectionStore(tmp_path)) == []
    assert "Save to my reflection log" in EMPTY_LOG and "Ctrl+Shift+R" in EMPTY_LOG


def test_the_whole_log_is_offered_under_a_dated_name():
    assert log_file_name(date(2026, 11, 28), "pdf") == "Reflection log - 28 November 2026.pdf"


def test_finding_a_reflection_by_pupil_lesson_date_profile_or_what_was_written():
    from lessons.reflection_log import LogEntry, entry_matches

    maya = LogEntry(make_session(MAYA, started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc)))
    aisha = LogEntry(make_session(AISHA, started=datetime(2025, 5, 2, 14, 0,
                                                            tzinfo=timezone.utc)))
    def found(query: str) -> list[str]:
        return [entry.session.pupil.name for entry in (maya, aisha) if entry_matches(entry, query)]

    assert found("") == ["Maya", "Aisha"]
    assert found("visual stress") == ["Aisha"]  # the pupil's needs
    assert found("MARCH water") == ["Maya"]  # the date and the lesson, any case
    assert found("inspector") == ["Aisha"]
    assert found("large print") == ["Maya", "Aisha"]  # the profile used after
    assert found(FIRST_ANSWER.split()[2]) == ["Maya", "Aisha"]  # in what was written
    assert found("march inspector") == []  # every word must be there
