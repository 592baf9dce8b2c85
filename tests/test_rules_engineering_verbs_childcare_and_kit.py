"""Engineering verbs need something software to act on; childcare and workshop kit are hands-on.

Debugging, deploying, patching and hardening are software engineering only beside code, a
service, a job, a flow or a system: crews deploy nets and fenders, technicians debug kilns and
patch canvas. Comforting a toddler, putting babies down for a nap and circle time are care in
the room. Kilns, crucibles, gangways, hoses and chainsaws are kit handled where it is.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Debug the nightly job that drops half the payroll rows",
        "Patch the vulnerable plugin on the members' website",
        "Harden the admin accounts on the booking system with MFA",
        "Deploy the new pricing service behind a feature flag",
    ],
)
def test_engineering_verbs_on_software_are_augmentation(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)
    assert "engineering-verbs" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Deploy the gangway and fenders before the ferry docks",
        "Debug the glaze kiln: swap the blown thermocouple",
        "Patch the torn awning over the market stall",
    ],
)
def test_engineering_verbs_on_kit_are_not_engineering(rules, fired, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
    assert "engineering-verbs" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Comfort the toddlers at drop off when they miss their parents",
        "Put the babies down for their nap and do the sleep checks",
        "Lead circle time with the pre-school group",
        "Sharpen the chainsaw chain before Saturday's tree work",
        "Coil the hoses and stow them at the end of the shift",
    ],
)
def test_childcare_and_kit_are_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Mop up the unanswered app store reviews with the approved reply templates",
        "Walk down the aged debtors list and send the overdue letter to each",
        "Splint the broken mail merge by pointing it at the new columns",
    ],
)
def test_office_chores_in_a_hands_on_verb_are_not_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)
