"""The issue's measures of a good plan, over every catalog role (benchmarks/plan_metrics.py).

Default Markdown plans are short, have at most 12 milestones, share few lines with other roles'
plans, change with the answers, show no ids and keep every section.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

import pytest

from coach.export import SECTIONS, md, render_markdown
from coach.models import Exposure
from coach.plan import build_plan
from coach.plan_text import object_phrase
from coach.playbook import load_playbook
from coach.roles import load_catalog, role_to_profile
from coach.scoring import assess

TODAY = dt.date(2026, 4, 6)
LOW = {"ai_use": "never", "teaches_ai": False, "money_link": "unknown"}
HIGH = {"ai_use": "daily", "teaches_ai": True, "money_link": "yes"}
DASHED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


@pytest.fixture(scope="module")
def roles(rules):
    playbook = load_playbook()
    out = {}
    for role in load_catalog().roles:
        pf = role_to_profile(role)
        assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])

        def plan(pf=pf, assessment=assessment, **answers):
            profile = pf.profile.model_copy(update=answers)
            return build_plan(profile, assessment, playbook=playbook, today=TODAY)

        default = plan()
        out[role.id] = {
            "plan": default,
            "text": render_markdown(default),
            "low": render_markdown(plan(**LOW)),
            "high": render_markdown(plan(**HIGH)),
        }
    return out


def body_lines(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if len(line.strip()) >= 30 and not line.lstrip().startswith("#")
    ]


def test_default_plans_are_short_with_at_most_twelve_milestones(roles):
    for role_id, r in roles.items():
        assert len(r["text"].split()) <= 1500, role_id
        assert 1 <= len(r["plan"].next_90_days) <= 12, role_id


def test_plans_of_different_roles_share_few_lines(roles):
    seen = Counter()
    for r in roles.values():
        seen.update(set(body_lines(r["text"])))
    for role_id, r in roles.items():
        lines = body_lines(r["text"])
        own = set(lines)
        shared = [line for line in lines if seen[line] - (line in own) > 0]
        assert len(shared) <= 0.2 * len(lines), (role_id, shared[:5])


def test_the_answers_change_at_least_forty_percent_of_the_lines(roles):
    for role_id, r in roles.items():
        low = [line.strip() for line in r["low"].splitlines() if line.strip()]
        high = [line.strip() for line in r["high"].splitlines() if line.strip()]
        common = sum((Counter(low) & Counter(high)).values())
        assert 1 - common / max(len(low), len(high)) >= 0.4, role_id


def test_no_ids_or_rule_names_in_the_markdown(roles, rules):
    rule_ids = {r.id for r in rules.rules if "-" in r.id}
    for role_id, r in roles.items():
        text = r["text"]
        action_ids = {a.id for a in r["plan"].actions}
        words = set(DASHED.findall(text.lower()))
        assert not words & action_ids, role_id
        assert not words & rule_ids, (role_id, words & rule_ids)
        assert "Id:" not in text and "&amp;" not in text


def test_every_section_is_kept_and_displacement_work_is_in_the_ai_section(roles):
    for role_id, r in roles.items():
        text = r["text"]
        for _, heading in SECTIONS:
            assert f"\n## {heading}\n" in text, (role_id, heading)
        assert "\n## 7. The next 90 days\n" in text and "\n## Start here\n" in text
        ai = text.split("## 2. Become the AI multiplier")[1].split("## 3.")[0].lower()
        for at in r["plan"].assessment.tasks:
            if at.verdict.exposure == Exposure.DISPLACEMENT:
                assert object_phrase(at.task.text).lower() in ai, (role_id, at.task.text)


def test_a_manager_of_managers_plan_addresses_layer_compression(roles):
    text = roles["director"]["text"]
    assert roles["director"]["plan"].profile.level == "manager-of-managers"
    assert "compress middle layers" in text
    assert "compress middle layers" not in roles["data-analyst"]["text"]


ALL_ASSETS = ["cross-functional-execution", "customer-relationships", "data-quality"]
# The answers that make a plan longest, crossed: every AI experience, an individual and a
# manager of managers, and a known money link with every asset owned or neither.
GRID = [
    {"ai_use": ai, "level": level, "teaches_ai": True, **extra}
    for ai in ("never", "monthly", "weekly", "daily")
    for level in ("individual", "manager-of-managers")
    for extra in (
        {"money_link": "yes", "assets_owned": ALL_ASSETS},
        {"money_link": "unknown", "assets_owned": []},
    )
]


def test_every_catalog_role_stays_within_1500_words_whatever_the_answers(rules):
    from coach.export import default_template_path, make_environment, plan_context
    from coach.sandbox import render_bounded

    playbook = load_playbook()
    path = default_template_path()
    template = make_environment(path.parent).get_template(path.name)  # compiled once
    for role in load_catalog().roles:
        pf = role_to_profile(role)
        assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
        tasks = {at.task.text for at in assessment.tasks}
        for answers in GRID:
            profile = pf.profile.model_copy(update=answers)
            plan = build_plan(profile, assessment, playbook=playbook, today=TODAY)
            text = render_bounded(template, plan_context(plan))
            assert len(text.split()) <= 1500, (role.id, answers, len(text.split()))
            assert 1 <= len(plan.next_90_days) <= 12, (role.id, answers)
            # Cut repetition, not the worker's tasks: every task is still in the plan.
            assert all(md(t) in text for t in tasks), role.id


# A value that is missing must not leave a hole in a sentence ("saves me about h a week").
HOLES = re.compile(r"about h\b|\bof h\b|\s[,.;:]|[{}]|\b(?:on|for|about|in|of|to) [.,;]|\w  \w")


def test_no_sentence_has_a_hole_where_a_value_was_missing(rules):
    from coach.export import default_template_path, make_environment, plan_context
    from coach.sandbox import render_bounded

    playbook = load_playbook()
    path = default_template_path()
    template = make_environment(path.parent).get_template(path.name)
    for role in load_catalog().roles:
        pf = role_to_profile(role)
        assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
        for ai, teaches, money in itertools.product(
            ("never", "monthly", "weekly", "daily"), (False, True), ("unknown", "partly", "yes")
        ):
            answers = {"ai_use": ai, "teaches_ai": teaches, "money_link": money}
            profile = pf.profile.model_copy(update=answers)
            plan = build_plan(profile, assessment, playbook=playbook, today=TODAY)
            text = render_bounded(template, plan_context(plan))
            for line in text.splitlines():
                if line.startswith("|"):
                    continue  # tables align with spaces
                hole = HOLES.search(line)
                assert hole is None, (role.id, answers, hole.group(), line)
