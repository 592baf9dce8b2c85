"""Role-level numbers from task verdicts: time-weighted class shares and the exposure index.

Exposure index = 100 x (displacement hours + 0.5 x augmentation hours) / total hours, rounded.
Not-ready hours count 0. When no task has hours, each task counts as one hour.
"""

from __future__ import annotations

from collections.abc import Sequence

from coach.models import AssessedTask, Assessment, Exposure, Task, Verdict

CLASS_WEIGHT = {Exposure.DISPLACEMENT: 1.0, Exposure.AUGMENTATION: 0.5, Exposure.NOT_READY: 0.0}


def assess(tasks: Sequence[Task], verdicts: Sequence[Verdict]) -> Assessment:
    """Combine tasks and their verdicts into shares of the week and an exposure index."""
    if len(tasks) != len(verdicts):
        raise ValueError("one verdict per task")
    total = sum(t.hours_per_week for t in tasks)
    weights = [t.hours_per_week for t in tasks] if total > 0 else [1.0] * len(tasks)
    denominator = sum(weights)
    hours = dict.fromkeys(Exposure, 0.0)
    for weight, verdict in zip(weights, verdicts, strict=True):
        hours[verdict.exposure] += weight
    shares = {c: (h / denominator if denominator else 0.0) for c, h in hours.items()}
    index = round(100 * sum(CLASS_WEIGHT[c] * s for c, s in shares.items())) if tasks else 0
    return Assessment(
        tasks=[AssessedTask(task=t, verdict=v) for t, v in zip(tasks, verdicts, strict=True)],
        shares=shares,
        exposure_index=index,
        total_hours=round(total, 2),
    )


def empty_week(tasks: Sequence[Task]) -> str | None:
    """Why a week cannot be scored yet, or None: "no-tasks", or "no-hours" when every task
    has 0 hours. The app and the CLI refuse such a week alike instead of showing an index
    "over 0 hours" (each shell words the reason for its own input)."""
    if not tasks:
        return "no-tasks"
    if sum(t.hours_per_week for t in tasks) <= 0:
        return "no-hours"
    return None


def whole_percents(shares: dict[Exposure, float]) -> dict[Exposure, int]:
    """Shares as whole percents that add up to 100 (largest remainder), so a summary never
    reads 34% + 33% + 34%. All zero stays all zero."""
    exact = {c: 100 * shares.get(c, 0.0) for c in Exposure}
    if sum(exact.values()) <= 0:
        return dict.fromkeys(Exposure, 0)
    floors = {c: int(v) for c, v in exact.items()}
    left = round(sum(exact.values())) - sum(floors.values())
    by_remainder = sorted(Exposure, key=lambda c: (floors[c] - exact[c], list(Exposure).index(c)))
    for c in by_remainder[: max(0, left)]:
        floors[c] += 1
    return floors


def assess_with(table, tasks: Sequence[Task]) -> Assessment:
    """Classify `tasks` with a RuleTable and assess them."""
    return assess(tasks, [table.classify(t) for t in tasks])
