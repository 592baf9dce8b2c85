"""Security questionnaires, tests written with a fix, and checks written for a system.

Answering a client's security questionnaire means knowing our own controls. Unit tests added
while fixing a bug, or a chaos test plan for a failover, are engineering, and so are the
data-quality checks written for a merge job.
"""

import pytest

from coach.models import Exposure
from coach.rules import load_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def fired(rules, text):
    return {match.rule.id for match in rules.matches(text)}


@pytest.mark.parametrize(
    ("text", "quiet"),
    [
        (
            "Answer the prospect's vendor security questionnaire on our encryption",
            "tier1-support",
        ),
        ("Fix the login bug and add unit tests for the edge cases", "test-artifacts"),
        ("Design the chaos test plan for the database failover", "test-artifacts"),
        ("Write data-quality checks for the customer merge job", "writing-verbs"),
    ],
)
def test_skilled_writing_is_not_read_as_a_routine_draft(rules, text, quiet):
    assert quiet not in fired(rules, text), (text, fired(rules, text))
    verdict = rules.classify(text)
    assert verdict.exposure is A, (text, verdict.rule, verdict.why)


@pytest.mark.parametrize(
    "text",
    [
        "Write test cases for the new invoice upload screen",
        "Answer tier-1 chats about delivery times using the FAQ",
    ],
)
def test_the_routine_versions_stay_displaced(rules, text):
    verdict = rules.classify(text)
    assert verdict.exposure is D, (text, verdict.rule, verdict.why)
