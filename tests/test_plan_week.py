"""The plan's week table: a short why per task, each rule's reason said once under it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from plan_profiles import PROFILES

from coach.export import md, render_markdown
from coach.models import Exposure, Task, Verdict
from coach.plan import build_plan
from coach.plan_week import MARKED, NO_MATCH, verdict_cue, week_table
from coach.scoring import assess


def test_the_cue_is_what_decided_the_verdict_without_the_rule_name():
    why = "Matched 'answer', 'tickets' (rule explain-verbs): Explaining is information delivery."
    assert verdict_cue(why) == "'answer', 'tickets'"
    marked = "Marked repetitive, structured data (rule structured-repetitive): Repetitive work."
    assert verdict_cue(marked) == MARKED
    assert verdict_cue("No rule matched this wording, so this is the fallback guess.") == NO_MATCH


def verdict(reason: str) -> Verdict:
    return Verdict(
        exposure=Exposure.AUGMENTATION,
        rule="r",
        basis="b",
        reason=reason,
        confidence=0.5,
        why=f"Matched 'x' (rule r): {reason}",
    )


@given(st.lists(st.sampled_from(["One reason.", "Two  reasons.", "Three.", "One reason."])))
def test_each_reason_is_listed_once_and_every_row_points_to_its_own(reasons):
    tasks = [Task(text=f"Task {i}", hours_per_week=1) for i in range(len(reasons))]
    verdicts = [verdict(r) for r in reasons]
    week = week_table(assess(tasks, verdicts))
    assert len(week.reasons) == len(set(week.reasons))
    assert [row.at.task.text for row in week.rows] == [t.text for t in tasks]
    for row, reason in zip(week.rows, reasons, strict=True):
        assert week.reasons[row.reason - 1] == " ".join(reason.split())


def test_the_markdown_says_each_reason_once_after_the_table(rules):
    pf = PROFILES["support"]
    assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
    text = render_markdown(build_plan(pf.profile, assessment))
    week = text.split("## Your week")[1].split("\n## ")[0]
    table, after = week.split("\n\nReasons: ")
    for at in assessment.tasks:
        reason = md(" ".join(at.verdict.reason.split()))
        assert reason not in table and after.count(reason) == 1
