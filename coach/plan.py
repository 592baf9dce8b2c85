"""Builds the action plan from a profile and its assessment: pure data, no Markdown.

The plan follows the article's four moves (tie work to money, become the AI multiplier, ship
with guardrails, own scarce assets), then skills, role pivots and milestones until the next
check-in, behind a first page with the top three moves (see `coach.plan_moves`). Advice for a
task comes from the playbook entry that fits what the task works on (`Playbook.work_for`), and
its sentences are filled with the task's own words, so plans of different roles share little.
The answers set the ambition: AI experience scales time back and the number of workflows,
money link decides whether "find your number" comes first, level picks moves and pivots.

Action ids are stable: built from the section, the playbook entry and a short hash of the
normalised task text, so the same situation gives the same id next quarter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coach.calendar import next_checkin_due, quarter_of
from coach.milestones import schedule
from coach.models import (
    Action,
    Assessment,
    CheckIn,
    CheckInDiff,
    Exposure,
    Plan,
    Profile,
)
from coach.plan_growth import asset_actions, pivot_actions, skill_actions
from coach.plan_moves import summarise
from coach.plan_since import (
    carry_latest,
    done_titles,
    in_favour,
    metric_entries,
    since_last,
    with_statuses,
)
from coach.plan_text import (
    by_weight,
    cap,
    doing_phrase,
    hours_text,
    normalise,
    object_phrase,
    task_key,
)
from coach.playbook import Playbook, load_playbook
from coach.task_view import TaskView

MAX_METRICS = 2
MAX_LATER = 2
MAX_PREP = 1
MAX_FULL = 2
LEADER_LEVELS = frozenset({"manager", "manager-of-managers", "executive"})
GUARDRAIL_STEPS = (
    ("review", "Review"),
    ("data", "Data"),
    ("logging", "Log"),
    ("evaluation", "Test"),
)


@dataclass
class _Builder:
    profile: Profile
    assessment: Assessment
    pb: Playbook
    previous: CheckIn | None = None
    views: list[TaskView] = field(default_factory=list)
    flows: list[Action] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.views = [
            TaskView(at, self.pb.work_for(at.task.text, at.verdict.exposure), "")
            for at in by_weight(self.assessment.tasks)
        ]
        for view in self.views:
            view.object = object_phrase(view.text)
            view.doing = doing_phrase(view.text)
        self.ambition = self.pb.ambition_for(self.profile.ai_use)
        self.done_before = {
            a.id for a in (self.previous.actions if self.previous else []) if a.status == "done"
        }
        self.done_titles = done_titles(self.previous)
        self.hours_before = {
            normalise(at.task.text): at.task.hours_per_week
            for at in (self.previous.assessment.tasks if self.previous else [])
        }

    def new_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    def task_id(self, prefix: str, view: TaskView) -> str:
        return self.new_id(f"{prefix}-{view.work.id}-{task_key(view.text)}")

    # --- 1) money --------------------------------------------------------------------------

    def metrics(self) -> list[Action]:
        w = self.pb.wording
        weighted = [v for v in self.views if v.hours > 0] or self.views[:1]
        actions: list[Action] = []
        if self.profile.money_link in ("no", "unknown") or not weighted:
            top = weighted[0] if weighted else None
            actions.append(
                Action(
                    id=self.new_id("money-find-your-number"),
                    section="metrics",
                    kind="to-find",
                    title=w.find_number_title,
                    detail=(top.fill(w.find_number, answer=self.profile.money_link) if top else ""),
                    basis=w.basis_money,
                    source=f"answer: work tied to money = {self.profile.money_link}",
                    task=top.text if top else None,
                    steps=[top.fill(s) for s in w.find_number_steps] if top else [],
                    done=top.fill(w.find_number_done) if top else "",
                    evidence=w.find_number_evidence,
                    effort=w.find_number_effort,
                )
            )
        for view in weighted[: MAX_METRICS - len(actions)]:
            actions.append(self._metric(view))
        return actions

    def _metric(self, view: TaskView) -> Action:
        w = self.pb.wording
        measure = view.work.measure
        named = "{doing}" in view.work.metric or "{object}" in measure or "{doing}" in measure
        if not named:  # the title does not say which task: the measure does
            measure = "For {doing}: " + measure[:1].lower() + measure[1:]
        known = self.profile.money_link in ("yes", "partly")
        return Action(
            id=self.task_id("money", view),
            section="metrics",
            kind=view.work.metric_kind,
            title=cap(view.fill(view.work.metric)),
            detail=view.fill(measure),
            basis=w.basis_money,
            source=f"task: {view.text}",
            task=view.text,
            steps=[view.fill(s) for s in (w.metric_steps_known if known else w.metric_steps)],
            done=view.fill(w.metric_done),
            evidence=w.metric_evidence,
            effort=w.metric_effort,
        )

    # --- 2) AI multiplier and 3) guardrails ------------------------------------------------

    def saved(self, view: TaskView) -> float:
        return round(view.hours * view.work.saved_share * self.ambition.experience, 1)

    def workflows(self) -> tuple[list[Action], list[Action]]:
        w = self.pb.wording
        candidates, lines = [], []
        for view in self.views:
            if view.exposure == Exposure.NOT_READY:
                continue
            task = view.at.task
            if task.safety_critical:
                lines.append(self._line(view, "safety-critical", w.no_automation))
            elif task.human_context or view.work.mode == "none":
                if view.exposure == Exposure.DISPLACEMENT:
                    lines.append(self._line(view, "keep-human", w.keep_human))
            else:
                candidates.append(view)
        weight = self.pb.score.exposure
        candidates.sort(
            key=lambda v: (-v.hours * weight[v.exposure] * v.work.saved_share, normalise(v.text))
        )
        flows, guards, later = [], [], []
        for view in candidates:
            if self._progressed(view):
                lines.append(self._progress(view))
            elif len(flows) < self.ambition.workflows:
                flows.append(self._workflow(view))
                guards.append(self._guardrail(view))
            elif view.exposure == Exposure.DISPLACEMENT or len(later) < MAX_LATER:
                line = self._line(view, "later", w.later, saved=self.saved(view))
                later.append(line.model_copy(update={"detail": view.doing}))
        practised = self.profile.ai_use in ("weekly", "daily")
        if practised and len(flows) < MAX_FULL:  # two workflows are a full quarter already
            judgement = [v for v in self.views if v.exposure == Exposure.NOT_READY and v.hours > 0]
            lines += [
                self._line(v, "prep", w.safety_prep if v.at.task.safety_critical else w.prep)
                for v in judgement[:MAX_PREP]
            ]
        if not flows:
            top = self.views[0] if self.views else None
            text = w.no_workflow_practised if practised else w.no_workflow
            source = "tasks: no work AI does or speeds up today"
            guard_text = w.no_workflow_guard_practised if practised else w.no_workflow_guard
            flows.append(
                Action(
                    id=self.new_id("ai-explore"),
                    section="ai-workflows",
                    kind="explore",
                    title=w.no_workflow_title_practised if practised else w.no_workflow_title,
                    detail=top.fill(text, answer=self.profile.ai_use) if top else text,
                    basis=w.basis_multiplier,
                    source=source,
                    task=top.text if top else None,
                )
            )
            guards.append(
                Action(
                    id=self.new_id("guard-explore"),
                    section="guardrails",
                    kind="explore",
                    title=w.guardrail_title.format(object="any AI help"),
                    basis=w.basis_guardrails,
                    source=source,
                    task=top.text if top else None,
                    steps=[top.fill(guard_text, answer=self.profile.ai_use) if top else guard_text],
                )
            )
        else:
            if self.profile.ai_use != "never" or self.profile.teaches_ai:
                flows.append(self._teach(flows[0], candidates))
            for n, extra in enumerate(self.ambition.extra):
                top = next(v for v in candidates if v.text == flows[0].task)
                flows.append(
                    Action(
                        id=self.new_id(f"ai-evaluate-{n + 1}-{task_key(top.text)}"),
                        section="ai-workflows",
                        kind="evaluate",
                        title=cap(top.fill(extra)),
                        basis=w.basis_multiplier,
                        source="answer: AI use = daily",
                        task=top.text,
                    )
                )
        return [*flows, *later, *lines], guards

    def _progressed(self, view: TaskView) -> bool:
        before = self.hours_before.get(normalise(view.text))
        fell = before is not None and view.hours < before
        if fell or f"ai-{view.work.id}-{task_key(view.text)}" in self.done_before:
            return True
        title = view.fill(self.pb.wording.workflow_title)  # a check-in stored with older ids
        return ("ai-workflows", normalise(title)) in self.done_titles

    def _progress(self, view: TaskView) -> Action:
        w = self.pb.wording
        before = self.hours_before.get(normalise(view.text))
        if before is not None and view.hours < before:
            text = cap(view.fill(w.progress_hours, answer=hours_text(before)))
        else:
            text = view.fill(w.progress_done, title=view.fill(w.workflow_title))
        return Action(
            id=self.task_id("ai", view),
            section="ai-workflows",
            kind="progress",
            title=text,
            basis=w.basis_multiplier,
            source=f"task: {view.text}",
            task=view.text,
            status="done",
        )

    def _line(self, view: TaskView, kind: str, template: str, **extra: object) -> Action:
        return Action(
            id=self.task_id("ai", view),
            section="ai-workflows",
            kind=kind,
            title=cap(view.fill(template, **extra)),
            basis=self.pb.wording.basis_multiplier,
            source=f"task: {view.text}",
            task=view.text,
            hours_saved=extra.get("saved"),
        )

    def _workflow(self, view: TaskView) -> Action:
        amb = self.ambition
        saved = self.saved(view)
        return Action(
            id=self.task_id("ai", view),
            section="ai-workflows",
            kind=view.work.mode,
            title=view.fill(self.pb.wording.workflow_title),
            detail=view.fill(
                "Tool: {tool}. It takes over {takes_over}; you still check {checks}.",
                tool=view.fill(view.work.tool),
            ),
            basis=self.pb.wording.basis_multiplier,
            source=f"task: {view.text}",
            task=view.text,
            hours_saved=saved,
            steps=[cap(view.fill(s)) for s in amb.steps],
            done=view.fill(amb.done),
            evidence=view.fill(amb.evidence),
            effort=amb.effort,
        )

    def _guardrail(self, view: TaskView) -> Action:
        guard = self.pb.guardrail_of(view.work)
        steps = [f"{label}: {view.fill(getattr(guard, name))}" for name, label in GUARDRAIL_STEPS]
        if self.profile.ai_use == "never":
            steps = [*steps[:2], cap(view.fill(self.pb.wording.guardrail_first))]
        return Action(
            id=self.task_id("guard", view),
            section="guardrails",
            kind=guard.id,
            title=cap(view.fill(self.pb.wording.guardrail_title)),
            basis=self.pb.wording.basis_guardrails,
            source=f"task: {view.text}",
            task=view.text,
            steps=steps,
        )

    def _teach(self, top: Action, candidates: list[TaskView]) -> Action:
        w = self.pb.wording
        view = next(v for v in candidates if v.text == top.task)
        if self.profile.level in LEADER_LEVELS:
            detail = w.teach_leader
        elif self.profile.teaches_ai:
            detail = w.teach_teacher
        else:
            detail = w.teach_new
        answer = "yes" if self.profile.teaches_ai else "no"
        return Action(
            id=self.new_id(f"teach-{view.work.id}-{task_key(view.text)}"),
            section="ai-workflows",
            kind="teach",
            title=view.fill(w.teach_title),
            detail=view.fill(detail),
            basis=w.basis_multiplier,
            source=f"answer: teaches AI = {answer}; task: {view.text}",
            task=view.text,
        )

    def layers(self) -> list[Action]:
        if not self.profile.manages_managers:
            return []
        w = self.pb.wording
        return [
            Action(
                id=self.new_id("layers-own-a-workflow"),
                section="scarce-assets",
                kind="layers",
                title=w.layers_title,
                detail=w.layers,
                basis=w.basis_layers,
                source=f"answer: level = {self.profile.level}",
            )
        ]


def build_plan(
    profile: Profile,
    assessment: Assessment,
    *,
    playbook: Playbook | None = None,
    today: dt.date | None = None,
    since: CheckInDiff | None = None,
    previous_actions: list[Action] | None = None,
    previous: CheckIn | None = None,
) -> Plan:
    """The action plan for this worker, as data. Deterministic for the same inputs and date.

    `previous` is last quarter's check-in: its done actions and the tasks whose hours fell show
    as progress instead of being proposed again, and its metric numbers carry forward.
    `previous_actions` (statuses to keep, by id) and `since` (the diff to show) are optional.
    """
    pb = playbook or load_playbook()
    today = today or dt.date.today()
    b = _Builder(profile, assessment, pb, previous)
    metrics = b.metrics()
    flows, guards = b.workflows()
    b.flows = flows
    assets = [*b.layers(), *asset_actions(b, pb)]
    actions = [*metrics, *flows, *guards, *assets, *skill_actions(b, pb), *pivot_actions(b, pb)]
    actions = with_statuses(actions, previous, previous_actions or [])
    entries = metric_entries(previous, actions)
    carry_latest(pb, actions, entries)
    due = next_checkin_due(today)
    weeks = max(1, min(13, (due - today).days // 7))
    summary = summarise(b, pb, actions)
    progress, moved = since_last(pb, actions, previous, assessment)
    return Plan(
        profile=profile,
        assessment=assessment,
        date=today,
        quarter=quarter_of(today),
        next_checkin=due,
        strengths=in_favour(profile, pb),
        actions=actions,
        next_90_days=schedule(pb, b, actions, weeks, carried={m.action_id for m in entries}),
        since=since,
        metrics=entries,
        summary=summary,
        progress=progress,
        moved=moved,
    )
