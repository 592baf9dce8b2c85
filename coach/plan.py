"""Builds the action plan from a profile and its assessment: pure data, no Markdown.

The plan follows the article's four moves (tie work to money, become the AI multiplier, ship
with guardrails, own scarce assets), then skills and role pivots, what is already strong, and
milestones until the next check-in. All wording comes from the playbook; this module only picks
entries and fills their sentence templates with the worker's task text and hours.

Action ids are stable: they are built from the section, the deciding rule or playbook entry and
a short hash of the normalised task text, so the same situation gives the same id next quarter
whatever order the tasks are listed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coach.calendar import next_checkin_due, quarter_of
from coach.milestones import schedule
from coach.models import (
    SCARCE_ASSETS,
    Action,
    AssessedTask,
    Assessment,
    CheckInDiff,
    Exposure,
    Plan,
    Profile,
)
from coach.plan_growth import closest_pivots, skill_gap
from coach.plan_text import (
    by_weight,
    hours_text,
    normalise,
    short,
    task_key,
    task_source,
)
from coach.playbook import Playbook, load_playbook

METRIC_COVER = 0.75
"""The metrics section covers the heaviest tasks until they hold this share of the week."""
MAX_METRICS = 5
MAX_PIVOTS = 3
MAX_WEEKS = 13
LEADER_LEVELS = frozenset({"manager", "manager-of-managers", "executive"})
GUARDRAIL_STEPS = (
    ("review", "Human review point"),
    ("logging", "Logging"),
    ("data", "Data handling"),
    ("evaluation", "Evaluation check"),
)


@dataclass
class _Builder:
    profile: Profile
    assessment: Assessment
    pb: Playbook
    used: set[str] = field(default_factory=set)

    def new_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    def task_id(self, prefix: str, at: AssessedTask) -> str:
        return self.new_id(f"{prefix}-{at.verdict.rule}-{task_key(at.task.text)}")

    # --- 1) money --------------------------------------------------------------------------

    def metrics(self) -> list[Action]:
        ranked = by_weight(self.assessment.tasks)
        total = sum(at.task.hours_per_week for at in ranked)
        chosen: list[AssessedTask] = []
        covered = 0.0
        for at in ranked:
            if len(chosen) >= MAX_METRICS or (total > 0 and covered >= METRIC_COVER * total):
                break
            if total > 0 and at.task.hours_per_week == 0:
                break
            chosen.append(at)
            covered += at.task.hours_per_week
        if total == 0:
            chosen = ranked[:3]
        actions = []
        for at in chosen:
            entry = self.pb.pick("metric", at.verdict.rule, at.verdict.exposure)
            actions.append(
                Action(
                    id=self.task_id("money", at),
                    section="metrics",
                    kind=entry.kind,
                    title=entry.title.format(task=short(at.task.text)),
                    detail=entry.measure,
                    basis=entry.basis,
                    source=task_source(at),
                    task=at.task.text,
                )
            )
        if not actions:
            fb = self.pb.fallbacks
            actions.append(
                Action(
                    id=self.new_id("money-unknown"),
                    section="metrics",
                    title=fb.metric_title,
                    detail=fb.metric_measure,
                    basis=fb.basis_money,
                    source="tasks: none listed yet",
                )
            )
        return actions

    # --- 2) AI multiplier and 3) guardrails ------------------------------------------------

    def workflows(self) -> tuple[list[Action], list[Action]]:
        rows = []
        for at in self.assessment.tasks:
            if at.verdict.exposure not in (Exposure.DISPLACEMENT, Exposure.AUGMENTATION):
                continue
            entry = self.pb.pick("workflow", at.verdict.rule, at.verdict.exposure)
            saved = round(at.task.hours_per_week * entry.saved_share, 1)
            rows.append((at, entry, saved))
        rows.sort(key=lambda r: (r[1].mode != "automate", -r[2], normalise(r[0].task.text)))
        flows: list[Action] = []
        guards: list[Action] = []
        for at, entry, saved in rows:
            hours = hours_text(at.task.hours_per_week)
            flows.append(
                Action(
                    id=self.task_id("ai", at),
                    section="ai-workflows",
                    kind=entry.mode,
                    title=entry.title.format(task=short(at.task.text)),
                    detail=entry.how,
                    basis=entry.basis,
                    source=task_source(at),
                    task=at.task.text,
                    hours_saved=saved,
                    steps=[
                        f"Tool: {entry.tool_class}",
                        f"You still check: {entry.human_checks}",
                        f"Time back: about {hours_text(saved)} of the task's {hours} h a "
                        f"week ({round(entry.saved_share * 100)}%, {entry.mode})",
                    ],
                )
            )
            guard = self.pb.guardrail_for(entry)
            guards.append(
                Action(
                    id=self.task_id("guard", at),
                    section="guardrails",
                    kind=guard.id,
                    title=self.pb.guardrail_title.format(task=short(at.task.text)),
                    basis=guard.basis,
                    source=task_source(at),
                    task=at.task.text,
                    steps=[f"{label}: {getattr(guard, name)}" for name, label in GUARDRAIL_STEPS],
                )
            )
        if not flows:
            fb = self.pb.fallbacks
            source = "tasks: no displacement or augmentation work found"
            flows.append(
                Action(
                    id=self.new_id("ai-explore"),
                    section="ai-workflows",
                    kind="explore",
                    title=fb.workflow_title,
                    detail=fb.workflow_detail,
                    basis=fb.basis_multiplier,
                    source=source,
                )
            )
            guards.append(
                Action(
                    id=self.new_id("guard-explore"),
                    section="guardrails",
                    title=fb.guardrail_title,
                    detail=fb.guardrail_detail,
                    basis=fb.basis_guardrails,
                    source=source,
                )
            )
        else:
            flows.append(self.teach(flows[0]))
        return flows, guards

    def teach(self, top: Action) -> Action:
        t = self.pb.teach
        if self.profile.level in LEADER_LEVELS:
            detail = t.detail_leader
        elif self.profile.teaches_ai:
            detail = t.detail_teacher
        else:
            detail = t.detail_new
        answer = "yes" if self.profile.teaches_ai else "no"
        return Action(
            id=self.new_id("teach-" + top.id.removeprefix("ai-")),
            section="ai-workflows",
            kind="teach",
            title=t.title.format(task=short(top.task or "")),
            detail=detail,
            basis=t.basis,
            source=f"answer: teaches AI = {answer}; task: {short(top.task or '')}",
            task=top.task,
        )

    # --- 4) scarce assets ------------------------------------------------------------------

    def assets(self) -> list[Action]:
        level_key = (
            "leader"
            if self.profile.level in LEADER_LEVELS
            else "lead"
            if self.profile.level == "lead"
            else "individual"
        )
        missing, owned = [], []
        for asset in self.pb.asset:
            is_owned = asset.id in self.profile.assets_owned
            linked = by_weight(
                [
                    at
                    for at in self.assessment.tasks
                    if at.verdict.rule in asset.rules
                    or any(getattr(at.task, a) is True for a in asset.attributes)
                ]
            )
            detail = getattr(asset, level_key)
            name = SCARCE_ASSETS[asset.id].lower()
            source = f"answer: you {'own' if is_owned else 'do not own'} {name} yet"
            if is_owned:
                source = f"answer: you own {name}"
            if linked:
                detail = f"{detail} {asset.link.format(task=short(linked[0].task.text))}"
                source += f"; {task_source(linked[0])}"
            action = Action(
                id=self.new_id(f"asset-{asset.id}-{'show' if is_owned else 'own'}"),
                section="scarce-assets",
                kind="owned" if is_owned else "missing",
                title=(asset.title_owned if is_owned else asset.title_missing).format(
                    asset=asset.name
                ),
                detail=detail,
                basis=asset.basis,
                source=source,
                task=linked[0].task.text if linked else None,
            )
            (owned if is_owned else missing).append(action)
        return missing + owned

    # --- skills ----------------------------------------------------------------------------

    def skills(self) -> list[Action]:
        actions = []
        for skill in self.pb.skill:
            gaps = (skill_gap(w, self.profile, self.assessment) for w in skill.when)
            reason = next(filter(None, gaps), None)
            if reason:
                actions.append(self._skill(skill, reason))
        if not actions:
            fallback = next(s for s in self.pb.skill if s.fallback)
            actions.append(self._skill(fallback, "answers: no clear gap; keep this skill sharp"))
        return actions

    def _skill(self, skill, reason: str) -> Action:
        return Action(
            id=self.new_id(f"skill-{skill.id}"),
            section="skills",
            title=skill.title,
            detail=skill.detail,
            basis=skill.basis,
            source=reason,
        )

    # --- pivots ----------------------------------------------------------------------------

    def pivots(self) -> list[Action]:
        return [
            Action(
                id=self.new_id(f"pivot-{pick.pivot.id}"),
                section="pivots",
                title=pick.pivot.title,
                detail=pick.pivot.what,
                basis=pick.pivot.basis,
                source="; ".join(pick.sources),
                steps=pick.why,
            )
            for pick in closest_pivots(self.profile, self.assessment, self.pb.pivot, MAX_PIVOTS)
        ]

    # --- strengths -------------------------------------------------------------------------

    def strengths(self) -> list[str]:
        s = self.pb.strengths
        out = []
        for exposure, template in (
            (Exposure.NOT_READY, s.not_ready),
            (Exposure.AUGMENTATION, s.augmentation),
        ):
            tasks = [at for at in self.assessment.tasks if at.verdict.exposure == exposure]
            for at in by_weight(tasks)[:3]:
                out.append(
                    template.format(
                        task=short(at.task.text),
                        hours=hours_text(at.task.hours_per_week),
                        reason=at.verdict.reason,
                    )
                )
        for asset in self.profile.assets_owned:
            out.append(s.asset_owned.format(asset=SCARCE_ASSETS[asset].lower()))
        if self.profile.teaches_ai:
            out.append(s.teaches_ai)
        if self.profile.money_link == "yes":
            out.append(s.money_link)
        if self.profile.ai_use in ("weekly", "daily"):
            out.append(s.ai_use.format(answer=self.profile.ai_use))
        return out or [s.fallback]


def build_plan(
    profile: Profile,
    assessment: Assessment,
    *,
    playbook: Playbook | None = None,
    today: dt.date | None = None,
    since: CheckInDiff | None = None,
    previous_actions: list[Action] | None = None,
) -> Plan:
    """The action plan for this worker, as data. Deterministic for the same inputs and date."""
    pb = playbook or load_playbook()
    today = today or dt.date.today()
    b = _Builder(profile, assessment, pb)
    metrics = b.metrics()
    flows, guards = b.workflows()
    actions = [*metrics, *flows, *guards, *b.assets(), *b.skills(), *b.pivots()]
    if previous_actions:
        status = {a.id: a.status for a in previous_actions}
        actions = [
            a.model_copy(update={"status": status[a.id]}) if a.id in status else a for a in actions
        ]
    due = next_checkin_due(today)
    weeks = max(1, min(MAX_WEEKS, (due - today).days // 7))
    return Plan(
        profile=profile,
        assessment=assessment,
        date=today,
        quarter=quarter_of(today),
        next_checkin=due,
        strengths=b.strengths(),
        actions=actions,
        next_90_days=schedule(pb, actions, weeks),
        since=since,
    )
