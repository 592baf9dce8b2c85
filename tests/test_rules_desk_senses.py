"""Hands-on words used in a desk sense, and desk checks that open a to-do.

A data table is not a dining table, "tighten the logic" is not a wrench, and "check that the
pages load" is the basic testing the article puts in displacement. A seat at the bargaining
table, on the other hand, is being there.
"""

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY
HANDS_ON = {"physical-verbs", "physical-objects", "food-and-hospitality", "inspection-in-person"}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(
    "text",
    [
        # a table of figures
        "Copy the shipping surcharge table into the new price file",
        "Add a scenario table to the store opening model",
        "Sort the customer survey comments into the themes table",
        # a hands-on verb or object in a figure of speech about desk work
        "Tighten the logic of the churn model before the review",
        "Set the alert thresholds for the refund queue",
        "Lay out the workstreams and owners for the CRM rollout",
        "Sweep the codebase for hard-coded tax rates",
        "Dig through the app telemetry to find where sign-ups drop",
        "Mix the podcast intro in Pro Tools",
        "Size the standby generators in the design doc for the two depots",
    ],
)
def test_desk_senses_are_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.rule not in HANDS_ON, (text, verdict.rule, verdict.why)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Sit at the bargaining table with the union on the night-shift rota",
        "Collect the wet signatures at the closing table",
        # the hands-on senses stay hands-on
        "Wipe down the tables in the staff canteen after the lunch event",
        "Tighten the loose bolts on the loading bay door",
    ],
)
def test_being_there_and_real_hands_on_work_stay_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Check that the new invoice template prints the right VAT number",
        "Test that the booking page shows the holiday opening hours",
        "Check every promo code in the newsletter against the offer sheet",
        "Check each new starter's bank details against the signed form",
    ],
)
def test_a_desk_check_that_opens_the_to_do_is_basic_testing(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


def test_checking_a_physical_thing_on_site_stays_not_ready(rules):
    verdict = rules.classify("Check every fire door on the third floor closes on its own")
    assert verdict.exposure is N, (verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Set up the CI pipeline so the checks run on every pull request",
        "Build a Power Automate flow that moves signed leases into the shared drive",
        "Pair with the finance team to write a Python tool for their daily cash check",
        "Write a KQL query that finds the failed sign-ins from new countries",
        "Refactor the old invoice import job and add tests",
    ],
)
def test_building_in_an_engineers_tools_is_engineering(rules, text):
    """Engineering is augmentation in the article: the tools named decide it even where the
    task also mentions a routine check, a form or a flow it automates."""
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Proof the machine-translated help pages against the approved glossary",
        "Outline the launch trailer script with the brand lead",
        "Benchmark two OCR tools on our scanned delivery notes",
        "Tabulate the boiler service expiry dates for the housing stock",
    ],
)
def test_a_machine_or_a_trailer_named_in_desk_work_is_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.rule != "physical-objects", (text, verdict.rule, verdict.why)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
