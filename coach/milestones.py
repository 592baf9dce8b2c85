"""The next 90 days: at most 12 milestones a person with a full job can keep.

The number to track comes first, then one workflow with its controls, then the rest, spread over
the weeks until the check-in. Someone who has never used AI starts with a 30-minute trial on past
cases before the workflow is theirs. The last milestone measures every tracked number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.models import Action, Milestone

if TYPE_CHECKING:
    from coach.playbook import Playbook

MAX_MILESTONES = 12


def schedule(
    pb: Playbook, b, actions: list[Action], weeks: int, *, carried: set[str] | None = None
) -> list[Milestone]:
    """Lay the open actions out week by week until the check-in, most important first."""
    m = pb.milestones
    carried = carried or set()
    views = {v.text: v for v in b.views}
    novice = b.profile.ai_use == "never"
    # (priority, week as a share of the quarter or a fixed week, action, template)
    rows: list[tuple[int, float, Action, str]] = []

    def at(share: float) -> int:
        return min(weeks, max(1, round(share * weeks)))

    open_ = [a for a in actions if a.status not in ("done", "dropped")]
    metrics = [a for a in open_ if a.section == "metrics"]
    flows = [a for a in open_ if a.kind in ("automate", "assist")]
    guards = {a.task: a for a in open_ if a.section == "guardrails"}
    for i, metric in enumerate(metrics):
        template = m.latest if metric.id in carried else m.baseline
        if metric.kind == "to-find":
            template = m.find_number
        rows.append((0 if i == 0 else 5, 1 + i, metric, template))
    for i, flow in enumerate(flows):
        start = (2 + (1 if novice else 0)) if i == 0 else at(0.3 + 0.2 * i)
        if i == 0 and novice:
            rows.append((1, 2, flow, m.first_try))
        if flow.task in guards:
            rows.append((2 + 3 * i, start, guards[flow.task], m.guardrail))
        rows.append((3 + 3 * i, start + 1, flow, m.workflow))
    explore = next((a for a in open_ if a.kind == "explore"), None)
    if explore is not None:
        rows.append((1, 2, explore, "{title}"))
    prep = next((a for a in open_ if a.kind == "prep"), None)
    if prep is not None:
        rows.append((4, 3, prep, m.prep))
    layers = next((a for a in open_ if a.kind == "layers"), None)
    if layers is not None:
        rows.append((2, 3, layers, m.layers))
    asset = next((a for a in open_ if a.section == "scarce-assets" and a.kind != "layers"), None)
    if asset is not None:
        rows.append((6, at(0.5), asset, m.asset))
    teach = next((a for a in open_ if a.kind == "teach"), None)
    if teach is not None and (not novice or b.profile.teaches_ai):
        rows.append((7, at(0.7), teach, m.teach))
    skill = next((a for a in open_ if a.section == "skills"), None)
    if skill is not None:
        rows.append((8, at(0.4), skill, m.skill))
    pivot = next((a for a in open_ if a.section == "pivots"), None)
    if pivot is not None:
        rows.append((9, at(0.8), pivot, m.pivot))
    measure = next((a for a in metrics if a.kind != "to-find"), metrics[0] if metrics else None)
    kept = sorted(rows, key=lambda r: r[0])[: MAX_MILESTONES - (1 if measure else 0)]
    out = []
    for _, week, action, template in kept:
        view = views.get(action.task or "")
        values = {"title": action.title}
        if view is None and ("{object}" in template or "{doing}" in template):
            template = "{title}"
        text = view.fill(template, **values) if view else template.format_map(_Blank(values))
        out.append(Milestone(week=min(weeks, max(1, int(week))), action_id=action.id, title=text))
    out.sort(key=lambda ms: ms.week)
    if measure is not None:
        text = m.measure.format_map(_Blank(title=measure.title))
        out.append(Milestone(week=weeks, action_id=measure.id, title=text))
    return out


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
