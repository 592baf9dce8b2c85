"""Contrasting profiles for the plan and export tests, built inline (no role catalog needed)."""

from __future__ import annotations

from coach.models import Profile, ProfileFile, Task

SUPPORT_AGENT = ProfileFile(
    profile=Profile(
        role="Tier-1 support agent",
        function="Customer support",
        level="individual",
        money_link="unknown",
        ai_use="never",
        teaches_ai=False,
        assets_owned=[],
    ),
    tasks=[
        Task(text="Answer customer questions by chat and email", hours_per_week=18),
        Task(text="Respond to password reset requests", hours_per_week=6, repetitive=True),
        Task(
            text="Update customer records in the CRM after each call",
            hours_per_week=6,
            repetitive=True,
            structured_data=True,
            clear_guardrails=True,
        ),
        Task(text="Write replies to common complaints from templates", hours_per_week=5),
        Task(
            text="Calm upset customers and hand difficult cases to tier-2",
            hours_per_week=5,
            human_context=True,
        ),
    ],
)

SENIOR_ENGINEER = ProfileFile(
    profile=Profile(
        role="Senior software engineer",
        function="Engineering",
        level="senior",
        money_link="partly",
        ai_use="daily",
        teaches_ai=True,
        assets_owned=["cross-functional-execution"],
    ),
    tasks=[
        Task(text="Design and build new API services", hours_per_week=15),
        Task(text="Debug and modify code in the payments system", hours_per_week=8),
        Task(text="Write regression test cases for new features", hours_per_week=4),
        Task(
            text="Decide the architecture for the payments platform",
            hours_per_week=5,
            high_stakes=True,
            ambiguous=True,
        ),
        Task(text="Review pull requests from teammates", hours_per_week=6),
    ],
)

EXECUTIVE = ProfileFile(
    profile=Profile(
        role="Chief operating officer",
        function="Executive leadership",
        level="executive",
        money_link="yes",
        ai_use="monthly",
        teaches_ai=False,
        assets_owned=["customer-relationships", "cross-functional-execution"],
    ),
    tasks=[
        Task(
            text="Decide the company strategy for next year",
            hours_per_week=10,
            high_stakes=True,
            ambiguous=True,
        ),
        Task(
            text="Meet key customers to renew strategic partnerships",
            hours_per_week=8,
            human_context=True,
        ),
        Task(text="Approve budgets for each department", hours_per_week=6, high_stakes=True),
        Task(text="Review monthly financial reports", hours_per_week=4),
        Task(text="Prepare the weekly operations summary report for the board", hours_per_week=3),
    ],
)

PROFILES = {"support": SUPPORT_AGENT, "engineer": SENIOR_ENGINEER, "executive": EXECUTIVE}

HOSTILE = [
    "# Heading | cell [x](y) <script>alert(1)</script>",
    "{{ 7*7 }} {% if true %}evaluated{% endif %} {# c #}",
    "- item\n\n## injected heading\n| a | b |\n| - | - |",
    "1. ordered\r\n> quote \x1b[31mred\x1b[0m \x00\x07 `code` **bold** _em_ &amp; &copy;",
    "x" * 10_000,
    "=== \\ ~~strike~~ ![img](http://e.x/i.png) <http://e.x> ---",
]
