"""The plan's skills and role pivots: which of the playbook's entries fit this worker, and why.

Pure functions of the profile and its assessment; `coach.plan` turns their answers into actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.models import LEVELS, SCARCE_ASSETS, Exposure
from coach.plan_text import by_weight, short, task_source, word_match

if TYPE_CHECKING:
    from coach.models import Assessment, Profile
    from coach.playbook import Pivot, SkillWhen


def skill_gap(when: SkillWhen, profile: Profile, assessment: Assessment) -> str | None:
    """Why this condition holds for the worker, or None when it does not."""
    p, parts = profile, []
    if when.ai_use is not None:
        if p.ai_use not in when.ai_use:
            return None
        parts.append(f"answer: AI use = {p.ai_use}")
    if when.money_link is not None:
        if p.money_link not in when.money_link:
            return None
        parts.append(f"answer: work tied to money = {p.money_link}")
    if when.teaches_ai is not None:
        if p.teaches_ai is not when.teaches_ai:
            return None
        parts.append(f"answer: teaches AI = {'yes' if p.teaches_ai else 'no'}")
    if when.levels is not None:
        if p.level not in when.levels:
            return None
        parts.append(f"answer: level = {LEVELS[p.level].lower()}")
    if when.missing_asset is not None:
        if when.missing_asset in p.assets_owned:
            return None
        parts.append(f"answer: {SCARCE_ASSETS[when.missing_asset].lower()} not owned yet")
    if when.min_displacement_share is not None:
        share = assessment.shares.get(Exposure.DISPLACEMENT, 0.0)
        if not assessment.tasks or share < when.min_displacement_share:
            return None
        parts.append(f"tasks: {round(share * 100)}% of your hours are displacement work")
    if when.task_attribute is not None:
        flagged = [
            at
            for at in by_weight(assessment.tasks)
            if getattr(at.task, when.task_attribute) is True
        ]
        if not flagged:
            return None
        label = when.task_attribute.replace("_", " ")
        parts.append(f"{task_source(flagged[0])} (marked {label})")
    return "; ".join(parts) or None


@dataclass
class PivotPick:
    """A pivot the worker sits close to, with the reasons and what each reason rests on."""

    pivot: Pivot
    why: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def closest_pivots(
    profile: Profile, assessment: Assessment, pivots: list[Pivot], limit: int
) -> list[PivotPick]:
    """The `limit` pivots closest to this role by function, task hours and level."""
    words = set(re.findall(r"\w+", f"{profile.function} {profile.role}".lower()))
    total = sum(at.task.hours_per_week for at in assessment.tasks)
    scored = []
    for order, pivot in enumerate(pivots):
        score, why, sources = 0.0, [], []
        if any(word_match(w, words) for w in pivot.functions):
            score += 2
            function = profile.function or profile.role
            why.append(pivot.why_function.format(function=function))
            sources.append(f"answer: function = {short(function)}")
        linked = [at for at in assessment.tasks if at.verdict.rule in pivot.rules]
        if linked:
            hours = sum(at.task.hours_per_week for at in linked)
            score += 3 * (hours / total if total else len(linked) / len(assessment.tasks))
            top = by_weight(linked)[0]
            why.append(pivot.why_tasks.format(task=short(top.task.text)))
            sources.append(task_source(top))
        if profile.level in pivot.levels:
            score += 1
            level = LEVELS[profile.level].lower()
            why.append(pivot.why_level.format(level=level))
            sources.append(f"answer: level = {level}")
        if score > 0:
            scored.append((-score, order, pivot, why, sources))
    scored.sort(key=lambda row: row[:2])
    picked = [row for row in scored[:limit] if -row[0] >= 1] or scored[:1]
    if not picked:
        pivot = next(p for p in pivots if p.fallback)
        picked = [(0, 0, pivot, [], ["answers: no close match; the most common first step"])]
    return [PivotPick(pivot, why, sources) for _, _, pivot, why, sources in picked]
