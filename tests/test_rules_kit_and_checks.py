"""Checking what an AI drafted, fixing a physical fault, ordering through a portal, and kit
with a desk word in its name.

Reading over a model's draft, translation or summary before it goes out is the evaluation
work the article counts among the growing roles. Debugging or patching a leak, a hole or a
motor is a trade's work, not code. Ordering goods through a supplier's portal follows the
contract's rules however physical the goods, while a paper jam in the finance office printer
or the data cables under a desk still need hands. Office idioms that borrow a workshop or a
game say nothing of hands-on work.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Edit the AI first draft of the donor letter to sound like us",
        "Check the machine-translated French help pages before they publish",
        "Review Copilot's summary of the board minutes for anything it got wrong",
        "Measure the hours saved by the meeting summariser this quarter",
        "Set up a test harness that checks the quote bot against past orders",
    ],
)
def test_checking_what_ai_produced_is_evaluation(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert "ai-evaluation-and-governance" in fired(text)


def test_standing_behind_an_ai_draft_stays_the_accountable_call(fired):
    text = "Stand before the panel and defend the decision the AI draft recommended"
    assert "ai-evaluation-and-governance" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Debug the leaking tap in the staff kitchen with the plumber",
        "Patch the hole in the meeting room wall before Friday",
        "Debug the squeaking lift motor with the building crew",
    ],
)
def test_a_physical_fault_is_not_engineering(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "engineering-verbs" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reorder printer paper through the Staples portal when stock runs low",
        "Order ten replacement hard hats through the safety supplier's site",
        "Buy the new chairs off the frame agreement at contract price",
    ],
)
def test_ordering_through_a_portal_is_the_contract_routine(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "catalogue-orders" in fired(text)


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        ("Onboard 150 new SKUs into the store from the supplier CSV", D),
        ("Post the daily sign-up count in the #growth Slack channel", D),
    ],
)
def test_loading_items_or_posting_numbers_is_data_entry(rules, fired, text, exposure):
    verdict = rules.classify(text)
    assert verdict.exposure is exposure, (text, verdict.rule, verdict.why)
    assert "copying-into-systems" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clear the paper jam in the payroll office printer",
        "Tidy the data cables behind the reception desk",
        "Swap the data logger batteries in the sample fridge",
    ],
)
def test_kit_with_a_desk_word_in_its_name_is_hands_on(rules, fired, text):
    names = fired(text)
    assert not names & {"data-and-records", "finance-analysis", "record-keeping"}, (text, names)
    assert rules.classify(text).exposure is not A, text


@pytest.mark.parametrize(
    "text",
    [
        "Support the lead actor in the wings during the second act",
        "Hang the new posters in the bus shelters on the high street",
    ],
)
def test_backstage_and_street_places_are_not_desks(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Turn up the heat on the overdue audit actions and give each an owner",
        "Dark horse idea: price the bundle annually and compare take-up",
    ],
)
def test_office_idioms_borrowing_physical_words_are_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Open the post and date-stamp the signed forms",
        "Print, stuff and hand-mail the returned statements",
        "Print, tab and bind the three hearing binders",
    ],
)
def test_paper_mail_and_binders_are_handled_by_hand(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "office-hands-on" in fired(text)


def test_a_scripted_greeting_is_not_in_person_selling(fired):
    text = "Greet new newsletter sign-ups with the canned welcome message"
    assert "in-person-sales" not in fired(text)


def test_tightening_the_joins_between_services_is_not_hands_on(fired):
    text = "Tighten the joins between the billing and refund services"
    assert "physical-verbs" not in fired(text)
