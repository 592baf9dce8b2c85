"""The TUI's controller: form input becomes valid tasks or a clear CoachError, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.settings import Settings
from coach.tui.session import Session


def session() -> Session:
    return Session(Settings.from_env(), today=dt.date(2026, 11, 3))


@given(text=st.text(max_size=200), hours=st.text(max_size=8))
def test_make_task_accepts_or_explains(text: str, hours: str) -> None:
    s = session()
    try:
        task = s.make_task(text, hours)
    except CoachError as exc:
        assert str(exc).startswith("task")
    else:
        assert task.text and "\x1b" not in task.text
        assert 0 <= task.hours_per_week <= 168
        assert s.verdict(task).exposure  # any text that passes can be scored


def test_task_edits_rescore_and_warn(rules) -> None:
    s = Session(Settings.from_env(), today=dt.date(2026, 11, 3), rules=rules)
    s.add_task(s.make_task("Compile weekly sales reports", "10"))
    s.add_task(s.make_task("Present findings to the leadership team", "4"))
    assert "14 h" in (s.hours_warning() or "")
    before = s.assessment().exposure_index
    assert s.cycle_attribute(1, "repetitive") is True
    assert s.cycle_attribute(1, "repetitive") is False
    assert s.cycle_attribute(1, "repetitive") is None
    assert s.move_task(1, -1) == 0
    assert s.tasks[0].text.startswith("Present")
    removed = s.delete_task(0)
    assert s.undo_delete() == 0 and s.tasks[0] == removed
    assert s.assessment().exposure_index == before
    with pytest.raises(CoachError, match="hours"):
        s.make_task("Answer tickets", "lots")
    with pytest.raises(CoachError, match="hours per week it takes"):
        s.make_task("Answer tickets", "  ")
