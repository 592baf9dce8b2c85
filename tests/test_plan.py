"""The plan builder: driven by the worker's answers, specific to the tasks, stable and short."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plan_profiles import EXECUTIVE, PROFILES, SENIOR_ENGINEER, SUPPORT_AGENT

from coach.assets import asset_path
from coach.calendar import next_checkin_due
from coach.errors import CoachError
from coach.export import render_markdown
from coach.models import Exposure, Profile, ProfileFile, Task, Verdict
from coach.plan import build_plan
from coach.playbook import load_playbook
from coach.scoring import assess

TODAY = dt.date(2026, 1, 12)
SECTIONS = ("metrics", "ai-workflows", "guardrails", "scarce-assets", "skills", "pivots")
WORKFLOW = ("automate", "assist")


@pytest.fixture(scope="module")
def playbook():
    return load_playbook()


def make_plan(pf: ProfileFile, rules, playbook, **kw):
    assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
    return build_plan(pf.profile, assessment, playbook=playbook, today=kw.pop("today", TODAY), **kw)


def with_answers(pf: ProfileFile, **answers) -> ProfileFile:
    return pf.model_copy(update={"profile": pf.profile.model_copy(update=answers)})


@pytest.fixture(scope="module")
def plans(rules, playbook):
    return {name: make_plan(pf, rules, playbook) for name, pf in PROFILES.items()}


def ids(plan, section=None):
    return {a.id for a in plan.actions if section is None or a.section == section}


def flows(plan):
    return [a for a in plan.actions if a.kind in WORKFLOW]


def saved(plan):
    return sum(a.hours_saved or 0 for a in flows(plan))


def test_time_back_scales_with_ai_experience(rules, playbook):
    by_use = {
        use: make_plan(with_answers(SUPPORT_AGENT, ai_use=use), rules, playbook)
        for use in ("never", "monthly", "weekly", "daily")
    }
    top = {use: flows(p)[0] for use, p in by_use.items()}
    assert len({a.task for a in top.values()}) == 1  # the same first workflow
    hours = next(t.hours_per_week for t in SUPPORT_AGENT.tasks if t.text == top["daily"].task)
    for use, action in top.items():
        ambition = playbook.ambition_for(use)
        work = playbook.work_for(action.task, Exposure.DISPLACEMENT)
        assert action.hours_saved == round(hours * work.saved_share * ambition.experience, 1)
    assert top["never"].hours_saved < top["monthly"].hours_saved < top["daily"].hours_saved


def test_ambition_follows_ai_use_and_teaching(rules, playbook):
    never = make_plan(SUPPORT_AGENT, rules, playbook)
    daily = make_plan(with_answers(SUPPORT_AGENT, ai_use="daily", teaches_ai=True), rules, playbook)
    # Never: one first workflow, started on past cases, and no teaching yet.
    assert len(flows(never)) == 1
    assert not [a for a in never.actions if a.kind in ("teach", "evaluate")]
    assert "three recent cases beside your usual way" in flows(never)[0].steps[0]
    assert "Try the assistant for " in never.next_90_days[1].title
    assert never.next_90_days[1].title.endswith(" on three past cases")
    # Daily and teaching: more workflows with an evaluation set, a prompt library, teaching
    # (two in full, so the plan stays short; the rest are one-line "Later" items).
    assert len(flows(daily)) == 2
    assert any("evaluation set" in s for s in flows(daily)[0].steps)
    assert any("prompt library" in s for s in flows(daily)[0].steps)
    teach = next(a for a in daily.actions if a.kind == "teach")
    assert "one-page guide" in teach.detail and "adopt" in teach.detail
    # The evaluation is scored at every prompt change inside the workflow's own steps, so no
    # separate "run the evaluation" action repeats it.
    assert any("before and after each prompt change" in s for s in flows(daily)[0].steps)
    assert not [a for a in daily.actions if a.kind == "evaluate"]
    assert {m.kind for m in daily.summary.moves} & {"teach", "guardrails"}


def test_money_answer_decides_whether_finding_the_number_comes_first(rules, playbook):
    for answer in ("no", "unknown"):
        plan = make_plan(with_answers(SUPPORT_AGENT, money_link=answer), rules, playbook)
        assert plan.section("metrics")[0].kind == "to-find"
        assert plan.summary.moves[0].kind == "money"
        assert plan.summary.moves[0].title == playbook.wording.find_number_title
        assert plan.summary.track_action_id == plan.section("metrics")[1].id
    known = make_plan(with_answers(SUPPORT_AGENT, money_link="yes"), rules, playbook)
    assert all(a.kind != "to-find" for a in known.section("metrics"))
    assert all(m.title != playbook.wording.find_number_title for m in known.summary.moves)


def test_managers_of_managers_get_layer_compression(rules, playbook):
    director = with_answers(EXECUTIVE, level="manager-of-managers")
    plan = make_plan(director, rules, playbook)
    layers = next(a for a in plan.actions if a.kind == "layers")
    assert "middle layers" in layers.detail
    assert plan.summary.moves[0].kind == "layers"
    assert "across your teams" in plan.summary.talk
    individual = make_plan(with_answers(EXECUTIVE, level="individual"), rules, playbook)
    assert not [a for a in individual.actions if a.kind == "layers"]


def test_owned_assets_are_built_on_not_repeated(rules, playbook, plans):
    executive = plans["executive"]  # owns customer relationships and cross-functional execution
    section = executive.section("scarce-assets")
    # A leader's section: the cross-team workflow, then the first owned asset to build on; the
    # other owned asset is named once, under "already in your favour".
    assert [a.kind for a in section] == ["layers", "owned"]
    assert section[1].title.startswith("Build on") and "Take ownership" not in section[1].title
    text = render_markdown(executive)
    assert "you own cross-functional execution and customer relationships" in text
    kept = with_answers(EXECUTIVE, level="manager")
    owned = [a for a in make_plan(kept, rules, playbook).section("scarce-assets")]
    assert [a.kind for a in owned] == ["owned", "owned"]
    for action in owned:
        assert action.title.startswith("Build on")
        assert "Take ownership" not in action.title
    support = plans["support"]  # owns none; its week holds relationships already
    practised = [a for a in support.section("scarce-assets") if a.kind == "practised"]
    assert practised and all(a.task for a in practised)
    for action in practised:
        work = playbook.work_for(action.task, Exposure.DISPLACEMENT)
        assert action.id.removeprefix("asset-").removesuffix("-practised") in work.assets


def test_every_displacement_task_is_in_the_ai_section(plans, rules):
    for name, plan in plans.items():
        ai_tasks = {a.task for a in plan.section("ai-workflows")}
        for at in plan.assessment.tasks:
            if at.verdict.exposure == Exposure.DISPLACEMENT:
                assert at.task.text in ai_tasks, (name, at.task.text)


def test_human_context_and_safety_critical_work_gets_no_workflow(rules, playbook):
    tasks = [
        Task(text="Answer customer questions by chat", hours_per_week=10, human_context=True),
        Task(text="Enter readings into the plant records", hours_per_week=8, safety_critical=True),
        Task(text="Enter supplier invoices into the accounting system", hours_per_week=6),
    ]
    verdicts = [verdict(Exposure.DISPLACEMENT, "r")] * 3
    plan = build_plan(Profile(), assess(tasks, verdicts), playbook=playbook, today=TODAY)
    by_task = {a.task: a for a in plan.section("ai-workflows") if a.task}
    assert by_task[tasks[0].text].kind == "keep-human"
    assert by_task[tasks[1].text].kind == "safety-critical"
    assert "no automation" in by_task[tasks[1].text].title
    assert by_task[tasks[2].text].kind == "automate"
    assert {a.task for a in flows(plan)} == {tasks[2].text}


def test_the_moves_are_scored_and_of_different_kinds(plans, playbook):
    for plan in plans.values():
        moves = plan.summary.moves
        assert 1 <= len(moves) <= 3
        assert len({m.kind for m in moves}) == len(moves)
        assert [m.score for m in moves] == sorted((m.score for m in moves), reverse=True)
        assert all(m.action_id in ids(plan) for m in moves)
        assert plan.summary.talk and plan.summary.script and plan.summary.track_title


def test_a_workflow_move_scores_hours_times_exposure_times_leverage(rules, playbook):
    plan = make_plan(with_answers(SUPPORT_AGENT, money_link="yes"), rules, playbook)
    move = next(m for m in plan.summary.moves if m.kind == "workflow")
    action = next(a for a in plan.actions if a.id == move.action_id)
    at = next(at for at in plan.assessment.tasks if at.task.text == action.task)
    work = playbook.work_for(action.task, at.verdict.exposure)
    expected = (
        at.task.hours_per_week
        * playbook.score.exposure[at.verdict.exposure]
        * playbook.move_of("workflow").leverage
        * work.saved_share
        + playbook.score.gap_ai_never
    )
    assert move.score == round(expected, 2)


def test_ids_are_stable_across_runs_order_dates_and_wording(rules, playbook):
    first = make_plan(SUPPORT_AGENT, rules, playbook)
    assert make_plan(SUPPORT_AGENT, rules, playbook) == first
    shuffled = SUPPORT_AGENT.model_copy(deep=True)
    random.Random(4).shuffle(shuffled.tasks)
    assert ids(make_plan(shuffled, rules, playbook)) == ids(first)
    next_quarter = make_plan(SUPPORT_AGENT, rules, playbook, today=dt.date(2026, 4, 20))
    assert ids(next_quarter) == ids(first)
    reworded = SUPPORT_AGENT.model_copy(deep=True)
    reworded.tasks = [t.model_copy(update={"text": t.text.upper() + " ."}) for t in reworded.tasks]
    assert ids(make_plan(reworded, rules, playbook)) == ids(first)


def test_previous_actions_carry_their_status(rules, playbook):
    first = make_plan(SENIOR_ENGINEER, rules, playbook)
    done = [a.model_copy(update={"status": "doing"}) for a in first.actions[:3]]
    stale = first.actions[0].model_copy(update={"id": "gone-away", "status": "doing"})
    second = make_plan(SENIOR_ENGINEER, rules, playbook, previous_actions=[*done, stale])
    statuses = {a.id: a.status for a in second.actions}
    assert all(statuses[a.id] == "doing" for a in done)
    assert "gone-away" not in statuses


def test_at_most_twelve_milestones_that_end_by_measuring(plans):
    for plan in plans.values():
        assert plan.next_checkin == next_checkin_due(TODAY)
        weeks = (plan.next_checkin - TODAY).days // 7
        assert 1 <= len(plan.next_90_days) <= 12
        assert all(1 <= m.week <= weeks and m.action_id in ids(plan) for m in plan.next_90_days)
        assert [m.week for m in plan.next_90_days] == sorted(m.week for m in plan.next_90_days)
        assert plan.next_90_days[0].week == 1
        assert plan.next_90_days[0].action_id in ids(plan, "metrics")
        last = plan.next_90_days[-1]
        assert last.week == weeks and last.action_id in ids(plan, "metrics")
        assert "Measure every tracked number" in last.title
        scheduled = {m.action_id for m in plan.next_90_days}
        assert {a.id for a in flows(plan)[:1]} <= scheduled


def verdict(exposure: Exposure, rule: str) -> Verdict:
    return Verdict(
        exposure=exposure, rule=rule, basis="b", reason="a reason here", confidence=0.9, why="w"
    )


def test_empty_and_all_not_ready_weeks_still_get_every_section(playbook):
    tasks = [Task(text="Lead the board meeting", hours_per_week=10)]
    for assessment in (
        assess([], []),
        assess(tasks, [verdict(Exposure.NOT_READY, "high-stakes-decisions")]),
    ):
        for answers in ({}, {"money_link": "yes", "ai_use": "daily"}):
            plan = build_plan(Profile(**answers), assessment, playbook=playbook, today=TODAY)
            for section in SECTIONS:
                assert plan.section(section), (section, answers)
            assert plan.summary.moves and plan.next_90_days


def test_playbook_errors_name_the_entry_and_field(tmp_path):
    data = asset_path("playbook.toml").read_text(encoding="utf-8")
    path = tmp_path / "playbook.toml"
    cases = [
        ('metric = "Cost per resolved request when {doing}"', 'metric = "Cost of {tsk}"', "{tsk}"),
        ('default_for = ["displacement"]\n', "", "default_for"),
        ('guardrail = "patient-data"\n', 'guardrail = "nope"\n', "'nope' is not defined"),
        ('pivots = ["governance"]\n', 'pivots = ["astronaut"]\n', "'astronaut' is not defined"),
    ]
    for old, new, needle in cases:
        assert old in data, old
        path.write_text(data.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(CoachError) as err:
            load_playbook(path)
        assert str(path) in str(err.value) and needle in str(err.value), str(err.value)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=60),
            st.floats(0, 40),
            st.sampled_from(list(Exposure)),
            st.booleans(),
        ),
        max_size=8,
    ),
    st.sampled_from(["never", "monthly", "weekly", "daily"]),
    st.sampled_from(["individual", "lead", "manager-of-managers", "executive"]),
    st.sampled_from(["yes", "partly", "no", "unknown"]),
)
def test_any_week_gives_a_complete_short_plan_with_unique_ids(rows, ai_use, level, money):
    pb = load_playbook()
    tasks, verdicts = [], []
    for text, hours, exposure, human in rows:
        try:
            tasks.append(Task(text=text, hours_per_week=hours, human_context=human))
        except ValueError:
            continue
        verdicts.append(verdict(exposure, "some-rule"))
    profile = Profile(ai_use=ai_use, level=level, money_link=money)
    plan = build_plan(profile, assess(tasks, verdicts), playbook=pb, today=TODAY)
    assert len(ids(plan)) == len(plan.actions)
    for section in SECTIONS:
        assert plan.section(section)
    assert 1 <= len(plan.next_90_days) <= 12
    assert len(flows(plan)) <= pb.ambition_for(ai_use).workflows
    for at in plan.assessment.tasks:
        if at.verdict.exposure == Exposure.DISPLACEMENT:
            assert at.task.text in {a.task for a in plan.section("ai-workflows")}


def test_a_second_workflow_with_the_same_steps_points_back_instead_of_repeating_them(
    rules, playbook
):

    daily = make_plan(with_answers(SUPPORT_AGENT, ai_use="daily"), rules, playbook)
    first, second = flows(daily)[:2]
    assert first.steps[1:] == second.steps[1:]
    section = render_markdown(daily).split("## 2.")[1].split("\n## ")[0]
    assert section.count("- Steps: 1)") == 1
    assert section.count("- Steps, done and time: as above;") == 1
    assert second.title in section  # still named, with its own tool and time back
