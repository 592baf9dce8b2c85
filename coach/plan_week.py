"""The plan's "Your week" table: each task's class with a short why, each reason said once.

Several tasks of a week are often decided by the same rule, and the rule's reason is a whole
sentence. The table shows what made the verdict (the words the rule matched, or the attributes
the worker marked) and the number of its reason; the reasons follow the table, once each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.models import AssessedTask, Assessment

_RULE_MARK = " (rule "
NO_MATCH = "no rule matched its wording"
MARKED = "what you marked"


@dataclass(frozen=True)
class WeekRow:
    """One row of the table: the task and verdict, what decided it and its reason's number."""

    at: AssessedTask
    cue: str
    """What decided the verdict, in a few words: "'answer'" or "what you marked"."""
    reason: int
    """The reason's number in `Week.reasons`, from 1."""


@dataclass(frozen=True)
class Week:
    rows: list[WeekRow]
    reasons: list[str]


def verdict_cue(why: str) -> str:
    """The start of a verdict's why, without the rule's name: "Matched 'answer' (rule x): ..."
    gives "'answer'", "Marked repetitive, structured data (rule y): ..." gives MARKED (the
    reason names the attributes); a why of another shape (the fallback guess) gives NO_MATCH."""
    lead, mark, _ = why.partition(_RULE_MARK)
    if not mark:
        return NO_MATCH
    if lead.startswith("Matched "):
        return lead.removeprefix("Matched ").strip()
    # An attribute rule's reason already names the attributes: "Repetitive work on ...".
    return MARKED


def week_table(assessment: Assessment) -> Week:
    """The rows in the assessment's order, and each distinct reason once, in order of use."""
    reasons: list[str] = []
    rows = []
    for at in assessment.tasks:
        reason = " ".join(at.verdict.reason.split())
        if reason not in reasons:
            reasons.append(reason)
        rows.append(WeekRow(at, verdict_cue(at.verdict.why), reasons.index(reason) + 1))
    return Week(rows, reasons)
