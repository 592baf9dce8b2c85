"""`coach classify` and `coach rules`: the scriptable face of the rules table. No Textual here."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from coach.cli.classify_io import (
    flushes_each_line,
    input_blocks,
    input_lines,
    json_records,
    table_rows,
    task_line,
)
from coach.cli.classify_io import safe_json as safe_json  # used by the other commands
from coach.cli.group import get_rules, rules_option

# Tasks decided a step at a time: 64 keeps the most code hot for the fewest objects held (a
# group's scans outlive a young-generation collection; at 500 tasks, the collector's work costs
# more than the caches save)
_GROUP = 64


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: one object per task (a stable contract); table: for reading, 80 columns wide.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read one JSON object per line: {"task": "...", "high_stakes": true, ...} '
    "with any of the task attributes (true, false or null).",
)
@rules_option
@click.pass_context
def classify(ctx: click.Context, file: Path | None, fmt: str, jsonl: bool) -> None:
    """Classify task statements from FILE (or standard input), one per line.

    Prints one JSON object per task, in order, as each line is read:
    {"task", "exposure", "rule", "confidence", "why"}. With --jsonl, each line is a JSON object
    with "task" and any of the attributes repetitive, structured_data, clear_guardrails,
    high_stakes, novel, ambiguous, safety_critical, human_context; a bad line stops the run
    with an error naming it (exit 2), after the lines before it have been printed.
    """
    table = get_rules(ctx)
    decide = table.decide
    out = sys.stdout
    flush = out.flush if flushes_each_line(out) else None
    if fmt == "json":
        render = json_records()
    else:
        render = table_rows()
        out.write(render(None, None, ()))
    write = out.write
    try:
        if flush is None and not jsonl:
            # Not to a terminal or a pipe: a block of lines at a time (what one read gave), in
            # groups of _GROUP tasks, each step for a whole group (every scan, every decision,
            # every task's words, every record, then one write), so each step's code stays hot
            # in the processor's caches. The same bytes out.
            for block in input_blocks(file):
                for start in range(0, len(block), _GROUP):
                    part = block[start : start + _GROUP]
                    decisions, words = table.decide_all(part)
                    write("".join(map(render, part, decisions, words)))
            out.flush()
            return
        for number, text, where in input_lines(file):
            if jsonl:
                line = task_line(text, number, where)
                text = line.task
                decision, words = decide(text, line.attributes())
            else:
                decision, words = decide(text)
            write(render(text, decision, words))
            if flush is not None:
                flush()
        out.flush()
    except BrokenPipeError:
        # The reader has gone (`coach classify BIG | head -1`): stop quietly. Point stdout at
        # devnull so the interpreter's last flush does not fail again on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        sys.exit(0)


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
