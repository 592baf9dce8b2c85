"""Drawing sets and film edits, verbs only hands can do, and settling it across the table.

An architect's drawing set, a door schedule or a section detail, and grading, cutting or
narrating a film or a training video, are screen work, whatever the building or the film
shows: the physical and safety rules stand aside. A to-do that opens with a verb only hands can
do (caulk, swab, invigilate) is hands-on. Sitting down with someone who is worried, agreeing a
figure across the desk, or getting two parties in a room to settle a dispute is relationship
work done live.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Mark up the window schedule on the drawing set for the school extension",
        "Detail the roof parapet for the warehouse conversion",
        "Grade the factory safety training video to the client's LUT",
        "Write the narration for the forklift induction film",
    ],
)
def test_drawings_and_film_edits_are_screen_work(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
    assert not fired(text) & {"physical-objects", "physical-verbs", "safety-critical-systems"}


@pytest.mark.parametrize(
    "text",
    [
        "Caulk the gaps around the new office windows",
        "Swab the bench and the pipettes before the next run",
        "Invigilate the mock exams in the sports hall on Monday",
    ],
)
def test_a_verb_only_hands_can_do_is_hands_on(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "hands-on-by-its-verb" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sit down with Priya, who is worried about the new rota",
        "Agree the final trade-in figure with the buyer across the desk",
        "Get the two suppliers in a room to settle the delivery dispute",
    ],
)
def test_settling_it_in_person_stays_human(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Quarantine the duplicate supplier records flagged by the dedupe report",
        "Cancel the duplicate standing orders flagged in the billing export",
        "Resize and watermark the product photos for the spring catalogue",
    ],
)
def test_clearing_duplicates_and_resizing_are_chores(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Cut the 60-second radio spot down to a 30 for the podcast feed",
        "Turn the tour manager's notes into a technical rider for the venues",
        "Lay out the approval pathway options for the new device with pros and cons",
        "Build a notebook that ranks branches by revenue per visit",
        "Whip up a Streamlit prototype of the candidate-matching dashboard",
    ],
)
def test_office_work_with_a_workshop_verb_is_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
