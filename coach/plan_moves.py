"""The plan's first page: what the index means, the top three moves, one number, one talk.

Each candidate move gets a score (documented in the README and in assets/playbook.toml):

    score = hours × exposure × leverage + gap

`hours` are the weekly hours of the task the move is about, `exposure` the weight of that task's
class, `leverage` the move's own weight (for a workflow, times the share of the task AI can take
over), and `gap` the points the worker's answers add, such as no money metric or never having
used AI. For a scarce asset the weight is 1 − exposure: assets protect you where AI reaches
least. The three best moves of different kinds make the first page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.models import Action, Exposure, Move, PlanSummary
from coach.plan_text import cap, hours_text

if TYPE_CHECKING:
    from coach.playbook import Playbook

TOP_MOVES = 3
LOW, HIGH = 30, 60


def _first(actions: list[Action], *kinds: str, section: str | None = None) -> Action | None:
    return next(
        (a for a in actions if a.kind in kinds and (section is None or a.section == section)),
        None,
    )


def summarise(b, pb: Playbook, actions: list[Action]) -> PlanSummary:
    profile, s = b.profile, pb.score
    views = {v.text: v for v in b.views}
    weight = s.exposure
    candidates: list[tuple[float, int, str, Action | None, object]] = []

    def add(kind: str, score: float, action: Action | None, view) -> None:
        order = [m.kind for m in pb.move].index(kind)
        candidates.append((round(score, 2), order, kind, action, view))

    metric = next((a for a in actions if a.section == "metrics"), None)
    number = next((a for a in actions if a.section == "metrics" and a.kind != "to-find"), metric)
    heaviest = b.views[0] if b.views else None
    if metric is not None:
        lev = pb.move_of("money").leverage
        base = heaviest.hours * weight[heaviest.exposure] if heaviest else 0.0
        add("money", base * lev + s.gap_money[profile.money_link], metric, heaviest)
    flow = _first(actions, "automate", "assist", section="ai-workflows")
    if flow is not None and flow.status != "done":
        view = views[flow.task]
        base = view.hours * weight[view.exposure]
        lev = pb.move_of("workflow").leverage * view.work.saved_share
        gap = s.gap_ai_never if profile.ai_use == "never" else 0.0
        add("workflow", base * lev + gap, flow, view)
        guard = _first(actions, view.work.guardrail, section="guardrails")
        if profile.ai_use in ("weekly", "daily") and guard is not None:
            add("guardrails", base * pb.move_of("guardrails").leverage, guard, view)
        teach = _first(actions, "teach")
        if teach is not None and (profile.ai_use in ("weekly", "daily") or profile.teaches_ai):
            gap = s.gap_teaches if profile.teaches_ai else 0.0
            if profile.ai_use == "daily" and not profile.teaches_ai:
                gap = s.gap_daily_not_teaching
            # Teaching is about the workflow above: its talk quotes the hours that workflow saves.
            if teach.hours_saved is None and flow.hours_saved:
                teach = teach.model_copy(update={"hours_saved": flow.hours_saved})
            add("teach", base * pb.move_of("teach").leverage + gap, teach, view)
    asset = _first(actions, "owned", "practised", section="scarce-assets")
    if asset is not None:
        view = views.get(asset.task or "")
        hours = view.hours if view else 0.0
        protect = 1 - weight[view.exposure] if view else 0.5
        gap = s.gap_asset_owned if asset.kind == "owned" else 0.0
        add("asset", hours * protect * pb.move_of("asset").leverage + gap, asset, view)
    layers = _first(actions, "layers")
    if layers is not None:
        exposed = b.assessment.total_hours * b.assessment.exposure_index / 100
        add("layers", exposed * pb.move_of("layers").leverage + s.gap_layers, layers, None)

    candidates.sort(key=lambda c: (-c[0], c[1]))
    moves = [_move(b, pb, c) for c in candidates[:TOP_MOVES]]
    top = candidates[0] if candidates else None
    talk, script = ("", "")
    if top is not None:
        m = pb.move_of(top[2])
        talk, script = _fill(b, pb, m.talk, top), _fill(b, pb, m.script, top)
    return PlanSummary(
        index_text=_index(b, pb),
        context=pb.index.context.format(
            index=b.assessment.exposure_index, role=(profile.role or "worker").lower()
        ),
        moves=moves,
        track_title=number.title if number else "",
        track_text=_track_text(b, pb, number),
        track_action_id=number.id if number else None,
        talk=talk,
        script=script,
    )


def _track_text(b, pb: Playbook, number: Action | None) -> str:
    """What to count for the number to track; without a known money link it is a first guess."""
    if number is None:
        return ""
    if b.profile.money_link in ("no", "unknown"):
        return f"{number.detail.rstrip('.')}. {pb.wording.track_guess}"
    return number.detail


def _fill(b, pb: Playbook, template: str, candidate) -> str:
    _, _, kind, action, view = candidate
    asset = ""
    if kind == "asset" and action is not None:
        asset = next(a.name for a in pb.asset if action.id.startswith(f"asset-{a.id}-"))
    values = {
        "answer": b.profile.money_link,
        "asset": asset,
        "saved": hours_text(action.hours_saved or 0) if action and action.hours_saved else "",
        "metric": (action.title[:1].lower() + action.title[1:]) if action else "",
    }
    if view is not None:
        return view.fill(template, **values)
    fallback = "your teams' work" if kind == "layers" else "your work"
    return template.format_map(_Blank({"object": fallback, "doing": "this work", **values}))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _move(b, pb: Playbook, candidate) -> Move:
    score, _, kind, action, _view = candidate
    m = pb.move_of(kind)
    title = m.title
    if kind == "money" and b.profile.money_link in ("no", "unknown"):
        title = pb.wording.find_number_title
        text = _fill(b, pb, pb.wording.find_number_move, candidate)
    elif kind in ("teach", "layers") and action is not None and action.detail:
        # How to teach or reshape work depends on the answers (leader, teacher, first time):
        # the first page says it once, and the section points back here.
        text = action.detail.rstrip(".") + "."
    else:
        text = _fill(b, pb, m.text, candidate)
    return Move(
        kind=kind,
        title=cap(_fill(b, pb, title, candidate)),
        text=cap(text),
        score=score,
        action_id=action.id if action else None,
    )


def _index(b, pb: Playbook) -> str:
    a = b.assessment
    exposed = sum(
        at.task.hours_per_week
        for at in a.tasks
        if at.verdict.exposure in (Exposure.DISPLACEMENT, Exposure.AUGMENTATION)
    )
    band = pb.index.low if a.exposure_index < LOW else pb.index.middle
    if a.exposure_index >= HIGH:
        band = pb.index.high
    text = band.format(
        index=a.exposure_index, exposed=hours_text(exposed), total=hours_text(a.total_hours)
    )
    return f"{text} {b.ambition.pitch}"
