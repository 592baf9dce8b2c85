"""A named person with no desk word, checks against a written spec, animals, and tagging each
item with its code.

A to-do about Mrs Someone with no screen or document in it is time with that person; the
same name beside a draft, a letter or an email is desk work. Checking each item meets a stated
spec, and tagging each order with its code, are guardrailed chores. Animals are handled where
they are, but a snake case variable or an early-bird price is not an animal.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Sit with Mrs Adeyemi through her first afternoon back",
        "Go over the exercises again with Mr Baptiste before he leaves",
    ],
)
def test_time_with_a_named_person_is_not_ready(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "a-named-person" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Email Mr Dorsey the updated pension statement",
        "Draft the reference letter for Mrs Kowalski",
        "Book Dr Imran's room for the MS Teams call",
    ],
)
def test_a_named_person_beside_desk_work_is_not_the_person_rule(fired, text):
    assert "a-named-person" not in fired(text)


def test_disaster_recovery_is_not_a_doctor(fired):
    assert "a-named-person" not in fired("Run the DR test on the payroll servers")


@pytest.mark.parametrize(
    "text",
    [
        "Check every product photo meets the 1000px size spec",
        "Tick through the print checklist for each flyer before it goes out",
        "Tag each purchase order with the correct cost centre",
    ],
)
def test_checks_against_a_written_spec_and_tagging_are_displacement(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


def test_checking_wiring_meets_the_spec_is_not_a_desk_check(fired):
    assert "checking-against-a-spec" not in fired("Check the new wiring meets the spec")


@pytest.mark.parametrize(
    "text",
    [
        "Weigh the goats and trim their hooves",
        "Move the tortoises into the warm room for winter",
        "Hand-feed the orphaned lambs every four hours",
    ],
)
def test_handling_animals_is_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Rename the payroll columns to snake case",
        "Set the early bird price for the spring conference",
    ],
)
def test_animal_words_in_desk_terms_are_not_animals(fired, text):
    assert "agriculture-animals" not in fired(text)
