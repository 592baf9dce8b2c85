"""Desk idioms and office chores land where a reader of the article would put them.

Each case is worded for this test (not taken from any labelled set): scheduling chores,
tidying lists, working from a template, office metaphors ("fire off", "kill", "nail down"),
legal drafting for review, and the money and people calls that stay human.
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rules import load_rules
from coach.task_words import task_words

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

CASES = [
    # scheduling chores are displacement
    ("Book a meeting room for the quarterly planning session", D, "scheduling"),
    ("Reschedule the design review to Thursday", D, "scheduling"),
    ("Fix the time zones on the offsite calendar invites", D, "calendar-chores"),
    # tidying lists and exports
    ("Scrub duplicate contacts from the donor list", D, "data-tidying"),
    ("Fill in the missing fields in the supplier export", D, "data-tidying"),
    # work done from a template or by set rules
    ("Produce the renewal letters from the standard template", D, None),
    ("Route inbound leads to the territory owners", D, "lead-routing"),
    # metaphors read in their desk sense
    ("Fire up a staging cluster to reproduce the crash", A, None),
    ("Kill the flaky integration test and fix the race", A, None),
    ("Nail down the colour palette for the new brand", A, None),
    ("Roll out single sign-on for the finance team", A, None),
    # engineering verbs are augmentation, unless the thing is hardware
    ("Debug the retry logic in the billing worker", A, "engineering-verbs"),
    ("Debug the projector cabling in the boardroom", N, None),
    # legal drafting for a lawyer's review stays augmentation
    ("Draft answers to the discovery requests for the partner's review", A, None),
    # design and code sign-offs are not high-stakes calls
    ("Approve the pull request for the checkout fix", A, None),
    # money and people calls stay human
    ("Pick the agency we sign the two-year contract with", N, "vendor-calls"),
    ("Decide which two analysts to promote this cycle", N, None),
    ("Put the account manager on a performance improvement plan", N, "final-say"),
    # hands-on office work stays human
    ("Shred the old payroll printouts in the records room", N, "office-hands-on"),
    ("Walk the new office space with the landlord", N, "office-hands-on"),
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("text", "expected", "rule"), CASES)
def test_desk_idiom_lands_in_the_articles_class(rules, text, expected, rule):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, verdict.why
    if rule is not None:
        assert verdict.rule == rule, verdict.why


def test_urgency_words_before_a_to_do_do_not_hide_its_verb():
    for text in ("URGENT: resend the invoice copies", "high priority update the vendor list"):
        words, verbs = task_words(text)
        assert words[verbs[0]] in {b"resend", b"update"}


def test_urgent_prefix_keeps_the_verdict_of_the_plain_task(rules):
    plain = rules.classify("Reformat the client deck onto the new letterhead")
    urgent = rules.classify("urgent!! reformat the client deck onto the new letterhead")
    assert (urgent.exposure, urgent.rule) == (plain.exposure, plain.rule)
    assert plain.exposure is D
