"""Short, informal office tasks, as users type them, land on a sensible class and rule.

The rules were tuned on formal task statements; people type "Patch servers" or "Run weekly
standups". Each task here was written for this test (2-8 words, office and knowledge work across
functions). FIXED lists tasks that once fell to the fallback, got the wrong class, or were decided
by a rule whose reason plainly did not fit (food work for a Tableau dashboard, physical work for
closing the books); STILL_RIGHT lists tasks that already worked and must keep working.
"""

from __future__ import annotations

import pytest

from coach.models import Exposure
from coach.rules import RuleTable

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

# (task, expected class)
FIXED = [
    # engineering and IT
    ("Patch servers", A),
    ("Refactor the billing module", A),
    ("Deploy to production", A),
    ("Set up CI pipelines", A),
    ("Monitor uptime and respond to incidents", A),
    ("Set up monitoring alerts in Datadog", A),
    ("Push code to GitHub", A),
    ("Merge pull requests", A),
    ("Ship new features", A),
    ("Build landing pages in Webflow", A),
    ("Write a design spec", A),
    ("Configure the VPN", A),
    ("Manage user access in Okta", A),
    ("Set up new user accounts", A),
    ("Set up laptops for new hires", A),
    ("Patch laptops", A),
    ("Troubleshoot Wi-Fi issues", A),
    ("Rotate API keys", A),
    ("Fix printer jams", N),
    # data
    ("Build dashboards in Tableau", A),
    # support
    ("Reset user passwords", D),
    ("Close out support tickets", D),
    ("Update help center articles", D),
    # sales
    ("Update deals in Salesforce", D),
    ("Log calls in HubSpot", D),
    ("Pull reports from Salesforce", D),
    ("Meet clients for lunch", N),
    ("Take clients to dinner", N),
    ("Close deals with enterprise clients", N),
    # marketing: content and ad operations
    ("Schedule social media posts", D),
    ("Post on LinkedIn for the brand", D),
    ("Manage paid campaigns in Meta Ads", D),
    # finance
    ("Close the books at month end", A),
    # HR and people decisions
    ("Onboard new employees", N),
    ("Interview candidates", N),
    ("Write performance reviews", N),
    ("Post job openings", D),
    ("Run exit interviews", N),
    ("Mediate conflicts between employees", N),
    ("Deliver bad news to employees", N),
    ("Negotiate salaries with candidates", N),
    ("Set salaries for new hires", N),
    # product, design and research
    ("Groom the backlog in Jira", A),
    ("Clean up the backlog", A),
    ("Write PRDs", A),
    ("Track project milestones", A),
    ("Create wireframes for the app", A),
    ("Make slides for the board deck", A),
    ("Update the board deck", A),
    ("Run user interviews", A),
    ("Conduct usability tests", A),
    # managing a team: meetings and conversations
    ("Run weekly standups", N),
    ("Do one-on-ones with my reports", N),
    ("Give feedback to my reports", N),
    ("Check in with new hires", N),
    ("Host the weekly team sync", N),
    ("Run sprint retrospectives", N),
    ("Hold office hours for engineers", N),
    ("Run the team offsite", N),
    ("Run the quarterly business review", N),
    ("Set OKRs for the team", A),
    # executives
    ("Set company strategy", N),
    ("Present results to leadership", A),
    ("Pitch investors", N),
    ("Speak at industry conferences", N),
    # office admin
    ("Book travel for the team", D),
    ("Take meeting minutes", D),
    ("Process expense reports", D),
    ("Fill out compliance forms", D),
]

STILL_RIGHT = [
    # engineering and IT
    ("Fix bugs in the checkout flow", A),
    ("Review pull requests", A),
    ("Write unit tests", D),
    ("Migrate the database to Postgres", A),
    ("Build a REST API for orders", A),
    ("Upgrade Python dependencies", A),
    ("Run regression tests before release", D),
    ("Write release notes", D),
    ("Write SQL queries for reports", A),
    ("Fix broken links on the website", A),
    ("Install software on laptops", A),
    ("Image new laptops", A),
    ("Write the incident postmortem", D),
    ("Replace broken monitors", N),
    # data
    ("Update the weekly sales report", D),
    ("Analyze churn in Looker", A),
    ("Pull numbers for the monthly report", D),
    ("Build a forecast model in Python", A),
    ("Create charts in Power BI", A),
    ("Analyze survey results", A),
    # support
    ("Answer customer emails", D),
    ("Triage support tickets in Zendesk", D),
    ("Handle escalated complaints", A),
    ("Reply to chats on Intercom", D),
    ("Answer questions in Slack", D),
    ("Answer the front desk phone", D),
    # sales
    ("Send quotes to customers", D),
    ("Prepare the sales pipeline report", D),
    ("Build relationships with key accounts", N),
    ("Visit customers on site", N),
    # marketing
    ("Write blog posts", D),
    ("Draft the monthly newsletter", D),
    ("Write ad copy for Google Ads", D),
    ("Write SEO meta descriptions", D),
    ("Run Facebook ad campaigns", D),
    ("Design banners in Canva", A),
    ("Analyze campaign performance", A),
    ("Track campaign metrics in Google Analytics", A),
    ("A/B test email subject lines", A),
    ("Research competitors", A),
    ("Plan the product launch", A),
    ("Proofread marketing copy", D),
    # finance
    ("Reconcile bank accounts", A),
    ("Build the annual budget", A),
    ("Prepare the quarterly forecast", A),
    ("Forecast revenue for next quarter", A),
    ("Build financial models in Excel", A),
    ("Model cash flow in Excel", A),
    ("Prepare tax filings", A),
    ("Approve large expenses", N),
    # HR
    ("Decide who gets promoted", N),
    ("Write job descriptions", D),
    ("Answer benefits questions from staff", D),
    ("Fire underperforming staff", N),
    # legal
    ("Review NDAs", A),
    ("Redline vendor contracts", A),
    ("Draft contracts", A),
    ("Check policies for GDPR compliance", A),
    ("Represent the company in court", N),
    # product and design
    ("Write user stories", A),
    ("Prioritize the roadmap", A),
    ("Gather requirements from stakeholders", A),
    ("Set priorities for the sprint", A),
    ("Plan the sprint", A),
    ("Update the project status", D),
    ("Design mockups in Figma", A),
    ("Update the design system", A),
    ("Sketch logo ideas", A),
    # security
    ("Investigate phishing alerts", A),
    ("Review firewall rules", A),
    ("Run vulnerability scans", A),
    ("Respond to security incidents", A),
    # management and executives
    ("Mentor junior engineers", N),
    ("Mentor new managers", N),
    ("Hire for my team", N),
    ("Coach my team", N),
    ("Lead team meetings", N),
    ("Lead the hiring committee", N),
    ("Train the sales team on the product", N),
    ("Decide on layoffs", N),
    ("Approve the annual budget", N),
    ("Meet with the board", N),
    ("Define the product vision", N),
    ("Greet visitors at reception", N),
    # office admin
    # finding times on calendars is a scheduling chore assistants already do (displacement)
    ("Schedule meetings for the VP", D),
    ("Update vendor records", A),
    ("Coordinate with vendors", A),
    ("Answer emails", D),
    ("Write meeting notes", D),
    ("Summarize customer calls", D),
    ("Translate docs into Spanish", D),
    ("Draft talking points for the CEO", D),
]

# Office tasks whose class is open to argument (data entry and invoice checks land on finance
# analysis, augmentation): only their rule family is checked.
UNSETTLED = [
    "Clean up data in Excel",
    "Review vendor invoices",
    "Enter invoices into QuickBooks",
]

# Tasks above that really are hands-on, where a physical rule is the right reason.
HANDS_ON = {"Fix printer jams", "Replace broken monitors"}

# Rules about physical, food, transport, clinical, farm, stage or on-site work: none of them
# should decide an office task.
UNRELATED = {
    "physical-verbs",
    "physical-objects",
    "hands-on-upkeep",
    "food-and-hospitality",
    "cleaning-and-upkeep",
    "repairs-and-maintenance",
    "construction-and-trades",
    "agriculture-animals",
    "driving-transport",
    "performing-and-sport",
    "security-patrol",
    "inspection-in-person",
    "inspection-objects",
    "patient-care",
    "clinical-objects",
    "safety-critical-systems",
}

CASES = FIXED + STILL_RIGHT
OFFICE = [text for text, _ in CASES if text not in HANDS_ON] + UNSETTLED


def test_lists_have_no_repeats() -> None:
    texts = [text for text, _ in CASES] + UNSETTLED
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text for text, _ in CASES])
def test_short_task_class(rules: RuleTable, text: str, expected: Exposure) -> None:
    verdict = rules.classify(text)
    assert verdict.rule != "fallback", verdict.why
    assert verdict.exposure == expected, verdict.why


def test_unrelated_rules_exist(rules: RuleTable) -> None:
    assert not UNRELATED - {rule.id for rule in rules.rules}


@pytest.mark.parametrize("text", OFFICE)
def test_office_task_not_decided_by_unrelated_family(rules: RuleTable, text: str) -> None:
    verdict = rules.classify(text)
    assert verdict.rule not in UNRELATED, verdict.why
    assert verdict.rule != "fallback", verdict.why
