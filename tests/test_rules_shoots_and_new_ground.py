"""Shoots on location, kit faults in the field, and work nobody has a method for yet.

A product shoot in a studio or a house photographed room by room needs someone behind the
camera. "Deploy" or "debug" said of staff, a conveyor or a patch bay is not software work.
A method, scheme or approach that nobody offers yet is the novel work the article keeps
human, whatever desk verb introduces it.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Shoot the spring shoe range in the studio on Thursday",
        "Photograph the storm damage in every room of the rental",
        "Film the chef's demo on location at the market",
    ],
)
def test_a_shoot_on_the_spot_needs_a_person(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "at-the-shoot" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Edit the photos from the studio session for the web shop",
        "Plan the shot list for next week's studio day",
        "Model the cash flow for next year",
    ],
)
def test_desk_work_around_a_shoot_is_not_the_shoot(fired, text):
    assert "at-the-shoot" not in fired(text), text


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        # (nothing else in the table reads this one, so only the engineering rule is checked)
        ("Deploy the event staff across the hall and cover their breaks", None),
        ("Debug the jammed conveyor in the parcel room", N),
        ("Debug the faulty HDMI patch bay with a multimeter", N),
        ("Deploy to the depot and supervise the night loading", N),
    ],
)
def test_deploying_people_or_fixing_kit_is_not_engineering(rules, fired, text, exposure):
    assert "engineering-verbs" not in fired(text), text
    if exposure is not None:
        assert rules.classify(text).exposure is exposure, text


def test_deploying_code_is_still_engineering(rules, fired):
    text = "Deploy the new checkout service to production"
    assert "engineering-verbs" in fired(text)
    assert rules.classify(text).exposure is A


@pytest.mark.parametrize(
    "text",
    [
        "Research a new way to spot fake reviews with no labelled examples",
        "Work out a pricing model no insurer offers yet",
        "Chart an approval route for a first-in-class device with no guidance yet",
    ],
)
def test_work_with_no_method_yet_is_not_ready(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "untried-territory" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mount the new AI check-in kiosk on the reception wall",
        "Carry the spare server to the comms closet and rack it",
        "Stuff the goody bags for Saturday's open day",
        "Hang the acoustic panels in the recording booth",
    ],
)
def test_putting_a_thing_in_place_is_hands_on_even_when_it_is_ai_kit(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "putting-things-in-place" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Swap the display ads on the homepage for the winter set",
        "Plan where to hang the new wall art in the lobby",
    ],
)
def test_screens_and_plans_are_not_putting_things_in_place(fired, text):
    assert "putting-things-in-place" not in fired(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Sit down with both team leads and settle the rota row",
        "Broker a deal between the two shops fighting over the shared van",
        "Calm the friction between the two site managers in person",
    ],
)
def test_settling_it_between_people_is_not_ready(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "settling-it-between-people" in fired(text)


def test_a_mediation_job_in_billing_software_is_not_a_mediation(fired):
    text = "Debug the mediation job that drops call records overnight"
    assert "settling-it-between-people" not in fired(text)
