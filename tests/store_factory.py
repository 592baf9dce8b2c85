"""Check-ins for store tests, built from real rules without the plan builder (fast, no I/O)."""

from __future__ import annotations

import datetime as dt

from coach.calendar import quarter_of
from coach.models import Action, CheckIn, MetricEntry, Profile, Task
from coach.scoring import assess_with

TASKS = [
    Task(text="Prepare weekly campaign reports", hours_per_week=8, repetitive=True),
    Task(text="Negotiate contract renewals with key customers", hours_per_week=6),
    Task(text="Design the research plan for a new product line", hours_per_week=4, novel=True),
]


def make_checkin(
    rules,
    *,
    day: dt.date = dt.date(2026, 2, 2),
    checkin_id: str | None = None,
    tasks: list[Task] | None = None,
    statuses: dict[str, str] | None = None,
    metrics: dict[str, str] | None = None,
) -> CheckIn:
    tasks = TASKS if tasks is None else tasks
    statuses = statuses or {}
    actions = [
        Action(
            id=f"act-{n}",
            section="skills",
            title=f"Action {n}",
            basis="Reskilling",
            source="test",
            status=statuses.get(f"act-{n}", "todo"),
        )
        for n in range(3)
    ]
    return CheckIn(
        id=checkin_id or f"{day.isoformat()}-test",
        date=day,
        quarter=quarter_of(day),
        profile=Profile(role="Analyst", function="Marketing"),
        assessment=assess_with(rules, tasks),
        actions=actions,
        metrics=[MetricEntry(action_id=k, value=v) for k, v in (metrics or {}).items()],
    )
