"""Duplicate entries, set-up auto-replies, work on an AI tool, and hands-on places.

Clearing duplicate entries from a list or a system is a clean-up chore, whatever idiom opens
it, and an out-of-office or auto-reply is the standard message. Building a prompt library,
putting guardrails on an AI tool or checking an assistant's summary against its source is the
AI tooling and evaluation work the article says is growing, even when the tool writes ad copy
or proposals. A task done in a workshop, a pen or on a ward is hands-on, and a desk verb there
("copy", "update") does not make it data entry.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Weed the duplicate donor records out of the fundraising database",
        "Sweep the dupes out of the March mailing export",
        "Set an out of office auto-reply on the payroll inbox for Easter",
    ],
)
def test_duplicates_and_auto_replies_are_displacement(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


def test_why_duplicates_happen_is_not_the_clean_up_chore(fired):
    text = "Work out why the booking system creates duplicate orders at midnight"
    assert "duplicates-in-a-list" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Set up a shared prompt library in ChatGPT for the team's ad copy",
        "Check Gemini's summary of the new lease terms against the signed lease",
        "Set up prompt templates in the AI assistant for drafting sponsorship proposals",
    ],
)
def test_work_on_an_ai_tool_is_augmentation(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Copy the old shelf bracket's shape onto fresh plywood in the workshop",
        "Update the goats' ear tags while they're held in the pen",
        "Set the greenhouse benches out for the seedling trays",
    ],
)
def test_desk_verbs_in_a_hands_on_place_are_not_ready(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert not {"keying-in", "updating-a-field", "copying-into-systems"} & fired(text)


def test_a_hands_on_place_named_in_a_spreadsheet_task_stays_at_the_desk(rules):
    verdict = rules.classify("Enter the kennels' cleaning times into the rota spreadsheet")
    assert verdict.exposure is not N, (verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Set the broken wrist in a fresh cast in fracture clinic",
        "Walk Mrs Ode down the corridor to watch her gait after the hip op",
    ],
)
def test_setting_a_fracture_or_watching_a_gait_is_care(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Meet the surveyor on the quayside to look at the damaged crates",
        "Serve the walk-in customers at the counter while the tills are down",
        "Flag down the ambulance at the gate and bring the crew to the lab",
        "Light the barbecue for the sales team's summer party",
        "Swap the flat batteries in the radio mics before the panel starts",
    ],
)
def test_hands_on_or_in_person_work_with_no_desk_word_is_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


def test_sizing_a_walk_in_freezer_from_data_stays_at_the_desk(rules):
    verdict = rules.classify("Size the walk-in freezer for the new branch from the sales data")
    assert verdict.exposure is not N, (verdict.rule, verdict.why)
