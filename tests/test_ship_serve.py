"""`coach serve`: starts on localhost, answers HTTP 200, and runs the app for a browser.

Traffic goes only to 127.0.0.1, on a port the OS picked free; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(*args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.Popen(
        [sys.executable, "-m", "coach", "serve", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def wait_for_200(url: str, proc: subprocess.Popen, seconds: float = 30) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"coach serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                assert response.status == 200
                return response.read()
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds} s")


@pytest.fixture
def served() -> Iterator[tuple[int, subprocess.Popen]]:
    port = free_port()
    proc = start("--port", str(port))
    try:
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_serve_answers_200_on_localhost(served, coach_home: Path):
    port, proc = served
    page = wait_for_200(f"http://127.0.0.1:{port}/", proc)
    assert f"ws://127.0.0.1:{port}/ws".encode() in page


def test_serve_runs_the_app_over_the_websocket(served, coach_home: Path):
    """What a browser does: open the websocket and receive the app's first screen."""
    import aiohttp

    port, proc = served
    wait_for_200(f"http://127.0.0.1:{port}/", proc)

    async def first_screen() -> str:
        received = ""
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24") as ws,
        ):
            deadline = time.monotonic() + 30
            while "Welcome" not in received and time.monotonic() < deadline:
                try:
                    message = await ws.receive(timeout=5)
                except TimeoutError:
                    continue
                if message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
                data = message.data
                received += data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        return received

    screen = asyncio.run(first_screen())
    assert "Welcome" in screen, screen[-2000:]


def test_serve_warns_on_a_host_other_than_localhost(coach_home: Path):
    port = free_port()
    proc = start("--host", "0.0.0.0", "--port", str(port))
    try:
        wait_for_200(f"http://127.0.0.1:{port}/", proc)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=10)
    assert "coach: warning: listening on 0.0.0.0, not only on this machine" in err


def test_serve_on_localhost_does_not_warn(served, coach_home: Path):
    port, proc = served
    wait_for_200(f"http://127.0.0.1:{port}/", proc)
    proc.terminate()
    _out, err = proc.communicate(timeout=10)
    assert "warning" not in err
    assert f"serving the app at http://127.0.0.1:{port}" in err


def test_busy_port_is_a_one_line_error(coach_home: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "coach", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    assert result.returncode == 2
    assert f"coach: error: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


async def test_export_in_the_browser_downloads_instead_of_writing(
    monkeypatch, workdir: Path, coach_home: Path
):
    """In web mode the plan goes to deliver_text (the browser's downloads), not to disk."""
    from test_tui_flow import TODAY, settle, walk_to_export

    from coach.settings import Settings
    from coach.store import Store
    from coach.tui.app import CoachApp, make_app

    delivered: list[tuple[str, str | None]] = []

    def deliver_text(self, path_or_file, *, save_filename=None, **_kwargs):
        delivered.append((path_or_file.read(), save_filename))
        return "delivery-1"

    monkeypatch.setattr(CoachApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(CoachApp, "deliver_text", deliver_text)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert list(workdir.iterdir()) == []  # nothing written on the server
    ((text, name),) = delivered
    assert name == "coach-plan-2026-Q4.md"
    assert text.startswith("#")
    assert "Data analyst" in text
    stored = Store.open(Settings.from_env()).checkins()
    assert len(stored) == 1  # the check-in is recorded as with a file
