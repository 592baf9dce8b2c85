"""The plan names tasks as a person would: 'analyzing trends', 'cleaning data sets'."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from coach.export import render_markdown
from coach.plan import build_plan
from coach.plan_text import doing_phrase, gerund, object_phrase
from coach.roles import load_catalog, role_to_profile
from coach.scoring import assess

TODAY = dt.date(2026, 4, 6)


def catalog_plan(role_id: str, rules) -> str:
    role = next(r for r in load_catalog().roles if r.id == role_id)
    pf = role_to_profile(role)
    assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
    return render_markdown(build_plan(pf.profile, assessment, today=TODAY))


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("Write", "writing"),
        ("analyze", "analyzing"),
        ("plan", "planning"),
        ("run", "running"),
        ("debug", "debugging"),
        ("edit", "editing"),
        ("fix", "fixing"),
        ("see", "seeing"),
        ("tie", "tying"),
        ("review", "reviewing"),
        ("control", "controlling"),
        ("confer", "conferring"),
    ],
)
def test_gerund(verb, expected):
    assert gerund(verb) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analyze trends in sales, usage and customer data", "analyzing trends"),
        ("Clean and validate data sets before analysis", "cleaning data sets"),
        ("Meet with analysts and product teams to gather data",
         "meeting with analysts and product teams"),
        ("Hand off qualified leads to account executives", "handing off qualified leads"),
        ("Answer employee questions about policies, benefits and pay",
         "answering employee questions about policies"),
        ("Compile weekly and monthly management reports", "compiling monthly management reports"),
        ("Book travel and process expense reports", "booking travel"),
        ("Weekly pipeline reports", "working on weekly pipeline reports"),
        ("Evaluate model quality, bias and failure cases", "evaluating model quality"),
        ("Find and fix defects reported in existing programs", "finding defects"),
        ("Measure hours saved and quality gains", "measuring hours saved"),
        ("Confer with users to work out what a program must do", "conferring with users"),
        ("Decide which research directions to pursue next",
         "deciding which research directions to pursue next"),
        # a comparative goes with its "than": the object ends before both
        ("Fish out unpaid supplier invoices older than 60 days",
         "fishing out unpaid supplier invoices"),
        ("Close tickets with more than three reopenings", "closing tickets"),
        ("Chase suppliers with invoices older than 90 days", "chasing suppliers with invoices"),
    ],
)  # fmt: skip
def test_doing_phrase_reads_as_a_person_would_write_it(text, expected):
    assert doing_phrase(text) == expected


def test_the_data_analyst_plan_names_its_tasks_naturally(rules):
    text = catalog_plan("data-analyst", rules)
    for awkward in (
        "which number trends feeds",
        "the value of trends",
        "your work on trends",
        "Later, once these run: data sets",
    ):
        assert awkward not in text
    assert "Ask your manager which number analyzing trends feeds" in text
    assert re.search(r"^- Later, once these run: .*cleaning data sets", text, flags=re.M)
    assert "how analyzing trends feeds it" in text


def test_no_catalog_plan_says_your_work_on_or_a_bare_verb_object(rules):
    for role in load_catalog().roles:
        text = catalog_plan(role.id, rules)
        assert "your work on " not in text.replace("your work on your", ""), role.id
        for line in re.findall(r"^- Later, once these run: (.*) \(about", text, flags=re.M):
            for item in line.split("; "):
                assert item.split()[0].endswith("ing"), (role.id, item)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_the_doing_phrase_of_any_task_is_short_and_made_of_its_own_words(text):
    phrase = doing_phrase(text)
    assert phrase and len(phrase) <= 60
    words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)}
    said = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", phrase.rstrip("…"))]
    allowed = words | {"working", "on", "doing", "this", "task", "and", "with", "from", "about"}
    allowed |= {"for", "do"}
    first, *rest = said or [""]
    assert first.endswith("ing") or first in words
    assert set(rest[:-1]) <= allowed | {w + "ing" for w in words}
    assert object_phrase(text) is not None


def test_a_question_word_keeps_its_clause_in_the_task_phrase():
    assert object_phrase("Decide whether to approve high-risk deals") == (
        "whether to approve high-risk deals"
    )
    assert doing_phrase("Decide whether to approve high-risk deals") == (
        "deciding whether to approve high-risk deals"
    )


# A metric title ends on the task it measures, never on a word that leaves it hanging.
_DANGLING = {"whether", "which", "of", "in", "on", "for", "by", "to", "and", "or", "with", "the"}


def test_every_metric_title_of_every_catalog_task_names_the_work_as_a_person_would(rules):
    seen = set()
    for role in load_catalog().roles:
        pf = role_to_profile(role)
        for task in pf.tasks:
            # The task alone, so it is the one its plan puts a number on.
            alone = pf.model_copy(
                update={"tasks": [task.model_copy(update={"hours_per_week": 10})]}
            )
            assessment = assess(alone.tasks, [rules.classify(task)])
            profile = pf.profile.model_copy(update={"money_link": "yes"})
            plan = build_plan(profile, assessment, today=TODAY)
            title = plan.section("metrics")[0].title
            seen.add(title)
            doing, thing = doing_phrase(task.text), object_phrase(task.text)
            assert title.endswith((doing, thing)), (role.id, task.text, title)
            assert title.split()[-1].lower() not in _DANGLING, (role.id, title)
            if title.endswith(doing):  # the measure after it does not name the task again
                assert not plan.section("metrics")[0].detail.startswith(f"For {doing}"), title
    assert len(seen) > 200


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("task: Write SQL queries", "your task \u201cWrite SQL queries\u201d"),
        ("answer: work tied to money = unknown", "your answer on work tied to money (unknown)"),
        ("answer: you own data quality", "your answer: you own data quality"),
        (
            "answer: teaches AI = no; task: Analyze trends",
            "your answer on teaches AI (no); your task \u201cAnalyze trends\u201d",
        ),
        (
            "tasks: no work AI does or speeds up today",
            "your week (no work AI does or speeds up today)",
        ),
        ("something else", "something else"),
    ],
)
def test_an_action_source_reads_as_words(source, words):
    from coach.plan_text import source_words

    assert source_words(source) == words


@given(st.text(max_size=200))
@example("0; ")
@example("Review the deck; then send it")
def test_any_stored_source_reads_without_error_and_keeps_its_words(text):
    from coach.plan_text import source_words

    # "; task: " inside a task's own text is the one form a stored source cannot tell apart
    assume(not any(f"; {kind}: " in f"task: {text}" for kind in ("task", "tasks", "answer")))
    words = source_words(f"task: {text}")
    assert text in words
