"""Sourcing and costing kit at a desk, marking records in a system, and owning a miss.

Comparing suppliers' quotes, costing a fit-out or reviewing a sourcing choice is buying done
at a desk, whatever the goods: the physical-object rule stands aside. Marking, indexing or
transcribing records is a chore on structured data, and posting payments to tenant or patient
accounts is keying. Committing to a target and owning any miss, or taking the hit and
apologising in person, is accountability that stays with a person. Presenting or covering
something live, compering an event and clearing a jam by hand stay human; software that goes
live, live data and writing a live show's running order do not count as presence.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Build a cost comparison of three forklift suppliers for the ops director",
        "Cost out the new cold-store fit-out for the finance committee",
        "Collect alternate-supplier quotes for the pallet racking before the renewal",
    ],
)
def test_sourcing_and_costing_kit_is_desk_work(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
    assert "physical-objects" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mark this week's settled supplier invoices as paid in Xero",
        "Index the scanned delivery notes to the right purchase order",
        "Transcribe the voicemail messages from the weekend into the log",
        "Post the 40 rent payments from the lockbox to tenant accounts",
    ],
)
def test_marking_indexing_and_posting_are_chores(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Commit the new sales target to the board and own any miss",
        "Take the hit for the double-booking and personally apologise to the couple",
    ],
)
def test_owning_a_miss_stays_human(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "answering-for-it" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Present the breakfast show live from the county fair",
        "Cover the council vote live for the lunchtime bulletin",
        "MC the staff awards night at the hotel",
        "Clear the jam in the returns chute before the doors open",
    ],
)
def test_live_presence_and_hands_on_fixes_stay_human(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Check the new pricing page after it goes live",
        "Pull the live data from the bookings dashboard into the weekly sheet",
        "Write the running order for Friday's live show",
    ],
)
def test_going_live_and_live_data_are_not_presence(fired, text):
    assert "done-live" not in fired(text)
