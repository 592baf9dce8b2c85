"""`--date` and `--today`: a calendar day the quarter arithmetic can handle."""

from __future__ import annotations

import datetime as dt

import click

from coach.errors import CoachError

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(9998, 12, 31)
"""Check-in dates, quarters and due dates are a few months apart; past 9998 they overflow."""


class Day(click.ParamType):
    """A YYYY-MM-DD date between EARLIEST and LATEST, returned as a datetime (like
    click.DateTime); anything else is a one-line CoachError naming the flag."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.datetime):
            return value
        flag = param.opts[0] if param is not None and param.opts else "date"
        try:
            day = dt.datetime.strptime(str(value), "%Y-%m-%d")
        except ValueError:
            raise CoachError(f"{flag} {value}: not a date; write it as YYYY-MM-DD") from None
        if not EARLIEST <= day.date() <= LATEST:
            raise CoachError(
                f"{flag} {value}: out of range; give a date from {EARLIEST} to {LATEST}"
            )
        return day
