import datetime as dt

import pytest

from coach.calendar import next_checkin_due, quarter_end, quarter_of


@pytest.mark.parametrize(
    ("day", "quarter", "end"),
    [
        (dt.date(2026, 1, 1), "2026-Q1", dt.date(2026, 3, 31)),
        (dt.date(2026, 6, 30), "2026-Q2", dt.date(2026, 6, 30)),
        (dt.date(2026, 11, 28), "2026-Q4", dt.date(2026, 12, 31)),
    ],
)
def test_quarters(day, quarter, end):
    assert quarter_of(day) == quarter
    assert quarter_end(day) == end


def test_next_checkin_is_three_weeks_before_a_quarter_end():
    assert next_checkin_due(dt.date(2026, 10, 1)) == dt.date(2026, 12, 10)
    # Too close to this quarter-end: the next one is due before the following quarter-end.
    assert next_checkin_due(dt.date(2026, 12, 20)) == dt.date(2027, 3, 10)
    # Twelve days would be too short for a quarter's plan: it moves to the next quarter.
    assert next_checkin_due(dt.date(2026, 11, 28)) == dt.date(2027, 3, 10)
    assert next_checkin_due(dt.date(2026, 10, 26)) == dt.date(2026, 12, 10)
    for offset in range(0, 400):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=offset)
        due = next_checkin_due(day)
        assert 45 <= (due - day).days <= 92 + 45
        assert quarter_end(due) - due == dt.timedelta(days=21)
