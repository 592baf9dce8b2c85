"""What moved between two check-ins: the index, tasks, hours per class, actions and metrics."""

from __future__ import annotations

import re
import unicodedata

from coach.models import CheckIn, CheckInDiff, Exposure, MetricMove

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """Task identity for comparing quarters: case, spacing and edge punctuation don't count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _EDGE_PUNCT.sub("", _SPACE.sub(" ", folded).strip())


def hours_by_class(checkin: CheckIn) -> dict[Exposure, float]:
    hours = dict.fromkeys(Exposure, 0.0)
    for item in checkin.assessment.tasks:
        hours[item.verdict.exposure] += item.task.hours_per_week
    return hours


def _texts(checkin: CheckIn) -> dict[str, str]:
    """Normalised text -> the text as the worker wrote it (first occurrence wins)."""
    out: dict[str, str] = {}
    for item in checkin.assessment.tasks:
        out.setdefault(normalise(item.task.text), item.task.text)
    return out


def diff_checkins(old: CheckIn, new: CheckIn) -> CheckInDiff:
    """Older -> newer. `actions_completed` lists the titles of actions done in `new` that were
    not done in `old`; hours_moved is newer minus older weekly hours in each class."""
    before, after = _texts(old), _texts(new)
    old_hours, new_hours = hours_by_class(old), hours_by_class(new)
    old_status = {a.id: a.status for a in old.actions}
    titles = {a.id: a.title for a in [*old.actions, *new.actions]}
    old_metrics = {m.action_id: m.value for m in old.metrics}
    moves = [
        MetricMove(
            action_id=m.action_id,
            title=titles.get(m.action_id, m.action_id),
            before=old_metrics.get(m.action_id, ""),
            after=m.value,
        )
        for m in new.metrics
        if m.value != old_metrics.get(m.action_id, "")
    ]
    return CheckInDiff(
        from_id=old.id,
        to_id=new.id,
        from_quarter=old.quarter,
        to_quarter=new.quarter,
        index_change=new.assessment.exposure_index - old.assessment.exposure_index,
        tasks_added=[text for key, text in after.items() if key not in before],
        tasks_dropped=[text for key, text in before.items() if key not in after],
        hours_moved={c: round(new_hours[c] - old_hours[c], 2) for c in Exposure},
        actions_completed=[
            a.title for a in new.actions if a.status == "done" and old_status.get(a.id) != "done"
        ],
        metrics_moved=moves,
    )
