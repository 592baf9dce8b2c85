"""Files, uploads, set checks and batches; proposals that are reworked rather than drafted.

A payment file prepared for upload, a spell-check run over every string, or expired codes
cleared in bulk apply one fixed rule to many like records: the structured work the article
counts as displaced. Reworking, tailoring or stress-testing a proposal is judgement, unlike
the first draft a template gives. Accepting personal accountability is the accountable call.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Prepare the supplier payment file for Friday's run", "files-and-uploads"),
        ("Get the timesheet export into the payroll upload format", "files-and-uploads"),
        ("Refresh the weekly data pulls for the cost pack", "files-and-uploads"),
        ("Run the spell-check on every product page before launch", "running-a-check"),
        ("Run the duplicate checker over the new contacts", "running-a-check"),
        ("Spot-check that every link in the handbook opens", "to-do-desk-check"),
        ("Verify that all 40 invoices carry a PO number", "to-do-desk-check"),
        ("Clear the expired discount codes in bulk", "in-batches"),
        ("Send the batch of renewal letters queued overnight", "in-batches"),
        ("Hide the sold-out colours on the shop pages", "in-batches"),
    ],
)
def test_fixed_rules_over_many_records_are_displaced(rules, fired, text, rule):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert rule in fired(text), (text, fired(text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # designing how uploads work, or reviewing their security, is not the routine
        ("Review the security settings of the portal's file upload with IT", "files-and-uploads"),
        ("Design an automated pipeline that builds the payment file", "files-and-uploads"),
        # a check done in person is a visit, not a script
        ("Run the fire safety check in person on every floor", "running-a-check"),
        # a brewer's or a kitchen's batch is hands-on
        ("Brew the next batch of the seasonal ale", "in-batches"),
    ],
)
def test_the_same_words_in_other_work_do_not_fire(fired, text, rule):
    assert rule not in fired(text), (text, fired(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tailor the services proposal to the client's three sites",
        "Rework the pricing proposal after the panel's feedback",
        "Play devil's advocate on the restructuring proposal before it goes to the board",
    ],
)
def test_reworking_a_proposal_is_not_a_first_draft(rules, fired, text):
    assert "proposals-and-grants" not in fired(text), text
    assert rules.classify(text).exposure is not D, text


def test_accepting_personal_accountability_is_not_ready(rules, fired):
    text = "Accept personal accountability for the filing as the named officer"
    verdict = rules.classify(text)
    assert verdict.exposure is N, (verdict.rule, verdict.why)
    assert "answering-for-it" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Check the nurses' PIN numbers against the public register",
        "Test that the new product pages load on mobile",
        "Check the supplier insurance certificates against their expiry dates",
    ],
)
def test_a_check_against_a_list_or_a_page_is_not_an_inspection(rules, fired, text):
    assert "inspection-in-person" not in fired(text), text
    assert rules.classify(text).exposure is not N, text


def test_examining_goods_on_the_shop_floor_is_still_an_inspection(fired):
    text = "Inspect the returned stock for damage before it goes back on sale"
    assert "inspection-in-person" in fired(text)
