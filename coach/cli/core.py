"""`coach classify` and `coach rules`: the scriptable face of the rules table. No Textual here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from coach.cli.group import get_rules, rules_option
from coach.errors import decode_utf8, read_text
from coach.models import clean_text


def safe_json(obj: object) -> str:
    """JSON on one line that cannot carry a raw control character to the terminal.

    DEL, C1 controls and the Unicode line/paragraph separators are escaped, so
    every record stays on one line even for readers that use str.splitlines().
    """
    text = json.dumps(obj, ensure_ascii=False)
    return "".join(
        f"\\u{ord(ch):04x}"
        if ord(ch) == 127 or 0x80 <= ord(ch) < 0xA0 or ch in "\u2028\u2029"
        else ch
        for ch in text
    )


def read_lines(path: Path | None) -> list[str]:
    """Task statements, one per line, blank lines skipped; a clear error for undecodable input."""
    if path is None or str(path) == "-":
        text = decode_utf8(sys.stdin.buffer.read(), "standard input")
    else:
        text = read_text(path, "a text file with one task per line")
    # Only a newline separates tasks: str.splitlines() would also split on
    # form feeds, vertical tabs and Unicode separators inside a statement.
    lines = (line.removesuffix("\r") for line in text.split("\n"))
    return [line for line in lines if line.strip()]


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: one object per task (a stable contract); table: for reading.",
)
@rules_option
@click.pass_context
def classify(ctx: click.Context, file: Path | None, fmt: str) -> None:
    """Classify task statements from FILE (or standard input), one per line.

    Prints one JSON object per task, in order:
    {"task", "exposure", "rule", "confidence", "why"}.
    """
    table = get_rules(ctx)
    lines = read_lines(file)
    out = sys.stdout
    if fmt == "json":
        for line in lines:
            v = table.classify(line)
            record = {
                "task": line,
                "exposure": v.exposure.value,
                "rule": v.rule,
                "confidence": v.confidence,
                "why": v.why,
            }
            out.write(safe_json(record) + "\n")
        out.flush()
        return
    width = 48
    out.write(f"{'TASK':<{width}}  {'EXPOSURE':<12}  {'CONF':>4}  RULE\n")
    for line in lines:
        v = table.classify(line)
        shown = clean_text(line)
        shown = shown if len(shown) <= width else shown[: width - 1] + "…"
        out.write(f"{shown:<{width}}  {v.exposure.value:<12}  {v.confidence:>4.2f}  {v.rule}\n")
        out.write(f"{'':<{width}}  why: {clean_text(v.why)}\n")
    out.flush()


@click.command()
@click.option(
    "--check",
    "check_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Validate this rules file and report every problem.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@rules_option
@click.pass_context
def rules(ctx: click.Context, check_file: Path | None, as_json: bool) -> None:
    """List the rules table (the bundled one, or --rules FILE), or --check a file."""
    if check_file is not None:
        from coach.rules import load_rules

        table = load_rules(check_file)
        counts = {
            e: sum(r.exposure == e for r in table.rules)
            for e in ("displacement", "augmentation", "not-ready")
        }
        from coach.plan_text import counted

        click.echo(
            f"{check_file}: OK, {counted(len(table), 'rule')} "
            f"({counts['displacement']} displacement, {counts['augmentation']} augmentation, "
            f"{counts['not-ready']} not-ready)"
        )
        return
    table = get_rules(ctx)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in table.rules], indent=2))
        return
    from coach.plan_text import counted

    click.echo(f"{counted(len(table), 'rule')} from {table.source}\n")
    for r in table.rules:
        words = ", ".join(r.verbs[:4] + r.objects[:4])
        cond = ", ".join(f"{k}={str(v).lower()}" for k, v in r.when.items())
        click.echo(f"{r.id}  [{r.exposure.value}, weight {r.weight:g}]")
        click.echo(f"    {r.reason}")
        click.echo(f"    from: {r.section}")
        if words:
            click.echo(f"    matches: {words}{' ...' if len(r.verbs) + len(r.objects) > 8 else ''}")
        if cond:
            click.echo(f"    when: {cond}")
