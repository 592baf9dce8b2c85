"""Checks that log what fails, matching IDs across lists, the standard version of a thing,
access and permissions, specifying kit, and owning the decision.

A check that ends by logging or flagging whatever fails, and pairing one list's IDs or codes
with another's, are rules-based work on structured data: displacement. Sending or running the
standard version of something follows a set pattern, but setting or judging a standard does
not. Locking down who has access is security work, which the article keeps in augmentation.
Specifying kit for a tender is desk work whatever the kit. Being the named person who owns a
decision, or testifying at a deposition, stays human. Sorting records by a set field or with a
lookup table, and sending a canned reply, are displacement; a desk verb on a paw or a wound is
still hands-on care.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Run the link checker over the help centre and log any dead pages",
        "Go through the supplier statements and flag any over 60 days",
        "Scan the export for blank postcodes and count how many need a fix",
    ],
)
def test_a_check_that_logs_what_fails_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "listing-what-fails" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Review the lease and flag any risky clauses for the partner",
        "Test whether the new chatbot misreads refund rules and log the misses in the eval",
    ],
)
def test_judging_or_evaluating_is_not_a_listing_chore(fired, text):
    assert "listing-what-fails" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Match the carrier's invoice lines to our shipment numbers",
        "Marry the refund IDs in the bank file to the original orders",
        "Map the old cost-centre codes to the new ones in the upload sheet",
    ],
)
def test_pairing_up_ids_and_codes_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "pairing-up-records" in fired(text)


def test_mapping_fields_for_a_migration_is_not_a_pairing_chore(fired):
    assert "pairing-up-records" not in fired("Map the data fields for the CRM migration")


@pytest.mark.parametrize(
    "text",
    [
        "Send the standard welcome pack to this week's new tenants",
        "Resize the banner into the four standard ad formats",
    ],
)
def test_the_standard_version_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "the-standard-one" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Set the new standard for how we score supplier bids",
        "Redline the vendor's paper against our standard positions",
        "Request the site radios, following standard procedures",
    ],
)
def test_setting_or_measuring_against_a_standard_is_not_the_standard_one(fired, text):
    assert "the-standard-one" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Audit who has access to the finance shared drive after the reorg of folders",
        "Lock down admin permissions on the new booking platform",
        "Patch the gaps in shared drive permissions found in last week's access review",
    ],
)
def test_access_and_permissions_work_is_security(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert "security-work" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Specify the fire alarm panels for the warehouse RFP",
        "Spec the ventilation for the new server room in the tender",
    ],
)
def test_specifying_kit_for_a_tender_is_desk_work(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert not fired(text) & {"physical-objects", "safety-critical-systems"}


@pytest.mark.parametrize(
    "text",
    [
        "Own the decision on whether to pull the product before the fix lands",
        "Act as the named responsible person for the customs audit",
        "Testify at the contract deposition on Thursday",
    ],
)
def test_owning_the_decision_stays_human(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Sort the supplier credit notes by account code for the ledger clerk",
        "Split last week's returns by reason and paste the counts into the tracker",
        "Code the incident forms by category using the lookup table",
    ],
)
def test_cutting_records_by_a_set_field_is_displacement(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
    assert "cut-by-a-field" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Break the churn numbers down by region and write up what it shows",
        "Build a dashboard of refund times by rep for the supervisors",
    ],
)
def test_analysing_or_building_a_split_is_not_a_sorting_chore(fired, text):
    assert "cut-by-a-field" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Close the stale chat tickets with the canned goodbye message",
        "Answer the parking questions from new members with the canned reply",
    ],
)
def test_canned_replies_are_displacement(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Update the dressing on the terrier's front paw",
        "Pull the stitches from the cat's spay wound",
    ],
)
def test_desk_verbs_on_an_animal_or_a_body_stay_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
