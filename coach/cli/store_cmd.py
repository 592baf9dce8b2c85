"""Store commands: checkin, history, status, export, backup, restore, doctor. No logic here:
each asks coach.store / coach.checkins / coach.doctor and prints the answer."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from coach.cli.group import get_rules, get_settings, rules_option
from coach.errors import CoachError
from coach.models import clean_text

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: dt.datetime | None) -> dt.date:
    return value.date() if value is not None else dt.date.today()


def _open(ctx: click.Context):
    from coach.store import Store

    return Store.open(get_settings(ctx), short_lived=True)


def _signed(n: float) -> str:
    return f"{n:+g}"


@click.command()
@click.option(
    "--from",
    "profile_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Profile file (TOML) with your answers and the tasks of your week.",
)
@click.option("--date", "day", type=DATE, help="Date of the check-in (default: today).")
@rules_option
@click.pass_context
def checkin(ctx: click.Context, profile_path: Path, day: dt.datetime | None) -> None:
    """Record a check-in from a profile file, without the terminal app.

    Statuses and metric values of last quarter's actions carry over to the actions that still
    apply. Prints the new check-in's id.
    """
    from coach.calendar import next_checkin_due
    from coach.checkins import new_checkin
    from coach.profile_io import load_profile

    profile_file = load_profile(profile_path)
    if not profile_file.tasks:
        raise CoachError(
            f"{profile_path}: has no [[tasks]]; add the tasks of your week "
            "([[tasks]] entries with text and hours_per_week) before recording a check-in"
        )
    table = get_rules(ctx)
    store = _open(ctx)
    today = _day(day)
    previous = store.latest(on_or_before=today)
    saved = store.add_checkin(new_checkin(profile_file, table, today=today, previous=previous))
    index = saved.assessment.exposure_index
    click.echo(f"saved check-in {saved.id} ({saved.quarter})")
    if previous is not None:
        change = index - previous.assessment.exposure_index
        click.echo(f"exposure index {index} ({_signed(change)} since {previous.quarter})")
    else:
        click.echo(f"exposure index {index}")
    done = sum(a.status == "done" for a in saved.actions)
    click.echo(f"actions: {done} of {len(saved.actions)} done")
    click.echo(f"next check-in due {next_checkin_due(saved.date)}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (a stable contract).")
@click.pass_context
def history(ctx: click.Context, as_json: bool) -> None:
    """List your check-ins, oldest first.

    --json prints objects with id, date, quarter, exposure_index, total_hours, shares,
    tasks, actions_done and actions_total.
    """
    from coach.cli.core import safe_json

    checkins = _open(ctx).checkins()
    rows = [
        {
            "id": c.id,
            "date": c.date.isoformat(),
            "quarter": c.quarter,
            "exposure_index": c.assessment.exposure_index,
            "total_hours": c.assessment.total_hours,
            "shares": {k.value: round(v, 4) for k, v in c.assessment.shares.items()},
            "tasks": len(c.assessment.tasks),
            "actions_done": sum(a.status == "done" for a in c.actions),
            "actions_total": len(c.actions),
        }
        for c in checkins
    ]
    if as_json:
        click.echo(safe_json(rows))
        return
    if not rows:
        click.echo(
            "no check-ins yet; record one with `coach checkin --from PROFILE` or run `coach`"
        )
        return
    click.echo(f"{'ID':<21} {'DATE':<10}  {'QUARTER':<7}  {'INDEX':>5}  ACTIONS DONE")
    for r in rows:
        click.echo(
            f"{clean_text(r['id']):<21} {r['date']:<10}  {r['quarter']:<7}  "
            f"{r['exposure_index']:>5}  {r['actions_done']}/{r['actions_total']}"
        )


@click.command()
@click.option("--today", type=DATE, hidden=True, help="Pretend today is this date (for tests).")
@click.pass_context
def status(ctx: click.Context, today: dt.datetime | None) -> None:
    """Show the last check-in, its exposure index and when the next one is due.

    Exit status: 0 when no check-in is due, 1 when one is due (also when there is none yet),
    2 on errors. Handy in cron, launchd or systemd timers.
    """
    from coach.checkins import checkin_due

    store = _open(ctx)
    last = store.latest()
    day = _day(today)
    due = checkin_due(last, day)
    if last is None:
        click.echo("no check-ins yet: one is due now")
        click.echo("record one with `coach checkin --from PROFILE` or run `coach`")
        sys.exit(1)
    click.echo(f"last check-in: {clean_text(last.id)} on {last.date} ({last.quarter})")
    line = f"exposure index: {last.assessment.exposure_index}"
    previous = store.previous(last)
    if previous is not None:
        change = last.assessment.exposure_index - previous.assessment.exposure_index
        line += f" ({_signed(change)} since {previous.quarter})"
    click.echo(line)
    done = sum(a.status == "done" for a in last.actions)
    click.echo(f"actions: {done} of {len(last.actions)} done")
    if due.due:
        click.echo(f"next check-in: DUE (since {due.due_on})")
        sys.exit(1)
    click.echo(f"next check-in due {due.due_on} (in {(due.due_on - day).days} days)")


def _find(store, wanted: str | None):
    if wanted is None:
        found = store.latest()
        if found is None:
            raise CoachError("no check-ins yet; record one with `coach checkin --from PROFILE`")
        return found
    exact = store.get(wanted)
    if exact is not None:
        return exact
    matches = [c for c in store.checkins() if c.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CoachError(f"no check-in with id {wanted!r}; `coach history` lists them")
    raise CoachError(
        f"{wanted!r} matches {len(matches)} check-ins ({', '.join(c.id for c in matches[:4])}); "
        "give more of the id"
    )


@click.command()
@click.argument("checkin_id", metavar="[ID]", required=False)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown for reading, or JSON for scripts (the contract is in the README).",
)
@click.pass_context
def export(
    ctx: click.Context, checkin_id: str | None, output: Path | None, force: bool, fmt: str
) -> None:
    """Render the plan of a stored check-in as Markdown or JSON (the latest by default).

    ID may be shortened to any unique prefix. A check-in with a predecessor gets a
    "since last quarter" section.
    """
    from coach.checkins import plan_of
    from coach.export import render_json, render_markdown, write_text_atomic

    store = _open(ctx)
    found = _find(store, checkin_id)
    plan = plan_of(found, store.previous(found))
    text = render_json(plan) if fmt == "json" else render_markdown(plan)
    if output is None:
        click.echo(text, nl=False)
        return
    write_text_atomic(output, text, force=force)
    click.echo(f"wrote the plan of check-in {found.id} to {output}", err=True)


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.pass_context
def backup(ctx: click.Context, file: Path, force: bool) -> None:
    """Write the whole store, validated, to FILE (JSON); an existing FILE needs --force."""
    from coach.doctor import backup_to

    click.echo(backup_to(get_settings(ctx), file, force=force))


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--force", is_flag=True, help="Restore even if check-ins only in the current store would go."
)
@click.pass_context
def restore(ctx: click.Context, file: Path, force: bool) -> None:
    """Replace the store with FILE (from `coach backup` or backups/).

    FILE is validated first, and the current store is saved in backups/ before it is replaced.
    """
    from coach.doctor import restore_from

    for line in restore_from(get_settings(ctx), file, force=force):
        click.echo(line)


@click.command()
@click.option(
    "--repair",
    is_flag=True,
    help="Move a damaged store aside and restore the newest good backup.",
)
@click.pass_context
def doctor(ctx: click.Context, repair: bool) -> None:
    """Show where coach keeps data and check the store. Exit 1 when the store is damaged."""
    from coach import doctor as doc

    settings = get_settings(ctx)
    if repair:
        lines, _repaired = doc.repair(settings)
        for line in lines:
            click.echo(line)
        return
    lines, healthy = doc.diagnose(settings)
    for line in lines:
        click.echo(line)
    if not healthy:
        sys.exit(1)
