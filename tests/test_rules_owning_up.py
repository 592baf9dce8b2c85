"""Presence, accountability, untried work and strategy outweigh the AI words in a task.

A task that mentions an AI tool is not AI work when the task itself says it is done in
person, that the worker answers for the outcome, that nobody has done it before, or that it
sets a direction ("Where AI is truly replacing work: not ready for prime time"; "own scarce
assets"). The rules that read these say so in words a worker uses, and stand aside where
the task only arranges the meeting or where the words mean something else.
"""

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY
PRESENT, OWNS, ANSWERS = "said-to-be-in-person", "answering-for-it", "answering-to-someone"
NEW = "untried-territory"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


CASES = [
    # said to be done in person, face to face or on site, whatever AI the task names
    ("Tell the franchise owner in person why the AI rota tool cut her hours", N, PRESENT),
    ("Go through the AI-drafted settlement terms face to face with the claimant", N, PRESENT),
    ("Check the server room on site for the overheating the AI monitor flagged", N, PRESENT),
    ("Walk the car park on foot and note the bays the camera misses", N, PRESENT),
    # arranging the meeting, or a web metric, is not being there
    ("Book the room for the in person onboarding day", None, None),
    ("Log the face to face visits from the reps' calendars into the CRM", D, None),
    ("Chart time on site and bounce rate for the landing pages", None, None),
    # answering for the outcome
    ("Take responsibility for the chatbot's wrong delivery dates with the customer", N, OWNS),
    ("Put my name to the AI-generated valuation before it goes to the lender", N, OWNS),
    ("Accept personal liability as the named officer for the data register", N, OWNS),
    ("Own up to the client that the automated export sent the wrong figures", N, OWNS),
    ("Answer to the trustees for the overspend on the AI pilot", N, ANSWERS),
    ("Answer for the late payroll at the staff meeting", N, ANSWERS),
    # "answer" as a noun, or answering a question, is not answering for something
    ("Draft the standard answer to the common parking permit question", D, None),
    ("Answer the routine questions about opening hours in the chat queue", D, None),
    # untried work, in everyday words
    ("Prototype a brand-new way to price subscriptions for the AI add-on", N, NEW),
    ("Research from scratch whether the AI forecaster could run our staffing", N, NEW),
    ("Invent a premium model for the new product line with no historical data", N, NEW),
    # setting the AI strategy or stance is strategy; building the AI tool stays tooling
    ("Set the charity's three-year AI strategy with the trustees", N, "setting-strategy"),
    ("Set the firm's stance on AI in client work with the partners", N, "setting-strategy"),
    ("Set up the AI assistant's prompt templates for the help desk", A, None),
]


@pytest.mark.parametrize(("text", "exposure", "rule"), CASES)
def test_presence_accountability_and_untried_work(rules, text, exposure, rule):
    verdict = rules.classify(text)
    if exposure is not None:
        assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    if rule is not None:
        assert verdict.rule == rule, (text, verdict.rule)
    else:
        assert verdict.rule not in {PRESENT, OWNS, ANSWERS}, (text, verdict.rule)


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        # a supplier's quotes compared and recommended on is procurement judgement
        ("Compare the three cleaning contract quotes and write up a recommendation", A),
        ("Build a HubSpot approval flow for discounts over ten percent", A),
        # keeping the quotes and the pipeline current stays sales operations
        ("Update the close dates on the stale opportunities in the CRM", D),
        ("Send the standard price quotation to the three inbound leads", D),
    ],
)
def test_quotes_compared_or_automated_are_not_sales_ops(rules, text, exposure):
    verdict = rules.classify(text)
    assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Redline the reseller agreement against our standard positions",
        "Check the licence's liability clauses against our standard terms and list the gaps",
        "Write the tender answers that aren't covered by the answer library",
    ],
)
def test_measuring_against_our_standard_is_judgement(rules, text):
    """Holding a contract up to our standard positions is the legal review the article keeps
    in augmentation, and the answers a library does not cover are the new ones."""
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert verdict.rule != "by-the-template"


def test_heavier_than_the_ai_rules(rules):
    """The presence and accountability rules are meant to outweigh the AI-tooling and
    AI-governance rules; the table says so in their weights."""
    weight = {rule.id: rule.weight for rule in rules.rules}
    for strong in (PRESENT, OWNS, ANSWERS):
        assert weight[strong] > weight["ai-and-tooling-ops"]
        assert weight[strong] > weight["ai-evaluation-and-governance"]


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        # a task set where people are, that no other rule reads
        ("Give the thank-you toast at the retirement party on Friday", N),
        ("Stand in for the director at the press briefing on Monday", N),
        ("Sit with the family at their home while they sign the papers", N),
        # preparing for it, or writing it up, is desk work
        ("Draft the talking points for the press briefing on the branch closures", None),
        ("Book the ballroom and send the invites for the retirement party", None),
    ],
)
def test_a_task_set_at_a_venue(rules, text, exposure):
    verdict = rules.classify(text)
    if exposure is not None:
        assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    else:
        assert verdict.rule != "at-a-venue", (text, verdict.rule)
        assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        ("Decide whether the AI assistant may send refunds without review", N),
        ("Pick which two regional offices to close next year", N),
        ("Make the final call on the discount for the renewal", N),
        # a choice the rules already make is a routine
        ("Decide which of the standard letters to send based on each account's status", None),
    ],
)
def test_making_the_call_and_being_there(rules, text, exposure):
    verdict = rules.classify(text)
    if exposure is not None:
        assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    else:
        assert verdict.rule != "making-the-call", (text, verdict.rule)


@pytest.mark.parametrize(
    "text",
    [
        "Draft the reply to the ombudsman's letter for legal sign-off",
        "Write the capex request for the new warehouse scanners",
        "Compare the three couriers' rates and recommend whether to switch",
        "Tidy the merger agreement after the partners' comments",
    ],
)
def test_material_for_someone_elses_call_is_not_the_call(rules, text):
    """Preparing the case, the draft or the recommendation for a decision someone else signs
    off is skilled desk work; the sign-off itself stays with that person."""
    verdict = rules.classify(text)
    assert verdict.rule != "final-say", (text, verdict.rule, verdict.why)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
