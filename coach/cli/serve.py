"""`coach serve`: the same terminal app in a web browser, through textual-serve.

Each browser tab runs its own `coach` process on this machine, with this run's environment, so
it uses the same store (and the same lock) as `coach` in a terminal. textual-serve is the
optional extra `web`; without it the command says how to install it.
"""

from __future__ import annotations

import os
import shlex
import sys

import click

from coach.cli.group import get_settings, rules_option
from coach.errors import CoachError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def app_command() -> str:
    """The shell command textual-serve runs for each browser session: this Python's coach."""
    return f"{shlex.quote(sys.executable)} -m coach"


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but localhost lets other machines in.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@rules_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Run the app in your web browser: open the address it prints.

    Listens on this machine only (127.0.0.1) unless --host says otherwise. There is no
    password: whoever reaches the address can use the app and your check-ins. Exporting in
    the browser downloads the plan instead of writing it here. Stop with ctrl+c.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise CoachError(
            "coach serve needs the optional 'web' extra: pipx install 'layoff-coach[web]' "
            "(or pip install 'layoff-coach[web]' in coach's environment)"
        ) from None
    from coach.settings import RULES_ENV

    settings = get_settings(ctx)  # a bad settings file is reported now, not in the browser
    if settings.rules_path is not None:
        os.environ[RULES_ENV] = str(settings.rules_path)  # the app processes inherit it
    if host not in LOCAL_HOSTS:
        click.echo(
            f"coach: warning: listening on {host}, not only on this machine: anyone who can "
            f"reach {host}:{port} can open coach and read your check-ins (there is no password)",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"coach: serving the app at http://{shown}:{port} (ctrl+c stops)", err=True)
    server = Server(app_command(), host=host, port=port, title="coach")
    try:
        server.serve()
    except OSError as exc:
        raise CoachError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another port with --port"
        ) from None
