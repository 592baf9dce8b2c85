"""Grooming, butchery and boat-yard work, counting records, and tests in a sandbox.

Scissoring a poodle, breaking down a carcass or rebuilding a winch is done by hand. Counting
how many requests are overdue or tallying sign-ups is arithmetic on records, not a stock
count. Checking that a pay rule works on sample employees in a sandbox is a scripted test,
not an inspection in person, and setting up a pay-rule configuration is desk work.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Hand-scissor the poodle's topknot before pickup",
        "Break down the side of beef into primals for the weekend",
        "Rebuild the anchor winch and grease the pawls",
        "Lunge the new mare in the arena to see how she moves",
    ],
)
def test_grooming_butchery_and_boat_work_are_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Count how many refund requests are past 30 days and post the number",
        "Tally this week's newsletter sign ups by source",
    ],
)
def test_counting_records_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "counting-records" in fired(text)


def test_counting_cash_is_not_counting_records(fired):
    assert "counting-records" not in fired("Count the cash in the tills at close")


@pytest.mark.parametrize(
    "text",
    [
        "Test the new overtime rule on five sample employees in the sandbox company",
        "Set up the pay-rule configuration for the night-shift enhancements",
    ],
)
def test_sandbox_tests_and_pay_rules_are_desk_work(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
