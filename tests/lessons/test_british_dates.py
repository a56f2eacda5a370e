"""Dates the British way, whatever the computer's language."""

from datetime import date, datetime

from lessons.british_dates import long_date, short_date


def test_day_first_and_the_month_in_words():
    assert short_date(date(2026, 11, 28)) == "28 November 2026"
    assert short_date(datetime(2027, 1, 3, 9, 5)) == "3 January 2027"


def test_the_long_form_names_the_day_and_the_time():
    assert long_date(datetime(2026, 11, 27, 17, 53)) == "Friday 27 November 2026 at 17:53"
