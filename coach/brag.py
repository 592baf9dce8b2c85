"""The brag document: what a worker achieved, quarter by quarter, ready to bring to a review.

It is grouped by the four moves of the article's "How To Stay Off The Layoff List" section;
each move lists the actions done or under way, the metric numbers before and after, and the
evidence logged for them. Rendering goes through the same sandboxed Jinja2 environment as the
plan (see export.py), with `assets/templates/brag.md.j2`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, Field

from coach.errors import CoachError
from coach.models import Action, CheckIn, Evidence, MetricEntry

MOVES = (
    ("metrics", "Tied my work to money"),
    ("ai-workflows", "Multiplied the team's output with AI"),
    ("guardrails", "Shipped faster, with guardrails"),
    ("scarce-assets", "Owned scarce assets"),
)
"""The article's four moves, as a brag document names them; skills and pivots come after."""
GROWTH = ("skills", "pivots")
SHOWN_STATUSES = ("done", "doing")


class BragItem(BaseModel):
    action: Action
    metric: MetricEntry | None = None
    note: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class BragMove(BaseModel):
    key: str
    heading: str
    items: list[BragItem] = Field(default_factory=list)


class BragQuarter(BaseModel):
    quarter: str
    checkin_id: str
    date: dt.date
    role: str
    label: str = ""
    exposure_index: int
    index_change: int | None = None
    moves: list[BragMove]
    growth: list[BragItem] = Field(default_factory=list)
    other_evidence: list[Evidence] = Field(default_factory=list)
    """Evidence not tied to an action, or tied to one that is not done or under way."""


def _item(checkin: CheckIn, action: Action) -> BragItem:
    return BragItem(
        action=action,
        metric=next((m for m in checkin.metrics if m.action_id == action.id), None),
        note=checkin.notes.get(action.id, ""),
        evidence=[e for e in checkin.evidence if e.action_id == action.id],
    )


def brag_quarter(checkin: CheckIn, previous: CheckIn | None = None) -> BragQuarter:
    """One check-in's achievements: actions done or under way, numbers and evidence."""
    shown = [a for a in checkin.actions if a.status in SHOWN_STATUSES]
    with_numbers = {m.action_id for m in checkin.metrics}
    # A metric with numbers is worth showing even while its action is still "to do".
    shown += [
        a
        for a in checkin.actions
        if a.section == "metrics" and a.id in with_numbers and a not in shown
    ]
    listed = {a.id for a in shown}
    moves = [
        BragMove(
            key=key,
            heading=heading,
            items=[_item(checkin, a) for a in shown if a.section == key],
        )
        for key, heading in MOVES
    ]
    return BragQuarter(
        quarter=checkin.quarter,
        checkin_id=checkin.id,
        date=checkin.date,
        role=checkin.profile.role,
        label=checkin.label,
        exposure_index=checkin.assessment.exposure_index,
        index_change=(
            checkin.assessment.exposure_index - previous.assessment.exposure_index
            if previous is not None
            else None
        ),
        moves=moves,
        growth=[_item(checkin, a) for a in shown if a.section in GROWTH],
        other_evidence=[e for e in checkin.evidence if e.action_id not in listed],
    )


def brag_quarters(checkins: list[CheckIn], quarter: str | None = None) -> list[BragQuarter]:
    """Oldest first: every check-in (or those of `quarter`), each against the one before."""
    out = []
    for pos, checkin in enumerate(checkins):
        if quarter is None or checkin.quarter == quarter:
            earlier = [c for c in checkins[:pos] if c.quarter < checkin.quarter]
            out.append(brag_quarter(checkin, earlier[-1] if earlier else None))
    if quarter is not None and not out:
        have = ", ".join(sorted({c.quarter for c in checkins})) or "none yet"
        raise CoachError(f"--quarter {quarter}: no check-in in that quarter (have: {have})")
    return out


def render_brag(quarters: list[BragQuarter], *, today: dt.date) -> str:
    from coach.assets import asset_path
    from coach.export import make_environment

    path = Path(asset_path("templates", "brag.md.j2"))
    template = make_environment(path.parent).get_template(path.name)
    return template.render(quarters=quarters, today=today, moves=dict(MOVES))
