"""`coach plan PROFILE`: a profile file's action plan as Markdown. Never touches the store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from coach.cli.dates import Day
from coach.cli.group import EMPTY_WEEK, get_rules, plan_format_option, rules_option
from coach.errors import CoachError


@click.command()
@click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    default=None,
    help="Write the Markdown to this file ('-' or no -o: standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it already exists.")
@plan_format_option
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Render with this Jinja2 template instead of the bundled one (runs sandboxed).",
)
@click.option(
    "--today",
    type=Day(),
    default=None,
    help="Plan as if today were this date (YYYY-MM-DD); sets the quarter and check-in date.",
)
@rules_option
@click.pass_context
def plan(
    ctx: click.Context,
    profile: Path,
    output: Path | None,
    force: bool,
    fmt: str,
    template: Path | None,
    today: dt.datetime | None,
) -> None:
    """Render the action plan for the PROFILE file (TOML) as Markdown or JSON.

    The same profile, rules and date always give byte-identical output.
    """
    from coach.export import render_json, render_markdown, write_text_atomic
    from coach.plan import build_plan
    from coach.profile_io import load_profile
    from coach.scoring import assess, empty_week

    pf = load_profile(profile)
    problem = empty_week(pf.tasks)
    if problem is not None:
        raise CoachError(f"{profile}: {EMPTY_WEEK[problem]}")
    table = get_rules(ctx)
    assessment = assess(pf.tasks, [table.classify(t) for t in pf.tasks])
    result = build_plan(pf.profile, assessment, today=today.date() if today else None)
    if fmt == "json" and template is not None:
        raise click.UsageError("--template applies to Markdown only; drop it with --format json")
    text = render_json(result) if fmt == "json" else render_markdown(result, template)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_text_atomic(output, text, force=force)
    click.echo(f"Wrote the plan to {output}", err=True)
