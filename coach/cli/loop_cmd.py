"""The quarterly loop from the command line: actions, evidence and the brag document.

`coach actions` lists this quarter's actions, `coach actions set` records progress,
`coach log` keeps dated evidence and `coach brag` writes it all up. Every change is applied to
the check-in as it is on disk, under the store's lock (see Store.change_checkin), so the app
and the command line never undo each other.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from coach.cli.group import get_settings
from coach.errors import CoachError
from coach.models import clean_text

DATE = click.DateTime(formats=["%Y-%m-%d"])
NO_CHECKIN = "no check-ins yet; record one with `coach checkin --from PROFILE` or run `coach`"


def _open(ctx: click.Context):
    from coach.store import Store

    return Store.open(get_settings(ctx), short_lived=True)


def _latest(store):
    from coach.progress import current_checkin

    latest = current_checkin(store.checkins())
    if latest is None:
        raise CoachError(NO_CHECKIN)
    return latest


def _action_row(checkin, action) -> dict:
    from coach.progress import metric_entry, short_id

    entry = metric_entry(checkin, action.id)
    return {
        "id": short_id(action.id),
        "action_id": action.id,
        "section": action.section,
        "kind": action.kind,
        "status": action.status,
        "title": action.title,
        "baseline": entry.baseline if entry else "",
        "target": entry.target if entry else "",
        "latest": entry.value if entry else "",
        "note": checkin.notes.get(action.id, ""),
    }


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (a stable contract).")
@click.pass_context
def actions(ctx: click.Context, as_json: bool) -> None:
    """List this quarter's actions (those of the latest check-in) with a short id.

    --json prints objects with id, action_id, section, kind, status, title, baseline, target,
    latest and note. Use the id with `coach actions set ID`.
    """
    if ctx.invoked_subcommand is not None:
        return
    from coach.cli.core import safe_json
    from coach.plan_text import status_word

    checkin = _latest(_open(ctx))
    rows = [_action_row(checkin, a) for a in checkin.actions]
    if as_json:
        click.echo(safe_json(rows))
        return
    done = sum(r["status"] == "done" for r in rows)
    click.echo(f"check-in {checkin.id} ({checkin.quarter}): {done} of {len(rows)} actions done")
    click.echo(_actions_table(rows, status_word), nl=False)


def _actions_table(rows: list[dict], status_word) -> str:
    """The actions as aligned columns (id, status, kind, title) at the terminal's width; a long
    title wraps inside its column, and numbers and notes go on lines of their own beneath it.
    Imports rich only here, so `coach --help` stays fast."""
    import io
    import shutil

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = max(60, shutil.get_terminal_size((80, 24)).columns)
    table = Table(box=None, pad_edge=False, expand=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("STATUS", no_wrap=True)
    table.add_column("KIND", no_wrap=True)
    table.add_column("ACTION", overflow="fold")
    for r in rows:
        kind = r["kind"] or r["section"]
        title = Text(clean_text(r["title"]))
        numbers = [f"{k} {r[k]}" for k in ("baseline", "target", "latest") if r[k]]
        if numbers:
            title.append("\nnumbers: " + clean_text(", ".join(numbers)))
        if r["note"]:
            title.append("\nnote: " + clean_text(r["note"]))
        table.add_row(r["id"], status_word(r["status"]), Text(kind), title)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


@actions.command("set")
@click.argument("action_ref", metavar="ID")
@click.option("--status", type=click.Choice(["todo", "doing", "done", "dropped"]))
@click.option("--baseline", help="A metric's value before you started, e.g. '8 h a week'.")
@click.option("--target", help="Where you aim to get it this quarter.")
@click.option("--latest", help="Its latest value.")
@click.option("--note", help="A note on the action (empty text clears it).")
@click.pass_context
def set_action(
    ctx: click.Context,
    action_ref: str,
    status: str | None,
    baseline: str | None,
    target: str | None,
    latest: str | None,
    note: str | None,
) -> None:
    """Record progress on one action of this quarter's plan.

    ID is the short id from `coach actions` (or the full id, or a unique prefix).
    Baseline, target and latest are for metric actions.
    """
    from coach.plan_text import status_word
    from coach.progress import find_action, set_progress, short_id

    if all(v is None for v in (status, baseline, target, latest, note)):
        raise CoachError(
            "actions set: say what to record: --status, --baseline, --target, --latest or --note"
        )
    store = _open(ctx)
    checkin = _latest(store)
    action = find_action(checkin, action_ref)

    def change(stored):
        return set_progress(
            stored,
            action.id,
            status=status,
            baseline=baseline,
            target=target,
            latest=latest,
            note=note,
        )

    change(checkin)  # checked on this copy first: a mistake is reported before the store locks
    saved = store.change_checkin(checkin.id, change)
    row = _action_row(saved, next(a for a in saved.actions if a.id == action.id))
    click.echo(f"{short_id(action.id)} {status_word(row['status'])}: {clean_text(action.title)}")
    numbers = [f"{k} {row[k]}" for k in ("baseline", "target", "latest") if row[k]]
    if numbers:
        click.echo(f"numbers: {clean_text(', '.join(numbers))}")


@click.command()
@click.argument("text", required=False)
@click.option("--action", "action_ref", metavar="ID", help="The action it is evidence for.")
@click.option("--value", default="", help="A number that goes with it, e.g. '$40k'.")
@click.option("--date", "day", type=DATE, help="When it happened (default: today).")
@click.option("--list", "as_list", is_flag=True, help="List the evidence logged so far.")
@click.option("--json", "as_json", is_flag=True, help="With --list: print a JSON list.")
@click.pass_context
def log(
    ctx: click.Context,
    text: str | None,
    action_ref: str | None,
    value: str,
    day: dt.datetime | None,
    as_list: bool,
    as_json: bool,
) -> None:
    """Log a dated piece of evidence, e.g. "won back the Acme renewal" --value '$40k'.

    It is kept with this quarter's check-in and appears in `coach brag`. `--list` shows every
    piece logged, oldest first; with --json, objects with date, quarter, checkin_id, text,
    value, action_id and action (the short id).
    """
    if as_list:
        _list_evidence(ctx, as_json)
        return
    if as_json:
        raise CoachError("log: --json goes with --list")
    if text is None or not clean_text(text):
        raise CoachError('log: say what you did, e.g. coach log "cut the weekly report to 1 h"')
    from coach.progress import add_evidence, find_action, short_id

    store = _open(ctx)
    checkin = _latest(store)
    action_id = find_action(checkin, action_ref).id if action_ref else None
    when = day.date() if day is not None else dt.date.today()
    add_evidence(checkin, text, day=when, action_id=action_id, value=value)  # checked first
    store.change_checkin(
        checkin.id,
        lambda stored: add_evidence(stored, text, day=when, action_id=action_id, value=value),
    )
    linked = f" (action {short_id(action_id)})" if action_id else ""
    click.echo(f"logged for {checkin.quarter}{linked}: {clean_text(text)}")


def _list_evidence(ctx: click.Context, as_json: bool) -> None:
    from coach.cli.core import safe_json
    from coach.progress import short_id

    rows = [
        {
            "date": e.date.isoformat(),
            "quarter": c.quarter,
            "checkin_id": c.id,
            "text": e.text,
            "value": e.value,
            "action_id": e.action_id,
            "action": short_id(e.action_id) if e.action_id else None,
        }
        for c in _open(ctx).checkins()
        for e in c.evidence
    ]
    if as_json:
        click.echo(safe_json(rows))
        return
    if not rows:
        click.echo("no evidence logged yet; add some with `coach log TEXT`")
        return
    for r in rows:
        extra = f" ({clean_text(r['value'])})" if r["value"] else ""
        action = f"  [{r['action']}]" if r["action"] else ""
        click.echo(f"{r['date']}  {r['quarter']}  {clean_text(r['text'])}{extra}{action}")


@click.command()
@click.option("--quarter", help="Only this quarter, e.g. 2026-Q3 (default: every quarter).")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.pass_context
def brag(ctx: click.Context, quarter: str | None, output: Path | None, force: bool) -> None:
    """Write a Markdown brag document: what you delivered, by quarter and by the article's
    four moves, with metrics before and after and the evidence you logged."""
    from coach.brag import brag_quarters, render_brag
    from coach.export import write_text_atomic

    checkins = _open(ctx).checkins()
    if not checkins:
        raise CoachError(NO_CHECKIN)
    text = render_brag(brag_quarters(checkins, quarter), today=dt.date.today())
    if output is None:
        click.echo(text, nl=False)
        return
    write_text_atomic(output, text, force=force)
    click.echo(f"wrote the brag document to {output}", err=True)
