"""Bargaining over one named deal, care words on a person or an animal, and desk chores that
borrow a workshop or a farm verb.

Negotiating a named contract's price with the other side's rep is the live bargaining itself,
however many contract and price words ride along: the legal and finance rules stand aside.
Filing a patient's nails or an animal's claws is care, not records. Grooming a backlog or
resetting candidates' portal passwords is desk work; rotating ad creatives for a packing job
is ad ops, and routine refunds under set rules are the standard version.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Negotiate the linen supply contract renewal price with their account rep",
        "Drop the gloves: negotiate the 10% fee cut with the agency's procurement lead",
    ],
)
def test_negotiating_one_named_deal_is_live_bargaining(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "live-bargaining" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "File Mr. Ahmed's fingernails after his bath",
        "File the rabbit's overgrown claws before it goes home",
    ],
)
def test_filing_nails_or_claws_is_care(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "record-keeping" not in fired(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Groom the sprint backlog for the rota app and write acceptance criteria", A),
        ("Reset candidate portal passwords for the tickets in the helpdesk queue", D),
        ("List candidates whose right-to-work documents expire this month", D),
        ("Rotate the ad creatives for the warehouse packing campaign on Facebook", D),
        ("Push routine cancelled-flight refunds through under the automatic rules", D),
    ],
)
def test_desk_chores_with_a_borrowed_word_are_not_hands_on(rules, text, expected):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, (text, verdict.rule, verdict.why)
