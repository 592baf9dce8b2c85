"""Matching the books, updating a field, bargaining live and working a stand.

Finance nouns alone read as analysis, and a record's subject (forklift licences, clinic hours,
a relationship manager) can pull a rule of its own. When the to-do opens by matching,
tallying or coding the figures, or by updating given values, the verb says what the work is:
the structured data work the article puts in displacement. A price or a settlement agreed
across the table, or a trade-show stand staffed all weekend, needs a person there.
"""

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(
    ("text", "exposure", "rule"),
    [
        # matching the books
        (
            "Match the card payouts to the ledger lines and list the leftovers",
            D,
            "matching-the-books",
        ),
        (
            "Tally the overtime totals by cost centre from the payroll export",
            D,
            "matching-the-books",
        ),
        ("Code the month's supplier invoices to GL accounts", D, "matching-the-books"),
        ("Spot-check twenty invoices against the agreed rate card", D, "matching-the-books"),
        # working out why the numbers differ is still analysis
        ("Match the payment gaps to a cause and explain why margins fell", A, None),
        # updating given values
        ("Update the forklift licence expiry dates in the training tracker", D, "updating-a-field"),
        (
            "Update the opening hours for the four clinics on the booking site",
            D,
            "updating-a-field",
        ),
        ("Bulk-update the region codes for the accounts moved to the north team", D, None),
        ("Apply the agreed 10% discount table to the renewal quotes", D, "updating-a-field"),
        # a deck, a policy or a forecast brought up to date is not a field
        ("Update the board deck", A, None),
        ("Update the remote working policy after the staff survey", None, None),
        ("Update the cash forecast for the new payment terms", A, None),
        # walking the building to update the log is not keeping a record at a desk
        ("Update the key register by walking each floor and trying the doors", None, None),
    ],
)
def test_the_opening_verb_says_the_work(rules, text, exposure, rule):
    verdict = rules.classify(text)
    if exposure is not None:
        assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    fired = {match.rule.id for match in rules.matches(text)}
    if rule is not None:
        assert rule in fired, (text, fired)
    elif exposure is not D:
        assert not fired & {"matching-the-books", "updating-a-field"}, (text, fired)


@pytest.mark.parametrize(
    "text",
    [
        "Agree the final price with the buyer's finance director on Friday",
        "Lead the renegotiation of the catering contract with the supplier",
        "Staff the booth at the careers fair on Saturday",
        "Set up the stand at the regional trade show",
        "Deliver the keynote at the members' conference",
        "Tear down the exhibition stand after the show",
    ],
)
def test_live_bargaining_and_working_a_stand_need_a_person(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


def test_preparing_for_the_negotiation_stays_augmentation(rules):
    verdict = rules.classify("Prepare the briefing for the price negotiation with the landlord")
    assert verdict.exposure is A, (verdict.rule, verdict.why)


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        ("Work the phone queue for routine opening-hours questions", D),
        ("Clear the backlog of address-change requests in the member portal", D),
        ("Burn down the backlog of unmatched delivery notes in the ERP", D),
        # a product backlog is prioritised, and a queue's failures are diagnosed: judgement
        ("Prioritise the product backlog for the next two sprints", A),
        ("Work out why the refund queue keeps timing out", A),
    ],
)
def test_working_through_a_queue_of_like_requests(rules, text, exposure):
    verdict = rules.classify(text)
    assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
