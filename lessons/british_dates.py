"""Dates the British way, in words: "27 November 2026", "Friday 27 November 2026 at 17:53".

Written out here rather than through the computer's locale: a school laptop
set to American English (or to a pupil's home language) must still put the
day first and name the month in English, in file names and in records.
"""

from __future__ import annotations

from datetime import date, datetime

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def short_date(when: date) -> str:
    """"27 November 2026"."""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def long_date(when: datetime) -> str:
    """"Friday 27 November 2026 at 17:53", in ``when``'s own time."""
    return f"{DAYS[when.weekday()]} {short_date(when)} at {when:%H:%M}"
