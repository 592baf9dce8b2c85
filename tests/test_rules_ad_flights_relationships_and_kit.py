"""Ad flights, keeping a client, kit that shares a software verb, and desk work that borrows a
workshop verb.

An ad campaign's flight dates, frequency caps and insertion orders are ad ops, not aviation
safety. Taking a client out to keep their account or mending fences after a row is the
relationship itself. Deploying crash mats or debugging a noisy mixer is hands-on. Setting
guardrails on a bot, pressure-testing a pricing model or setting up membership tiers is desk
work, and no physical verb should claim it with high confidence.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Set the flight dates and frequency caps for the spring campaign in the ad server",
        "Pace the banner impressions against the insertion order for March",
    ],
)
def test_ad_flights_are_ad_ops_not_safety(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "safety-critical-systems" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Take the Hollis family out to lunch to keep their account",
        "Mend fences with the landlord after last month's rent row",
        "Perform the kitten's neuter first thing tomorrow",
        "Hem the new curtains for the staff room",
        "Deploy the crash mats before the trampoline class starts",
    ],
)
def test_relationships_care_and_kit_are_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Set guardrails on what the FAQ bot may answer without a review",
        "Pressure-test the pricing model before the board meeting",
        "Set up the membership tiers and pricing in the donor system",
        "Coach the designers on using Midjourney safely for mood boards",
    ],
)
def test_desk_work_with_a_workshop_verb_is_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Crop the product photos to 800 square for the shop listings",
        "Reorder shrink wrap in the ERP when the min-max alert fires",
        "Run the smoke tests on the support chatbot after the release",
        "Screen inbound partnership requests against the intake checklist",
    ],
)
def test_chores_by_a_set_rule_are_displacement(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
