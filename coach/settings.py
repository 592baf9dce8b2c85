"""Where coach keeps its data, with an environment override for tests and power users."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class Settings(BaseModel):
    """Resolved once by the CLI and passed down; nothing reads the environment at import."""

    model_config = ConfigDict(frozen=True)

    home: Path
    rules_path: Path | None = None

    @property
    def store_path(self) -> Path:
        return self.home / "coach.json"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    @classmethod
    def from_env(cls, rules_path: Path | None = None) -> Settings:
        """`COACH_HOME` moves the data dir; otherwise the platform's user data dir."""
        home = os.environ.get("COACH_HOME")
        if home:
            path = Path(home).expanduser()
        else:
            from platformdirs import user_data_path

            path = user_data_path("coach", appauthor=False)
        env_rules = os.environ.get("COACH_RULES")
        if rules_path is None and env_rules:
            rules_path = Path(env_rules).expanduser()
        return cls(home=path, rules_path=rules_path)
