"""`coach roles` (search and show the role catalog) and `coach import-onet`. No Textual here."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import click

from coach.cli.core import safe_json
from coach.cli.group import complete_role_ids, get_rules, rules_option
from coach.errors import CoachError
from coach.models import LEVELS, Exposure, clean_text


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _table(*columns: tuple[str, dict]):
    """A borderless Rich table; Rich measures display cells, so wide (CJK) text lines up."""
    from rich.table import Table

    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for header, options in columns:
        table.add_column(header, **options)
    return table


def _print(renderable) -> None:
    """Render plain text (no colour, no trailing blanks) at the terminal's width."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=_width(), color_system=None, highlight=False)
    console.print(renderable)
    for line in buffer.getvalue().splitlines():
        click.echo(line.rstrip())


class _RolesGroup(click.Group):
    """Words that are not a subcommand are a search: `coach roles data analyst --json`.

    To search for a subcommand's name itself, say so: `coach roles search show`.
    """

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        return "search", self.commands["search"], args

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["[QUERY]... [--json] | show ID [--profile]"]


@click.group(
    cls=_RolesGroup,
    invoke_without_command=True,
    context_settings={"ignore_unknown_options": True},
)
@click.pass_context
def roles(ctx: click.Context) -> None:
    """Search the role catalog by title or other names (typos are fine), or show one role.

    \b
    coach roles                      list every role
    coach roles sofware enginer      fuzzy search; --json for scripts
    coach roles show ID              the role's tasks with their verdicts
    coach roles show ID --profile    the role as a profile file for `coach plan`
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(search)


@roles.command()
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the roles (with tasks) as JSON.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most results."
)
def search(query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """List roles matching QUERY (every role when QUERY is empty)."""
    from coach.roles import load_catalog, search_roles

    catalog = load_catalog()
    text = " ".join(query)
    found = search_roles(catalog, text, limit=limit if text.strip() else len(catalog.roles))
    if as_json:
        records = [
            {
                "id": r.id,
                "title": r.title,
                "function": r.function,
                "level": r.level,
                "summary": r.summary,
                "synonyms": r.synonyms,
                "task_count": len(r.tasks),
                "hours_per_week": r.total_hours,
                "tasks": [t.model_dump(mode="json", exclude_none=True) for t in r.tasks],
            }
            for r in found
        ]
        click.echo(safe_json(records))
        return
    if not found:
        click.echo(
            f"No role matches {clean_text(text)!r}; try other words, or `coach roles` for all.",
            err=True,
        )
        sys.exit(1)
    from rich.cells import cell_len
    from rich.text import Text

    # One line per role: ids are never cut, titles and functions end in "…" when too wide.
    id_w = max(len(r.id) for r in found)
    fn_w = min(max(cell_len(clean_text(r.function)) for r in found), 18)
    title_w = max(12, _width() - id_w - fn_w - len("TASKS") - 6)  # 6: the gaps between
    one_line = {"no_wrap": True, "overflow": "ellipsis"}
    table = _table(
        ("ID", {"no_wrap": True, "min_width": id_w}),
        ("TITLE", {**one_line, "max_width": title_w}),
        ("FUNCTION", {**one_line, "max_width": fn_w}),
        ("TASKS", {"justify": "right", "no_wrap": True}),
    )
    for r in found:
        table.add_row(
            Text(r.id), Text(clean_text(r.title)), Text(clean_text(r.function)), str(len(r.tasks))
        )
    _print(table)
    click.echo(
        "\nShow one: coach roles show ID   Start from one: coach roles show ID --profile -o FILE",
        err=True,
    )


def _get_role(catalog, role_id: str):
    from coach.roles import search_roles

    role = catalog.get(role_id.strip())
    if role is not None:
        return role
    close = [r.id for r in search_roles(catalog, role_id.replace("-", " "), limit=5)]
    hint = f"; did you mean {', '.join(close)}?" if close else "; `coach roles` lists them"
    raise CoachError(f"no role with id {clean_text(role_id)!r}{hint}")


@roles.command()
@click.argument("role_id", metavar="ID", shell_complete=complete_role_ids)
@click.option("--profile", "as_profile", is_flag=True, help="Print the role as a profile file.")
@click.option("--json", "as_json", is_flag=True, help="Print the role and verdicts as JSON.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    help="With --profile: write the profile to this file instead of standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it already exists.")
@rules_option
@click.pass_context
def show(
    ctx: click.Context,
    role_id: str,
    as_profile: bool,
    as_json: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Show role ID: its tasks, hours and how each is classified."""
    from coach.roles import load_catalog, role_to_profile

    role = _get_role(load_catalog(), role_id)
    if output is not None and not as_profile:
        raise CoachError("-o/--output writes a profile file; add --profile")
    if as_profile:
        from coach.profile_io import dump_profile

        text = dump_profile(role_to_profile(role))
        _emit(text, output, force, f"the {role.title} role")
        return
    from coach.scoring import assess

    table = get_rules(ctx)
    verdicts = [table.classify(t) for t in role.tasks]
    assessment = assess(role.tasks, verdicts)
    if as_json:
        record = {
            "id": role.id,
            "title": role.title,
            "function": role.function,
            "level": role.level,
            "summary": role.summary,
            "synonyms": role.synonyms,
            "exposure_index": assessment.exposure_index,
            "shares": {e.value: round(s, 4) for e, s in assessment.shares.items()},
            "tasks": [
                {
                    **t.model_dump(mode="json", exclude_none=True),
                    "exposure": v.exposure.value,
                    "rule": v.rule,
                    "confidence": v.confidence,
                    "why": v.why,
                }
                for t, v in zip(role.tasks, verdicts, strict=True)
            ],
        }
        click.echo(safe_json(record))
        return
    click.echo(f"{role.title}  [{role.id}]")
    click.echo(f"{role.function} · {LEVELS[role.level]}")
    click.echo(textwrap.fill(role.summary, _width()))
    if role.synonyms:
        click.echo(textwrap.fill(f"Also called: {', '.join(role.synonyms)}", _width()))
    from rich.text import Text

    click.echo()
    table = _table(
        ("HOURS", {"justify": "right", "no_wrap": True}),
        ("EXPOSURE", {"no_wrap": True}),
        ("RULE", {"no_wrap": True}),  # rule ids are looked up, so never cut
        ("TASK", {"ratio": 1, "min_width": 20, "overflow": "fold"}),
    )
    for task, verdict in zip(role.tasks, verdicts, strict=True):
        table.add_row(
            f"{task.hours_per_week:g}",
            verdict.exposure.value,
            Text(verdict.rule),
            Text(clean_text(task.text)),
        )
    _print(table)
    shares = ", ".join(f"{e.label.lower()} {round(100 * assessment.shares[e])}%" for e in Exposure)
    click.echo(f"\nWeek: {assessment.total_hours:g} h ({shares})")
    click.echo(f"Exposure index: {assessment.exposure_index}/100")
    click.echo(
        f"Start from this role: coach roles show {role.id} --profile -o profile.toml", err=True
    )


def _emit(text: str, output: Path | None, force: bool, what: str) -> None:
    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from coach.export import write_text_atomic

    write_text_atomic(output, text, force=force)
    click.echo(f"Wrote {what} to {output}. Edit it, then run: coach plan {output}", err=True)


@click.command("import-onet")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--occupation",
    required=True,
    metavar="CODE_OR_TITLE",
    help="An O*NET-SOC code (15-1252.00, or 15-1252) or a title, or part of one.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    help="Write the profile to this file ('-' or no -o: standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it already exists.")
def import_onet(file: Path, occupation: str, output: Path | None, force: bool) -> None:
    """Build a profile from an occupation's tasks in the O*NET Task Statements FILE.

    FILE is "Task Statements" from the O*NET database (tab-separated .txt, or the .csv copy);
    coach ships none of it. Core tasks come first; supplemental ones are marked. Hours are a
    starting guess: a 40-hour week where core tasks share 80% and supplemental ones 20%,
    rounded to the half hour (at least 0.5 h each). Edit them to match your week.
    """
    from coach.onet import read_occupation
    from coach.profile_io import dump_profile

    result = read_occupation(file, occupation)
    credit = (
        f"# Tasks from O*NET Task Statements, occupation {result.code} ({result.title}):\n"
        "# O*NET database by the U.S. Department of Labor, Employment and Training\n"
        "# Administration, under CC BY 4.0. Hours are coach's starting guess; edit them.\n"
    )
    for note in result.notes:
        click.echo(f"coach: note: {note}", err=True)
    text = credit + dump_profile(result.profile)
    what = (
        f"{len(result.profile.tasks)} tasks ({result.core} core, {result.supplemental} "
        f"supplemental) for {result.code} {result.title}"
    )
    if output is None or str(output) == "-":
        click.echo(f"coach: {what}", err=True)
    _emit(text, output, force, what)
