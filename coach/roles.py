"""The role catalog (assets/roles.toml): typical weeks for common roles, and fuzzy role search.

A catalog role is a starting guess of what a job's week holds. `role_to_profile` turns it into a
profile file the worker then edits, so nobody has to type their whole job from scratch.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import ATTRIBUTES, Level, Profile, ProfileFile, Task, clean_text

MIN_TASKS, MAX_TASKS = 6, 12
MIN_WEEK, MAX_WEEK = 30.0, 60.0
"""A role's default week must add up to a plausible number of hours."""

Attribute = Literal[
    "repetitive",
    "structured_data",
    "clear_guardrails",
    "high_stakes",
    "novel",
    "ambiguous",
    "safety_critical",
    "human_context",
]
assert set(Attribute.__args__) == set(ATTRIBUTES)  # the catalog speaks the models' attributes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TaskSpec(_Strict):
    """One task as written in roles.toml: text, default weekly hours and the attributes that hold.

    Attributes not listed stay unset (None): the worker has not said yet.
    """

    text: Annotated[str, Field(min_length=3, max_length=300)]
    hours: Annotated[float, Field(gt=0, le=40)]
    attributes: list[Attribute] = Field(default_factory=list)

    @field_validator("attributes")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("an attribute is listed twice")
        return value

    def to_task(self) -> Task:
        return Task(
            text=self.text, hours_per_week=self.hours, **dict.fromkeys(self.attributes, True)
        )


class Role(BaseModel):
    """A catalog role: who it is, what it is called, and a typical week of tasks."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
    title: Annotated[str, Field(min_length=2, max_length=120)]
    function: Annotated[str, Field(min_length=2, max_length=80)]
    level: Level = "individual"
    summary: Annotated[str, Field(min_length=10, max_length=400)]
    synonyms: list[str] = Field(default_factory=list)
    tasks: list[Task]

    @property
    def total_hours(self) -> float:
        return sum(t.hours_per_week for t in self.tasks)


class Catalog(BaseModel):
    """All roles, in file order. Treat it as read-only: search caches the role names."""

    roles: list[Role]
    source: str = "roles"

    _names: list[tuple[list[list[str]], list[str]]] | None = PrivateAttr(default=None)

    def get(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def search_names(self) -> list[tuple[list[list[str]], list[str]]]:
        """Per role: the words of each name (title, synonyms, id), and of its function.

        Built once per catalog, since the TUI searches on every keystroke.
        """
        if self._names is None:
            self._names = [
                (
                    [_words(n) for n in (r.title, *r.synonyms, r.id.replace("-", " "))],
                    _words(r.function),
                )
                for r in self.roles
            ]
        return self._names


class _RoleSpec(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
    title: Annotated[str, Field(min_length=2, max_length=120)]
    function: Annotated[str, Field(min_length=2, max_length=80)]
    level: Level = "individual"
    summary: Annotated[str, Field(min_length=10, max_length=400)]
    synonyms: list[Annotated[str, Field(min_length=2, max_length=80)]] = Field(default_factory=list)
    tasks: list[dict]


def default_catalog_path() -> Path:
    from coach.assets import asset_path

    return asset_path("roles.toml")


def _check_role(raw: object, number: int, source: str) -> tuple[Role | None, list[str]]:
    label = f"role #{number}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        label = f"role '{raw['id']}' (#{number})"
    where = f"{source}: {label}"
    try:
        spec = _RoleSpec.model_validate(raw)
    except ValidationError as err:
        return None, [describe_validation_error(err, where)]
    problems = []
    if not MIN_TASKS <= len(spec.tasks) <= MAX_TASKS:
        problems.append(
            f"{where}: field 'tasks': has {len(spec.tasks)} tasks; give {MIN_TASKS} to {MAX_TASKS}"
        )
    tasks: list[Task] = []
    for index, raw_task in enumerate(spec.tasks, start=1):
        try:
            tasks.append(TaskSpec.model_validate(raw_task).to_task())
        except ValidationError as err:
            problems.append(describe_validation_error(err, f"{where}: task #{index}"))
    if problems:
        return None, problems
    total = sum(t.hours_per_week for t in tasks)
    if not MIN_WEEK <= total <= MAX_WEEK:
        return None, [
            f"{where}: field 'tasks.hours': the week adds up to {total:g} h; "
            f"make it {MIN_WEEK:g} to {MAX_WEEK:g} h"
        ]
    data = spec.model_dump(exclude={"tasks"})
    return Role(**data, tasks=tasks), []


def parse_catalog(data: dict, source: str) -> Catalog:
    """Validate a parsed catalog; every error names the role id (or number), task and field."""
    unknown = sorted(set(data) - {"role"})
    if unknown:
        raise CoachError(f"{source}: unknown key '{unknown[0]}'; expected [[role]] entries")
    raw_roles = data.get("role")
    if not isinstance(raw_roles, list) or not raw_roles:
        raise CoachError(f"{source}: no roles; add [[role]] entries")
    roles: list[Role] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    for number, raw in enumerate(raw_roles, start=1):
        role, found = _check_role(raw, number, source)
        problems.extend(found)
        if role is None:
            continue
        if role.id in seen:
            problems.append(
                f"{source}: role '{role.id}' (#{number}): field 'id': duplicate of role "
                f"#{seen[role.id]}; ids must be unique"
            )
        seen.setdefault(role.id, number)
        roles.append(role)
    if problems:
        raise CoachError("\n".join(problems))
    return Catalog(roles=roles, source=source)


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and validate the role catalog: the bundled one unless `path` is given."""
    path = path or default_catalog_path()
    return parse_catalog(load_toml(path), str(path))


# --- search --------------------------------------------------------------------------------

SEARCH_CUTOFF = 75.0
"""Lowest score (0-100) a role needs to be listed; one typo per word still clears it."""
_FUNCTION_WEIGHT = 0.9
"""A match on the function ("Finance") ranks below a match on a title or synonym."""


def _words(text: str) -> list[str]:
    from rapidfuzz import utils

    return utils.default_process(clean_text(text)).split()


def _word_score(word: str, name_words: list[str]) -> float:
    from rapidfuzz import fuzz

    best = 0.0
    for candidate in name_words:
        if candidate == word or (len(word) >= 2 and candidate.startswith(word)):
            return 100.0
        best = max(best, fuzz.ratio(word, candidate))
    return best


def _name_score(query: list[str], name: list[str]) -> tuple[float, float]:
    """How well every query word finds a word of `name`, then how close the whole strings are."""
    from rapidfuzz import fuzz

    if not name:
        return 0.0, 0.0
    words = sum(_word_score(word, name) for word in query) / len(query)
    return words, fuzz.ratio(" ".join(query), " ".join(name))


# Words of rank or team size that a title adds to a role ("Support team lead", "Senior data
# analyst"): when the whole title matches no role, the search tries again without them.
_RANK_WORDS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "team", "principal", "staff", "chief", "head", "of",
     "i", "ii", "iii", "iv", "associate", "deputy", "acting", "interim"}
)  # fmt: skip


def search_roles(catalog: Catalog, query: str, limit: int = 20, function: str = "") -> list[Role]:
    """Roles whose title, synonyms or function match `query`, best first; typo-tolerant.

    Each query word is matched to its closest word in a role's names (a prefix counts as a
    full match), so word order and extra words in the title do not matter. A title that
    matches no role is tried again without its words of rank ("Support team lead" finds the
    support roles). Among roles the title matches equally well, those whose function is
    closest to `function` (the worker's own, "Customer service") come first. An empty query
    lists every role in catalog order (up to `limit`).
    """
    if limit <= 0:
        return []
    words = _words(query or "")
    if not words:
        return catalog.roles[:limit]
    mine = _words(function or "")
    found = _search(catalog, words, limit, mine)
    core = [word for word in words if word not in _RANK_WORDS]
    if not found and core and core != words:
        found = _search(catalog, core, limit, mine)
    return found


def _search(catalog: Catalog, words: list[str], limit: int, mine: list[str]) -> list[Role]:
    scored: list[tuple[float, int, float, int, Role]] = []
    names = catalog.search_names()
    for position, role in enumerate(catalog.roles):
        role_names, function = names[position]
        best = max(_name_score(words, name) for name in role_names)
        by_function = _name_score(words, function)
        by_function = (by_function[0] * _FUNCTION_WEIGHT, by_function[1] * _FUNCTION_WEIGHT)
        best = max(best, by_function)
        if best[0] >= SEARCH_CUTOFF:
            # how many of the worker's own function's words the role's function has (exactly,
            # or as a prefix): a tie-break only ("Customer service" for "Customer support")
            near = sum(_word_score(word, function) == 100.0 for word in mine)
            scored.append((best[0], near, best[1], position, role))
    scored.sort(key=lambda item: (-item[0], -item[1], -item[2], item[3]))
    return [item[4] for item in scored[:limit]]


# --- occupation titles (O*NET) --------------------------------------------------------------

TITLE_EXACT, TITLE_PART_EXACT, TITLE_PARTIAL = 3, 2, 1
"""How a query matches an occupation title, strongest first: the whole title ("electrician"
for "Electricians"), one of its parts ("accountant" for "Accountants and Auditors"), or some
of its words ("ward nurse" for "Example Ward Nurses")."""
CLOSE_TITLE_CUTOFF = 60.0
_TITLE_PARTS = re.compile(r"\s+and\s+|\s*(?:,|--|/|;)\s*")
_TITLE_WORD = re.compile(r"[^\W_]+")


def singular(word: str) -> str:
    """A plain English singular, good enough for job titles: nurses -> nurse, secretaries ->
    secretary, coaches -> coach; "boss", "status" and short words stay as they are."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def title_words(text: str) -> tuple[str, ...]:
    """The words of a title, case-folded and singular."""
    return tuple(singular(w) for w in _TITLE_WORD.findall(clean_text(text).casefold()))


def title_match(query: str, title: str) -> int | None:
    """TITLE_EXACT, TITLE_PART_EXACT, TITLE_PARTIAL, or None when `query` does not match.

    Singular and plural count alike, and so do case and punctuation.
    """
    wanted = title_words(query)
    if not wanted:
        return None
    have = title_words(title)
    if wanted == have:
        return TITLE_EXACT
    if any(wanted == title_words(part) for part in _TITLE_PARTS.split(title)):
        return TITLE_PART_EXACT
    joined, within = " ".join(wanted), " ".join(have)
    if set(wanted) <= set(have) or f" {joined}" in f" {within}":
        return TITLE_PARTIAL
    return None


def closest_titles(query: str, titles: dict[str, str], limit: int = 5) -> list[str]:
    """Keys of the `titles` closest to `query` by shared words (rapidfuzz token_set_ratio on
    singular words), best first; for a "did you mean" when nothing matched."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        " ".join(title_words(query)),
        {key: " ".join(title_words(title)) for key, title in titles.items()},
        scorer=fuzz.token_set_ratio,
        limit=limit,
        score_cutoff=CLOSE_TITLE_CUTOFF,
    )
    return [key for _value, _score, key in found]


def role_to_profile(role: Role) -> ProfileFile:
    """A profile file for `role`: its title, function and level, and a copy of its tasks."""
    profile = Profile(role=role.title, function=role.function, level=role.level, role_id=role.id)
    return ProfileFile(profile=profile, tasks=[t.model_copy() for t in role.tasks])
