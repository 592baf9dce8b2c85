"""Building check-ins from a profile, carrying progress over, and when the next one is due."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.assets import asset_path
from coach.calendar import next_checkin_due
from coach.checkins import checkin_due, new_checkin, plan_of, profile_file_of
from coach.models import MetricEntry, Task
from coach.profile_io import load_profile
from coach.scoring import assess_with
from coach.settings import Settings
from coach.store import Store


@pytest.fixture(scope="module")
def profile_file():
    return load_profile(asset_path("examples/profile.toml"))


def test_new_checkin_snapshots_the_assessment_and_the_plan(profile_file, rules):
    day = dt.date(2026, 2, 10)
    ci = new_checkin(profile_file, rules, today=day)
    assert ci.date == day
    assert ci.quarter == "2026-Q1"
    assert ci.id.startswith("2026-02-10-")
    expected = assess_with(rules, profile_file.tasks)
    assert ci.assessment == expected
    assert ci.profile == profile_file.profile
    assert ci.actions
    assert {a.status for a in ci.actions} == {"todo"}
    assert ci.metrics == []


def test_ids_are_unique_and_sort_by_date(profile_file, rules):
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in (40, 3, 3, 200)]
    ids = [new_checkin(profile_file, rules, today=d).id for d in days]
    assert len(set(ids)) == len(ids)
    assert sorted(ids, key=lambda i: i[:10]) == [ids[1], ids[2], ids[0], ids[3]]


def test_progress_carries_over_to_actions_that_still_apply(profile_file, rules):
    first = new_checkin(profile_file, rules, today=dt.date(2026, 2, 1))
    done, doing = first.actions[0], first.actions[1]
    first.actions[0].status = "done"
    first.actions[1].status = "doing"
    first.metrics = [
        MetricEntry(action_id=done.id, baseline="8 h", target="4 h", value="6 h"),
        MetricEntry(action_id="gone-action", value="1"),
    ]
    second = new_checkin(profile_file, rules, today=dt.date(2026, 5, 1), previous=first)
    status = {a.id: a.status for a in second.actions}
    assert status[done.id] == "done"
    assert status[doing.id] == "doing"
    assert [m.action_id for m in second.metrics] == [done.id]
    assert second.metrics[0].value == "6 h"
    assert second.id != first.id


def test_changed_hours_change_the_checkin(profile_file, rules):
    first = new_checkin(profile_file, rules, today=dt.date(2026, 2, 1))
    heavier = profile_file.model_copy(
        update={"tasks": [*profile_file.tasks, Task(text="Negotiate renewals", hours_per_week=9)]}
    )
    second = new_checkin(heavier, rules, today=dt.date(2026, 5, 1), previous=first)
    assert second.assessment.total_hours == first.assessment.total_hours + 9
    assert profile_file_of(second) == heavier


def test_plan_of_a_stored_checkin_keeps_its_actions_and_says_what_changed(profile_file, rules):
    store = Store.open(Settings.from_env())
    first = store.add_checkin(new_checkin(profile_file, rules, today=dt.date(2026, 2, 1)))
    second = new_checkin(profile_file, rules, today=dt.date(2026, 5, 1), previous=first)
    second.actions[0].status = "done"
    second = store.add_checkin(second)
    plan = plan_of(second, store.previous(second))
    assert plan.actions == second.actions
    assert plan.since is not None
    assert plan.since.actions_completed == [second.actions[0].title]
    assert plan.quarter == "2026-Q2"
    assert all(m.action_id in {a.id for a in plan.actions} for m in plan.next_90_days)
    assert plan_of(first).since is None


def test_a_checkin_is_due_three_weeks_before_the_next_quarter_end(profile_file, rules):
    assert checkin_due(None, dt.date(2026, 1, 1)).due
    last = new_checkin(profile_file, rules, today=dt.date(2026, 1, 15))
    due_on = next_checkin_due(last.date)
    before = checkin_due(last, due_on - dt.timedelta(days=1))
    assert not before.due
    assert before.due_on == due_on
    assert checkin_due(last, due_on).due
    assert checkin_due(last, due_on + dt.timedelta(days=100)).due


def test_metric_numbers_are_recorded_cleaned_and_exported(profile_file, rules):
    from coach.checkins import with_metric
    from coach.errors import CoachError
    from coach.export import md, render_markdown

    ci = new_checkin(profile_file, rules, today=dt.date(2026, 2, 1))
    metric = next(a for a in ci.actions if a.section == "metrics")
    other = next(a for a in ci.actions if a.section != "metrics")
    blank = render_markdown(plan_of(ci))
    assert "\n- Baseline ____ · target ____\n" in blank

    ci = with_metric(ci, metric.id, baseline="8 h\x1b[31m", target=" 4 h ", value="6 h")
    assert ci.metrics == [
        MetricEntry(action_id=metric.id, baseline="8 h", target="4 h", value="6 h")
    ]
    text = render_markdown(plan_of(ci))
    assert "\n- Baseline 8 h · target 4 h · latest 6 h\n" in text
    assert text.count("Baseline ____") == blank.count("Baseline ____") - 1

    hostile = with_metric(ci, metric.id, baseline="# | [x](y)", target="", value="")
    assert f"Baseline {md('# | [x](y)')} · target ____" in render_markdown(plan_of(hostile))
    assert with_metric(ci, metric.id, baseline="", target="", value="").metrics == []

    with pytest.raises(CoachError, match="no metric action"):
        with_metric(ci, other.id, baseline="1", target="2", value="3")
