"""The draft: one pure object for the check-in in progress, built once per revision."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import coach.plan
from coach.draft import Draft, make_task
from coach.errors import CoachError
from coach.models import ProfileFile, Task
from coach.settings import Settings
from coach.store import Store

DAY = dt.date(2026, 11, 3)


def draft_of(rules, tasks: list[Task] | None = None) -> Draft:
    tasks = tasks or [
        Task(text="Compile weekly sales reports", hours_per_week=10),
        Task(text="Present findings to the leadership team", hours_per_week=4),
    ]
    return Draft(ProfileFile(tasks=tasks), classify=rules.classify, today=DAY)


def test_every_edit_bumps_the_revision_and_tells_observers_once(rules):
    draft = draft_of(rules)
    seen: list[int] = []
    draft.observe(seen.append)
    draft.update_profile(role="Sales analyst")
    draft.update_profile(role="Sales analyst")  # no change, no revision
    index = draft.add_task(make_task("Answer tier-1 tickets", "5"))
    draft.cycle_attribute(index, "repetitive")
    removed = draft.delete_task(0)
    assert draft.undo_delete() == 0 and draft.tasks[0] == removed
    assert draft.move_task(0, 5) == 0  # out of range: nothing moves, nothing changes
    assert seen == [1, 2, 3, 4, 5]
    assert draft.revision == 5 and draft.dirty
    draft.mark_saved()
    assert not draft.dirty


def test_the_plan_is_built_once_per_revision(rules, monkeypatch):
    calls = []
    real = coach.plan.build_plan

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(coach.plan, "build_plan", counting)
    draft = draft_of(rules)
    plan = draft.plan()
    assert draft.plan() is plan and draft.build().checkin.actions == plan.actions
    assert len(calls) == 1
    draft.replace_task(0, draft.tasks[0].model_copy(update={"hours_per_week": 3}))
    draft.plan()
    draft.plan()
    assert len(calls) == 2


def test_saving_twice_in_a_quarter_keeps_one_checkin_and_progress(rules):
    store = Store.open(Settings.from_env())
    draft = draft_of(rules)
    first = draft.save(store).checkin
    action = first.actions[0]
    store.change_checkin(
        first.id,
        lambda c: c.model_copy(
            update={
                "actions": [
                    a.model_copy(update={"status": "done"}) if a.id == action.id else a
                    for a in c.actions
                ]
            }
        ),
    )
    draft.add_task(Task(text="Negotiate renewals with key customers", hours_per_week=6))
    result = draft.save(store)
    assert result.replaced is not None and result.replaced.id == first.id
    assert [c.id for c in store.checkins()] == [first.id]
    kept = {a.id: a.status for a in store.checkins()[0].actions}
    assert kept[action.id] == "done"
    extra = draft.save(store, new=True).checkin
    assert extra.label == "extra" and len(store.checkins()) == 2


def test_a_failing_file_write_stores_nothing(rules):
    store = Store.open(Settings.from_env())

    def fail(checkin, previous):
        raise CoachError("disk full")

    with pytest.raises(CoachError, match="disk full"):
        draft_of(rules).save(store, before_write=fail)
    assert store.checkins() == []


def test_old_checkins_render_as_stored_not_from_todays_playbook(rules, monkeypatch):
    from coach.checkins import plan_of

    store = Store.open(Settings.from_env())
    saved = draft_of(rules).save(store).checkin
    built = draft_of(rules).plan()

    def broken(*args, **kwargs):
        raise AssertionError("a stored plan must not be rebuilt")

    monkeypatch.setattr(coach.plan, "build_plan", broken)
    plan = plan_of(store.get(saved.id))
    assert plan.strengths == built.strengths
    assert [m.action_id for m in plan.next_90_days] == [m.action_id for m in built.next_90_days]


def test_the_core_draft_never_imports_textual():
    code = "import sys, coach.draft, coach.progress, coach.brag; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
