"""Quarters and check-in due dates.

The article notes that cuts cluster around quarter-ends, so the next check-in falls three weeks
before the coming quarter-end: time to show results before decisions are made. A check-in
always leaves at least MIN_GAP_DAYS for the plan to work; closer than that, it moves to the
following quarter.
"""

from __future__ import annotations

import datetime as dt

LEAD_DAYS = 21
MIN_GAP_DAYS = 45


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_end(day: dt.date) -> dt.date:
    """Last day of the quarter that contains `day`."""
    last_month = ((day.month - 1) // 3 + 1) * 3
    if last_month == 12:
        return dt.date(day.year, 12, 31)
    return dt.date(day.year, last_month + 1, 1) - dt.timedelta(days=1)


def next_checkin_due(day: dt.date) -> dt.date:
    """LEAD_DAYS before the first quarter-end that leaves at least MIN_GAP_DAYS after `day`."""
    end = quarter_end(day)
    due = end - dt.timedelta(days=LEAD_DAYS)
    if (due - day).days < MIN_GAP_DAYS:
        end = quarter_end(end + dt.timedelta(days=1))
        due = end - dt.timedelta(days=LEAD_DAYS)
    return due
