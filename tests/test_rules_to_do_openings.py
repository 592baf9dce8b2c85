"""Twelfth-round rules (issue #12): a to-do's opening verb on one named thing.

A worker's to-do usually reads "verb the thing ..." ("send the", "build the", "walk the"), and
then the verb says what kind of work it is more plainly than the nouns after it. Three rules
read that opening (`to-do-desk-chore`, `to-do-skilled-desk`, `to-do-in-person-or-accountable`);
their vetoes hand the task back to the word rules where it says more (a weekly report, everyday
content, a person met in person, a screen). Every task is written for this test, in the
project's words; the class is the one a reader of the article would give.
"""

from __future__ import annotations

import pytest

from coach.models import Exposure, Task

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY
OPENING_RULES = {"to-do-desk-chore", "to-do-skilled-desk", "to-do-in-person-or-accountable"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # structured data handed on with the steps already set
        ("Compile the overtime hours for the Leeds depot into the payroll sheet", D),
        ("Populate the renewal dates for the Kent accounts from the contract list", D),
        ("Produce the order-count chart for tomorrow's huddle", D),
        ("Match the supplier credit notes to the original purchase orders", D),
        ("Fill in the visa sponsorship form for Arjun from his passport details", D),
        ("Generate the renewal reminders for the accounts due in March", D),
        ("Schedule the product launch posts for next Tuesday", D),
        # skilled desk work on one named thing
        ("Write the migration plan for moving billing off the old ERP", A),
        ("Build the cohort retention model for the board pack", A),
        ("Review the vendor's data processing addendum for gaps", A),
        ("Spec the warehouse scanner requirements for the RFP", A),
        ("Evaluate the three fraud-scoring vendors against our false-positive data", A),
        ("Investigate the jump in refund rates since the pricing change", A),
        # a person in the room, or a person answering for it
        ("Carry the spare monitors down to the loading bay", N),
        ("Meet the landlord at the Bristol office to walk the damage", N),
        ("Walk the fire marshal round the new floor", N),
        ("Sign the supplier contract on behalf of the company", N),
        ("Approve the redundancy list before it goes to HR", N),
        ("Host the retiring director's leaving lunch", N),
        ("Own the failed launch with the board", N),
        ("Hand out the new ID badges at reception", N),
        ("Interview the shortlisted candidates for the site manager post", N),
    ],
)
def test_the_opening_verb_decides_a_plain_to_do(rules, text, expected):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, verdict.why
    assert verdict.rule in OPENING_RULES, verdict.why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # everyday content and recurring reports stay first drafts and routine reporting
        ("Write the weekly newsletter for the sales floor", D),
        ("Write the sales playbook for new reps", D),
        ("Build the weekly pipeline report from the CRM export", D),
        # in person, the skilled-desk reading stands aside for the presence rules
        ("Review the trust deed with Mr Patel in person", N),
        # walking someone through a tool or options is explaining, not walking
        ("Walk the finance team through the new expense tool", A),
        # "pull the plug" is a figure of speech for a decision, not a data pull
        ("Pull the plug on the loyalty pilot", N),
    ],
)
def test_where_the_task_says_more_the_word_rules_decide(rules, text, expected):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, verdict.why
    assert verdict.rule not in OPENING_RULES, verdict.why


@pytest.mark.parametrize(
    "text",
    [
        "Own the release train for the mobile app",
        "Lead the design review for the new dashboard",
        "Walk the client through the renewal options",
    ],
)
def test_openings_on_screens_or_explanations_are_desk_work(rules, text):
    """Owning or leading screen work is desk work, and walking a client through options is
    explaining them: neither needs a person in the room."""
    verdict = rules.classify(text)
    assert verdict.rule not in OPENING_RULES, verdict.why
    assert verdict.exposure is A, verdict.why


def test_judging_a_students_needs_is_not_a_vendor_evaluation(rules):
    verdict = rules.classify("Evaluate the reading needs of each student before term")
    assert verdict.rule != "to-do-skilled-desk", verdict.why


def test_only_the_opening_counts_not_the_same_words_later(rules):
    """ "send the" in the middle of a task is not the task's opening verb."""
    verdict = rules.classify("Ask finance whether to send the refund before Friday")
    assert verdict.rule != "to-do-desk-chore", verdict.why


@pytest.mark.parametrize("flag", ["safety_critical", "high_stakes", "novel", "ambiguous"])
def test_a_worker_flag_outweighs_any_stack_of_word_rules(rules, flag):
    """Word rules can stack up (this task fires several displacement rules at once), but a task
    the worker marks safety-critical, high-stakes, novel or ambiguous stays human."""
    text = "Export the open matters list from Aderant into Excel for the weekly report"
    assert rules.classify(text).exposure is D
    verdict = rules.classify(Task(text=text, **{flag: True}))
    assert verdict.exposure is N, verdict.why
    assert verdict.rule == f"attr-{flag.replace('_', '-')}", verdict.why


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # paper, boxes and stock put away by hand
        ("File the signed paper leases in the fire cabinet on floor 2", N, "filing-by-hand"),
        ("Box up the old board minutes and shelve them in the basement archive room", N, None),
        ("File the expense report in Concur", D, None),
        # counting what is physically there, not what a report says
        ("Count the cash in the café till before close", N, None),
        ("Count the boxed printer cartridges on the stockroom shelves", N, None),
        # flags against a stated line are rules applied to data; an unusual item needs judgement
        (
            "Flag the purchase orders over 5,000 pounds with no approver",
            D,
            "flagging-by-a-threshold",
        ),
        ("Flag supplier certificates that expire before June", D, "flagging-by-a-threshold"),
        ("Flag anything unusual in the vendor payments for the auditor", A, None),
        # a figure from a given table is arithmetic; whether a change pays off is analysis
        (
            "Calculate the holiday pay for the four leavers using the accrual table",
            D,
            "calculating-by-the-table",
        ),
        ("Calculate the late fees on overdue rent per the lease fee schedule", D, None),
        ("Calculate whether a four-day week would cut our overtime bill", A, None),
        ("Work out a fee schedule for the new consulting line", A, None),
        # scripted checks are basic testing
        ("Run the regression script on the booking site after the release", D, "basic-testing"),
        ("Run the address validator on the new supplier file", D, "basic-testing"),
        # handing out, chaperoning and standing at a door need a person there
        ("Hand out the raffle prizes at the staff party", N, "to-do-in-person-or-accountable"),
        ("Chaperone the work-experience students round the depot", N, None),
        ("Stand at the entrance with the visitor badges during the open day", N, None),
        # "non-standard" says the text is not a standard one
        ("Draft the non-standard services agreement for the Leeds client", A, None),
        # trips and meetings a person makes
        ("Drive the spare laptops out to the Swindon depot", N, "taking-things-somewhere"),
        ("Drop the signed deeds off at Mr Hale's house", N, "taking-things-somewhere"),
        ("Take the cash bag to the branch counter before noon", N, "taking-things-somewhere"),
        ("Move the old filing cabinets to the new annex", N, None),
        # moving records between folders is data work, whatever the verb
        ("Move the closed accounts to the archive folder in SharePoint", D, None),
        ("Sit down with the Hendersons to go through the will", N, None),
        ("Stand before the planning committee and defend the scheme", N, None),
        ("Take the meeting with the fire inspector on Friday", N, None),
    ],
)
def test_hands_on_work_trips_flags_and_tables(rules, text, expected, rule):
    verdict = rules.classify(text)
    assert verdict.exposure is expected, verdict.why
    if rule is not None:
        assert verdict.rule == rule, verdict.why
