"""Reordering at a set stock level, owning a result in person, and office idioms that borrow a
workshop word.

Reordering when a count drops below a set level is a rule run on structured data. Giving
evidence, countersigning a decision or standing up to own a failure is accountability; an
awkward talk about someone's conduct, bargaining with the union rep and sitting at a bedside
happen between people. Office idioms (the midnight oil, a quick win, pumping up a figure) and
desk objects that share a word with a machine or a clinic (a rules engine, a patient intake
form, a penetration test) are desk work.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Reorder printer toner in the purchasing portal when stock drops below 10",
        "Order more cable ties once the bin count falls below the par level",
    ],
)
def test_reordering_at_a_set_level_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "reorder-at-a-level" in fired(text)


def test_reordering_without_a_level_is_not_read_as_a_threshold_rule(fired):
    assert "reorder-at-a-level" not in fired("Reorder the slides so the pricing comes first")


@pytest.mark.parametrize(
    "text",
    [
        "Give evidence at the employment tribunal about the dismissal",
        "Countersign the expulsion letter as the duty head",
        "Stand up at the partners' meeting and own the mistake on the Hale audit",
        "Have the awkward talk with the night supervisor about her conduct",
        "Cross swords with the union reps over Sunday overtime",
        "Sit with Mr Osei at his bedside and read his post aloud to him",
    ],
)
def test_accountability_and_people_in_the_room_are_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Burn the midnight oil on the variance commentary for the board pack", A),
        ("Build a rules engine that prices the monthly contracts automatically", A),
        ("Redesign the patient intake form for the new reception tablets", A),
        ("Go through the payroll vendor's penetration test report", A),
        ("Build a clash-checker in Excel for double room bookings", A),
        ("Write detection logic for the new refund-fraud pattern", A),
        ("Reply to the Google reviews about slow delivery with the approved wording", D),
    ],
)
def test_desk_work_with_a_borrowed_word_lands_at_the_desk(rules, text, expected):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, (text, verdict.rule, verdict.why)
