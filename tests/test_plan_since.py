"""The plan knows last quarter: done work shows as progress, numbers carry forward."""

from __future__ import annotations

import datetime as dt

from plan_profiles import SUPPORT_AGENT

from coach.checkins import new_checkin, plan_of, with_metric
from coach.export import md, render_markdown
from coach.models import Exposure

Q1 = dt.date(2026, 1, 12)
Q2 = dt.date(2026, 4, 13)


def workflow(checkin):
    return next(a for a in checkin.actions if a.kind in ("automate", "assist"))


def test_done_actions_and_falling_hours_show_as_progress_not_as_new_work(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    flow = workflow(first)
    skill = next(a for a in first.actions if a.section == "skills")
    done = {flow.id, skill.id}
    first = first.model_copy(
        update={
            "actions": [
                a.model_copy(update={"status": "done"}) if a.id in done else a
                for a in first.actions
            ]
        }
    )
    # The heaviest task's hours fall; the password resets move from 6 h to 2 h.
    tasks = [
        t.model_copy(update={"hours_per_week": 2})
        if t.text.startswith("Respond to password")
        else t
        for t in SUPPORT_AGENT.tasks
    ]
    second = new_checkin(
        SUPPORT_AGENT.model_copy(update={"tasks": tasks}), rules, today=Q2, previous=first
    )
    plan = plan_of(second, first)
    progress = next(a for a in plan.actions if a.id == flow.id)
    assert progress.kind == "progress" and progress.status == "done"
    # Not proposed again: another task's workflow comes first, and no milestone or move for it.
    assert workflow(second).task != flow.task
    assert flow.id not in {m.action_id for m in plan.next_90_days}
    assert flow.id not in {m.action_id for m in plan.summary.moves}
    text = render_markdown(plan)
    since = text.split("## Since last quarter")[1].split("\n## ")[0]
    resets = [line for line in since.splitlines() if "password reset" in line]
    assert len(resets) == 1 and "6 to 2 h a week" in resets[0], since  # named once
    assert f"Done last quarter: {skill.title}." in since
    # The fall is told once, by the workflow's progress line, not again as a moved task.
    assert "Respond to password reset requests" not in {m.task for m in plan.moved}
    assert plan.progress and all(isinstance(p, str) for p in plan.progress)


def test_metrics_carry_forward_and_the_plan_asks_for_the_latest_value(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    metric = next(a for a in first.actions if a.section == "metrics" and a.kind != "to-find")
    first = with_metric(first, metric.id, baseline="4.8 min", target="3 min", value="")
    second = new_checkin(SUPPORT_AGENT, rules, today=Q2, previous=first)
    plan = plan_of(second, first)
    entry = next(m for m in plan.metrics if m.action_id == metric.id)
    assert (entry.baseline, entry.target) == ("4.8 min", "3 min")
    carried = next(a for a in plan.actions if a.id == metric.id)
    assert carried.steps == [
        "Last quarter you set a baseline of 4.8 min: record the latest value now, not a new "
        "baseline."
    ]
    titles = [m.title for m in plan.next_90_days if m.action_id == metric.id]
    assert f"Latest value: {metric.title}" in titles
    assert f"Baseline: {metric.title}" not in titles
    text = render_markdown(plan)
    assert f"- Baseline {md('4.8 min')} · target 3 min" in text


def test_a_task_that_changed_class_is_named(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    # Rebuild the first quarter as if the complaints task had been not-ready work then.
    tasks = list(first.assessment.tasks)
    i = next(i for i, at in enumerate(tasks) if at.task.text.startswith("Write replies"))
    was = tasks[i].verdict.model_copy(update={"exposure": Exposure.NOT_READY})
    tasks[i] = tasks[i].model_copy(update={"verdict": was})
    first = first.model_copy(
        update={"assessment": first.assessment.model_copy(update={"tasks": tasks})}
    )
    second = new_checkin(SUPPORT_AGENT, rules, today=Q2, previous=first)
    plan = plan_of(second, first)
    moved = next(m for m in plan.moved if m.task.startswith("Write replies"))
    assert moved.class_before == Exposure.NOT_READY
    assert moved.class_after != Exposure.NOT_READY
    assert f"Not ready to {moved.class_after.label}" in render_markdown(plan)


def test_a_workflow_task_whose_hours_fell_is_named_once_in_since_last_quarter(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    flow = workflow(first)
    tasks = [
        t.model_copy(update={"hours_per_week": 1}) if t.text == flow.task else t
        for t in SUPPORT_AGENT.tasks
    ]
    second = new_checkin(
        SUPPORT_AGENT.model_copy(update={"tasks": tasks}), rules, today=Q2, previous=first
    )
    plan = plan_of(second, first)
    assert any(a.kind == "progress" and a.task == flow.task for a in plan.actions)
    since = render_markdown(plan).split("## Since last quarter")[1].split("\n## ")[0]
    lines = [line for line in since.splitlines() if "to 1 h a week" in line]
    assert len(lines) == 1, since


def _with_status(checkin, statuses):
    """The check-in with the given {action id: status}."""
    return checkin.model_copy(
        update={
            "actions": [
                a.model_copy(update={"status": statuses[a.id]}) if a.id in statuses else a
                for a in checkin.actions
            ]
        }
    )


def since_section(plan) -> str:
    return render_markdown(plan).split("## Since last quarter")[1].split("\n## ")[0]


def test_completed_names_the_stored_title_of_each_action_done_since_last_quarter(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    second = new_checkin(SUPPORT_AGENT, rules, today=Q2, previous=first)
    skill = next(a for a in second.actions if a.section == "skills")
    second = _with_status(second, {skill.id: "done"})
    since = since_section(plan_of(second, first))
    assert f"- Completed: {md(skill.title)}." in since
    assert "an action from last quarter" not in since


def test_a_completed_action_nothing_is_known_about_is_left_out_not_named_vaguely(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    second = new_checkin(SUPPORT_AGENT, rules, today=Q2, previous=first)
    skill = next(a for a in second.actions if a.section == "skills")
    plan = plan_of(_with_status(second, {skill.id: "done"}), first)
    # An id the plan no longer holds (an older check-in's), next to one it knows.
    stale = plan.since.model_copy(update={"actions_completed": ["ai-gone-0badc0de", skill.id]})
    since = since_section(plan.model_copy(update={"since": stale}))
    assert f"- Completed: {md(skill.title)}." in since
    assert "ai-gone" not in since and "an action from" not in since
    nothing = plan.since.model_copy(update={"actions_completed": ["ai-gone-0badc0de", " "]})
    text = render_markdown(plan.model_copy(update={"since": nothing}))
    assert "Completed:" not in text


def test_statuses_of_a_check_in_stored_with_older_action_ids_carry_over_by_title(rules):
    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    metric = next(a for a in first.actions if a.section == "metrics")
    skill = next(a for a in first.actions if a.section == "skills")
    asset = next(a for a in first.actions if a.section == "scarce-assets")
    flow = workflow(first)
    statuses = {metric.id: "doing", skill.id: "dropped", asset.id: "done", flow.id: "done"}
    # An old-shaped check-in: the same plan with the ids of an older coach ("action-3" ...).
    old = first.model_copy(
        update={
            "actions": [
                a.model_copy(update={"id": f"action-{n}", "status": statuses.get(a.id, "todo")})
                for n, a in enumerate(first.actions)
            ],
            "metrics": [],
        }
    )
    second = new_checkin(SUPPORT_AGENT, rules, today=Q2, previous=old)
    now = {a.id: a for a in second.actions}
    assert now[metric.id].status == "doing"
    assert now[skill.id].status == "dropped"
    assert now[asset.id].status == "done"
    # The done workflow shows as progress, not as new work, as it does with current ids.
    assert now[flow.id].kind == "progress" and now[flow.id].status == "done"
    assert workflow(second).task != flow.task
    since = since_section(plan_of(second, old))
    done_lines = [line for line in since.splitlines() if line.startswith("- Done last quarter")]
    assert len(done_lines) == len(set(done_lines)) and f"{flow.title}." in since
    # Everything else starts again: no status is taken from an action of another title.
    carried = {metric.id, skill.id, asset.id, flow.id}
    assert all(a.status == "todo" for a in second.actions if a.id not in carried)


def test_a_status_carries_to_one_action_only_when_titles_repeat(rules):
    from coach.plan_since import carried_statuses

    first = new_checkin(SUPPORT_AGENT, rules, today=Q1)
    skill = next(a for a in first.actions if a.section == "skills")
    old = [skill.model_copy(update={"id": "skill-1", "status": "done"})]
    twins = [skill, skill.model_copy(update={"id": skill.id + "-2"})]
    assert carried_statuses(twins, old) == {skill.id: "done"}
    # A stored id that still exists wins over a title match.
    kept = [skill.model_copy(update={"status": "doing"}), *old]
    assert carried_statuses([skill], kept) == {skill.id: "doing"}
