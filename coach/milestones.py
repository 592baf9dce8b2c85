"""The next 90 days: the plan's actions laid out week by week until the next check-in."""

from __future__ import annotations

from coach.models import Action, Milestone
from coach.playbook import Playbook


def _spread(i: int, n: int, first: int, last: int) -> int:
    last = max(first, last)
    return first + (i * (last - first + 1)) // max(n, 1)


def schedule(pb: Playbook, actions: list[Action], weeks: int) -> list[Milestone]:
    """Lay the actions out week by week until the check-in: baselines first, results last."""
    m = pb.milestones
    rows: list[tuple[int, int, Milestone]] = []

    def add(week: int, action: Action, template: str) -> None:
        week = min(max(week, 1), weeks)
        milestone = Milestone(
            week=week, action_id=action.id, title=template.format(title=action.title)
        )
        rows.append((week, len(rows), milestone))

    metrics = [a for a in actions if a.section == "metrics"]
    flows = [a for a in actions if a.section == "ai-workflows" and a.kind != "teach"]
    teach = [a for a in actions if a.kind == "teach"]
    guards = [a for a in actions if a.section == "guardrails"]
    later = [
        a
        for a in actions
        if a.section in ("skills", "pivots")
        or (a.section == "scarce-assets" and a.kind == "missing")
    ]
    for a in metrics:
        add(1, a, m.baseline)
    for i, (flow, guard) in enumerate(zip(flows, guards, strict=False)):
        week = _spread(i, len(flows), 2, weeks - 3)
        add(week, guard, m.guardrail)
        add(week, flow, m.workflow)
    for a in teach:
        add(min(weeks - 1, 5), a, m.teach)
    templates = {"skills": m.skill, "pivots": m.pivot, "scarce-assets": m.asset}
    for i, a in enumerate(later):
        add(_spread(i, len(later), 2, weeks - 1), a, templates[a.section])
    if metrics:
        add(weeks, metrics[0], m.measure)
    return [ms for _, _, ms in sorted(rows, key=lambda r: r[:2])]
