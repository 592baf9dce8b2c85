"""Plain-language calls, specs and daily chores: how a worker types them, and their limits.

A worker asks a decision as a question ("do we ...", "whether we ...", "ok to ..."): that is a
call a person is accountable for, whatever it is about. Writing a spec, an epic or guidelines
is product, design or security work, not a first draft. A daily report or an aging report is
recurring reporting, and work done "per the" guide or policy has its guardrails written down.
Each case is worded for this test (not taken from any labelled set).
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

CASES = [
    # a decision asked as a question stays with a person
    ("Do we renew the Initech contract or let it lapse?", N, "final-say"),
    ("Work out whether we can afford a second office next year", N, "final-say"),
    ("Tell Ana if we go ahead with the price rise", N, "final-say"),
    ("Ok to approve the new agency retainer?", N, "final-say"),
    ("Which two pilots get cut from the spring budget?", N, "final-say"),
    ("Agree our final number before the auction, we are near walk-away", N, "final-say"),
    # ... but checking whether figures match is a check, not a call
    ("Check whether the totals in the payroll export match the ledger", D, None),
    # specs, epics and guidelines are product, design or security work
    ("Write the requirements for the billing revamp with the product lead", A, None),
    ("Draft the epics for the mobile checkout", A, None),
    ("Write the security guidelines for vendor laptops", A, None),
    # ... while a first draft of ordinary copy is still a first draft
    ("Write the first draft of the holiday newsletter", D, "everyday-content"),
    # daily and aging reports are recurring reporting
    ("Send the daily sign-ups count to the growth channel", D, "recurring-report-words"),
    ("Refresh the AR aging report before the Monday call", D, None),
    # ... but designing a daily screen is design, and daily meals are cooked by hand
    ("Mock up the daily summary screen in Figma", A, None),
    ("Prepare daily meals for the residents", N, None),
    # compiling a weekly or monthly list is recurring reporting, not record-keeping
    ("Compile the monthly overtime list for the plant managers", D, "recurring-report-words"),
    # game, data and network tools make a hands-on verb desk work
    ("Cut the draw calls in the boss arena until it holds 60 fps", A, None),
    ("Rig the new creature's jaw in Maya", A, None),
    ("Tighten the firewall rules on the warehouse scanners' VLAN", A, None),
    # ... and filing down an edge is shop work, not filing
    ("File down the sharp edges on the bracket before painting", N, "construction-and-trades"),
    # with nothing else to go on, a list, a macro or an email sequence is a desk chore
    ("Sort out the bounced addresses on the alumni list", D, "desk-chore-words"),
    ("Swap the signature in the out-of-office macros", D, "desk-chore-words"),
    # ... but not a prompt template or an agent, and any stronger rule still decides
    ("Version the prompt templates for the intake bot", A, None),
    ("Decide whether the promo list goes to the press", N, None),
    # a newsletter "deployed" is a send; a service deployed is engineering
    ("Deploy the monthly newsletter to the customer mailing list", D, None),
    ("Deploy the new auth service to staging", A, "engineering-verbs"),
    # a smoke or regression pass is basic testing
    ("Smoke pass on the checkout flow before the release", D, "test-artifacts"),
    # done per the written guide or policy
    ("Close the duplicate tickets per the triage guide", D, "by-the-template"),
    ("Archive the 2022 contracts per the retention policy", D, "by-the-template"),
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("text", "exposure", "rule"), CASES)
def test_plain_calls_specs_and_daily_chores(rules, text, exposure, rule):
    verdict = rules.classify(text)
    assert verdict.exposure == exposure, (text, verdict.rule, verdict.why)
    if rule is not None:
        assert verdict.rule == rule, (text, verdict.rule)
