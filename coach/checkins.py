"""Building quarterly check-ins, and knowing when the next one is due.

A check-in is a snapshot of one quarter: the profile answers, the week's tasks with their
verdicts and the exposure index, and the plan's actions with the worker's progress on each.
Statuses and metric values carry over from the previous check-in for actions that still apply.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from pydantic import BaseModel

from coach.calendar import next_checkin_due
from coach.models import Action, CheckIn, MetricEntry, Plan, ProfileFile


def make_id(day: dt.date) -> str:
    """Sortable by date, unique in practice: '2026-05-04-9f3a61c2'."""
    return f"{day.isoformat()}-{secrets.token_hex(4)}"


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
    from coach.draft import Draft

    draft = Draft(profile_file, classify=table.classify, today=today, playbook=playbook)
    return draft.build(previous).checkin


def merge_quarter(existing: CheckIn, fresh: CheckIn) -> CheckIn:
    """The quarter's stored check-in updated with a fresh save of the same quarter.

    The fresh one brings the answers, tasks and plan; what was recorded on the stored one
    since it was saved (statuses moved on, metric numbers, notes, evidence) is kept for the
    actions that are still in the plan. The id and label stay, so links to it hold.
    """
    status = {a.id: a.status for a in existing.actions if a.status != "todo"}
    actions = [
        a.model_copy(update={"status": status[a.id]}) if a.id in status else a
        for a in fresh.actions
    ]
    ids = {a.id for a in actions}
    kept = {m.action_id: m for m in existing.metrics if m.action_id in ids}
    metrics = [m for m in fresh.metrics if m.action_id not in kept] + list(kept.values())
    order = {a.id: i for i, a in enumerate(actions)}
    notes = {**fresh.notes, **{k: v for k, v in existing.notes.items() if k in ids}}
    return fresh.model_copy(
        update={
            "id": existing.id,
            "label": existing.label,
            "actions": actions,
            "metrics": sorted(metrics, key=lambda m: order.get(m.action_id, 0)),
            "notes": notes,
            "evidence": [*existing.evidence, *fresh.evidence],
        }
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
    """The plan of a stored check-in as it was given, with its actions' statuses and numbers
    as they are now, plus a "since last quarter" summary when it has a predecessor.

    Check-ins saved before plans were kept have theirs rebuilt from the playbook.
    """
    from coach.compare import diff_checkins

    since = diff_checkins(previous, checkin) if previous is not None else None
    kept = {a.id for a in checkin.actions}
    if checkin.plan is not None:
        record = checkin.plan
        return Plan(
            profile=checkin.profile,
            assessment=checkin.assessment,
            date=checkin.date,
            quarter=checkin.quarter,
            next_checkin=record.next_checkin,
            strengths=list(record.strengths),
            actions=list(checkin.actions),
            next_90_days=[m for m in record.next_90_days if m.action_id in kept],
            since=since,
            metrics=list(checkin.metrics),
            summary=record.summary,
            progress=list(record.progress),
            moved=list(record.moved),
        )
    from coach.plan import build_plan

    plan = build_plan(
        checkin.profile,
        checkin.assessment,
        playbook=playbook,
        today=checkin.date,
        since=since,
        previous_actions=list(checkin.actions),
        previous=previous,
    )
    milestones = [m for m in plan.next_90_days if m.action_id in kept]
    return plan.model_copy(
        update={
            "actions": list(checkin.actions),
            "next_90_days": milestones,
            "metrics": list(checkin.metrics),
        }
    )


class Saved(BaseModel):
    """What `Store.save_quarter` did: the stored check-in, the one it replaced, if any, and the
    check-in it was compared with."""

    checkin: CheckIn
    replaced: CheckIn | None = None
    previous: CheckIn | None = None
    backup: Path | None = None


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
