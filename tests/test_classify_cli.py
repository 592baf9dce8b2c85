"""`coach classify`: one JSON object per non-blank line, in order; clear errors; safe output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.cli import cli
from coach.models import ATTRIBUTES

ATTRIBUTE_NAMES = sorted(ATTRIBUTES)

KEYS = {"task", "exposure", "rule", "confidence", "why"}
CLASSES = {"displacement", "augmentation", "not-ready"}
TASKS = [
    "Compile the weekly sales report from the CRM",
    "Repair hydraulic pumps and replace worn valves",
    "Develop new features for the company's web application",
]
# ESC, C1 controls and DEL: none may reach the terminal raw.
_RAW_CONTROLS = re.compile(rb"\x1b|\x7f|\xc2[\x80-\x9f]")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "classify", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_one_object_per_line_in_order_from_stdin() -> None:
    text = "\n".join([TASKS[0], "", "   ", TASKS[1], TASKS[2]]) + "\n"
    result = CliRunner().invoke(cli, ["classify"], input=text)
    assert result.exit_code == 0, result.output
    out = records(result.output)
    assert [r["task"] for r in out] == TASKS
    for record in out:
        assert set(record) == KEYS
        assert record["exposure"] in CLASSES
        assert 0 <= record["confidence"] <= 1
        assert record["rule"] in record["why"]
    assert [r["exposure"] for r in out] == ["displacement", "not-ready", "augmentation"]


def test_from_file_matches_stdin(tmp_path: Path) -> None:
    path = tmp_path / "tasks.txt"
    path.write_text("\n".join(TASKS) + "\n", encoding="utf-8")
    from_file = CliRunner().invoke(cli, ["classify", str(path)])
    from_stdin = CliRunner().invoke(cli, ["classify", "-"], input="\n".join(TASKS))
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.output == from_stdin.output
    assert len(records(from_file.output)) == 3


def test_windows_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "tasks.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(TASKS).encode("utf-8") + b"\r\n")
    result = CliRunner().invoke(cli, ["classify", str(path)])
    assert [r["task"] for r in records(result.output)] == TASKS


def test_empty_input_prints_nothing() -> None:
    result = CliRunner().invoke(cli, ["classify"], input="\n\n")
    assert result.exit_code == 0 and result.output == ""


def test_table_format() -> None:
    result = CliRunner().invoke(cli, ["classify", "--format", "table"], input="\n".join(TASKS))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["TASK", "EXPOSURE", "CONF", "RULE"]
    rows = [line for line in lines[1:] if not line.startswith(" ")]
    assert [row.split("  ")[0].rstrip("…") for row in rows] == [t[:31] for t in TASKS]
    assert [row.split()[-3] for row in rows] == ["displacement", "not-ready", "augmentation"]
    assert sum(line.lstrip().startswith("why:") for line in lines) == 3
    assert all(len(line) <= 80 for line in lines)


def test_table_keeps_wide_text_within_80_columns() -> None:
    from rich.cells import cell_len

    wide = "毎週の売上報告書を作成して顧客ごとにまとめる" * 3
    result = CliRunner().invoke(cli, ["classify", "--format", "table"], input=wide + "\n")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[1].startswith(wide[:15]) and "…" in lines[1]
    assert all(cell_len(line) <= 80 for line in lines)


def test_subprocess_contract() -> None:
    result = run(stdin=("\n".join(TASKS) + "\n").encode())
    assert result.returncode == 0
    assert result.stderr == b""
    assert len(records(result.stdout.decode("utf-8"))) == 3


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (("missing.txt",), None, b"not found"),
        (("--rules", "missing-rules.toml"), b"Write a report\n", b"not found"),
    ],
    ids=["missing-file", "missing-rules"],
)
def test_errors_are_one_line_exit_2(
    tmp_path: Path, args: tuple[str, ...], stdin: bytes | None, expected: bytes
) -> None:
    args = tuple(str(tmp_path / a) if a.endswith((".txt", ".toml")) else a for a in args)
    result = run(*args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.startswith(b"coach: error: ")
    assert expected in result.stderr
    assert result.stderr.count(b"\n") == 1
    assert b"Traceback" not in result.stderr


def test_undecodable_line_stops_after_the_lines_before_it() -> None:
    result = run(stdin=b"Write a report\n\xff\xfe bad bytes\nRepair pumps\n")
    assert result.returncode == 2
    assert [r["task"] for r in records(result.stdout.decode())] == ["Write a report"]
    assert result.stderr.startswith(b"coach: error: standard input: line 2: not UTF-8")
    assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("data", "printed", "line", "column"),
    [
        # the bad line deep in a block of good ones, blank lines among them
        (b"Write a report\n\n  \nRepair pumps\r\nFile it \xc3\n", 2, 5, 9),
        # a byte-order mark, then a bad byte on the first line: columns count after the mark
        (b"\xef\xbb\xbfab\xff\nWrite a report\n", 0, 1, 3),
        # a long good line before the bad one (longer than a read), the bad one without a newline
        (b"Compile the weekly report " * 4000 + b"\nab\x80", 1, 2, 3),
    ],
)
def test_undecodable_line_is_named_with_its_column(
    data: bytes, printed: int, line: int, column: int
) -> None:
    result = run(stdin=data)
    assert result.returncode == 2
    assert len(records(result.stdout.decode())) == printed
    where = f"line {line}: not UTF-8 text (bad byte at column {column})"
    assert where.encode() in result.stderr and result.stderr.count(b"\n") == 1


def test_a_line_written_in_parts_to_a_pipe_is_one_task() -> None:
    proc = _popen()
    assert proc.stdin and proc.stdout
    try:
        proc.stdin.write(TASKS[0][:20].encode())
        proc.stdin.flush()
        time.sleep(0.3)  # the command has read the start of the line by now
        proc.stdin.write(TASKS[0][20:].encode() + b"\r\n" + TASKS[1].encode() + b"\n")
        proc.stdin.close()
        lines = proc.stdout.read().decode().splitlines()
        assert [json.loads(line)["task"] for line in lines] == [TASKS[0], TASKS[1]]
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def test_bad_rules_file_is_one_clear_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nid = "x"\nexposure = "sometimes"\n', encoding="utf-8")
    result = run("--rules", str(rules), stdin=b"Write a report\n")
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"'x'" in result.stderr and b"exposure" in result.stderr
    assert b"Traceback" not in result.stderr


def test_undecodable_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Prepare the caf\xe9 menu\n".encode("latin-1"))
    result = run(str(path))
    assert result.returncode == 2
    assert str(path).encode() in result.stderr and b"UTF-8" in result.stderr


HOSTILE = [
    "\x1b[31mWrite\x1b[0m the weekly report",
    "\x1b]0;pwned\x07Answer customer tickets",
    "Repair pumps\x9b31m with C1 CSI",
    "Clean rooms\x7f with DEL",
    "Draft emails\x00\x07\x08 with NUL and bell",
    "\u202eRTL override task",
]


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_control_characters_never_reach_stdout_raw(fmt: str) -> None:
    result = run("--format", fmt, stdin="\n".join(HOSTILE).encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert not _RAW_CONTROLS.search(result.stdout)
    assert b"\x00" not in result.stdout and b"\x07" not in result.stdout
    if fmt == "json":
        assert len(result.stdout.splitlines()) == len(HOSTILE)


def test_only_newlines_separate_tasks() -> None:
    result = CliRunner().invoke(cli, ["classify"], input="Clean rooms\x85and halls\u2028daily\n")
    assert len(records(result.output)) == 1


_SEPARATORS = str.maketrans({c: " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=8))
def test_any_lines_give_safe_json_in_order(lines: list[str]) -> None:
    text = "\n".join(line.translate(_SEPARATORS) for line in lines)
    result = CliRunner().invoke(cli, ["classify"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    expected = [line for line in text.split("\n") if line.strip()]
    out = records(result.output)
    assert [r["task"] for r in out] == expected
    assert all(r["exposure"] in CLASSES for r in out)
    assert not _RAW_CONTROLS.search(result.output.encode("utf-8"))


def _popen(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "coach", "classify", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_first_record_arrives_before_the_input_ends() -> None:
    proc = _popen()
    assert proc.stdin and proc.stdout
    try:
        proc.stdin.write((TASKS[0] + "\n").encode())
        proc.stdin.flush()
        # stdin is still open: the record can only come if the command streams
        first = json.loads(proc.stdout.readline())
        assert first["task"] == TASKS[0] and first["exposure"] == "displacement"
        proc.stdin.write((TASKS[1] + "\n").encode())
        proc.stdin.close()
        rest = proc.stdout.read().decode().splitlines()
        assert [json.loads(line)["task"] for line in rest] == [TASKS[1]]
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def test_a_closed_pipe_exits_quietly_with_status_0(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("\n".join(TASKS * 20_000) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "classify", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout and proc.stderr
    assert json.loads(proc.stdout.readline())["task"] == TASKS[0]
    proc.stdout.close()  # as `coach classify BIG | head -1` does once it has its line
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""


def test_output_to_a_file_is_the_same_as_to_a_pipe(tmp_path: Path) -> None:
    lines = "\n".join(TASKS * 50).encode()
    out = tmp_path / "out.jsonl"
    with out.open("wb") as handle:
        subprocess.run(
            [sys.executable, "-m", "coach", "classify"],
            input=lines,
            stdout=handle,
            check=True,
            timeout=60,
        )
    assert out.read_bytes() == run(stdin=lines).stdout
    assert len(records(out.read_text(encoding="utf-8"))) == 150


def test_a_very_long_line_is_classified_whole() -> None:
    # 300 KB on one line: the leading list of verbs and the words after it all count
    text = "Compile, " + "review, " * 37_000 + "and file the weekly sales reports"
    result = CliRunner().invoke(cli, ["classify"], input=text + "\n")
    assert result.exit_code == 0
    (record,) = records(result.output)
    assert record["task"] == text
    assert record["rule"] == "routine-reporting"
    assert "Matched 'compile', 'reports'" in record["why"]  # 'reports' is 300 KB in


def jsonl(*objects: dict) -> str:
    return "\n".join(json.dumps(obj) for obj in objects) + "\n"


def test_jsonl_attributes_change_verdicts_as_the_article_says() -> None:
    report = "Compile the weekly sales report from the CRM"
    invoices = "Review the monthly invoices"
    result = CliRunner().invoke(
        cli,
        ["classify", "--jsonl"],
        input=jsonl(
            {"task": report},
            {"task": report, "high_stakes": True},
            {"task": invoices},
            {
                "task": invoices,
                "repetitive": True,
                "structured_data": True,
                "clear_guardrails": True,
            },
            {"task": "zzxq blorp", "safety_critical": True, "novel": None},
        ),
    )
    assert result.exit_code == 0, result.output
    out = records(result.output)
    assert [set(r) for r in out] == [KEYS] * 5
    assert [r["task"] for r in out][:2] == [report, report]
    # high stakes: a mistake's cost keeps a human deciding (not ready)
    assert (out[0]["exposure"], out[1]["exposure"]) == ("displacement", "not-ready")
    assert out[1]["rule"] == "attr-high-stakes"
    # repetitive work on structured data with clear guardrails: displacement
    assert (out[2]["exposure"], out[3]["exposure"]) == ("augmentation", "displacement")
    assert out[3]["rule"] == "structured-repetitive"
    assert (out[4]["exposure"], out[4]["rule"]) == ("not-ready", "attr-safety-critical")


def test_jsonl_without_attributes_matches_plain_text() -> None:
    plain = CliRunner().invoke(cli, ["classify"], input="\n".join(TASKS))
    as_jsonl = CliRunner().invoke(
        cli, ["classify", "--jsonl"], input=jsonl(*({"task": t} for t in TASKS))
    )
    assert as_jsonl.exit_code == 0 and as_jsonl.output == plain.output


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("not json", b"Invalid JSON"),
        ('{"task": "Repair pumps", "high_stakes": "yes"}', b"field 'high_stakes'"),
        ('{"task": "Repair pumps", "high_stakes": 1}', b"field 'high_stakes'"),
        ('{"task": "Repair pumps", "hours": 3}', b"field 'hours' is not known"),
        ('{"high_stakes": true}', b"field 'task'"),
        ('{"task": "   "}', b"blank"),
        ('["Repair pumps"]', b"object"),
    ],
    ids=["not-json", "string-bool", "int-bool", "unknown-field", "no-task", "blank", "list"],
)
def test_jsonl_bad_line_stops_with_its_line_number(bad: str, expected: bytes) -> None:
    good = json.dumps({"task": TASKS[0]})
    result = run("--jsonl", stdin=f"{good}\n\n{bad}\n{good}\n".encode())
    assert result.returncode == 2
    # the line before is out (the run streams); nothing after the bad line is
    assert [r["task"] for r in records(result.stdout.decode())] == [TASKS[0]]
    assert result.stderr.startswith(b"coach: error: standard input: line 3: ")
    assert expected in result.stderr
    assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"task": st.text(min_size=1, max_size=60).filter(str.strip)},
            optional={name: st.none() | st.booleans() for name in ATTRIBUTE_NAMES},
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_jsonl_tasks_give_one_record_each(objects: list[dict]) -> None:
    result = CliRunner().invoke(cli, ["classify", "--jsonl"], input=jsonl(*objects))
    assert result.exit_code == 0, result.output
    out = records(result.output)
    assert [r["task"] for r in out] == [obj["task"] for obj in objects]
    assert all(r["exposure"] in CLASSES for r in out)


_RICH_PROBE = """
import runpy, sys
sys.argv = ["coach", *sys.argv[1:]]
try:
    runpy.run_module("coach", run_name="__main__")
except SystemExit:
    pass
finally:
    sys.stderr.write("RICH:" + str(any(m.split(".")[0] == "rich" for m in sys.modules)) + "\\n")
"""


@pytest.mark.parametrize(
    ("args", "rich"),
    [(["--help"], False), (["classify"], False), (["classify", "--format", "table"], True)],
)
def test_only_the_table_imports_rich(args: list[str], rich: bool) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _RICH_PROBE, *args],
        input=TASKS[0] + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.strip()
    assert f"RICH:{rich}" in proc.stderr


_RARE_TEXT = st.text(st.characters() | st.sampled_from('\x7f\x85\x9b\u2028\u2029\x1b\\"'))


_SHOWN_WORDS = st.lists(st.from_regex(r"[a-z0-9]+( [a-z0-9]+)?", fullmatch=True), max_size=3)


@settings(max_examples=200, deadline=None)
@given(_RARE_TEXT, _RARE_TEXT, _SHOWN_WORDS)
def test_fast_records_are_what_json_dumps_would_write(task: str, why: str, words) -> None:
    from coach.cli.classify_io import json_records, safe_json
    from coach.decisions import Decision
    from coach.models import Exposure

    shown = tuple(word.encode() for word in words)
    decision = Decision(
        Exposure.AUGMENTATION, "some-rule", "a section", "a reason", 0.53, 0, why, why
    )
    record = json_records()
    expected = {"task": task, "exposure": "augmentation", "rule": "some-rule"}
    expected |= {"confidence": 0.53, "why": decision.why(shown)}
    written = record(task, decision, shown)
    assert written == safe_json(expected) + "\n" == _escaped_per_character(expected)
    assert record(task, decision, shown) == written  # from the cache, the same


def test_every_ascii_character_in_a_task_is_written_as_json_dumps_would() -> None:
    from coach.cli.classify_io import json_records, safe_json
    from coach.decisions import Decision
    from coach.models import Exposure

    decision = Decision(Exposure.NOT_READY, "r", "s", "a reason", 0.2, 0, ".", "why")
    record = json_records()
    for code in range(128):
        task = f"Review {chr(code)} reports"
        expected = {"task": task, "exposure": "not-ready", "rule": "r"}
        expected |= {"confidence": 0.2, "why": "why"}
        assert record(task, decision, ()) == safe_json(expected) + "\n", code


def _escaped_per_character(obj: object) -> str:
    """safe_json as it was first written: json.dumps, then every character looked at."""
    text = json.dumps(obj, ensure_ascii=False)
    rare = lambda ch: ord(ch) == 127 or 0x80 <= ord(ch) < 0xA0 or ch in "\u2028\u2029"  # noqa: E731
    return "".join(f"\\u{ord(ch):04x}" if rare(ch) else ch for ch in text) + "\n"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["displacement", "augmentation", "not-ready"]),
            st.integers(0, 1) | st.floats(0, 1),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_records_of_many_rulings_write_each_own_exposure_and_confidence(
    verdicts: list[tuple[str, float]],
) -> None:
    """One record writer (its caches shared) over decisions that differ in exposure and
    confidence, 1 and 1.0 among them, writes each as json.dumps would, with words or without."""
    from coach.cli.classify_io import json_records, safe_json
    from coach.decisions import Decision
    from coach.models import Exposure

    record = json_records()
    for exposure, confidence in [*verdicts, ("augmentation", 1), ("augmentation", 1.0)]:
        decision = Decision(Exposure(exposure), "r", "s", "a reason", confidence, 0, ".", "why")
        expected = {"task": "t", "exposure": exposure, "rule": "r"}
        expected |= {"confidence": confidence, "why": "why"}
        assert record("t", decision, ()) == safe_json(expected) + "\n"
        expected["why"] = "Matched 'a', 'b c'."
        assert record("t", decision, (b"a", b"b c")) == safe_json(expected) + "\n"


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_repeated_statements_get_the_lines_each_gets_alone(fmt: str) -> None:
    """A statement seen again (short ones are remembered, long ones not) is written as it is
    when it is the only line of the input."""
    long_task = "Prepare the weekly budget report for the board " * 10  # over 300 characters
    statements = [TASKS[0], TASKS[1], long_task, TASKS[0], long_task, TASKS[2], TASKS[1]]
    alone = {}
    for task in set(statements):
        result = CliRunner().invoke(cli, ["classify", "--format", fmt], input=task + "\n")
        assert result.exit_code == 0, result.output
        alone[task] = result.output.split("\n", 1)[1] if fmt == "table" else result.output
    result = CliRunner().invoke(cli, ["classify", "--format", fmt], input="\n".join(statements))
    assert result.exit_code == 0, result.output
    body = result.output.split("\n", 1)[1] if fmt == "table" else result.output
    assert body == "".join(alone[task] for task in statements)


def _to_file(tmp_path: Path, data: bytes) -> tuple[int, bytes, bytes]:
    """`coach classify` with `data` on standard input and its records to a regular file (the
    path that reads, decides and writes a block of lines at a time)."""
    out = tmp_path / "out.jsonl"
    with out.open("wb") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "coach", "classify"],
            input=data,
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    return result.returncode, out.read_bytes(), result.stderr


def test_blocks_to_a_file_give_what_lines_to_a_pipe_give(tmp_path: Path) -> None:
    # Several reads' worth of input (a read is at most 64 KiB), so lines cross the block
    # boundaries; with a byte-order mark, CRLF endings, blank and white-space-only lines, a
    # line longer than a read, non-ASCII text and a last line without its newline.
    lines = [
        "\ufeffCompile the weekly sales report\r",
        "",
        " \t ",
        "\x1c\x1d\x85",  # white space to str.isspace: blank
        "Prüfen und Ablegen der Rechnungen: file invoices",
        "Review, approve, or reject expense claims\r",
    ]
    body = [lines[i % len(lines)] + f" {i}" * (i % 3) for i in range(9_000)]
    # Three lines longer than a read (about 96 KB each), one right after the first: enough to cross
    # block boundaries every way without making the test read a hundred megabytes
    for at in (1, 3_001, 8_999):
        body[at] = "Compile, " + "review, " * 12_000 + f"and file the weekly reports {at}"
    data = ("\n".join(body) + "\nRepair hydraulic pumps").encode()
    code, written, errors = _to_file(tmp_path, data)
    assert code == 0 and errors == b""
    assert written == run(stdin=data).stdout
    assert len(written.splitlines()) == sum(1 for line in body if line.strip()) + 1


def test_undecodable_line_in_a_block_to_a_file_stops_after_the_lines_before_it(
    tmp_path: Path,
) -> None:
    data = b"Write a report\n" * 5_000 + b"\n  \nFile it \xc3\nRepair pumps\n"
    code, written, errors = _to_file(tmp_path, data)
    assert code == 2
    assert written == run(stdin=data[: data.index(b"File it")]).stdout
    assert errors.startswith(b"coach: error: standard input: line 5003: not UTF-8")
