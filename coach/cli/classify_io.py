"""The input and output of `coach classify`: lines in, one record out per task, as they come.

Input is read a block at a time (what one read gives: at most _BLOCK bytes, or one long line
whole; only a newline ends a task; a trailing CR is dropped; blank lines are skipped), so memory
stays flat however long the input and the first verdict is out before the input ends. On a
terminal or a pipe, each line is handled and its record flushed in turn (`input_lines`);
elsewhere (a regular file) a block is handled a step at a time (`input_blocks`) and its records
written at once. JSON records escape with the C encoder; only the rare
characters it leaves raw (DEL, C1 controls, U+2028/U+2029) go through a second pass, and the
part of a record that depends on the verdict alone is built once per verdict.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from json.encoder import encode_basestring  # the C encoder, as json.dumps(ensure_ascii=False)
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from coach.decisions import Decision
from coach.errors import CoachError
from coach.models import ATTRIBUTES, clean_text

# What json.dumps(ensure_ascii=False) leaves raw but a terminal or str.splitlines() would act on
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
_TAIL_CACHE_LIMIT = 20_000


def _number(value: float) -> str:
    """A number as json.dumps writes it (repr for a float), without the encoder's overhead."""
    return float.__repr__(value) if type(value) is float else json.dumps(value)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(obj: object) -> str:
    """JSON on one line that cannot carry a raw control character to the terminal.

    DEL, C1 controls and the Unicode line/paragraph separators are escaped, so
    every record stays on one line even for readers that use str.splitlines().
    """
    text = json.dumps(obj, ensure_ascii=False)
    if text.isascii() and "\x7f" not in text:
        return text
    return _UNSAFE.sub(_escaped, text)


# --- input ---------------------------------------------------------------------------------


def _open_input(path: Path | None) -> tuple[IO[bytes], str]:
    if path is None or str(path) == "-":
        return sys.stdin.buffer, "standard input"
    from coach.errors import open_input

    # A FIFO or device is refused, not waited on; input_lines closes the file.
    return open_input(path, "a text file with one task per line"), str(path)


_BLOCK = 1 << 16  # bytes asked for at a time; a pipe gives what it has, up to this


def _whole_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The input in pieces that end at a newline (the last one may not): each is what one read
    gave, so a pipe's lines come as soon as they are written, and a long line is held whole."""
    read = getattr(stream, "read1", stream.read)
    held: list[bytes] = []  # the start of a line that has not ended yet
    while block := read(_BLOCK):
        cut = block.rfind(b"\n") + 1
        if not cut:
            held.append(block)
            continue
        if held:
            held.append(block[:cut])
            yield b"".join(held)
            held.clear()
        else:
            yield block if cut == len(block) else block[:cut]
        if cut < len(block):
            held.append(block[cut:])
    if held:
        yield b"".join(held)


def _pieces(path: Path | None) -> Iterator[tuple[int, str, str]]:
    """(lines before, text, where) for each piece of FILE or standard input: whole lines (the
    last may not end in a newline), decoded, as they come. A piece with a line that is not UTF-8
    gives the whole lines before that line, then stops with a CoachError naming the line."""
    stream, where = _open_input(path)
    number = 0  # lines before this piece
    try:
        for piece in _whole_lines(stream):
            if not number and piece.startswith(b"\xef\xbb\xbf"):
                piece = piece[3:]  # a byte-order mark, as "utf-8-sig" drops it
            try:
                text = piece.decode()
            except UnicodeDecodeError as exc:
                start = piece.rfind(b"\n", 0, exc.start) + 1  # where the bad line starts
                yield number, piece[:start].decode(), where  # the lines before it
                number += piece.count(b"\n", 0, start) + 1
                raise CoachError(
                    f"{where}: line {number}: not UTF-8 text (bad byte at column "
                    f"{exc.start - start + 1}); save it as UTF-8"
                ) from None
            yield number, text, where
            number += text.count("\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def input_lines(path: Path | None) -> Iterator[tuple[int, str, str]]:
    """(line number, text, where) for each non-blank line of FILE or standard input, read as it
    comes, a block at a time; a line that is not UTF-8 stops with a CoachError naming the line,
    after the lines before it."""
    for before, text, where in _pieces(path):
        yield from _lines(text, before, where)


def input_blocks(path: Path | None) -> Iterator[list[str]]:
    """The non-blank lines of FILE or standard input, as `input_lines` reads them, in blocks:
    the lines of one read (at most _BLOCK bytes, or one long line), for a caller that handles
    a block at a time. A line that is not UTF-8 stops as there, after the lines before it."""
    for _before, text, _where in _pieces(path):
        # (str.strip gives "" for a line that is empty or all white space, as isspace reads it)
        yield list(filter(str.strip, _split(text)))


def _lines(text: str, before: int, where: str) -> Iterator[tuple[int, str, str]]:
    """The non-blank lines of `text` (whole lines, each ending in a newline but perhaps the
    last), numbered from `before + 1`, without their newline or a CR before it."""
    for number, line in enumerate(_split(text), start=before + 1):
        if line and not line.isspace():
            yield number, line, where


def _split(text: str) -> list[str]:
    """The lines of `text` (whole lines, each ending in a newline but perhaps the last), without
    their newline or a CR before it; blank ones too, so that they can be counted."""
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # the newline that ends the last line
    if "\r" in text:
        lines = [line[:-1] if line[-1:] == "\r" else line for line in lines]
    return lines


class TaskLine(BaseModel):
    """One line of `coach classify --jsonl`: a task and any of its attributes, strictly typed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    task: str
    repetitive: bool | None = None
    structured_data: bool | None = None
    clear_guardrails: bool | None = None
    high_stakes: bool | None = None
    novel: bool | None = None
    ambiguous: bool | None = None
    safety_critical: bool | None = None
    human_context: bool | None = None

    @field_validator("task")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the task text is blank")
        return value

    def attributes(self) -> dict[str, bool | None]:
        return {name: getattr(self, name) for name in ATTRIBUTES}


def task_line(text: str, number: int, where: str) -> TaskLine:
    """A --jsonl line as a TaskLine, or a one-line CoachError naming the line and field."""
    try:
        return TaskLine.model_validate_json(text)
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False):
            field = ".".join(str(p) for p in e["loc"])
            if e["type"] == "extra_forbidden":
                known = ", ".join(TaskLine.model_fields)
                problems.append(f"field '{field}' is not known (known: {known})")
            elif field:
                message = e["msg"].removeprefix("Value error, ")
                problems.append(f"field '{field}': {message}")
            else:
                problems.append(e["msg"])
        hint = 'each line must be one JSON object such as {"task": "...", "high_stakes": true}'
        raise CoachError(f"{where}: line {number}: {'; '.join(problems)}; {hint}") from None


# --- output --------------------------------------------------------------------------------


def flushes_each_line(out: IO[str]) -> bool:
    """True when records should be flushed one by one: on a terminal or a pipe (someone may be
    reading as they come), not on a regular file, where blocks are cheaper."""
    try:
        mode = os.fstat(out.fileno()).st_mode
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return False
    return out.isatty() or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


# Bytes -> the same byte if JSON writes it as it is (printable ASCII but the backslash), else a
# quote: a text of those bytes without a quote is its own JSON string, less the quotes around it
_QUOTE = ord('"')
_AS_IS_OR_QUOTE = bytes(c if 0x20 <= c < 0x7F and c != ord("\\") else _QUOTE for c in range(256))


def _json_safe(text: str) -> str:
    """`text` as encoded JSON, with the rare characters json.dumps leaves raw escaped."""
    if text.isascii() and _QUOTE not in text.encode().translate(_AS_IS_OR_QUOTE):  # most tasks
        return '"' + text + '"'  # (a byte table's pass is cheaper than the encoder's two)
    text = encode_basestring(text)
    if not text.isascii():
        return _UNSAFE.sub(_escaped, text)
    if "\x7f" in text:
        return text.replace("\x7f", "\\u007f")
    return text


_JOINED = b"', '".join  # the words of a `why`, between its quotes


def json_records() -> Callable[[str, Decision, Sequence[bytes]], str]:
    """A function giving a task's JSON record (with its newline) from its text, its decision and
    the words its `why` shows: {"task", "exposure", "rule", "confidence", "why"}, as safe_json
    would write it. What depends on the decision alone is made once per decision."""
    parts: dict[Decision, tuple[str, str, str]] = {}

    def record(text: str, decision: Decision, words: Sequence[bytes]) -> str:
        known = parts.get(decision)
        if known is None:
            # as json.dumps writes the rest of the record: ", " and ": " between, repr() floats;
            # the exposure is a StrEnum, so it is its own value (and cheaper than `.value`)
            head = (
                f', "exposure": {_json_safe(decision.exposure)}'
                f', "rule": {_json_safe(decision.rule)}'
                f', "confidence": {_number(decision.confidence)}, "why": '
            )
            # The words are lower-case ASCII letters, digits and spaces: JSON as they are
            after_words = _json_safe(decision.why_end)[1:] + "}\n"
            unworded = _json_safe(decision.why_unworded) + "}\n"
            if len(parts) >= _TAIL_CACHE_LIMIT:  # full: start again (memory stays flat)
                parts.clear()
            known = parts[decision] = (head, after_words, unworded)
        head, after_words, unworded = known
        task = _json_safe(text)
        if words:  # (an f-string builds the record in one pass, not one per `+`)
            return f"""{{"task": {task}{head}"Matched '{_JOINED(words).decode()}'{after_words}"""
        return f'{{"task": {task}{head}{unworded}'

    return record


# The table fits 80 display columns (wide CJK characters count two): rich measures the cells.
_TASK, _EXPOSURE, _CONF, _RULE = 32, 12, 4, 26
_WHY_INDENT = "  why: "


def table_rows() -> Callable[[str | None, Decision | None, Sequence[bytes]], str]:
    """A function giving the table's lines for one task (or, given None, its header), each
    within 80 display columns. Imports rich only when a table is asked for."""
    from rich.cells import cell_len, set_cell_size
    from rich.console import Console
    from rich.text import Text

    def fit(text: str, width: int) -> str:
        if cell_len(text) > width:
            return set_cell_size(text, width - 1) + "…"
        return set_cell_size(text, width)

    console = Console(width=80, file=io.StringIO(), color_system=None, highlight=False)

    def wrapped(text: str, width: int) -> list[str]:
        lines = Text(text).wrap(console, width, overflow="fold")
        return [line.plain.rstrip() for line in lines] or [""]

    def rows(text: str | None, decision: Decision | None, words: Sequence[bytes]) -> str:
        if text is None or decision is None:
            cells = ["TASK".ljust(_TASK), "EXPOSURE".ljust(_EXPOSURE), "CONF", "RULE"]
            return "  ".join(cells) + "\n"
        cells = [
            fit(clean_text(text), _TASK),
            decision.exposure.value.ljust(_EXPOSURE),
            f"{decision.confidence:>4.2f}",
            fit(decision.rule, _RULE).rstrip(),
        ]
        out = ["  ".join(cells)]
        why = wrapped(clean_text(decision.why(words)), 80 - len(_WHY_INDENT))
        out.append(_WHY_INDENT + why[0])
        out += [" " * len(_WHY_INDENT) + line for line in why[1:]]
        return "\n".join(out) + "\n"

    return rows
