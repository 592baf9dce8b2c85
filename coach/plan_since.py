"""What last quarter's check-in brings to this quarter's plan: numbers, moved tasks, answers.

Pure functions of the previous check-in and this quarter's assessment; `coach.plan` calls them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.models import Action, Assessment, CheckIn, MetricEntry, Plan, Profile, TaskMove
from coach.plan_text import normalise

if TYPE_CHECKING:
    from coach.playbook import Playbook


def metric_entries(previous: CheckIn | None, actions: list[Action]) -> list[MetricEntry]:
    """Last quarter's numbers for the metric actions that are still in the plan."""
    if previous is None:
        return []
    ids = {a.id for a in actions if a.section == "metrics"}
    return [m.model_copy() for m in previous.metrics if m.action_id in ids]


def moved_tasks(previous: CheckIn | None, assessment: Assessment) -> list[TaskMove]:
    """The tasks whose hours or class changed since last quarter."""
    if previous is None:
        return []
    before = {normalise(at.task.text): at for at in previous.assessment.tasks}
    out = []
    for at in assessment.tasks:
        old = before.get(normalise(at.task.text))
        if old is None:
            continue
        hours_moved = old.task.hours_per_week != at.task.hours_per_week
        if hours_moved or old.verdict.exposure != at.verdict.exposure:
            out.append(
                TaskMove(
                    task=at.task.text,
                    hours_before=old.task.hours_per_week,
                    hours_after=at.task.hours_per_week,
                    class_before=old.verdict.exposure,
                    class_after=at.verdict.exposure,
                )
            )
    return out


def carry_latest(pb: Playbook, actions: list[Action], entries: list[MetricEntry]) -> None:
    """A metric with last quarter's baseline asks for the latest value, not a new baseline."""
    by_id = {m.action_id: m for m in entries if m.baseline}
    for i, action in enumerate(actions):
        entry = by_id.get(action.id)
        if entry is not None:
            ask = pb.wording.metric_latest.format(answer=entry.baseline)
            actions[i] = action.model_copy(update={"steps": [ask], "done": "", "effort": ""})


def in_favour(profile: Profile, pb: Playbook) -> list[str]:
    """What the worker's answers already have going for them."""
    w, out = pb.wording, []
    # AI use, teaching and the money link are not repeated here: the plan's first line says them.
    names = {a.id: a.name for a in pb.asset}
    owned = [names[a] for a in profile.assets_owned]
    if owned:
        listed = owned[0] if len(owned) == 1 else f"{', '.join(owned[:-1])} and {owned[-1]}"
        out.append(w.favour_asset.format(asset=listed))
    return out


def since_last(
    pb: Playbook, actions: list[Action], previous: CheckIn | None, assessment: Assessment
) -> tuple[list[str], list[TaskMove]]:
    """The plan's progress lines (workflows that paid off, actions done last quarter) and the
    tasks whose hours or class moved, each fall told once."""
    progress = [a.title for a in actions if a.kind == "progress"]
    covered = {a.task for a in actions if a.kind == "progress" and a.task}
    if previous is not None:
        progress += [
            pb.wording.progress_done.format(title=a.title)
            for a in previous.actions
            if a.status == "done" and not a.id.startswith("ai-")
        ]
    # A workflow done under an older id is told by its progress line already: say it once.
    progress = list(dict.fromkeys(progress))
    moved = [
        # A workflow's progress line already says how far its task's hours fell.
        t
        for t in moved_tasks(previous, assessment)
        if t.class_before != t.class_after or t.task not in covered
    ]
    return progress, moved


def _title_key(action: Action) -> tuple[str, str]:
    return action.section, normalise(action.title)


def carried_statuses(actions: list[Action], before: list[Action]) -> dict[str, str]:
    """Last quarter's status for each of this plan's actions, by action id.

    An action keeps the status stored under its id. A stored action whose id this plan does not
    know (check-ins saved before action ids were built from the playbook entry and the task)
    still carries its status to the action of the same section with the same title, which is
    the same advice for the same task; each stored action carries over once at most.
    """
    by_id = {a.id: a.status for a in before}
    known = {a.id for a in actions}
    by_title: dict[tuple[str, str], list[str]] = {}
    for old in before:
        if old.id not in known:
            by_title.setdefault(_title_key(old), []).append(old.status)
    out = {}
    for action in actions:
        if action.id in by_id:
            out[action.id] = by_id[action.id]
        elif by_title.get(_title_key(action)):
            out[action.id] = by_title[_title_key(action)].pop(0)
    return out


def with_statuses(
    actions: list[Action], previous: CheckIn | None, previous_actions: list[Action]
) -> list[Action]:
    """The actions with the statuses carried from last quarter (`previous_actions` win over
    `previous.actions`); a progress line keeps its own 'done'."""
    status = carried_statuses(actions, previous.actions) if previous is not None else {}
    status.update(carried_statuses(actions, previous_actions))
    return [
        a.model_copy(update={"status": status[a.id]})
        if a.id in status and a.kind != "progress"
        else a
        for a in actions
    ]


def done_titles(previous: CheckIn | None) -> set[tuple[str, str]]:
    """(section, normalised title) of last quarter's done actions, for ids this plan lost."""
    if previous is None:
        return set()
    return {_title_key(a) for a in previous.actions if a.status == "done"}


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def completed_titles(plan: Plan) -> list[str]:
    """What the "Completed" line names: each action done since the last check-in, by title.

    The comparison lists titles; an entry that is an action id is named by this plan's action
    of that id, and an id the plan no longer holds is left out rather than named vaguely.
    Progress lines are already said above, so they are not named again.
    """
    if plan.since is None:
        return []
    titles = {a.id: a.title for a in plan.actions}
    # A progress line ("down from 6 to 2 h a week") is told above it, not again as completed.
    told = {a.title for a in plan.actions if a.kind == "progress"} | set(plan.progress)
    out = []
    for entry in plan.since.actions_completed:
        title = titles.get(entry) or ("" if _ID.match(entry) else entry.strip())
        title = title.rstrip(".")
        if title and entry not in told and title not in told and title not in out:
            out.append(title)
    return out
