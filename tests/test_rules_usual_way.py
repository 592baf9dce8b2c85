"""Work done the usual way, chores named by their data, and the limits of both.

A desk chore says it is routine by how it is done ("the standard check", "same format as last
month", "one ticket per bug") or by what it moves (an export, a tab, a tracker); a single
finance or software noun beside it does not make it judgement work. Each case is worded for
this test (not taken from any labelled set).
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

CASES = [
    # done the usual way: repeatable, rules-based
    ("Run the standard sanctions check on the two new suppliers", D, "done-the-usual-way"),
    ("Send the payroll cut-off reminder in the usual format", D, None),
    ("Rebuild the churn table with the same thresholds as last month", D, None),
    ("Log one ticket per defect from the accessibility audit", D, "done-the-usual-way"),
    ("Copy the old asset list into the new register row by row", D, None),
    # ... but not when the usual way decides about people, money or safety
    ("Decide whether we keep the usual year-end bonus", N, None),
    ("Approve the standard discount for the Globex renewal", N, None),
    ("Check the AI's reconciliation of the escrow account line by line", A, None),
    # chores named by the data they move
    ("Save the payroll export to the finance folder", D, "chore-nouns"),
    ("Merge the four regional spreadsheets into one tab", D, None),
    ("Refresh the budget tracker with October actuals", D, None),
    # ... but designing what is exported is product or engineering work
    ("Write the PRD for the scheduled export feature", A, None),
    ("Build the Airflow job for the nightly export", A, None),
    # pasting into a sheet or deck is copying, wherever it comes in the to-do
    ("Grab the churn figures and paste them into the board deck", D, "paste-it-in"),
    ("Skim the supplier newsletters and paste the price changes into the sheet", D, None),
    ("Apply the porcelain paste to the crown and fire it", N, None),
    # checking links and pages still work is basic testing
    ("Check every link in the donor email before it goes out", D, "basic-testing"),
    # engineering in hands-on words
    ("Rehearse the database failover with the platform team", A, None),
    ("Rewire the alert routing for the payments on-call rota", A, None),
    # a physical word in a screen task, and a screen word beside a physical one
    ("Mock up the plant supervisors' shift view in Figma", A, None),
    ("Deploy the crash cart to the recovery bay", N, None),
    # a weekly chart or deck is recurring reporting, even beside sales or design nouns
    ("Refresh the weekly margin chart for the trading meeting", D, "recurring-report-words"),
    # handing a chore to an AI tool is displacement; choosing or governing AI tools is not
    ("Use the AI tool to sort the exit-survey answers into themes", D, "ai-does-the-chore"),
    ("Ask Claude to turn the stock-take counts into a table", D, "ai-does-the-chore"),
    ("Shortlist AI tools for contract review and set rules for their use", A, None),
    # 'deploy' is engineering on software and hands-on with things
    ("Deploy the barrier cones across the loading bay", N, None),
    ("Deploy the pricing service behind the feature flag", A, None),
    ("Add rollback steps to the deploy script", A, None),
    # this week's or last month's numbers are recurring reporting; explaining them is not
    ("Sort last month's card spend into the right cost codes", D, "recurring-report-words"),
    ("Explain the drivers behind this month's churn jump to the COO", A, None),
    # grounds, darkroom and shelter work is hands-on
    ("Mow the sports field before the open day", N, None),
    ("Clear the leaves out of the storm drains by the car park", N, None),
    # the same step for every item is a rules-based chore ...
    ("Flag every supplier invoice older than 90 days", D, None),
    ("Tag the exit-survey comments by theme", D, None),
    ("Post the warehouse lead opening to Indeed and the job boards", D, None),
    # ... but not building what runs on every commit
    ("Set up the CI job so tests run on every commit", A, None),
    # hands-on care and teaching at the board stay human
    ("Check the range of motion in Sam's shoulder after the session", N, None),
    ("Teach fractions to Year 4 at the whiteboard", N, None),
    # putting a reminder on autopilot is automating a chore, not flying a plane
    ("Put the expenses reminder on autopilot in Slack", D, None),
    ("Abort or go on the pharmacy app launch after the pen test?", N, None),
    # a longer lead-in before a colon is a label too: the verb after it counts
    ("Get ahead of the spring appeal: draft four posts for the donors", D, None),
    ("Clean slate for the billing migration: write the cutover plan", A, None),
    # a threshold set in advance makes a clean-up rules-based
    ("Archive the shared-drive folders untouched for two years", D, None),
    ("Close the support tickets older than 14 days with no reply", D, None),
    # software words on physical things
    ("Debug the rattle in the boiler room extractor fan", N, None),
    ("Patch the cracked tile by the lift", N, None),
    # casual calls on people and money stay human
    ("Keep or drop the travel insurance add-on?", N, None),
    ("Keep the night bus route open or close it?", N, "final-say"),
    ("Gut call on which team loses funding next year", N, None),
    ("Work out whether to let the night manager go", N, "final-say"),
    ("Sink or swim call on the pilot store this quarter", N, "final-say"),
    ("Recommend to the board whether to take the buyout offer", N, None),
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("text", "exposure", "rule"), CASES)
def test_usual_way_and_data_chores(rules, text, exposure, rule):
    verdict = rules.classify(text)
    assert verdict.exposure == exposure, (text, verdict.rule, verdict.why)
    if rule is not None:
        assert verdict.rule == rule, (text, verdict.rule)
