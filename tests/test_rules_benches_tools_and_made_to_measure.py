"""Bench and chairside work, named office software, work made for one client, and bargaining
written as a sport.

Wet-lab bench work (cells, gels, plates) and work in a patient's mouth are done by hand, so
they stay not ready; ordering or logging the same things is desk work. A to-do that names a
payroll, school-office, clinic-desk or legal system is done at a screen, whatever physical
word rides along. Writing something custom or tailored for one client is skilled work, not a
first draft. Squaring up to a union or a landlord over terms, or closing a deal over lunch,
is face-to-face relationship work however the idiom dresses it.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Split the HEK cell cultures into fresh flasks before Friday",
        "Pour and load the agarose gel for this morning's PCR run",
        "Pick colonies from the overnight petri dishes at the bench",
        "Hand the dentist instruments chairside during the afternoon fillings",
        "Polish the temporary veneer before the patient leaves",
    ],
)
def test_bench_and_chairside_work_is_hands_on(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "at-the-bench-or-chair" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reorder pipette tips when the lab inventory sheet runs low",
        "Log the incubator temperatures into the tracking spreadsheet",
        "Write the SOP for thawing cell lines for new starters",
    ],
)
def test_ordering_logging_or_writing_up_bench_work_is_desk_work(fired, text):
    assert "at-the-bench-or-chair" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Log the forklift certificates for each driver in BambooHR",
        "Enter the field trip permission slips for each pupil in PowerSchool",
        "Add the kitchen equipment invoices to Xero under the right account",
        "Update the boiler inspection dates for each site in Procore",
    ],
)
def test_a_named_office_system_means_screen_work(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Draft custom answers for the hospital group's due-diligence questions",
        "Write a tailored renewal pitch for the three-site dental chain",
        "Prepare bespoke onboarding notes for the firm's largest client",
        "Answer the trickiest questions from the auditors on the lease accounting",
    ],
)
def test_work_made_for_one_client_is_augmentation(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert "made-to-measure" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fill in the standard custom-field template for each new account",
        "Carve the custom oak shelving for the reception by hand",
    ],
)
def test_templates_and_handiwork_are_not_made_to_measure(fired, text):
    assert "made-to-measure" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Break the impasse with the caretakers' union over weekend rates",
        "Go toe to toe with the landlord's agent on the service charge",
        "Close the sponsorship with the brewery's owner over lunch on Friday",
    ],
)
def test_bargaining_and_deals_in_the_room_stay_human(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Write the brief for the overtime talks so the director walks in prepared",
        "Book a table for the lunch with the sponsor on Friday",
    ],
)
def test_preparing_for_the_room_is_desk_work(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
