"""Store commands: checkin, history, status, export, backup, restore, doctor. No logic here:
each asks coach.store / coach.checkins / coach.doctor and prints the answer."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from coach.cli.dates import Day
from coach.cli.group import (
    EMPTY_WEEK,
    complete_checkin_ids,
    get_rules,
    get_settings,
    plan_format_option,
    rules_option,
)
from coach.errors import CoachError
from coach.models import clean_text

DATE = Day()


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
@click.option(
    "--new",
    "extra",
    is_flag=True,
    help="Add an extra check-in beside this quarter's instead of updating it.",
)
@rules_option
@click.pass_context
def checkin(ctx: click.Context, profile_path: Path, day: dt.datetime | None, extra: bool) -> None:
    """Record this quarter's check-in from a profile file, without the terminal app.

    There is one check-in per quarter: run it again in the same quarter and that check-in is
    updated (the version it replaces stays in backups/); --new adds a deliberate extra one,
    labelled "extra". Statuses and metric values of last quarter's actions carry over to the
    actions that still apply. Prints the check-in's id.
    """
    from coach.calendar import next_checkin_due
    from coach.draft import Draft
    from coach.profile_io import load_profile
    from coach.scoring import empty_week

    profile_file = load_profile(profile_path)
    problem = empty_week(profile_file.tasks)
    if problem is not None:
        raise CoachError(f"{profile_path}: {EMPTY_WEEK[problem]} before recording a check-in")
    table = get_rules(ctx)
    store = _open(ctx)
    draft = Draft(profile_file, classify=table.classify, today=_day(day))
    result = draft.save(store, new=extra)
    saved, previous = result.checkin, result.previous
    index = saved.assessment.exposure_index
    if result.replaced is not None:
        click.echo(f"updated check-in {saved.id} ({saved.quarter}): one check-in per quarter")
        kept = f" in {result.backup}" if result.backup else " in backups/"
        click.echo(f"the version it replaced is kept{kept}; use --new for an extra one")
    else:
        label = ", extra" if saved.label else ""
        click.echo(f"saved check-in {saved.id} ({saved.quarter}{label})")
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
    tasks, actions_done, actions_total, label ("extra" for a deliberate extra check-in) and
    evidence (how many pieces were logged).
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
            "label": c.label,
            "evidence": len(c.evidence),
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
            + ("  (extra)" if r["label"] else "")
        )


@click.command()
@click.option("--today", type=DATE, hidden=True, help="Pretend today is this date (for tests).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (a stable contract).")
@click.pass_context
def status(ctx: click.Context, today: dt.datetime | None, as_json: bool) -> None:
    """Show the last check-in, its exposure index and when the next one is due.

    Exit status: 0 when no check-in is due, 1 when one is due (also when there is none yet),
    2 on errors. Handy in cron, launchd or systemd timers. --json prints an object with due,
    due_on, last (id, date, quarter, exposure_index, actions_done, actions_total or null),
    index_change and since_quarter; the exit status is the same.
    """
    from coach.checkins import checkin_due

    store = _open(ctx)
    last = store.latest()
    day = _day(today)
    due = checkin_due(last, day)
    previous = store.previous(last) if last is not None else None
    if as_json:
        from coach.cli.core import safe_json

        change = (
            last.assessment.exposure_index - previous.assessment.exposure_index
            if last is not None and previous is not None
            else None
        )
        click.echo(
            safe_json(
                {
                    "due": due.due,
                    "due_on": due.due_on.isoformat() if due.due_on else None,
                    "last": None
                    if last is None
                    else {
                        "id": last.id,
                        "date": last.date.isoformat(),
                        "quarter": last.quarter,
                        "exposure_index": last.assessment.exposure_index,
                        "actions_done": sum(a.status == "done" for a in last.actions),
                        "actions_total": len(last.actions),
                    },
                    "index_change": change,
                    "since_quarter": previous.quarter if previous else None,
                }
            )
        )
        if due.due:
            sys.exit(1)
        return
    if last is None:
        click.echo("no check-ins yet: one is due now")
        click.echo("record one with `coach checkin --from PROFILE` or run `coach`")
        sys.exit(1)
    click.echo(f"last check-in: {clean_text(last.id)} on {last.date} ({last.quarter})")
    line = f"exposure index: {last.assessment.exposure_index}"
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
@click.argument("checkin_id", metavar="[ID]", required=False, shell_complete=complete_checkin_ids)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@plan_format_option
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
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_context
def doctor(ctx: click.Context, repair: bool, as_json: bool) -> None:
    """Show where coach keeps data and check the store. Exit 1 when the store is damaged.

    --json prints home, store, backups, lock_file, backups_kept, newest_backup, state (ok,
    none, missing, damaged or newer), healthy, problem, checkins, size_bytes,
    newest_checkin and warnings.
    """
    from coach import doctor as doc

    settings = get_settings(ctx)
    if as_json and not repair:
        from coach.cli.core import safe_json

        report = doc.examine(settings)
        click.echo(safe_json(report.as_json()))
        if not report.healthy:
            sys.exit(1)
        return
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
