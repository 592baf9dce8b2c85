"""The `coach` click group, whose subcommands are imported only when used.

Keeping subcommands lazy keeps `coach classify` and `coach --help` free of Textual and fast.
`coach` with no arguments does not come here at all: see `coach.cli.main`.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from coach import __version__

# name -> "module:attribute"; help text is listed here so `coach --help` imports nothing more.
COMMANDS: dict[str, tuple[str, str]] = {
    "classify": ("coach.cli.core:classify", "Classify task statements (one per line) as JSON."),
    "rules": ("coach.cli.core:rules", "List the rules table, or check a rules file."),
    "plan": ("coach.cli.plans:plan", "Render the action plan for a profile file as Markdown."),
    "roles": ("coach.cli.roles_cmd:roles", "Search the role catalog, or show a role."),
    "import-onet": ("coach.cli.roles_cmd:import_onet", "Build a profile from O*NET tasks."),
    "checkin": ("coach.cli.store_cmd:checkin", "Record a check-in from a profile file."),
    "history": ("coach.cli.store_cmd:history", "List your check-ins."),
    "status": ("coach.cli.store_cmd:status", "Show the last check-in; exit 1 when one is due."),
    "export": ("coach.cli.store_cmd:export", "Render the plan of a stored check-in."),
    "backup": ("coach.cli.store_cmd:backup", "Write the whole store to a JSON file."),
    "restore": ("coach.cli.store_cmd:restore", "Replace the store with a backup JSON file."),
    "doctor": ("coach.cli.store_cmd:doctor", "Show where data lives and check the store."),
    "actions": ("coach.cli.loop_cmd:actions", "List this quarter's actions; set their progress."),
    "log": ("coach.cli.loop_cmd:log", "Log a dated piece of evidence, or list them."),
    "brag": ("coach.cli.loop_cmd:brag", "Write a brag document of what you delivered."),
    "serve": ("coach.cli.serve:serve", "Run the app in a web browser (the [web] extra)."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target[0].split(":")
        return getattr(importlib.import_module(module_name), attr)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """Command names from COMMANDS, so a tab press imports no subcommand module."""
        items = [
            CompletionItem(name, help=help_text)
            for name, (_target, help_text) in sorted(COMMANDS.items())
            if name.startswith(incomplete)
        ]
        return items + click.Command.shell_complete(self, ctx, incomplete)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


EMPTY_WEEK = {
    "no-tasks": (
        "has no [[tasks]]; add the tasks of your week "
        "([[tasks]] entries with text and hours_per_week)"
    ),
    "no-hours": (
        "its tasks add up to 0 hours a week; give each task the hours it takes "
        "(hours_per_week, 0 to 168)"
    ),
}
"""Why a profile file's week cannot be scored (see coach.scoring.empty_week), for the CLI."""


def complete_role_ids(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Role ids from the bundled catalog for a tab press; nothing if it cannot be read."""
    try:
        from coach.roles import load_catalog

        roles = load_catalog().roles
    except Exception:  # completion must never print a traceback into the user's shell
        return []
    return [CompletionItem(r.id, help=r.title) for r in roles if r.id.startswith(incomplete)]


def complete_checkin_ids(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Check-in ids from the store, read without a lock and never written; nothing on error."""
    import json

    try:
        path = get_settings(ctx).store_path
        data = json.loads(path.read_text(encoding="utf-8"))
        records = list(data.get("checkins", {}).values())
        found = [(str(r["id"]), str(r.get("date", ""))) for r in records if isinstance(r, dict)]
    except Exception:  # a missing or damaged store is for `coach doctor` to report
        return []
    return [
        CompletionItem(checkin_id, help=day)
        for checkin_id, day in sorted(found, key=lambda item: item[1], reverse=True)
        if checkin_id.startswith(incomplete)
    ]


plan_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown for reading, or JSON for scripts (the contract is in the README).",
)
"""`--format` of the commands that print a plan (`plan`, `export`)."""


def rules_option(func):
    """`--rules FILE` on a subcommand: use that rules table instead of the bundled one."""

    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            ctx.ensure_object(dict)["rules"] = value

    return click.option(
        "--rules",
        "rules_path",
        type=click.Path(path_type=Path, dir_okay=False),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help="Use this rules table instead of the bundled one.",
    )(func)


def get_settings(ctx: click.Context):
    """Settings for this run: COACH_HOME and --rules applied."""
    from coach.settings import Settings

    obj = ctx.find_root().ensure_object(dict)
    rules = obj.get("rules") or ctx.ensure_object(dict).get("rules")
    return Settings.from_env(rules_path=rules)


def get_rules(ctx: click.Context):
    from coach.rules import load_rules

    return load_rules(get_settings(ctx).rules_path)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="coach")
@rules_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """coach: see how exposed your week is to AI, and build a plan to stay valuable.

    Run with no command to open the terminal app. Everything stays on this machine.
    """
    if ctx.invoked_subcommand is None:
        from coach.tui.run import run_tui

        run_tui(get_settings(ctx))


def run_click() -> None:
    """Run the click group on sys.argv; click's own exits and errors become exit codes.

    CoachError, KeyboardInterrupt and BrokenPipeError propagate to `coach.cli.main`.
    """
    try:
        cli.main(standalone_mode=False, prog_name="coach", complete_var="_COACH_COMPLETE")
    except click.exceptions.Abort:
        click.echo("coach: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
