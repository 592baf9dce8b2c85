"""The plan's scarce assets, skills and role pivots: which playbook entries fit this worker.

An asset is linked to a task only when the playbook says that task's work builds it (the
`assets` of its `[[work]]` entry), and a pivot only through the work's `pivots`, the worker's
function, level or AI use: nothing is tied to a task by force.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.models import LEVELS, SCARCE_ASSETS, Action, Exposure
from coach.plan_text import by_weight, cap, hours_text, short, word_match

if TYPE_CHECKING:
    from coach.models import Assessment, Profile
    from coach.playbook import Playbook, SkillWhen

MAX_ASSETS = 2
MAX_SKILLS = 1
MAX_PIVOTS = 2
CROSS_TEAM = "cross-functional-execution"
LEADER_LEVELS = frozenset({"manager", "manager-of-managers", "executive"})


def _level_key(level: str) -> str:
    return "leader" if level in LEADER_LEVELS else "lead" if level == "lead" else "individual"


def asset_actions(b, pb: Playbook) -> list[Action]:
    """Owned assets to build on first, then ones the week already practises, then one gap."""
    owned, practised, missing = [], [], []
    leader_scope = b.profile.manages_managers
    basis = pb.wording.basis_assets
    saved = sum(a.hours_saved or 0 for a in b.flows)
    spare = f" Put part of the {hours_text(saved)} h a week AI gives back into it." if saved else ""
    for asset in pb.asset:
        if leader_scope and asset.id == CROSS_TEAM and asset.id not in b.profile.assets_owned:
            continue  # a leader's cross-team workflow (the layers action) is this asset
        linked = [v for v in b.views if asset.id in v.work.assets and v.hours > 0]
        top = linked[0] if linked else None
        hours = sum(v.hours for v in linked)
        values = {
            "task": top.doing if top else "working on your heaviest task",
            "object": top.object if top else "your heaviest task",
            "hours": hours_text(top.hours) if top else "",
        }
        level_text = getattr(asset, _level_key(b.profile.level))
        if asset.id in b.profile.assets_owned:
            title, detail, kind = asset.title_owned, asset.owned.format(**values), "owned"
            source = f"answer: you own {SCARCE_ASSETS[asset.id].lower()}"
            bucket = owned
        elif top is not None:
            title, kind = asset.title_practised, "practised"
            detail = f"{cap(asset.practised.format(**values))}; next, {level_text}."
            source = f"task: {top.text}"
            bucket = practised
        else:
            title, detail, kind = asset.title_missing, cap(level_text) + ".", "missing"
            source = f"answer: {SCARCE_ASSETS[asset.id].lower()} not owned yet"
            bucket = missing
        if kind == "owned":
            detail = cap(detail) + "."
        action = Action(
            id=b.new_id(f"asset-{asset.id}-{kind}"),
            section="scarce-assets",
            kind=kind,
            title=title,
            detail=detail,
            basis=basis,
            source=source,
            task=top.text if top else None,
        )
        bucket.append((-hours, action))
    ranked = [a for _, a in sorted(owned, key=lambda r: r[0])]
    ranked += [a for _, a in sorted(practised, key=lambda r: r[0])]
    if not ranked:
        ranked = [a for _, a in missing][:1]
    # The rest of what you own is named under "in your favour". A leader's cross-team workflow
    # stands first in the section and counts toward its size.
    ranked = ranked[: MAX_ASSETS - (1 if leader_scope else 0)]
    if ranked and spare:
        ranked[0] = ranked[0].model_copy(update={"detail": ranked[0].detail + spare})
    return ranked


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
        parts.append(f"task: {short(flagged[0].task.text)}")
    return "; ".join(parts) or None


def skill_actions(b, pb: Playbook) -> list[Action]:
    chosen = []
    for skill in pb.skill:
        gaps = (skill_gap(w, b.profile, b.assessment) for w in skill.when)
        reason = next(filter(None, gaps), None)
        if reason:
            chosen.append((skill, reason))
    if not chosen:
        fallback = next(s for s in pb.skill if s.fallback)
        chosen.append((fallback, "answers: no clear gap; keep this skill sharp"))
    exposed = [
        v
        for v in b.views
        if v.exposure != Exposure.NOT_READY
        and v.work.mode != "none"
        and not v.at.task.human_context
        and not v.at.task.safety_critical
    ]
    heaviest = b.views[0] if b.views else None
    out = []
    for skill, reason in chosen[:MAX_SKILLS]:
        top = heaviest if skill.about == "heaviest" else (exposed[0] if exposed else None)
        about = top.object if top else "your notes and documents"
        doing = top.doing if top else "working on your notes and documents"
        out.append(
            Action(
                id=b.new_id(f"skill-{skill.id}"),
                section="skills",
                title=skill.title,
                detail=cap(skill.detail.format(object=about, doing=doing)) + ".",
                basis=skill.basis,
                source=reason,
                task=top.text if top else None,
            )
        )
    return out


def pivot_actions(b, pb: Playbook) -> list[Action]:
    """The pivots closest to this role by function, the work's own pivots, level and AI use."""
    profile = b.profile
    words = set(re.findall(r"\w+", f"{profile.function} {profile.role}".lower()))
    total = sum(v.hours for v in b.views) or 1.0
    scored = []
    for order, pivot in enumerate(pb.pivot):
        score, why, sources = 0.0, [], []
        if any(word_match(w, words) for w in pivot.functions):
            score += 2
            function = profile.function or profile.role
            why.append(pivot.why_function.format(function=short(function, 60)))
            sources.append(f"answer: function = {short(function)}")
        linked = [v for v in b.views if pivot.id in v.work.pivots and v.hours > 0]
        if linked:
            score += 3 * sum(v.hours for v in linked) / total
            why.append(pivot.why_tasks.format(task=linked[0].doing))
            sources.append(f"task: {linked[0].text}")
        if profile.level in pivot.levels:
            score += 1
            why.append(pivot.why_level.format(level=LEVELS[profile.level].lower()))
            sources.append(f"answer: level = {profile.level}")
        if profile.ai_use in pivot.ai_use:
            score += 1
        if profile.ai_use in ("weekly", "daily") and score > 0:
            why.append(pivot.why_ai.format(answer=profile.ai_use))
            sources.append(f"answer: AI use = {profile.ai_use}")
        if score >= 1:
            scored.append((-score, order, pivot, why, sources, linked[0].text if linked else None))
    scored.sort(key=lambda row: row[:2])
    if not scored:
        pivot = next(p for p in pb.pivot if p.fallback)
        scored = [(0, 0, pivot, [], ["answers: no close match; the most common first step"], None)]
    ai_why = profile.ai_use in ("weekly", "daily")
    return [
        Action(
            id=b.new_id(f"pivot-{pivot.id}"),
            section="pivots",
            title=pivot.title,
            detail=cap(pivot.what) + ".",
            basis=pivot.basis,
            source="; ".join(sources),
            steps=[cap(w) for w in (why[:1] + why[-1:] if ai_why and len(why) > 1 else why[:1])],
            task=task,
        )
        for _, _, pivot, why, sources, task in scored[:MAX_PIVOTS]
    ]
