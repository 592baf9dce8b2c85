"""The role catalog: validated at load, covers the article, classifies cleanly, searchable."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.models import Exposure, ProfileFile
from coach.roles import (
    MAX_TASKS,
    MIN_TASKS,
    load_catalog,
    parse_catalog,
    role_to_profile,
    search_roles,
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


# (role id, start of a task's text, the article's example it stands for)
ARTICLE_EXAMPLES: dict[Exposure, list[tuple[str, str, str]]] = {
    Exposure.DISPLACEMENT: [
        (
            "reporting-analyst",
            "Compile weekly and monthly management reports",
            "analysis/reporting",
        ),
        ("content-writer", "Write first drafts of blog posts", "first-draft content"),
        ("support-tier1", "Answer customer questions by chat and email", "tier-1 support"),
        ("qa-tester", "Execute test cases and regression test suites", "basic testing"),
        ("ad-ops", "Set up and traffic ad campaigns", "ad ops"),
        ("sales-ops", "Produce weekly pipeline reports", "sales ops"),
    ],
    Exposure.AUGMENTATION: [
        ("software-engineer-senior", "Write and refactor code", "software engineering"),
        ("product-designer", "Design user flows, wireframes", "design"),
        ("fpa-analyst", "Analyze revenue, cost and headcount drivers", "finance"),
        ("lawyer", "Review and redline commercial contracts", "legal"),
        ("security-engineer", "Review application designs and code for security", "security"),
        ("product-manager", "Analyze product usage data", "PM"),
    ],
    Exposure.NOT_READY: [
        ("executive", "Make high-stakes decisions", "high-stakes decisions"),
        ("research-scientist", "Design novel experiments", "novel R&D"),
        ("product-manager", "Define product strategy and roadmap", "ambiguous product strategy"),
        ("safety-critical-engineer", "Design control software", "safety-critical systems"),
    ],
}


def _find_task(catalog, role_id: str, start: str):
    role = catalog.get(role_id)
    assert role is not None, f"catalog lost role {role_id}"
    found = [t for t in role.tasks if t.text.startswith(start)]
    assert len(found) == 1, f"{role_id}: expected one task starting {start!r}"
    return found[0]


# --- the bundled catalog ------------------------------------------------------------------


def test_catalog_is_broad(catalog):
    assert len(catalog.roles) >= 40
    functions = {r.function for r in catalog.roles}
    assert len(functions) >= 12
    levels = {r.level for r in catalog.roles}
    assert {"individual", "manager", "manager-of-managers", "executive"} <= levels
    ids = [r.id for r in catalog.roles]
    assert len(ids) == len(set(ids))


def test_every_role_has_a_plausible_week(catalog):
    for role in catalog.roles:
        assert MIN_TASKS <= len(role.tasks) <= MAX_TASKS, role.id
        assert 35 <= role.total_hours <= 50, (role.id, role.total_hours)
        assert role.synonyms, f"{role.id} has no synonyms to search by"
        texts = [t.text for t in role.tasks]
        assert len(texts) == len(set(texts)), f"{role.id} repeats a task"


def test_required_roles_are_present(catalog):
    wanted = [
        "support-tier1",
        "support-tier2",
        "sales-ops",
        "ad-ops",
        "content-writer",
        "reporting-analyst",
        "qa-tester",
        "software-engineer-junior",
        "software-engineer-senior",
        "software-engineer-staff",
        "data-engineer",
        "ml-engineer",
        "paralegal",
        "team-manager",
        "director",
        "executive",
        "registered-nurse",
        "teacher",
        "maintenance-technician",
    ]
    assert [w for w in wanted if catalog.get(w) is None] == []


def test_no_catalog_task_falls_to_the_fallback(catalog, rules):
    fallen = [
        (role.id, task.text)
        for role in catalog.roles
        for task in role.tasks
        if rules.classify(task).rule == "fallback"
    ]
    assert fallen == []


@pytest.mark.parametrize(
    ("exposure", "role_id", "start", "example"),
    [(e, *row) for e, rows in ARTICLE_EXAMPLES.items() for row in rows],
    ids=[row[2] for rows in ARTICLE_EXAMPLES.values() for row in rows],
)
def test_article_examples_land_in_their_class(catalog, rules, exposure, role_id, start, example):
    verdict = rules.classify(_find_task(catalog, role_id, start))
    assert verdict.exposure == exposure, (example, verdict.rule, verdict.why)


def test_catalog_spans_all_three_classes(catalog, rules):
    seen = {rules.classify(t).exposure for r in catalog.roles for t in r.tasks}
    assert seen == set(Exposure)


def test_outside_office_roles_are_mostly_human(catalog, rules):
    from coach.scoring import assess_with

    for role_id in ("registered-nurse", "electrician", "maintenance-technician"):
        role = catalog.get(role_id)
        office = catalog.get("reporting-analyst")
        assert (
            assess_with(rules, role.tasks).exposure_index
            < assess_with(rules, office.tasks).exposure_index
        )


# --- validation ---------------------------------------------------------------------------


def _raw_catalog() -> dict:
    from coach.roles import default_catalog_path

    return tomllib.loads(default_catalog_path().read_text(encoding="utf-8"))


def test_duplicate_id_is_named():
    data = _raw_catalog()
    data["role"].append(dict(data["role"][0]))
    with pytest.raises(CoachError) as err:
        parse_catalog(data, "roles.toml")
    first = data["role"][0]["id"]
    assert f"role '{first}'" in str(err.value)
    assert "duplicate" in str(err.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"hours": 0}, "hours"),
        ({"hours": 99}, "hours"),
        ({"text": ""}, "text"),
        ({"attributes": ["slow"]}, "attributes"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_task_names_role_task_number_and_field(change, field):
    data = _raw_catalog()
    role = data["role"][3]
    role["tasks"][1] = {**role["tasks"][1], **change}
    with pytest.raises(CoachError) as err:
        parse_catalog(data, "roles.toml")
    message = str(err.value)
    assert f"role '{role['id']}'" in message
    assert "task #2" in message
    assert f"'{field}" in message


def test_week_out_of_range_is_named():
    data = _raw_catalog()
    role = data["role"][0]
    role["tasks"] = [{**t, "hours": 12} for t in role["tasks"]]
    with pytest.raises(CoachError) as err:
        parse_catalog(data, "roles.toml")
    assert f"role '{role['id']}'" in str(err.value)
    assert "adds up to" in str(err.value)


def test_too_few_tasks_is_named():
    data = _raw_catalog()
    data["role"][0]["tasks"] = data["role"][0]["tasks"][:2]
    with pytest.raises(CoachError, match="has 2 tasks"):
        parse_catalog(data, "roles.toml")


def test_missing_field_and_unknown_table(tmp_path: Path):
    data = _raw_catalog()
    del data["role"][1]["title"]
    with pytest.raises(CoachError, match=r"role '.*' \(#2\): field 'title'"):
        parse_catalog(data, "roles.toml")
    with pytest.raises(CoachError, match="unknown key"):
        parse_catalog({"roles": []}, "roles.toml")
    with pytest.raises(CoachError, match="no roles"):
        parse_catalog({}, "roles.toml")
    bad = tmp_path / "roles.toml"
    bad.write_text("[[role]\n", encoding="utf-8")
    with pytest.raises(CoachError, match="not valid TOML"):
        load_catalog(bad)


# --- search -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sofware enginer", "software-engineer-senior"),
        ("software engineer", "software-engineer-junior"),
        ("attorney", "lawyer"),
        ("SOC analyst", "security-analyst"),
        ("revenue operations", "sales-ops"),
        ("copywritter", "content-writer"),
        ("help desk", "support-tier1"),
        ("RN", "registered-nurse"),
        ("middle manager", "team-manager"),
        ("ceo", "executive"),
    ],
)
def test_search_finds_by_title_synonym_and_typo(catalog, query, expected):
    found = [r.id for r in search_roles(catalog, query)]
    assert expected in found[:5], found


def test_typo_finds_all_software_engineer_levels_first(catalog):
    top = {r.id for r in search_roles(catalog, "sofware enginer")[:3]}
    assert top == {
        "software-engineer-junior",
        "software-engineer-senior",
        "software-engineer-staff",
    }


def test_empty_query_lists_everything_in_order(catalog):
    assert search_roles(catalog, "", limit=1000) == catalog.roles
    assert search_roles(catalog, "   ") == catalog.roles[:20]
    assert len(search_roles(catalog, "", limit=5)) == 5
    assert search_roles(catalog, "", limit=0) == []


def test_nonsense_finds_nothing(catalog):
    assert search_roles(catalog, "xyzzy qwv") == []
    assert search_roles(catalog, "xyzzy lead") == []  # rank words alone find nothing


def test_a_title_with_words_of_rank_finds_the_role_without_them(catalog):
    """'Support team lead' names no role, but the support roles are what such a lead does."""
    found = [r.id for r in search_roles(catalog, "Support team lead")[:3]]
    assert {"support-tier1", "support-tier2"} <= set(found), found
    # a title that matches as it is keeps its own ranking
    assert search_roles(catalog, "data analyst")[0].id == "data-analyst"


def test_the_workers_function_breaks_a_tie_between_equal_titles(catalog):
    """'Support lead' matches IT and customer support alike: the worker's function decides."""

    def top(function: str) -> list[str]:
        return [r.function for r in search_roles(catalog, "support lead", function=function)]

    assert top("Customer service")[:2] == ["Customer support", "Customer support"]
    assert top("IT")[0] == "IT"
    assert top("")[0] == top("Nothing that matches")[0]  # no function: the title's own order
    # it only breaks ties: a title that matches one role better keeps that role first
    assert search_roles(catalog, "data analyst", function="Finance")[0].id == "data-analyst"
    assert search_roles(catalog, "FP&A", function="Marketing")[0].function == "Finance"


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=60), limit=st.integers(min_value=-3, max_value=60))
def test_search_never_fails_on_any_text(catalog, query, limit):
    found = search_roles(catalog, query, limit=limit, function=query[::-1])
    assert len(found) <= max(limit, 0)
    assert len({r.id for r in found}) == len(found)
    assert all(r in catalog.roles for r in found)


# --- to a profile -------------------------------------------------------------------------


def test_role_to_profile_copies_the_role(catalog):
    role = catalog.get("accountant")
    pf = role_to_profile(role)
    assert isinstance(pf, ProfileFile)
    assert pf.profile.role == role.title
    assert pf.profile.function == role.function
    assert pf.profile.level == role.level
    assert pf.profile.role_id == role.id
    assert [t.text for t in pf.tasks] == [t.text for t in role.tasks]
    pf.tasks[0].hours_per_week = 1
    assert role.tasks[0].hours_per_week != 1, "editing the profile must not change the catalog"


def test_role_profile_round_trips_through_toml(catalog):
    from coach.profile_io import dump_profile

    for role in catalog.roles:
        data = tomllib.loads(dump_profile(role_to_profile(role)))
        assert data["profile"]["role"] == role.title
        assert len(data["tasks"]) == len(role.tasks)


def test_role_profile_loads_back(tmp_path: Path, catalog):
    from coach.profile_io import dump_profile, load_profile

    role = catalog.get("support-tier1")
    path = tmp_path / "p.toml"
    path.write_text(dump_profile(role_to_profile(role)), encoding="utf-8")
    assert load_profile(path) == role_to_profile(role)
