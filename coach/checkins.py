"""Building quarterly check-ins, and knowing when the next one is due.

A check-in is a snapshot of one quarter: the profile answers, the week's tasks with their
verdicts and the exposure index, and the plan's actions with the worker's progress on each.
Statuses and metric values carry over from the previous check-in for actions that still apply.
"""

from __future__ import annotations

import datetime as dt
import secrets

from pydantic import BaseModel

from coach.calendar import next_checkin_due, quarter_of
from coach.models import Action, CheckIn, MetricEntry, Plan, ProfileFile
from coach.scoring import assess


def make_id(day: dt.date) -> str:
    """Sortable by date, unique in practice: '2026-05-04-9f3a61c2'."""
    return f"{day.isoformat()}-{secrets.token_hex(4)}"


def carry_over(actions: list[Action], previous: CheckIn | None) -> list[Action]:
    """The new plan's actions, each keeping the status it had last quarter (ids are stable)."""
    if previous is None:
        return actions
    before = {a.id: a.status for a in previous.actions}
    return [a.model_copy(update={"status": before[a.id]}) if a.id in before else a for a in actions]


def carry_metrics(actions: list[Action], previous: CheckIn | None) -> list[MetricEntry]:
    """Metric entries from last quarter for actions that are still in the plan."""
    if previous is None:
        return []
    ids = {a.id for a in actions}
    return [m.model_copy() for m in previous.metrics if m.action_id in ids]


def new_checkin(
    profile_file: ProfileFile,
    table,
    *,
    today: dt.date | None = None,
    previous: CheckIn | None = None,
    playbook=None,
) -> CheckIn:
    """Classify the profile's tasks with `table`, assess them, plan, and snapshot the result."""
    from coach.plan import build_plan

    today = today or dt.date.today()
    tasks = list(profile_file.tasks)
    assessment = assess(tasks, [table.classify(t) for t in tasks])
    plan = build_plan(
        profile_file.profile,
        assessment,
        playbook=playbook,
        today=today,
        previous_actions=list(previous.actions) if previous else None,
        previous=previous,
    )
    actions = carry_over(list(plan.actions), previous)
    return CheckIn(
        id=make_id(today),
        date=today,
        quarter=quarter_of(today),
        profile=profile_file.profile,
        assessment=assessment,
        actions=actions,
        metrics=carry_metrics(actions, previous),
    )


def profile_file_of(checkin: CheckIn) -> ProfileFile:
    """The profile and tasks a check-in was made from, to start next quarter's from them."""
    return ProfileFile(profile=checkin.profile, tasks=[a.task for a in checkin.assessment.tasks])


def with_metric(
    checkin: CheckIn, action_id: str, *, baseline: str, target: str, value: str
) -> CheckIn:
    """The check-in with the worker's numbers for one metric action (blank clears the entry)."""
    from coach.errors import CoachError
    from coach.models import clean_text

    action = next((a for a in checkin.actions if a.id == action_id), None)
    if action is None or action.section != "metrics":
        raise CoachError(f"check-in {checkin.id}: no metric action with id {action_id!r}")
    entry = MetricEntry(
        action_id=action_id,
        baseline=clean_text(baseline),
        target=clean_text(target),
        value=clean_text(value),
    )
    others = [m for m in checkin.metrics if m.action_id != action_id]
    keep = entry.baseline or entry.target or entry.value
    order = {a.id: i for i, a in enumerate(checkin.actions)}
    metrics = sorted([*others, entry] if keep else others, key=lambda m: order.get(m.action_id, 0))
    return checkin.model_copy(update={"metrics": metrics})


def plan_of(checkin: CheckIn, previous: CheckIn | None = None, *, playbook=None) -> Plan:
    """The plan of a stored check-in: rebuilt from its assessment, with its own saved actions
    (and their statuses), plus a "since last quarter" summary when it has a predecessor."""
    from coach.compare import diff_checkins
    from coach.plan import build_plan

    since = diff_checkins(previous, checkin) if previous is not None else None
    plan = build_plan(
        checkin.profile,
        checkin.assessment,
        playbook=playbook,
        today=checkin.date,
        since=since,
        previous_actions=list(checkin.actions),
        previous=previous,
    )
    kept = {a.id for a in checkin.actions}
    milestones = [m for m in plan.next_90_days if m.action_id in kept]
    return plan.model_copy(
        update={
            "actions": list(checkin.actions),
            "next_90_days": milestones,
            "metrics": list(checkin.metrics),
        }
    )


class Due(BaseModel):
    """Whether a check-in is due on `today`, and from when."""

    due: bool
    due_on: dt.date | None
    """None when there is no check-in yet (one is due now)."""
    last: CheckIn | None = None


def checkin_due(last: CheckIn | None, today: dt.date | None = None) -> Due:
    """Due from three weeks before the quarter-end after the last check-in; due now if none."""
    today = today or dt.date.today()
    if last is None:
        return Due(due=True, due_on=None, last=None)
    due_on = next_checkin_due(last.date)
    return Due(due=today >= due_on, due_on=due_on, last=last)
