"""Design software with a workshop verb, putting things onto shelves, and calls about whether a
place is safe.

Cutting pattern pieces in CLO 3D or lighting a game scene is screen work, and a load test of a
food-ordering backend is software testing: the hands-on rules stand aside. Filing samples back
onto rails or uploading rolls onto shelves is shelving, not data entry. Signing off that a
room is safe to reopen after an accident is a safety call a person makes.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Cut the sleeve pattern pieces digitally in CLO 3D for the sample",
        "Load-test the takeaway ordering backend before the bank holiday",
        "Prepare the variation claim narrative for the delayed drainage works",
        "Frame the business case for moving repairs scheduling to the new system",
    ],
)
def test_desk_work_with_a_workshop_word_is_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "File the returned jackets back onto the rails in the stockroom",
        "Upload the boxes of leaflets onto the top shelves",
        "Paste filler into the cracks by the back door",
    ],
)
def test_putting_things_onto_shelves_is_not_data_entry(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "keying-in" not in fired(text)


def test_saying_a_room_is_safe_to_reopen_is_not_ready(rules):
    verdict = rules.classify("Sign off that the print room is safe to reopen after the fire")
    assert verdict.exposure is N, (verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Reorder nitrile gloves when the par report shows them low",
        "Check each grant application against the eligibility rules",
        "Sort last week's complaints by cause code into the monthly report",
    ],
)
def test_chores_by_a_written_rule_are_displacement(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
