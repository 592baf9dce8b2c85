"""Figures of speech borrow a hands-on word for desk work; the literal step stays hands-on.

The table's `figures-of-speech` list vetoes the rules that read hands-on, kitchen, clinic,
sports or field words as physical work. Each case is worded for this test. The controls use
the same borrowed words in their literal sense, and must stay not-ready.
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rules import load_rules

N = Exposure.NOT_READY

FIGURES = [
    "Pick the low-hanging fruit in the bug backlog",
    "Food for thought memo on merging the two help centres",
    "Replace the band-aid fix in the import job with real error handling",
    "Half-baked onboarding survey: rewrite the questions",
    "Fish out the unpaid invoices older than sixty days",
    "Drum up a list of prospects from the webinar sign-ups",
    "Deep dive into why trial signups dipped in March",
    "Lay of the land memo on the three CRM vendors",
    "Give the release checklist a surgical fix for the new steps",
]

LITERAL = [
    "Harvest the tomatoes in the north field",
    "Trim the fat from the brisket before smoking",
    "Test the waters of the cooling pond for algae",
    "Bake the bread for the lunch service",
]

HANDS_ON_RULES = {
    "physical-verbs", "physical-objects", "food-and-hospitality", "repairs-and-maintenance",
    "hands-on-upkeep", "agriculture-animals", "clinical-objects", "construction-and-trades",
}  # fmt: skip


@pytest.fixture(scope="module")
def table():
    return load_rules()


@pytest.mark.parametrize("text", FIGURES)
def test_a_figure_of_speech_is_not_hands_on_work(table, text):
    fired = {match.rule.id for match in table.matches(text)}
    assert not fired & HANDS_ON_RULES, f"{text!r}: {sorted(fired & HANDS_ON_RULES)}"
    assert table.classify(text).exposure is not N


@pytest.mark.parametrize("text", LITERAL)
def test_the_literal_step_stays_hands_on(table, text):
    assert table.classify(text).exposure is N


def test_every_figure_is_listed_once(table):
    import tomllib

    from coach.rules import default_rules_path

    figures = tomllib.loads(default_rules_path().read_text("utf-8"))["lists"]["figures-of-speech"]
    assert len(figures) == len(set(figures))
    # a figure that is also a trade's literal step is left out (see the list's comment)
    for literal in ("trim the fat", "test the waters", "nail down", "game plan", "heavy lifting"):
        assert literal not in figures


@pytest.mark.parametrize(
    ("text", "hands_on"),
    [
        ("Swap the toner in the third-floor printer", True),
        ("Unjam the label printer in the mail room", True),
        ("Laminate the fire exit maps for each floor", True),
        ("Walk the new starter round the warehouse floor", True),
        ("Walk the finance team through the new expense tool", False),
        ("Walk the client through the renewal options", False),
        ("Walk the auditor to the archive room", True),
        ("Reload the cache after the deploy", False),
        ("Swap the hero image on the pricing page", False),
        ("Shoot a quick email to the vendor about the late invoice", False),
        ("Wipe the test accounts from the staging CRM", False),
    ],
)
def test_plain_hands_on_verbs_read_their_object(table, text, hands_on):
    """Swapping, unjamming or laminating a thing is hands-on; the same verb on a page, an
    email or a system is desk work."""
    assert (table.classify(text).exposure is N) is hands_on


def test_fixing_a_formula_is_spreadsheet_work_not_tidying(table):
    """Tidying verbs take office files as objects, but a workbook's formulas are its logic."""
    verdict = table.classify("Fix the broken formulas in the budget workbook")
    assert verdict.exposure is Exposure.AUGMENTATION, verdict.why
    assert table.classify("Fix the broken dates in the budget workbook").exposure is (
        Exposure.DISPLACEMENT
    )
