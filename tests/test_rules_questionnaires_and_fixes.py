"""Security questionnaires, tests written with a fix, and checks written for a system.

Answering a client's security questionnaire means knowing our own controls. Unit tests added
while fixing a bug, or a chaos test plan for a failover, are engineering, and so are the
data-quality checks written for a merge job.
"""

import pytest

from coach.models import Exposure

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


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
def test_skilled_writing_is_not_read_as_a_routine_draft(rules, fired, text, quiet):
    assert quiet not in fired(text), (text, fired(text))
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


@pytest.mark.parametrize(
    "text",
    [
        "Run a lunch-and-learn for the finance team on using Copilot for month-end reports",
        "Run a workshop for recruiters on using ChatGPT to write job ads",
        "Run a session on prompting the AI meeting summariser safely",
    ],
)
def test_a_session_on_using_ai_is_teaching_not_a_chore(rules, fired, text):
    names = fired(text)
    assert "ai-multiplier" in names, (text, names)
    assert not names & {"ai-does-the-chore", "routine-reporting"}, (text, names)
    assert rules.classify(text).exposure is A, text


def test_running_the_ai_on_a_chore_is_still_the_chore(rules):
    text = "Run Copilot over the weekly cost reports and paste the summary"
    assert rules.classify(text).exposure is D
