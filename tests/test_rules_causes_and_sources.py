"""Working out why, bargaining with one party, and work filled in from a given source.

A to-do that asks why something happened has no set answer: whatever nouns it names (a roof,
a clinic, a warehouse), the work is analysis, augmentation in the article. Telling someone
why, from a script, is not. Negotiating with one named party is the live bargaining itself,
while a job description's standing duty to bargain with suppliers is work AI helps prepare.
Building or filling something from an export, a sheet or an approved list has its answer
fixed by the source: structured work the article counts as displaced. Desk tools with
physical-sounding names (a booking engine, an admin panel) are screens, not machines.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Find out why the loading dock overtime doubled in May",
        "Dig into why patients at the east clinic cancel more often",
        "Work out why the roof repair invoices run over estimate",
        "Root-cause the failed overnight stock sync",
        "Figure out what went wrong with the spring mailing's response rate",
    ],
)
def test_asking_why_is_analysis_whatever_the_nouns(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert "working-out-why" in fired(text)


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        # telling a caller why, from a script, is the tier-1 answer the article displaces
        ("Answer the 'why was my parcel late' emails with the standard reply", D),
        # explaining why in person, or going to look, needs someone there
        ("Explain in person to the tenant why the repair was delayed", N),
        ("Visit the depot to see why scanners keep failing", N),
    ],
)
def test_telling_or_going_to_see_why_is_not_the_analysis(rules, fired, text, exposure):
    verdict = rules.classify(text)
    assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    assert "working-out-why" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Negotiate payment terms with the caterer's owner",
        "Negotiate face to face with the regulator on the final label wording",
        "Bargain with the union rep over weekend cover",
    ],
)
def test_bargaining_with_one_party_needs_a_person(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "bargaining-with-someone" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        # a job description's standing duty, written about whole groups of parties
        "Negotiate prices and delivery terms with suppliers.",
        # preparing the talk is desk work AI helps with
        "Prepare talking points to negotiate with the landlord",
        "Email the agency to negotiate a later start date",
    ],
)
def test_bargaining_as_a_duty_or_in_writing_is_not_the_live_rule(fired, text):
    assert "bargaining-with-someone" not in fired(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Build the weekly returns chart from the warehouse export",
        "Load next season's prices into the shop from the approved sheet",
        "Refresh the staff rota page from the approved sheet",
        "Fill in the grant tracker from last month's award letters",
    ],
)
def test_filled_in_from_a_given_source_is_displaced(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "from-a-given-source" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        # taking a thing from a place is an errand
        "Collect the signed lease from the tenant's house",
        "Carry the spare monitors from the store room to the front desk",
        # learning from the data, or starting from nothing, is not copying it
        "Pull lessons from the last three launches for the retro",
        "Find the trends from the survey export",
        "Build the onboarding plan from scratch",
    ],
)
def test_not_every_from_is_a_copy(fired, text):
    assert "from-a-given-source" not in fired(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Set up role-based access for the new contractors",
        "Move the expired promo codes to archived in the booking engine",
        "Turn off the holiday banner in the admin panel",
        "Set up 301 redirects for the retired product pages",
    ],
)
def test_desk_tools_with_physical_names_are_screens(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
    assert "physical-verbs" not in fired(text), text


def test_a_chatbot_contract_is_still_bargained_over_live(rules, fired):
    # "chat" as the channel stands the bargaining rules aside; a chatbot as the thing bought
    # does not
    text = "Negotiate the renewal terms for the support chatbot licence"
    verdict = rules.classify(text)
    assert verdict.exposure is N, (verdict.rule, verdict.why)
    assert "live-bargaining" in fired(text)
    assert "live-bargaining" not in fired("Negotiate the refund terms over chat")


@pytest.mark.parametrize(
    "text",
    [
        "Represent us at the boundary dispute mediation with the neighbours",
        "Send the signed originals to the buyer's solicitor by recorded delivery",
    ],
)
def test_being_there_or_posting_originals_is_not_desk_review(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


def test_built_straight_from_a_lookup_is_the_lookup_s_answer(rules, fired):
    text = "Map the new product types to our categories from the lookup table"
    assert "to-do-skilled-desk" not in fired(text)
    assert rules.classify(text).exposure is D
