"""Errors the user can act on, and helpers that turn parse failures into readable messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # pydantic is imported where it is used: the TUI's first screen needs none
    from pydantic import BaseModel, ValidationError


class CoachError(Exception):
    """An error with a message meant for the user; the CLI prints it and exits 2."""

    exit_code = 2


def describe_validation_error(err: ValidationError, where: str) -> str:
    """One readable line per problem: `where: field a.b: message (got 'x')`."""
    lines = []
    for e in err.errors(include_url=False):
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        got = e.get("input")
        shown = ""
        if got is not None and not isinstance(got, dict | list):
            text = repr(got)
            shown = f" (got {text[:60]}{'...' if len(text) > 60 else ''})"
        lines.append(f"{where}: field '{loc}': {e['msg']}{shown}")
    return "\n".join(lines)


def decode_utf8(raw: bytes, where: object) -> str:
    """UTF-8 text (a leading BOM is dropped) or a CoachError naming `where` and the bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CoachError(
            f"{where}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None


def read_text(path: Path, expected: str) -> str:
    """A UTF-8 file's text, or a CoachError naming the file; `expected` says what it should be."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise CoachError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise CoachError(f"{path}: is a folder; give {expected}") from None
    except OSError as exc:
        raise CoachError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_utf8(raw, path)


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file or raise CoachError naming the file and what to fix."""
    import tomllib  # here, not at the top: the TUI's first screen reads no TOML

    text = read_text(path, "a TOML file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CoachError(f"{path}: not valid TOML: {exc}") from None


M = TypeVar("M", bound="BaseModel")


def validate_record(model: type[M], data: Any, where: str) -> M:
    """Validate `data` as `model`, or raise CoachError naming `where` and each bad field."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise CoachError(describe_validation_error(err, where)) from None
