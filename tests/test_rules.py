"""The bundled rules table: the article's own examples, attribute overrides, verdict fields, and
robustness against any text a user can type."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coach.models import Exposure, Task, Verdict
from coach.rules import RuleTable, load_rules, parse_rules

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY

# The article's examples, each said three ways as a worker would list it in their week.
ARTICLE_EXAMPLES: dict[str, tuple[Exposure, list[str]]] = {
    "repetitive analysis and reporting": (
        D,
        [
            "Compile the weekly sales report from the CRM",
            "Prepare monthly status reports for the leadership team",
            "Update the recurring KPI dashboard every Monday",
        ],
    ),
    "first-draft content": (
        D,
        [
            "Write first drafts of product descriptions",
            "Draft blog posts and newsletters for the marketing site",
            "Compose routine customer emails and follow-up letters",
        ],
    ),
    "tier-1 support": (
        D,
        [
            "Answer tier-1 customer tickets about password resets",
            "Respond to common customer inquiries by email and chat",
            "Handle routine support requests from the help desk queue",
        ],
    ),
    "basic testing": (
        D,
        [
            "Run regression test scripts on the web app before each release",
            "Write unit tests for the billing software",
            "Execute test cases against new features of the mobile app",
        ],
    ),
    "ad ops": (
        D,
        [
            "Set up and traffic ad campaigns in the ad server",
            "Adjust keyword bids and ad spend on search campaigns",
            "Manage ad placements and media buys for clients",
        ],
    ),
    "sales ops": (
        D,
        [
            "Keep CRM records and the sales pipeline up to date",
            "Prepare price quotations for incoming sales leads",
            "Build lead lists from the sales data",
        ],
    ),
    "software engineering": (
        A,
        [
            "Develop new features for the company's web application",
            "Debug and refactor legacy code in the payments system",
            "Design and implement APIs for the mobile app backend",
        ],
    ),
    "design": (
        A,
        [
            "Design page layouts and graphics for the brand refresh",
            "Sketch wireframes and mockups for the onboarding screens",
            "Create illustrations and visual assets for presentations",
        ],
    ),
    "finance": (
        A,
        [
            "Reconcile monthly accounts and investigate variances",
            "Analyze budgets and forecast quarterly costs",
            "Review financial statements for the annual audit",
        ],
    ),
    "legal": (
        A,
        [
            "Review vendor contracts and propose redlines",
            "Draft and negotiate lease agreements with tenants",
            "Research case law and precedents for litigation",
        ],
    ),
    "security": (
        A,
        [
            "Investigate security alerts and intrusion attempts on the network",
            "Assess vulnerabilities in the firewall configuration",
            "Review access control policies for cloud systems",
        ],
    ),
    "PM work": (
        A,
        [
            "Plan project timelines and milestones with the team",
            "Coordinate deliverables and schedules across departments",
            "Manage the product roadmap and prioritize the backlog",
        ],
    ),
    "high-stakes decisions": (
        N,
        [
            "Decide which candidates to hire for the engineering team",
            "Approve large loans for commercial clients",
            "Authorize emergency evacuation of the plant",
        ],
    ),
    "novel R&D": (
        N,
        [
            "Conduct original experiments in the laboratory",
            "Invent new materials for battery research",
            "Discover novel compounds through field trials",
        ],
    ),
    "ambiguous product strategy": (
        N,
        [
            "Set the long-term strategy for the product line",
            "Define the strategic direction when the market is uncertain",
            "Shape the company vision and mission for the next decade",
        ],
    ),
    "safety-critical systems": (
        N,
        [
            "Operate the control room of a nuclear reactor",
            "Direct air traffic at a regional airport",
            "Inspect aircraft brakes before each flight",
        ],
    ),
}
CASES = [
    pytest.param(text, expected, id=f"{name}: {text[:40]}")
    for name, (expected, texts) in ARTICLE_EXAMPLES.items()
    for text in texts
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_article_examples_land_in_the_articles_class(
    rules: RuleTable, text: str, expected: Exposure
) -> None:
    verdict = rules.classify(text)
    assert verdict.exposure is expected, verdict.why
    assert verdict.rule != "fallback"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clean hotel rooms and change linens", N),
        ("Drive delivery trucks on a daily route", N),
        ("Repair hydraulic pumps and replace worn valves", N),
        ("Supervise warehouse workers during the night shift", N),
        ("Teach students in the classroom", N),
        ("Counsel families in crisis", N),
        ("Cook meals and plate dishes for guests", N),
        ("Test electrical circuits with a multimeter", N),
        ("Schedule appointments for the clinic", A),
        ("Maintain records of inventory and shipments", A),
        ("Translate product manuals into Spanish", D),
        ("Explain benefits options to employees", D),
        ("Write grant proposals for research funding", D),
    ],
)
def test_everyday_tasks_are_decided_by_a_real_rule(
    rules: RuleTable, text: str, expected: Exposure
) -> None:
    verdict = rules.classify(text)
    assert verdict.rule != "fallback"
    assert verdict.exposure is expected, verdict.why


def test_testing_software_and_testing_equipment_differ(rules: RuleTable) -> None:
    software = rules.classify("Test the checkout feature of the web app")
    equipment = rules.classify("Test hydraulic equipment for leaks")
    assert software.exposure is D
    assert equipment.exposure is N


def test_safety_critical_flips_a_displacement_task(rules: RuleTable) -> None:
    text = "Compile the weekly sales report from the CRM"
    assert rules.classify(text).exposure is D
    verdict = rules.classify(Task(text=text, safety_critical=True))
    assert verdict.exposure is N
    assert verdict.rule == "attr-safety-critical"
    assert "attr-safety-critical" in verdict.why
    assert "safety critical" in verdict.why


def test_high_stakes_flips_a_displacement_task(rules: RuleTable) -> None:
    text = "Answer tier-1 customer tickets about password resets"
    verdict = rules.classify(Task(text=text, high_stakes=True))
    assert verdict.exposure is N
    assert verdict.rule == "attr-high-stakes"


def test_repetitive_structured_guardrails_flip_an_augmentation_task(rules: RuleTable) -> None:
    text = "Reconcile monthly accounts and investigate variances"
    assert rules.classify(text).exposure is A
    verdict = rules.classify(
        Task(text=text, repetitive=True, structured_data=True, clear_guardrails=True)
    )
    assert verdict.exposure is D
    assert verdict.rule == "structured-repetitive"
    assert "structured-repetitive" in verdict.why


@pytest.mark.parametrize("attribute", ["novel", "ambiguous"])
def test_novel_or_ambiguous_pushes_toward_not_ready(rules: RuleTable, attribute: str) -> None:
    text = "Plan project timelines and milestones with the team"
    verdict = rules.classify(Task(text=text, **{attribute: True}))
    assert verdict.exposure is N
    assert verdict.rule == f"attr-{attribute}"


def test_one_attribute_of_three_does_not_fire_the_displacement_rule(rules: RuleTable) -> None:
    verdict = rules.classify(Task(text="Reconcile monthly accounts", repetitive=True))
    assert verdict.rule != "structured-repetitive"
    assert "structured-repetitive" not in verdict.also


def test_attributes_alone_decide_an_unknown_wording(rules: RuleTable) -> None:
    verdict = rules.classify(Task(text="zzxq blorp", safety_critical=True))
    assert verdict.exposure is N
    assert verdict.rule == "attr-safety-critical"


@pytest.mark.parametrize("text", [c.values[0] for c in CASES[::5]])
def test_verdict_fields(rules: RuleTable, text: str) -> None:
    verdict = rules.classify(text)
    by_id = {r.id: r for r in rules.rules}
    rule = by_id[verdict.rule]
    assert verdict.exposure is rule.exposure
    assert verdict.basis == rule.section
    assert verdict.reason == rule.reason
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.why and verdict.rule in verdict.why
    assert all(other in by_id for other in verdict.also)
    assert verdict.rule not in verdict.also
    # The engine's fast construction gives exactly what validation would.
    assert Verdict.model_validate(verdict.model_dump()) == verdict


@pytest.mark.parametrize("text", ["Compile weekly sales reports", "zzzz qqqq"])
def test_verdicts_are_frozen_values_that_copy_like_any_model(rules: RuleTable, text: str) -> None:
    verdict = rules.classify(text)
    with pytest.raises(ValidationError, match="frozen"):
        verdict.why = "changed"
    copy = verdict.model_copy(update={"why": "changed"})
    assert copy.why == "changed" and copy.rule == verdict.rule
    assert rules.classify(text) == verdict  # the memo still hands out the original


def test_every_rule_names_an_article_section_and_own_reason(rules: RuleTable) -> None:
    sections = {r.section for r in rules.rules}
    assert any("real displacement" in s for s in sections)
    assert any("augmentation" in s for s in sections)
    assert any("not ready" in s for s in sections)
    for rule in rules.rules:
        assert rule.reason.endswith(".")
        assert len(rule.reason.split()) >= 8


def test_classification_is_deterministic_across_tables() -> None:
    texts = [c.values[0] for c in CASES] + ["", "???", "Do the thing"]
    first, second = load_rules(), load_rules()
    assert [first.classify(t) for t in texts] == [second.classify(t) for t in texts]
    assert [first.classify(t) for t in texts] == [first.classify(t) for t in texts]


def test_matches_reports_the_words_that_fired(rules: RuleTable) -> None:
    fired = {
        m.rule.id: m.evidence for m in rules.matches("Run the unit tests on the software build")
    }
    assert "unit tests" in fired["test-artifacts"]
    assert fired["basic-testing"][0] == "run"
    assert "software" in fired["basic-testing"]


def test_unless_vetoes_a_rule(rules: RuleTable) -> None:
    ids = {m.rule.id for m in rules.matches("Test the software build")}
    assert "basic-testing" in ids
    ids = {m.rule.id for m in rules.matches("Test the software on the engine hardware")}
    assert "basic-testing" not in ids


def test_leading_verbs_in_a_list_all_count() -> None:
    table = parse_rules(
        {
            "rule": [
                {
                    "id": "coordinate-only",
                    "exposure": "augmentation",
                    "section": "Where AI is truly replacing work: augmentation over replacement",
                    "reason": "A test rule that needs the verb coordinate to lead.",
                    "verbs": ["coordinate"],
                }
            ]
        },
        "test",
    )
    assert table.classify("Plan, direct, or coordinate activities").rule == "coordinate-only"
    assert table.classify("Plan and coordinate activities").rule == "coordinate-only"
    assert table.classify("Plan activities and coordinate them").rule == "fallback"


@pytest.mark.parametrize("text", ["", "   ", "zzxq blorp", "12345", "…", "🙂🙂"])
def test_fallback_is_cautious_and_says_so(rules: RuleTable, text: str) -> None:
    verdict = rules.classify(text)
    assert verdict.rule == "fallback"
    assert verdict.exposure is rules.meta.fallback_exposure
    assert verdict.confidence <= 0.5
    assert "fallback" in verdict.why and "low confidence" in verdict.why
    assert verdict.also == []


def test_decided_verdicts_are_more_confident_than_the_fallback(rules: RuleTable) -> None:
    for text in [c.values[0] for c in CASES]:
        assert rules.classify(text).confidence > rules.meta.fallback_confidence


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_one_of_three_classes(text: str) -> None:
    verdict = _table().classify(text)
    assert verdict.exposure in (D, A, N)
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.why


_PIECES = st.sampled_from(
    ["Write", "report", "ﷺ", "مرحبا", "שלום", "\u202e", "\x1b[31m", "\x00", "\u0085", "🙂", ",",
     " and ", " or ", "test case", "İ", "ß", "\t", "\r\n", "-", "*", "'", "ad", "ops"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=20), max_size=40).map("".join))
def test_mixed_scripts_controls_and_rule_words(text: str) -> None:
    verdict = _table().classify(text)
    assert verdict.exposure in (D, A, N)
    assert verdict.rule == "fallback" or verdict.rule in {r.id for r in _table().rules}


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=50), st.integers(min_value=10_000, max_value=40_000))
def test_very_long_lines(chunk: str, length: int) -> None:
    text = (chunk * (length // len(chunk) + 1))[:length]
    verdict = _table().classify(text + " write the weekly report")
    assert verdict.exposure in (D, A, N)


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1, max_size=200).filter(lambda s: s.strip()),
    st.fixed_dictionaries({}, optional={a: st.booleans() for a in ("novel", "high_stakes")}),
)
def test_tasks_with_attributes_never_crash(text: str, attributes: dict[str, bool]) -> None:
    try:
        task = Task(text=text, **attributes)
    except ValueError:
        return  # text that is only control characters is rejected by the model, not the engine
    assert _table().classify(task).exposure in (D, A, N)


_CACHE: list[RuleTable] = []


def _table() -> RuleTable:
    if not _CACHE:
        _CACHE.append(load_rules())
    return _CACHE[0]


_BLOCK_WORDS = st.sampled_from(
    "plan direct or coordinate , and test cases case reports report prepare file review the "  # noqa: SIM905
    "weekly sales in person web apps repair pumps for with using data: Quick one: x 42".split()
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_BLOCK_WORDS, min_size=1, max_size=14).map(" ".join), max_size=40))
def test_deciding_a_block_is_deciding_each_task(rules: RuleTable, texts: list[str]) -> None:
    # The block path of `coach classify` (every scan, then every decision, then the words) gives
    # what `decide` gives task by task, fallbacks, phrases and repeated tasks included.
    texts += texts[:3]
    decisions, words = rules.decide_all(texts)
    assert list(zip(decisions, words, strict=True)) == [rules.decide(text) for text in texts]
