"""Desk work that a hands-on rule used to claim at 0.9 or more, and bench work on bikes, kit
and animals.

Mixing a chorus in a DAW, setting up automated backups or viewing roles, and overhauling a
style guide are desk work: the hands-on rules stand aside and must not claim them with high
confidence. Truing a wheel, repacking hub bearings, aerating a lawn and muzzling a dog are
done by hand.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.mark.parametrize(
    "text",
    [
        "Mix the second verse against the client's reference track",
        "Set up automated backups for the project drives with weekly restore checks",
        "Set up roles so tutors only see their own class registers",
        "Overhaul the shop's tone of voice guidelines",
        "Prune the dependency tree and upgrade the vulnerable npm packages",
        "Tune the triage prompt and check 40 of its outputs by hand",
    ],
)
def test_desk_work_is_not_claimed_as_hands_on(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is not N, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "True the front wheel and replace two snapped spokes",
        "Repack the hub bearings on the old touring bike",
        "Aerate the lawn at the Lister Road house",
        "Fit the muzzle on the nervous collie before the exam",
        "Bleed the brake line on the cargo bike",
    ],
)
def test_bench_and_yard_work_is_not_ready(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is N, (text, verdict.rule, verdict.why)
