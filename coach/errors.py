"""Errors the user can act on, and helpers that turn parse failures into readable messages."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

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


class NotRegularFile(CoachError):
    """A path that is a folder, FIFO, device or socket where coach wants a regular file."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def open_regular(path: Path, expected: str = "a regular file") -> BinaryIO:
    """Open a regular file for reading; NotRegularFile for anything else.

    The file is opened without blocking and checked on the open descriptor, so a FIFO can
    neither hang coach nor be swapped in between the check and the read. OSError passes up.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = file_kind(mode)
            if stat.S_ISDIR(mode):
                raise NotRegularFile(f"{path}: is a folder; give {expected}")
            raise NotRegularFile(
                f"{path}: is {kind}, not a regular file; give {expected} (coach reads only "
                "regular files)"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_input(path: Path, expected: str) -> BinaryIO:
    """`open_regular`, with a missing, unreadable or wrong kind of file as a CoachError that
    names the file and what to give instead."""
    try:
        return open_regular(path, expected)
    except FileNotFoundError:
        raise CoachError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise CoachError(f"{path}: is a folder; give {expected}") from None
    except OSError as exc:
        raise CoachError(f"{path}: cannot read ({exc.strerror})") from None


def read_regular(path: Path, expected: str) -> bytes:
    """The bytes of a regular file, or a CoachError naming the file and what to give instead."""
    with open_input(path, expected) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise CoachError(f"{path}: cannot read ({exc.strerror})") from None


def read_text(path: Path, expected: str) -> str:
    """A UTF-8 file's text, or a CoachError naming the file; `expected` says what it should be."""
    return decode_utf8(read_regular(Path(path), expected), path)


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file or raise CoachError naming the file and what to fix."""
    import tomllib  # here, not at the top: the TUI's first screen reads no TOML

    text = read_text(path, "a TOML file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CoachError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise CoachError(
            f"{path}: not valid TOML for coach: arrays or tables nested too deeply; "
            "a profile or rules file needs only a few levels"
        ) from None


M = TypeVar("M", bound="BaseModel")


def validate_record(model: type[M], data: Any, where: str, *, strict: bool = False) -> M:
    """Validate `data` as `model`, or raise CoachError naming `where` and each bad field.

    `strict` (for values read from files) refuses lax conversions: `true` as a number,
    `"yes"` or `1` as a boolean, `"5"` as a number.
    """
    from pydantic import ValidationError

    try:
        return model.model_validate(data, strict=strict)
    except ValidationError as err:
        raise CoachError(describe_validation_error(err, where)) from None
