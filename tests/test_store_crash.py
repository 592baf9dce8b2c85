"""Crashes and concurrent writers: no check-in reported saved is ever lost."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_factory import make_checkin

from coach.settings import Settings
from coach.storage import TEMP_SUFFIX
from coach.store import Store

# Saves check-ins built from a template, printing each id once add_checkin has returned.
WRITER = """
import sys
from pathlib import Path
from coach.models import CheckIn
from coach.settings import Settings
from coach.store import Store

template = CheckIn.model_validate_json(Path(sys.argv[1]).read_text())
prefix, count = sys.argv[2], int(sys.argv[3])
store = Store.open(Settings.from_env(), lock_timeout=60)
for n in range(count):
    saved = store.add_checkin(template.model_copy(update={"id": f"{prefix}-{n:04d}"}))
    print(saved.id, flush=True)
"""


@pytest.fixture
def template(tmp_path: Path, rules) -> Path:
    path = tmp_path / "template.json"
    path.write_text(make_checkin(rules).model_dump_json())
    return path


def start_writer(template: Path, prefix: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(template), prefix, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


@pytest.mark.slow
def test_sigkill_while_saving_never_loses_a_reported_checkin(template, coach_home):
    settings = Settings.from_env()
    rng = random.Random(5)
    reported: set[str] = set()
    for round_no in range(20):
        proc = start_writer(template, f"r{round_no:02d}", 100_000)
        wait_for = rng.randint(1, 6)
        got = [proc.stdout.readline().strip() for _ in range(wait_for)]
        assert all(got), proc.stderr.read()
        time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate()
        complete = out.split("\n")[:-1]  # a last line without newline was not fully reported
        reported.update(got + complete)
        store = Store.open(settings)  # must always open
        ids = {c.id for c in store.checkins()}
        missing = reported - ids
        assert not missing, f"round {round_no}: lost {sorted(missing)[:5]}"
    assert not list(settings.home.glob(f"*{TEMP_SUFFIX}"))
    assert len(reported) > 20


@pytest.mark.slow
def test_two_processes_saving_at_once_keep_all_checkins(template, coach_home):
    writers = [start_writer(template, name, 100) for name in ("left", "right")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for w, (_out, err) in zip(writers, outputs, strict=True):
        assert w.returncode == 0, err
    ids = [c.id for c in Store.open(Settings.from_env()).checkins()]
    assert len(ids) == 200
    assert len(set(ids)) == 200
    for name, (out, _err) in zip(("left", "right"), outputs, strict=True):
        assert out.split() == [f"{name}-{n:04d}" for n in range(100)]


def _big_store(settings: Settings, rules, count: int) -> set[str]:
    """A store of `count` check-ins with one good backup of it; returns the check-in ids."""
    from coach.backups import keep_backup
    from coach.storage import encode

    record = make_checkin(rules).model_dump(mode="json")
    checkins = {
        str(n): {**record, "id": f"c-{n:05d}", "schema_version": 1} for n in range(1, count + 1)
    }
    data = {"meta": {"1": {"schema_version": 1, "app": "coach"}}, "checkins": checkins}
    settings.home.mkdir(parents=True, exist_ok=True)
    seed = settings.home.parent / "seed.json"  # its own file: the test damages the store in place
    seed.write_bytes(encode(data))
    os.chmod(seed, 0o600)
    keep_backup(seed, settings.backups_dir)
    settings.store_path.write_bytes(seed.read_bytes())
    return {c["id"] for c in checkins.values()}


def _coach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )


@pytest.mark.slow
def test_sigkill_during_repair_never_reads_as_an_empty_store(coach_home, rules):
    settings = Settings.from_env()
    ids = _big_store(settings, rules, 1500)
    good = settings.store_path.read_bytes()
    rng = random.Random(14)
    outcomes = {"restored": 0, "still-damaged": 0}
    for _round in range(12):
        settings.store_path.write_bytes(good[: len(good) // 2])
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach", "doctor", "--repair"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=os.environ.copy(),
        )
        time.sleep(rng.uniform(0.05, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        history = _coach("history", "--json")
        if history.returncode == 0:
            assert {row["id"] for row in json.loads(history.stdout)} == ids
            outcomes["restored"] += 1
        else:
            assert history.returncode == 2
            assert "doctor --repair" in history.stderr
            assert len(history.stderr.strip().splitlines()) == 1
            outcomes["still-damaged"] += 1
        # Every kill leaves a store file that a finished repair can put right.
        assert settings.store_path.exists()
    assert _coach("doctor", "--repair").returncode == 0
    assert {row["id"] for row in json.loads(_coach("history", "--json").stdout)} == ids
