"""The plan builder: specific to the worker's tasks and answers, traceable, and stable."""

from __future__ import annotations

import datetime as dt
import random
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plan_profiles import PROFILES, SENIOR_ENGINEER, SUPPORT_AGENT

from coach.assets import asset_path
from coach.calendar import next_checkin_due
from coach.errors import CoachError
from coach.models import Exposure, Profile, ProfileFile, Task, Verdict
from coach.plan import build_plan
from coach.playbook import load_playbook
from coach.scoring import assess

TODAY = dt.date(2026, 1, 12)
SECTIONS = ("metrics", "ai-workflows", "guardrails", "scarce-assets", "skills", "pivots")
ARTICLE_SECTIONS = (
    "How to stay off the layoff list: 1) Tie your work to money",
    "How to stay off the layoff list: 2) Become the AI multiplier",
    "How to stay off the layoff list: 3) Ship faster with guardrails",
    "How to stay off the layoff list: 4) Own scarce assets",
    "FAQs: What skills matter most now?",
    "What it means for workers:",
)


@pytest.fixture(scope="module")
def playbook():
    return load_playbook()


def make_plan(pf: ProfileFile, rules, playbook, **kw):
    assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
    return build_plan(pf.profile, assessment, playbook=playbook, today=kw.pop("today", TODAY), **kw)


@pytest.fixture(scope="module")
def plans(rules, playbook):
    return {name: make_plan(pf, rules, playbook) for name, pf in PROFILES.items()}


def ids(plan, section=None):
    return {a.id for a in plan.actions if section is None or a.section == section}


def test_contrasting_profiles_get_visibly_different_plans(plans):
    support, engineer, executive = plans["support"], plans["engineer"], plans["executive"]
    # Exposure and time back follow the week: the support agent has the most to automate.
    assert support.assessment.exposure_index > engineer.assessment.exposure_index
    assert engineer.assessment.exposure_index > executive.assessment.exposure_index

    def saved(p):
        return sum(a.hours_saved or 0 for a in p.section("ai-workflows"))

    assert saved(support) > saved(engineer) > saved(executive)
    automate = {
        n: [a for a in p.section("ai-workflows") if a.kind == "automate"] for n, p in plans.items()
    }
    assert len(automate["support"]) >= 3 > len(automate["engineer"])
    # Skills follow the answers: never using AI -> fluency; daily use -> secure use instead.
    skills = {n: {a.id for a in p.section("skills")} for n, p in plans.items()}
    assert "skill-ai-fluency" in skills["support"]
    assert "skill-ai-fluency" not in skills["engineer"]
    assert "skill-secure-ethical-ai" in skills["engineer"]
    assert "skill-quantified-impact" in skills["support"]
    assert "skill-quantified-impact" not in skills["executive"]  # money_link = yes
    # Pivots follow function, tasks and level.
    pivots = {n: [a.id for a in p.section("pivots")] for n, p in plans.items()}
    assert "pivot-prompt-tooling-ops" in pivots["support"]
    assert "pivot-applied-ml" in pivots["engineer"]
    assert {"pivot-governance", "pivot-ai-product-ownership"} & set(pivots["executive"])
    assert "pivot-applied-ml" not in pivots["support"]
    # Scarce assets: the ones not yet owned come first and are marked missing.
    missing = {
        n: [a.id for a in p.section("scarce-assets") if a.kind == "missing"]
        for n, p in plans.items()
    }
    assert len(missing["support"]) == 3
    assert missing["executive"] == ["asset-data-quality-own"]
    # Teaching advice depends on level and on whether they already teach.
    teach = {
        n: next(a for a in p.section("ai-workflows") if a.kind == "teach") for n, p in plans.items()
    }
    assert len({t.detail for t in teach.values()}) == 3
    # Strengths: the executive's not-ready work is named as strong; the support agent's is not.
    assert any("Decide the company strategy" in s for s in executive.strengths)
    assert not any("stays human" in s for s in support.strengths)
    # And the plans share no task-specific action.
    for a, b in (("support", "engineer"), ("support", "executive"), ("engineer", "executive")):
        shared = ids(plans[a]) & ids(plans[b])
        assert all(not i.startswith(("ai-", "guard-", "money-", "teach-")) for i in shared)


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_displacement_task_gets_an_ai_workflow(plans, name):
    plan = plans[name]
    flows = {a.task: a for a in plan.section("ai-workflows") if a.kind in ("automate", "assist")}
    guards = {a.task: a for a in plan.section("guardrails")}
    for at in plan.assessment.tasks:
        text, hours = at.task.text, at.task.hours_per_week
        if at.verdict.exposure == Exposure.NOT_READY:
            assert text not in flows
            continue
        flow = flows[text]
        expected = "automate" if at.verdict.exposure == Exposure.DISPLACEMENT else "assist"
        assert flow.kind == expected
        assert 0 < flow.hours_saved <= hours
        assert any(s.startswith("Tool: ") for s in flow.steps)
        assert any(s.startswith("You still check: ") for s in flow.steps)
        labels = [s.split(":")[0] for s in guards[text].steps]
        assert labels == ["Human review point", "Logging", "Data handling", "Evaluation check"]


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_section_present_and_every_action_traceable(plans, name):
    plan = plans[name]
    for section in SECTIONS:
        assert plan.section(section), section
    assert plan.strengths and plan.next_90_days
    task_texts = {at.task.text for at in plan.assessment.tasks}
    for action in plan.actions:
        assert action.basis.startswith(ARTICLE_SECTIONS), action.basis
        assert action.source.startswith(("task: ", "answer: ", "tasks: ", "answers: "))
        if action.task is not None:
            assert action.task in task_texts
    assert len(ids(plan)) == len(plan.actions)


def test_the_heaviest_tasks_get_the_metrics(plans):
    for plan in plans.values():
        chosen = {a.task for a in plan.section("metrics")}
        hours = {at.task.text: at.task.hours_per_week for at in plan.assessment.tasks}
        heaviest = max(hours, key=hours.get)
        assert heaviest in chosen
        lightest_chosen = min(hours[t] for t in chosen)
        assert all(h <= lightest_chosen for t, h in hours.items() if t not in chosen)
        assert {a.kind for a in plan.section("metrics")} <= {
            "revenue-lift",
            "cost-out",
            "risk-down",
        }


def test_ids_are_stable_across_runs_order_dates_and_wording(rules, playbook):
    first = make_plan(SUPPORT_AGENT, rules, playbook)
    again = make_plan(SUPPORT_AGENT, rules, playbook)
    assert first == again
    shuffled = SUPPORT_AGENT.model_copy(deep=True)
    random.Random(4).shuffle(shuffled.tasks)
    assert shuffled.tasks != SUPPORT_AGENT.tasks
    assert ids(make_plan(shuffled, rules, playbook)) == ids(first)
    next_quarter = make_plan(SUPPORT_AGENT, rules, playbook, today=dt.date(2026, 4, 20))
    assert ids(next_quarter) == ids(first)
    reworded = SUPPORT_AGENT.model_copy(deep=True)
    reworded.tasks = [t.model_copy(update={"text": t.text.upper() + " ."}) for t in reworded.tasks]
    assert ids(make_plan(reworded, rules, playbook)) == ids(first)


def test_a_different_task_gets_a_different_id(rules, playbook):
    base = make_plan(SUPPORT_AGENT, rules, playbook)
    changed = SUPPORT_AGENT.model_copy(deep=True)
    changed.tasks[0] = changed.tasks[0].model_copy(
        update={"text": "Answer billing questions by chat"}
    )
    assert ids(make_plan(changed, rules, playbook), "ai-workflows") != ids(base, "ai-workflows")


def test_previous_actions_carry_their_status(rules, playbook):
    first = make_plan(SENIOR_ENGINEER, rules, playbook)
    done = [a.model_copy(update={"status": "done"}) for a in first.actions[:3]]
    stale = first.actions[0].model_copy(update={"id": "gone-away", "status": "doing"})
    second = make_plan(SENIOR_ENGINEER, rules, playbook, previous_actions=[*done, stale])
    statuses = {a.id: a.status for a in second.actions}
    assert all(statuses[a.id] == "done" for a in done)
    assert "gone-away" not in statuses
    assert sum(s == "todo" for s in statuses.values()) == len(statuses) - 3


def test_milestones_run_until_the_check_in(plans):
    for plan in plans.values():
        assert plan.next_checkin == next_checkin_due(TODAY)
        weeks = (plan.next_checkin - TODAY).days // 7
        known = ids(plan)
        assert all(1 <= m.week <= weeks and m.action_id in known for m in plan.next_90_days)
        assert plan.next_90_days[0].week == 1
        metric_ids = ids(plan, "metrics")
        assert {m.action_id for m in plan.next_90_days if m.week == 1} >= metric_ids
        assert plan.next_90_days[-1].week == weeks
        assert plan.next_90_days[-1].action_id in metric_ids
        scheduled = {m.action_id for m in plan.next_90_days}
        assert ids(plan, "ai-workflows") <= scheduled and ids(plan, "guardrails") <= scheduled


def verdict(exposure: Exposure, rule: str) -> Verdict:
    return Verdict(
        exposure=exposure, rule=rule, basis="b", reason="a reason here", confidence=0.9, why="w"
    )


def test_advice_is_keyed_by_rule_with_a_default_per_class(playbook):
    tasks = [
        Task(text="Answer tickets", hours_per_week=10),
        Task(text="Do a new thing", hours_per_week=10),
    ]
    verdicts = [
        verdict(Exposure.DISPLACEMENT, "tier1-support"),
        verdict(Exposure.DISPLACEMENT, "brand-new"),
    ]
    plan = build_plan(Profile(), assess(tasks, verdicts), playbook=playbook, today=TODAY)
    flows = {a.task: a for a in plan.section("ai-workflows") if a.kind == "automate"}
    keyed = playbook.pick("workflow", "tier1-support", Exposure.DISPLACEMENT)
    default = playbook.pick("workflow", "brand-new", Exposure.DISPLACEMENT)
    assert keyed.id != default.id and "tier1-support" in keyed.rules
    assert Exposure.DISPLACEMENT in default.default_for
    assert f"Tool: {keyed.tool_class}" in flows["Answer tickets"].steps
    assert f"Tool: {default.tool_class}" in flows["Do a new thing"].steps
    assert flows["Answer tickets"].hours_saved == round(10 * keyed.saved_share, 1)


def test_empty_and_all_not_ready_weeks_still_get_every_section(playbook):
    tasks = [Task(text="Lead the board meeting", hours_per_week=10)]
    for assessment in (
        assess([], []),
        assess(tasks, [verdict(Exposure.NOT_READY, "high-stakes-decisions")]),
    ):
        plan = build_plan(Profile(), assessment, playbook=playbook, today=TODAY)
        for section in SECTIONS:
            assert plan.section(section), section
        assert plan.strengths


def test_every_rule_the_playbook_names_exists(rules, playbook):
    known = {r.id for r in rules.rules}
    for kind in ("metric", "workflow", "asset", "pivot"):
        for entry in getattr(playbook, kind):
            unknown = set(entry.rules) - known
            assert not unknown, f"[[{kind}]] {entry.id}: unknown rules {sorted(unknown)}"


def test_playbook_errors_name_the_entry_and_field(tmp_path):
    data = asset_path("playbook.toml").read_text(encoding="utf-8")
    bad = data.replace('title = "Cost of producing: {task}"', 'title = "Cost of {tsk}"')
    path = tmp_path / "playbook.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(CoachError) as err:
        load_playbook(path)
    assert str(path) in str(err.value) and "metric.0.title" in str(err.value)
    assert "{tsk}" in str(err.value)
    parsed = tomllib.loads(data)
    assert all("basis" in m for m in parsed["metric"])
    no_default = data.replace('default_for = ["displacement"]\ntitle = "Hours', 'title = "Hours')
    path.write_text(no_default, encoding="utf-8")
    with pytest.raises(CoachError, match="default_for"):
        load_playbook(path)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=60), st.floats(0, 40), st.sampled_from(list(Exposure))
        ),
        max_size=8,
    ),
    st.sampled_from(["never", "monthly", "weekly", "daily"]),
    st.sampled_from(["individual", "lead", "executive"]),
)
def test_any_week_gives_a_complete_plan_with_unique_ids(rows, ai_use, level):
    pb = load_playbook()
    tasks, verdicts = [], []
    for text, hours, exposure in rows:
        try:
            tasks.append(Task(text=text, hours_per_week=hours))
        except ValueError:
            continue
        verdicts.append(verdict(exposure, "some-rule"))
    profile = Profile(ai_use=ai_use, level=level)
    plan = build_plan(profile, assess(tasks, verdicts), playbook=pb, today=TODAY)
    assert len(ids(plan)) == len(plan.actions)
    for section in SECTIONS:
        assert plan.section(section)
