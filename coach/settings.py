"""Where coach keeps its data, with an environment override for tests and power users.

A plain frozen dataclass, not a pydantic model: the TUI reads it before its first screen paints,
and importing pydantic would delay that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from coach.errors import CoachError

HOME_ENV = "COACH_HOME"
RULES_ENV = "COACH_RULES"


def _as_path(value: object, field: str, source: str | None) -> Path:
    """`value` as a Path (str and os.PathLike are accepted), or a CoachError naming the field."""
    if isinstance(value, Path):
        return value
    if isinstance(value, str | os.PathLike) and not isinstance(value, bytes):
        text = os.fspath(value)
        if text and "\0" not in text:
            return Path(text)
    where = f"environment variable {source}" if source else f"settings field '{field}'"
    raise CoachError(f"{where}: expected a path, got {value!r}")


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved once by the CLI and passed down; nothing reads the environment at import."""

    home: Path
    rules_path: Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", _as_path(self.home, "home", None))
        if self.rules_path is not None:
            object.__setattr__(self, "rules_path", _as_path(self.rules_path, "rules_path", None))

    @property
    def store_path(self) -> Path:
        return self.home / "coach.json"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    @classmethod
    def from_env(cls, rules_path: Path | None = None) -> Settings:
        """`COACH_HOME` moves the data dir; otherwise the platform's user data dir."""
        home = os.environ.get(HOME_ENV)
        if home:
            path = _as_path(home, "home", HOME_ENV).expanduser()
        else:
            from platformdirs import user_data_path

            path = user_data_path("coach", appauthor=False)
        env_rules = os.environ.get(RULES_ENV)
        if rules_path is None and env_rules:
            rules_path = _as_path(env_rules, "rules_path", RULES_ENV).expanduser()
        return cls(home=path, rules_path=rules_path)
