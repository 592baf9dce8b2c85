"""A to-do written as a yes-or-no question is a call to make; a request or a "why" is not.
And the other short forms of an office to-do: a summary, a digest or a recap is displacement.

The table names a task's closing question mark as the word "?" (`asked-as-a-question`, a
not-ready rule of modest weight): stronger wording still decides. Each case is worded for this
test.
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rule_engine import Matcher
from coach.rules import RuleSpec, load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

CASES = [
    # a yes-or-no question about an action is a decision
    ("Drop the Hendricks account?", N, "asked-as-a-question"),
    ("Move the launch to after the holidays?", N, "asked-as-a-question"),
    ("Keep paying for the second analytics vendor?  ", N, "asked-as-a-question"),
    # a request put as a question is still the chore it asks for
    ("Can you reformat this table for me?", D, "formatting-chores"),
    ("Could you update the weekly sign-ups report?", D, None),
    # an open "why" is analysis, and stronger wording decides as before
    ("Why did the nightly sync drop records?", A, None),
    ("Update the churn dashboard?", D, "routine-reporting"),
    # ... and asking for a status or a fact is not a call
    ("What's the status of the Q3 audit?", A, None),
    # a question mark inside the task, or only punctuation, is not a question task
    ("Update the churn dashboard (which one?) for finance", D, "routine-reporting"),
    ("???", A, "fallback"),
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("text", "exposure", "rule"), CASES)
def test_questions(rules, text, exposure, rule):
    verdict = rules.classify(text)
    assert verdict.exposure == exposure, (text, verdict.rule, verdict.why)
    if rule is not None:
        assert verdict.rule == rule, (text, verdict.rule)


def test_the_why_shows_the_question_mark(rules):
    verdict = rules.classify("Drop the Hendricks account?")
    assert verdict.why.startswith("Matched '?' (rule asked-as-a-question)")


def test_a_pattern_may_be_a_lone_question_mark_only():
    spec = dict(exposure="not-ready", section="a section", reason="a reason, long enough", weight=1)
    RuleSpec(id="q", objects=["?"], **spec)
    for bad in ("a?", "?*", "what?"):
        with pytest.raises(ValueError, match="bad pattern"):
            RuleSpec(id="q", objects=[bad], **spec)


def test_the_question_word_is_matched_only_at_the_end():
    rule = RuleSpec(
        id="q",
        exposure="not-ready",
        section="a section",
        reason="a reason, long enough",
        objects=["?"],
    )
    matcher = Matcher([rule])
    assert matcher.scan("Drop it?")[0] == 1
    assert matcher.scan("Drop it? Later.")[0] == 0
    assert matcher.scan("?")[0] == 0  # no words: nothing asked


@pytest.mark.parametrize(
    ("text", "exposure"),
    [
        ("Summary of the supplier call for the buying team", D),
        ("Weekly digest of the top support themes", D),
        ("Recap of the board meeting for the staff newsletter", D),
        # ... but a root-cause write-up is engineering, and a model's output is evaluation work
        ("Summary of why the nightly import failed, with the root cause", A),
    ],
)
def test_a_summary_digest_or_recap_is_displacement(rules, text, exposure):
    assert rules.classify(text).exposure == exposure, rules.classify(text).why


@pytest.mark.parametrize(
    ("text", "chore"),
    [
        ("Generate the donation receipts for December", True),
        ("Tag the new help articles by product area", True),
        ("Resend the rate sheet to the three agencies", True),
        # ... the same verbs on a thing, or on code, are not desk chores
        ("Tag the calves before turnout", False),
        ("Paste the wallpaper in the lobby", False),
        ("Merge the feature branch after review", False),
        ("List the risks of moving payroll to the new vendor", False),  # judgement, not a chore
    ],
)
def test_plain_chore_verbs_need_an_office_object(rules, text, chore):
    verdict = rules.classify(text)
    assert (verdict.exposure is D) is chore, verdict.why
