"""To-do wording a worker types: labels before a colon, first passes, chores handed to an AI
assistant, casual final calls, and hands-on work in kitchens, wards and trades.

Each case is worded for this test (not taken from any labelled set).
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.playbook import load_playbook
from coach.rules import load_rules
from coach.task_words import task_words

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

CASES = [
    # a short label before a colon does not hide the task's own verb
    ("Heads up: approve the $3M warehouse lease renewal", N, None),
    ("Low-hanging fruit: copy the trial signups into the CRM", D, None),
    # a first pass of everyday text is a first draft
    ("First pass at the FAQ for the loyalty programme", D, "first-pass-drafts"),
    ("Rough draft of the volunteer thank-you note", D, "first-pass-drafts"),
    ("Whip up an agenda for the supplier day", D, "first-drafts"),
    # handing a routine chore to an AI assistant is the displacement itself ...
    ("Ask Copilot to turn the call transcript into follow-ups", D, "ai-does-the-chore"),
    ("Have ChatGPT sort the survey comments into themes", D, "ai-does-the-chore"),
    # ... but asking it to decide about people is not
    ("Let the AI choose who gets the retention bonus", N, None),
    # teaching others to use AI is the multiplier role: augmentation, never displacement
    ("Coach the recruiters on prompting the sourcing assistant", A, "ai-multiplier"),
    ("Train the churn model on last year's cancellations", A, None),
    # casual final calls stay human
    ("Renew the Initech deal or walk away?", N, None),
    ("Hiring freeze for Q1: yes or no", N, None),
    # safety-critical devices
    ("Design the alarm screen for the bedside ventilator", N, "safety-critical-devices"),
    ("Let the dosing model run without clinician review", N, None),
    # hands-on work in kitchens, wards, schools and trades
    ("Poach the salmon and whisk the hollandaise for lunch service", N, None),
    ("Check the crash cart on ward 4", N, None),
    ("Recess duty on Friday", N, None),
    ("Swap the breaker in the kitchen panel", N, None),
    ("Rewire the deploy pipeline so builds run in parallel", A, None),
    # 'tier' is not 'tie'
    ("Cover tier-1 chat for the afternoon", D, None),
    # chores named by their output
    ("weekly kpi pull for the ops review", D, None),
    ("Signups by channel for the Monday email", D, None),
    ("Build a dashboard of churn by region", A, None),
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("text", "exposure", "rule"), CASES)
def test_to_do_wording_lands_where_the_article_puts_it(rules, text, exposure, rule):
    verdict = rules.classify(text)
    assert verdict.exposure is exposure, verdict.why
    if rule is not None:
        assert verdict.rule == rule, verdict.why


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("Quick one: approve the capex", [b"quick", b"approve"]),
        (
            "Mission brief: copy, paste and check the prices",
            [b"mission", b"copy", b"paste", b"check"],
        ),
        ("Figma: rename the layers", [b"figma", b"rename"]),
        # not a label: too many words before the colon, or nothing after it
        ("Send the report to everyone on the list: Ana, Bo", [b"send"]),
        ("Notes:", [b"notes"]),
    ],
)
def test_a_short_label_before_a_colon_adds_the_verbs_after_it(text, verbs):
    words, places = task_words(text)
    assert [words[p] for p in places] == verbs


def test_teaching_others_ai_gets_the_multiplier_advice_not_an_automation():
    playbook = load_playbook()
    work = playbook.work_for("Show the sales team how to use the AI call notes", A)
    assert work.id == "teaching-ai"
    assert work.mode == "none"
    # the entry needs a teaching word beside the AI word
    assert playbook.work_for("Ask the AI to summarise the call notes", D).id != "teaching-ai"


@pytest.mark.parametrize(
    ("text", "doing"),
    [
        ("Quick one: approve the refund policy change", "approving the refund policy change"),
        ("Figma: rename all layers", "renaming all layers"),
        # two labels: the plan still names the task by its own verb
        ("Quick one: Figma: rename all layers", "renaming all layers"),
        # a to-do named by a thing, not an act, reads 'working on' it
        (
            "First pass at the help centre article",
            "working on first pass at the help centre article",
        ),
        # more than seven words before the colon is not a label
        ("Send the report to everyone on the list: Ana, Bo", "sending the report"),
    ],
)
def test_the_plan_names_a_labelled_task_by_its_own_verb(text, doing):
    from coach.plan_text import doing_phrase

    assert doing_phrase(text) == doing
