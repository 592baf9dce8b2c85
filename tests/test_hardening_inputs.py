"""Issue 14, flags: dates coach cannot count from are a one-line error naming the flag."""

from __future__ import annotations

import pytest

from coach.assets import asset_path

PROFILE = str(asset_path("examples/profile.toml"))


@pytest.mark.parametrize(
    "args",
    [
        ("checkin", "--from", PROFILE, "--date", "9999-12-31"),
        ("plan", PROFILE, "--today", "9999-12-31"),
        ("status", "--today", "9999-12-31"),
        ("checkin", "--from", PROFILE, "--date", "0001-01-01"),
    ],
    ids=lambda a: " ".join(a[-2:]),
)
def test_a_date_out_of_range_names_the_flag(run, args):
    code, out, err = run(*args)
    assert code == 2
    flag = args[-2]
    assert err.startswith(f"coach: error: {flag} {args[-1]}: out of range")
    assert len(err.splitlines()) == 1
    assert out == ""


def test_a_date_that_is_no_date_names_the_flag(run):
    code, _out, err = run("plan", PROFILE, "--today", "2026-02-30")
    assert code == 2
    assert "--today 2026-02-30: not a date" in err


def test_dates_in_range_still_work(run):
    code, out, err = run("checkin", "--from", PROFILE, "--date", "9998-06-01")
    assert code == 0, err
    assert "saved check-in" in out
