"""Where coach keeps its data and what the user chose, with environment overrides.

Three sources, strongest first: command-line options (`--rules`), environment variables
(`COACH_HOME`, `COACH_RULES`, `COACH_CONFIG`) and the settings file, a small TOML file in the
platform's config folder:

    theme = "nord"                      # the app's colour theme; the app saves a new pick here
    export_dir = "~/Documents/coach"    # where the app proposes to write plans
    rules = "~/my-rules.toml"           # your own rules table instead of the bundled one

Paths may start with `~`; a relative path is taken from the settings file's folder.

A plain frozen dataclass, not a pydantic model: the TUI reads it before its first screen paints,
and importing pydantic would delay that. (What the file says is a NamedTuple: a dataclass costs
the first frame about ten times as much to define.)
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from coach.errors import CoachError

HOME_ENV = "COACH_HOME"
RULES_ENV = "COACH_RULES"
CONFIG_ENV = "COACH_CONFIG"
CONFIG_NAME = "config.toml"
CONFIG_KEYS = ("theme", "export_dir", "rules")


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


class FileConfig(NamedTuple):
    """What the settings file says; every field is optional."""

    theme: str | None = None
    export_dir: Path | None = None
    rules: Path | None = None


def default_config_path() -> Path:
    """`$COACH_CONFIG`, or config.toml in the platform's user config folder."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return _as_path(override, "config_path", CONFIG_ENV).expanduser()
    if sys.platform.startswith("linux"):
        # platformdirs' rule for Linux (XDG), without importing it before the first paint.
        base = os.environ.get("XDG_CONFIG_HOME", "")
        base = base if base.strip() else os.path.expanduser("~/.config")
        return Path(base) / "coach" / CONFIG_NAME
    from platformdirs import user_config_path

    return user_config_path("coach", appauthor=False) / CONFIG_NAME


def read_config(path: Path) -> FileConfig:
    """The settings file at `path` (empty when there is none); a CoachError naming the key."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return FileConfig()
    except OSError as exc:
        raise CoachError(f"{path}: cannot read the settings file: {exc.strerror}") from None
    import tomllib  # only when there is a file: most runs have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CoachError(f"{path}: the settings file is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise CoachError(f"{path}: not valid TOML ({exc}); fix the line it names") from None
    for key in data:
        if key not in CONFIG_KEYS:
            raise CoachError(
                f"{path}: unknown key {key!r}; the keys are {', '.join(CONFIG_KEYS)} "
                "(remove it, or fix its spelling)"
            )
    return FileConfig(
        theme=_text(data, "theme", path),
        export_dir=_config_path(data, "export_dir", path),
        rules=_config_path(data, "rules", path),
    )


def _text(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CoachError(
            f'{path}: key {key!r}: expected a theme name in quotes, such as "nord", got {value!r}'
        )
    return value.strip()


def _config_path(data: dict[str, Any], key: str, path: Path) -> Path | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise CoachError(f"{path}: key {key!r}: expected a path in quotes, got {value!r}")
    found = Path(value.strip()).expanduser()
    return found if found.is_absolute() else path.parent / found


def save_config_value(path: Path, key: str, value: str) -> None:
    """Set `key = "value"` in the settings file, keeping its other lines and comments.

    Written to a temporary file that then replaces the old one, so a crash never leaves
    half a file. The file holds top-level keys only (read_config refuses anything else), so
    a new key can go at the end.
    """
    import tomli_w

    if key not in CONFIG_KEYS:
        raise ValueError(f"not a settings key: {key}")
    line = tomli_w.dumps({key: value}).rstrip("\n")
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    pattern = re.compile(rf"^[ \t]*{key}[ \t]*=.*$", re.MULTILINE)
    if pattern.search(old):
        new = pattern.sub(lambda _m: line, old, count=1)
    else:
        new = old + ("" if not old or old.endswith("\n") else "\n") + line + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(new, encoding="utf-8")
    os.replace(temp, path)


@dataclass(frozen=True)
class Settings:
    """Resolved once by the CLI and passed down; nothing reads the environment at import."""

    home: Path
    rules_path: Path | None = None
    config_path: Path | None = None
    theme: str | None = None
    export_dir: Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", _as_path(self.home, "home", None))
        for name in ("rules_path", "config_path", "export_dir"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _as_path(value, name, None))

    @property
    def store_path(self) -> Path:
        return self.home / "coach.json"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    def save_theme(self, theme: str) -> None:
        """Remember `theme` in the settings file (no-op for settings without one)."""
        if self.config_path is not None:
            save_config_value(self.config_path, "theme", theme)

    @classmethod
    def from_env(cls, rules_path: Path | None = None) -> Settings:
        """`COACH_HOME` moves the data dir; otherwise the platform's user data dir.

        The rules table is `rules_path` (from `--rules`), else `COACH_RULES`, else the
        settings file's `rules`.
        """
        home = os.environ.get(HOME_ENV)
        if home:
            path = _as_path(home, "home", HOME_ENV).expanduser()
        else:
            from platformdirs import user_data_path

            path = user_data_path("coach", appauthor=False)
        config_path = default_config_path()
        config = read_config(config_path)
        env_rules = os.environ.get(RULES_ENV)
        if rules_path is None and env_rules:
            rules_path = _as_path(env_rules, "rules_path", RULES_ENV).expanduser()
        return cls(
            home=path,
            rules_path=rules_path if rules_path is not None else config.rules,
            config_path=config_path,
            theme=config.theme,
            export_dir=config.export_dir,
        )
